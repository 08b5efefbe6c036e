"""Content-addressed files in the data directory: photos, generated images and PDFs, named by SHA-256."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}


class BlobStore:
    """Stores bytes under ``<root>/<aa>/<sha256><ext>``; writing the same bytes twice stores one file."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def put(self, data: bytes, mime: str) -> tuple[str, Path]:
        """Store bytes atomically and return their hash and path."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path(sha, mime)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        return sha, path

    def path(self, sha: str, mime: str) -> Path:
        """Return where the blob with this hash and type lives."""
        return self.root / sha[:2] / f"{sha}{EXTENSIONS.get(mime, '.bin')}"

    def find(self, sha: str) -> Path | None:
        """Return the stored file for a hash, whatever its type, or None."""
        folder = self.root / sha[:2]
        for candidate in folder.glob(f"{sha}.*") if folder.exists() else ():
            if not candidate.name.endswith(".tmp"):
                return candidate
        return None

    def delete(self, sha: str) -> None:
        """Remove the file for this hash, if any."""
        found = self.find(sha)
        if found is not None:
            found.unlink(missing_ok=True)
