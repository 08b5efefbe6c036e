"""Image handling for uploaded photos: validation, dimensions and the smaller sizes Telegram adds.

Telegram answers a photo with several ``PhotoSize`` entries, smallest first. The sandbox keeps the
uploaded bytes untouched as the largest size (so a download returns exactly what was sent) and adds
JPEG thumbnails for the standard 90/320/800 px boxes that are smaller than the original.
"""

from __future__ import annotations

import io
import mimetypes
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

THUMBNAIL_SIDES = (90, 320, 800)
_FORMAT_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp",
                "BMP": "image/bmp", "TIFF": "image/tiff"}
_MIME_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
             "application/pdf": ".pdf", "text/plain": ".txt"}


class NotAnImage(ValueError):
    """Raised when bytes sent as a photo cannot be decoded as an image."""


@dataclass(frozen=True)
class Rendition:
    """One size of a photo: its bytes, pixel size and MIME type."""

    data: bytes
    width: int
    height: int
    mime_type: str


def inspect_image(data: bytes) -> Rendition:
    """Decode ``data`` enough to know its size and format; raise NotAnImage otherwise."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            mime = _FORMAT_MIME.get(image.format or "", "image/jpeg")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise NotAnImage(str(exc)) from exc
    return Rendition(data=data, width=width, height=height, mime_type=mime)


def _thumbnail(data: bytes, side: int) -> Rendition:
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail((side, side))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80)
        return Rendition(data=buffer.getvalue(), width=image.width, height=image.height, mime_type="image/jpeg")


def photo_renditions(data: bytes) -> list[Rendition]:
    """Return the sizes Telegram would store for a photo, smallest first, the original last."""
    original = inspect_image(data)
    longest = max(original.width, original.height)
    sizes = [_thumbnail(data, side) for side in THUMBNAIL_SIDES if side < longest]
    return [*sizes, original]


def dimensions_ok(width: int, height: int) -> bool:
    """Check Telegram's photo limits: width + height at most 10000, aspect ratio at most 20."""
    if width <= 0 or height <= 0 or width + height > 10000:
        return False
    return max(width, height) / min(width, height) <= 20


def guess_mime(file_name: str | None, declared: str | None) -> str:
    """Pick a document's MIME type from its file name, then the declared type."""
    if file_name:
        guessed = mimetypes.guess_type(file_name, strict=False)[0]
        if guessed:
            return guessed
    if declared and declared != "application/octet-stream":
        return declared
    return "application/octet-stream"


def extension_for(mime_type: str, file_name: str | None = None) -> str:
    """Return a file extension (with dot) for storing a file under ``file_path``."""
    if file_name and "." in file_name:
        ext = "." + file_name.rsplit(".", 1)[1].lower()
        if ext.isascii() and 1 < len(ext) <= 6 and ext[1:].isalnum():
            return ext
    return _MIME_EXT.get(mime_type) or mimetypes.guess_extension(mime_type) or ""
