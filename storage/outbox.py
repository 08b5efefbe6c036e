"""The outbox: everything an input causes to be sent, stored in the same transaction as the state it reports.

Each row is one effect as JSON (message keys and parameters, buttons), for one chat, in one language; the
sender renders it at send time and delivers each chat's rows in order. States: ``pending`` (to send),
``sending`` (the platform call may be under way), ``sent`` (with the platform's message id when known),
``failed`` (refused by the platform, e.g. a citizen who blocked the bot).
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now
from storage.records import OutboxRow

COLUMNS = "id, chat, channel, target, effect, language, dossier_id, state, attempts, not_before"


def add(db: Database, chat: str, channel: str, target: str, effect: dict[str, Any], language: str, dossier_id: int | None = None) -> int:
    """Queue one effect for a chat (inside the transaction that stores the state it reports); return its id."""
    cursor = db.execute(
        "INSERT INTO outbox (chat, channel, target, effect, language, dossier_id, state, attempts, not_before, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?)",
        [chat, channel, target, json.dumps(effect, ensure_ascii=False), language, dossier_id, utc_now()],
    )
    assert cursor.lastrowid is not None  # an INSERT always has one
    return cursor.lastrowid


def chats_waiting(db: Database) -> list[str]:
    """Return the chats that have something to send."""
    return [row[0] for row in db.execute("SELECT DISTINCT chat FROM outbox WHERE state IN ('pending', 'sending')")]


def next_for(db: Database, chat: str) -> OutboxRow | None:
    """Return the oldest row of a chat still to send (pending, or left 'sending' by a crash), or None."""
    row = db.execute(
        f"SELECT {COLUMNS} FROM outbox WHERE chat = ? AND state IN ('pending', 'sending') ORDER BY id LIMIT 1", [chat]
    ).fetchone()
    if row is None:
        return None
    row_id, chat_, channel, target, effect, language, dossier_id, state, attempts, not_before = row
    return OutboxRow(row_id, chat_, channel, target, json.loads(effect), language, dossier_id, state, attempts, not_before)


def mark_sending(db: Database, row_id: int) -> None:
    """Record that the platform call is about to be made (committed before the call)."""
    db.execute("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?", [row_id])


def mark_sent(db: Database, row_id: int, message_id: int | None) -> None:
    """Record a delivered row and the platform's message id; its content is dropped (an erasure must be able to
    erase what was said to the citizen, and a sent row is never sent again)."""
    db.execute("UPDATE outbox SET state = 'sent', effect = '{}', message_id = ?, sent_at = ? WHERE id = ?", [message_id, utc_now(), row_id])


def mark_failed(db: Database, row_id: int) -> None:
    """Record a row the platform refused for good (it is not tried again); its content is dropped."""
    db.execute("UPDATE outbox SET state = 'failed', effect = '{}', sent_at = ? WHERE id = ?", [utc_now(), row_id])


def retry_later(db: Database, row_id: int, delay: float) -> None:
    """Put a row back to pending, not to be tried before ``delay`` seconds from now."""
    db.execute("UPDATE outbox SET state = 'pending', not_before = ? WHERE id = ?", [time.time() + delay, row_id])


def drop_waiting(db: Database, chat: str) -> int:
    """Drop what is still to be sent to a chat (its citizen erased their data, which those messages may repeat);
    return how many rows were dropped."""
    return db.execute("DELETE FROM outbox WHERE chat = ? AND state IN ('pending', 'sending')", [chat]).rowcount


def message_id_of_card(db: Database, dossier_id: int) -> int | None:
    """Return the admin chat's message id of a dossier's card if it was posted."""
    row = db.execute("SELECT admin_message_id FROM dossiers WHERE id = ?", [dossier_id]).fetchone()
    return row[0] if row else None


def forget_sent_before(db: Database, at: str) -> None:
    """Forget rows delivered (or refused) before this UTC time."""
    db.execute("DELETE FROM outbox WHERE state IN ('sent', 'failed') AND sent_at < ?", [at])


def count(db: Database, state: str) -> int:
    """Return how many rows are in a state (for tests and the health of the service)."""
    return db.execute("SELECT COUNT(*) FROM outbox WHERE state = ?", [state]).fetchone()[0]
