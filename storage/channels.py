"""What the host remembers for the channels: update ids already processed, menus shown, citizens' feedback."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now


def first_time(db: Database, channel: str, update_id: str) -> bool:
    """Record an update id; tell whether it was new (False: a redelivery to ignore)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO seen_updates (channel, update_id, at) VALUES (?, ?, ?)", [channel, update_id, utc_now()]
    )
    return cursor.rowcount == 1


def forget_seen_before(db: Database, at: str) -> None:
    """Forget update ids recorded before this UTC time."""
    db.execute("DELETE FROM seen_updates WHERE at < ?", [at])


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
