"""Reminders sent: one row per reminder, so each goes out once, whatever the restarts.

A reminder is claimed (inserted) in the transaction that writes its message to the outbox: if the insert finds
the key already there, it was sent before and nothing is queued again.
"""

from __future__ import annotations

from sqlite_utils import Database


def claim(db: Database, key: str, at: str) -> bool:
    """Record a reminder as sent (inside the caller's transaction); False if it was sent before."""
    cursor = db.execute("INSERT OR IGNORE INTO reminders_sent (key, sent_at) VALUES (?, ?)", [key, at])
    return cursor.rowcount == 1


def sent(db: Database, key: str) -> bool:
    """Tell whether a reminder was sent."""
    return db.execute("SELECT 1 FROM reminders_sent WHERE key = ?", [key]).fetchone() is not None
