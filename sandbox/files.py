"""The sandbox's file store: uploaded bytes under Telegram-like file_id, file_unique_id and file_path.

Photos are stored as a set of sizes (see :mod:`sandbox.media`); reusing any size's file_id sends the
whole set again, as Telegram does. Errors are the Bot API's (``IMAGE_PROCESS_FAILED``, ``wrong file
identifier/HTTP URL specified``, ``type of file mismatch``...).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from typing import Any

from sandbox import media
from sandbox.errors import bad_request
from sandbox.models import StoredFile

WRONG_FILE = "wrong file identifier/HTTP URL specified"
_FILE_ID_PREFIX = {"photo": "AgAC", "document": "BQAC"}


def photo_size(stored: StoredFile) -> dict[str, Any]:
    """Render a stored image as a Bot API ``PhotoSize``."""
    return {
        "file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
        "file_size": stored.size, "width": stored.width or 0, "height": stored.height or 0,
    }


def document_json(stored: StoredFile) -> dict[str, Any]:
    """Render a stored file as a Bot API ``Document``."""
    data: dict[str, Any] = {
        "file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
        "file_size": stored.size, "mime_type": stored.mime_type,
    }
    if stored.file_name:
        data["file_name"] = stored.file_name
    return data


class FileStore:
    """All files of a sandbox, by file_id and by file_path."""

    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._photo_sets: dict[str, list[dict[str, Any]]] = {}
        self._counter = itertools.count(1)

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, file_id: str) -> StoredFile | None:
        """Return a file by file_id."""
        return self.by_id.get(file_id)

    def at_path(self, file_path: str) -> StoredFile | None:
        """Return a file by the file_path getFile gave out."""
        return self.by_path.get(file_path)

    def store(self, data: bytes, *, kind: str, mime_type: str, file_name: str | None = None,
              width: int | None = None, height: int | None = None) -> StoredFile:
        """Keep a file's bytes and give it a file_id, a file_unique_id and a file_path."""
        number = next(self._counter)
        digest = hashlib.sha256(f"sandbox-file:{number}".encode()).digest()
        encoded = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        file_id = _FILE_ID_PREFIX.get(kind, "BQAC") + encoded[:48]
        unique = "AQAD" + base64.urlsafe_b64encode(digest[-9:]).decode()
        folder = "photos" if kind == "photo" else "documents"
        path = f"{folder}/file_{number}{media.extension_for(mime_type, file_name)}"
        stored = StoredFile(
            file_id=file_id, file_unique_id=unique, data=data, mime_type=mime_type, file_path=path,
            kind=kind, file_name=file_name, width=width, height=height,
        )
        self.by_id[file_id] = stored
        self.by_path[path] = stored
        return stored

    def photo(self, data: bytes) -> list[dict[str, Any]]:
        """Store an uploaded photo and return its ``PhotoSize`` list, smallest first."""
        try:
            renditions = media.photo_renditions(data)
        except media.NotAnImage:
            raise bad_request("IMAGE_PROCESS_FAILED") from None
        original = renditions[-1]
        if not media.dimensions_ok(original.width, original.height):
            raise bad_request("PHOTO_INVALID_DIMENSIONS")
        sizes = [
            photo_size(self.store(r.data, kind="photo", mime_type=r.mime_type, width=r.width, height=r.height))
            for r in renditions
        ]
        for size in sizes:
            self._photo_sets[size["file_id"]] = sizes
        return [dict(size) for size in sizes]

    def photo_by_id(self, file_id: str) -> list[dict[str, Any]]:
        """Return the size list of the photo one of whose sizes has ``file_id``."""
        stored = self.by_id.get(file_id)
        if stored is None:
            raise bad_request(WRONG_FILE)
        if stored.kind != "photo":
            raise bad_request("type of file mismatch")
        return [dict(size) for size in self._photo_sets.get(file_id, [photo_size(stored)])]

    def document(self, data: bytes, file_name: str | None, mime_type: str | None) -> dict[str, Any]:
        """Store a document and return its Bot API ``Document``."""
        stored = self.store(data, kind="document", mime_type=media.guess_mime(file_name, mime_type),
                            file_name=file_name)
        return document_json(stored)

