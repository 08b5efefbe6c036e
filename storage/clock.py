"""The timestamp every table stores: UTC, ISO 8601, to the second."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 text, as stored in every table."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
