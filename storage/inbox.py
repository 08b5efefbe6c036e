"""The inbox: every platform update, stored before it is acknowledged, until it has been processed.

An update is keyed by (channel, update id): a redelivery is stored once and applied once. ``chat`` is whose
updates must be processed in order (a citizen's key); different chats are processed concurrently. The host
marks an update processed in the same transaction as the state it changes.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlite_utils import Database

from storage.clock import utc_now
from storage.records import InboxUpdate


def store(db: Database, channel: str, update_id: str, chat: str, payload: dict[str, Any]) -> bool:
    """Store an update unless it is there already; tell whether it was new (commit before acknowledging it)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO inbox (channel, update_id, chat, payload, received_at) VALUES (?, ?, ?, ?, ?)",
        [channel, update_id, chat, json.dumps(payload, ensure_ascii=False), utc_now()],
    )
    return cursor.rowcount == 1


def waiting(db: Database, channel: str, chat: str | None = None, skip: Iterable[int] = ()) -> list[InboxUpdate]:
    """Return the unprocessed updates of a channel (of one chat), oldest first, leaving out the ``skip`` ones."""
    skipped = sorted(set(skip))
    sql = "SELECT seq, channel, update_id, chat, payload FROM inbox WHERE processed_at IS NULL AND channel = ?"
    params: list[Any] = [channel]
    if chat is not None:
        sql += " AND chat = ?"
        params.append(chat)
    if skipped:
        sql += f" AND seq NOT IN ({', '.join('?' * len(skipped))})"
        params += skipped
    rows = db.execute(sql + " ORDER BY seq", params).fetchall()
    return [InboxUpdate(seq, channel, update_id, chat, json.loads(payload)) for seq, channel, update_id, chat, payload in rows]


def mark_processed(db: Database, seqs: Iterable[int]) -> None:
    """Mark updates processed (inside the transaction that stores what they changed) and drop their content:
    the raw update holds what the citizen typed, which an erasure must be able to erase; the id is enough to
    recognise a redelivery."""
    now = utc_now()
    for seq in seqs:
        db.execute("UPDATE inbox SET processed_at = ?, payload = '{}' WHERE seq = ? AND processed_at IS NULL", [now, seq])


def forget_processed_before(db: Database, at: str) -> None:
    """Forget processed updates older than this UTC time (keeping their ids would only stop week-old redeliveries)."""
    db.execute("DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at < ?", [at])
