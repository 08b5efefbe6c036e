"""What the host remembers for the channels: menus shown, citizens' feedback (updates are in storage/inbox.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now


def load_menu(db: Database, key: str) -> dict[str, Any] | None:
    """Return the menu last shown to a citizen (as stored JSON), or None."""
    row = db.execute("SELECT menu FROM channel_menus WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def save_menu(db: Database, key: str, menu: dict[str, Any]) -> None:
    """Remember the menu just shown to a citizen."""
    db.table("channel_menus").upsert({"key": key, "menu": json.dumps(menu, ensure_ascii=False)}, pk="key")


def record_feedback(db: Database, channel: str, user_id: str, text: str) -> None:
    """Store a citizen's feedback about the service."""
    db.table("feedback").insert({"channel": channel, "user_id": user_id, "text": text, "at": utc_now()})
