"""Image checks for the photos citizens send: is it a JPEG/PNG we can read, big, bright and sharp enough?

Pure CPU, bytes in, report out: ``as_jpeg`` turns an iPhone's HEIC/HEIF photo into the JPEG that is
stored and shown to officials, ``analyse`` measures, ``problems`` and ``precheck`` turn measures into
message keys (see ``locales/*/photos.ftl``). Nothing here downloads, stores or talks to the citizen; the
desk runs ``as_jpeg`` and ``analyse`` one at a time in ``bot/photo_pool.py``.

Memory: an image whose header announces more than ``max_pixels`` (40 megapixels by default,
``PHOTO_MAX_MEGAPIXELS``) is refused before a single pixel is decoded (``TooManyPixels``), and so is
anything Pillow itself calls a decompression bomb. What is decoded is turned into one 8-bit grayscale
image at once and the decoded original is released: at most about 6 bytes per pixel are held (an RGBA PNG:
4 decoded, 1 for its grayscale, 1 for its alpha), 240 MB at the cap; a large JPEG is decoded straight to
grayscale, and reduced by the decoder, so it costs far less.

Measures, and how they are computed so they stay fast and comparable between phones:
- brightness: mean luminance (Pillow's "L", ITU-R 601 luma) 0..255;
- sharpness: variance of the 4-neighbour Laplacian of the grayscale image, on a copy whose long side is
  at most ``ANALYSIS_LONG_SIDE`` px, made with Pillow's Hamming filter. JPEGs are decoded straight to
  grayscale and, when large, scaled down by the decoder (libjpeg DCT scaling) to no less than twice that
  size, which keeps a 12-megapixel photo cheap. The same scene measures within about 10% whether it was
  taken at 1300 or 4000 px, as JPEG or PNG (an image already under 1000 px is not resampled, and measures
  higher);
- width and height after the EXIF orientation (a portrait phone photo reports height > width). The
  measures do not depend on orientation and zxing-cpp finds turned and mirrored QR codes, so the pixels
  themselves are never rotated.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
import pillow_heif
import zxingcpp
from PIL import Image

MIME_BY_FORMAT = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png"}  # MPO: JPEG + depth map
MIME_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/x-png": "image/png"}
ANALYSIS_LONG_SIDE = 1000  # sharpness is measured at this long side (or less)
QR_RETRY_LONG_SIDE = 1600  # second QR attempt on a copy this size when the full image gave nothing
SWAPPED_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that turn the picture by 90 degrees
EXIF_ORIENTATION = 0x0112
DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError)
HEIF_ERRORS = (OSError, ValueError, RuntimeError, SyntaxError, EOFError)  # what libheif raises on broken files
BOMB_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)  # the warning too, when filters raise it
MAX_PIXELS = 40_000_000  # the default cap: four times a 12-megapixel phone photo
JPEG_QUALITY = 90  # HEIC photos are stored as JPEGs of this quality


@dataclass(frozen=True)
class ImageReport:
    """What ``analyse`` measured on one image."""

    mime: str  # "image/jpeg" or "image/png", from the decoded bytes (not from the file name)
    width: int  # after applying EXIF orientation
    height: int
    brightness: float  # mean luminance 0..255
    sharpness: float  # variance of the Laplacian at long side <= ANALYSIS_LONG_SIDE
    qr_texts: tuple[str, ...]  # decoded QR code texts, empty if none (or not asked for)


class UnreadableImage(Exception):
    """The bytes are not a JPEG or PNG image we can decode."""


class TooManyPixels(UnreadableImage):
    """The image announces more pixels than the cap: refused from its header, before decoding."""

    def __init__(self, width: int, height: int, max_pixels: int) -> None:
        super().__init__(f"image too large: {width}x{height} pixels, at most {max_pixels}")
        self.width, self.height, self.max_pixels = width, height, max_pixels


@dataclass(frozen=True)
class PhotoRules:
    """Limits a photo must respect; one instance per deployment (or per document slot)."""

    max_bytes: int = 10 * 1024 * 1024
    max_pixels: int = MAX_PIXELS  # width x height, read from the header before anything is decoded
    allowed_mimes: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/heic", "image/heif"})
    min_long_side: int = 800
    min_short_side: int = 600
    min_brightness: float = 60.0
    max_brightness: float = 245.0
    # Calibrated on tests/imagegen.py pictures, measured with analyse(): sharp document_photo and
    # id_card_photo (with and without QR) at 1000x750, 1600x1200, 1200x1600, 2400x1800 and 4000x3000,
    # JPEG and PNG, brightness x0.5/x1.0/x1.2, two seeds, measure 548..5673 (lowest: the card without QR
    # in a portrait frame; a plain document at x0.5 brightness is ~600). The same 1600x1200 pictures with
    # a Gaussian blur of radius 3, 4 or 6 measure 7..31 (radius 2: 35..93, radius 1.5: 134..244, where
    # the card's QR code still decodes). The threshold is the geometric mean of 31 and 548, rounded:
    # 4x margin on both sides. These are synthetic pictures: re-check against real phone photos.
    min_sharpness: float = 130.0


def _refuse_over_cap(width: int, height: int, max_pixels: int) -> None:
    """Raise TooManyPixels when width x height exceeds the cap or Pillow's own decompression-bomb limit."""
    limit = min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels)
    if width * height > limit:
        raise TooManyPixels(width, height, limit)


def _open(data: bytes, max_pixels: int) -> Image.Image:
    """Open JPEG/PNG bytes lazily (header only), refusing other formats and images over the pixel cap."""
    try:
        image = Image.open(io.BytesIO(data), formats=["JPEG", "PNG"])
    except BOMB_ERRORS as error:  # over Pillow's limit: the size is not even known
        raise TooManyPixels(0, 0, max_pixels) from error
    except DECODE_ERRORS as error:
        raise UnreadableImage(str(error)) from error
    if image.format not in MIME_BY_FORMAT:
        raise UnreadableImage(f"unsupported format {image.format}")
    _refuse_over_cap(image.width, image.height, max_pixels)
    return image


def _grayscale(image: Image.Image) -> Image.Image:
    """Decode to 8-bit grayscale, releasing the decoded original; transparent parts count as white paper."""
    try:
        if image.mode == "PA" or (image.mode == "P" and "transparency" in image.info):
            image = _swap(image, image.convert("RGBA"))
        if image.mode in ("RGBA", "LA"):
            alpha, gray = image.getchannel("A"), image.convert("L")  # RGBA -> L ignores the alpha
            image.close()
            white = Image.new("L", gray.size, 255)
            white.paste(gray, mask=alpha)  # gray where opaque, white where transparent, blended between
            return white
        if image.mode.startswith("I;16") or image.mode == "I":
            pixels = np.array(image)  # 16-bit gray (or 32-bit): keep the high byte
            image.close()
            np.right_shift(pixels, 8, out=pixels)
            return Image.fromarray(np.clip(pixels, 0, 255, out=pixels).astype(np.uint8), "L")
        if image.mode == "L":  # a JPEG drafted to grayscale: decoding is all there is to do
            image.load()
            return image
        return _swap(image, image.convert("L"))  # also loads the pixels
    except DECODE_ERRORS as error:
        raise UnreadableImage(str(error)) from error


def _swap(old: Image.Image, new: Image.Image) -> Image.Image:
    """Release an image's decoded pixels as soon as its converted copy exists."""
    if new is not old:
        old.close()
    return new


def _scaled(image: Image.Image, long_side: int) -> Image.Image:
    """A copy whose long side is at most long_side px (the image itself when already small)."""
    factor = long_side / max(image.size)
    if factor >= 1:
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.HAMMING)


def _laplacian_variance(image: Image.Image) -> float:
    """Variance of the 4-neighbour Laplacian of a grayscale image (0 for images under 3x3 px)."""
    pixels = np.asarray(image, dtype=np.int16)
    if pixels.shape[0] < 3 or pixels.shape[1] < 3:
        return 0.0
    laplacian = pixels[:-2, 1:-1] + pixels[2:, 1:-1]  # in place from here on: this is the hot loop
    laplacian += pixels[1:-1, :-2]
    laplacian += pixels[1:-1, 2:]
    laplacian -= 4 * pixels[1:-1, 1:-1]
    return float(laplacian.var(dtype=np.float64))


def _qr_texts(image: Image.Image) -> tuple[str, ...]:
    """QR code texts found in a grayscale image, in reading order, without duplicates."""
    texts: list[str] = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        try:
            text = barcode.bytes.decode("utf-8")  # ID cards hold UTF-8 without an ECI marker
        except UnicodeDecodeError:
            text = barcode.text
        if text not in texts:
            texts.append(text)
    return tuple(texts)


def _find_qr(image: Image.Image) -> tuple[str, ...]:
    """Decode QR codes in a full-size grayscale image, then on a smaller copy when none was found."""
    texts = _qr_texts(image)
    if not texts and max(image.size) > QR_RETRY_LONG_SIDE:
        texts = _qr_texts(_scaled(image, QR_RETRY_LONG_SIDE))
    return texts


def as_jpeg(data: bytes, *, max_pixels: int = MAX_PIXELS) -> bytes:
    """HEIC/HEIF bytes (an iPhone's photos) as a JPEG, already turned upright; any other bytes unchanged.

    The cap is checked from the header first; EXIF (which may hold the place it was taken) is not kept,
    the colour profile is.
    """
    if not pillow_heif.is_supported(data):
        return data
    try:
        heif = pillow_heif.open_heif(data, convert_hdr_to_8bit=True)
        _refuse_over_cap(heif.size[0], heif.size[1], max_pixels)
        image = heif.to_pillow()  # libheif applies the rotation and mirroring stored in the file
        del heif
        profile = image.info.get("icc_profile")
        if image.mode != "RGB":  # transparency (rare in photos) on white paper, as analyse does
            rgba = _swap(image, image.convert("RGBA"))
            image = Image.new("RGB", rgba.size, (255, 255, 255))
            image.paste(rgba, mask=rgba.getchannel("A"))
            rgba.close()
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, icc_profile=profile)
        image.close()
    except HEIF_ERRORS as error:
        raise UnreadableImage(str(error)) from error
    return buffer.getvalue()


def analyse(data: bytes, *, decode_qr: bool = False, max_pixels: int = MAX_PIXELS) -> ImageReport:
    """Measure a JPEG/PNG photo (type, oriented size, light, sharpness, QR codes); else UnreadableImage."""
    image = _open(data, max_pixels)
    mime = MIME_BY_FORMAT[image.format]
    width, height = image.size
    try:
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    except DECODE_ERRORS:
        orientation = 1  # a broken EXIF block does not make the picture unreadable
    if orientation in SWAPPED_ORIENTATIONS:
        width, height = height, width

    raw_size = image.size
    if image.format in ("JPEG", "MPO"):
        # Decode to grayscale, scaled by 1/2, 1/4 or 1/8 but keeping at least twice the analysis size,
        # so that the final resampling filter (not the decoder's scaling) shapes the fine detail.
        factor = 2 * ANALYSIS_LONG_SIDE / max(image.size)
        target = (math.ceil(image.width * factor), math.ceil(image.height * factor)) if factor < 1 else None
        image.draft("L", target)
    gray = _grayscale(image)
    small = _scaled(gray, ANALYSIS_LONG_SIDE)
    brightness = float(np.asarray(small, dtype=np.float32).mean())
    sharpness = _laplacian_variance(small)

    qr_texts: tuple[str, ...] = ()
    if decode_qr:
        if gray.size == raw_size:
            full = gray
        else:  # a reduced JPEG: decode it again at full size, still straight to grayscale
            del gray, small
            again = _open(data, max_pixels)
            again.draft("L", None)
            full = _grayscale(again)
        qr_texts = _find_qr(full)
    return ImageReport(mime, width, height, brightness, sharpness, qr_texts)


def problems(width: int, height: int, brightness: float, sharpness: float, rules: PhotoRules) -> list[str]:
    """Message keys for what is wrong with a measured photo, in a fixed order; empty when it is fine.

    A photo too dark is not also called blurry: in the dark its edges measure weak whatever the focus, and the
    citizen should fix the light first."""
    found: list[str] = []
    if max(width, height) < rules.min_long_side or min(width, height) < rules.min_short_side:
        found.append("photo-too-small")
    if brightness < rules.min_brightness:
        found.append("photo-too-dark")
    if brightness > rules.max_brightness:
        found.append("photo-too-bright")
    if sharpness < rules.min_sharpness and "photo-too-dark" not in found:
        found.append("photo-blurry")
    return found


def precheck(size: int, mime: str, rules: PhotoRules) -> str | None:
    """Before downloading: the key refusing the announced type or size, or None (0 and "" mean unknown)."""
    mime = mime.split(";")[0].strip().lower()
    mime = MIME_ALIASES.get(mime, mime)
    if mime and mime not in rules.allowed_mimes:
        return "photo-wrong-type"
    if size > rules.max_bytes:
        return "photo-too-large"
    return None
