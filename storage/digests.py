"""The day each daily digest was last sent to a chat (the supervisors' counts per office), so a restart on the
same day does not send it twice."""

from __future__ import annotations

from sqlite_utils import Database

from storage.clock import utc_now


def sent_on(db: Database, chat: int) -> str | None:
    """Return the day (ISO date) the digest was last sent to this chat, or None."""
    row = db.execute("SELECT day FROM digests WHERE chat = ?", [chat]).fetchone()
    return row[0] if row else None


def mark_sent(db: Database, chat: int, day: str) -> None:
    """Record that the digest of this day was queued for this chat (inside the transaction that queues it)."""
    db.execute(
        "INSERT INTO digests (chat, day, sent_at) VALUES (?, ?, ?) ON CONFLICT (chat) DO UPDATE SET day = excluded.day, "
        "sent_at = excluded.sent_at", [chat, day, utc_now()],
    )
