"""Citizens' session rows, one each, loaded by citizen key (never all at once), and the idle-draft sweep's view.

Storage keeps the columns and the rest of the conversation state as JSON; bot/session.py turns a
``StoredSession`` into a ``Session`` and back.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now
from storage.records import IdleDraft, StoredSession

COLUMNS = ("key", "channel", "user_id", "language", "flow_id", "flow_version", "step", "answers", "state", "version",
           "created_at", "updated_at")


class StaleSession(Exception):
    """The session changed since it was loaded (another writer saved first)."""


def load(db: Database, key: str) -> StoredSession | None:
    """Return the stored session of a citizen, or None if they never wrote."""
    row = db.execute(f"SELECT {', '.join(COLUMNS)} FROM sessions WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    data: dict[str, Any] = dict(zip(COLUMNS, row, strict=True))
    data["answers"] = json.loads(data["answers"] or "{}")
    data["state"] = json.loads(data["state"] or "{}")
    return StoredSession(**data)


def language_of(db: Database, key: str) -> str | None:
    """Return the language a citizen chose, or None."""
    row = db.execute("SELECT language FROM sessions WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def save(db: Database, stored: StoredSession) -> StoredSession:
    """Write the session as version ``stored.version + 1``, refusing to overwrite a newer one; return what was saved."""
    now = utc_now()
    row: dict[str, Any] = {
        "key": stored.key, "channel": stored.channel, "user_id": stored.user_id, "language": stored.language,
        "flow_id": stored.flow_id, "flow_version": stored.flow_version, "step": stored.step,
        "answers": json.dumps(stored.answers, ensure_ascii=False), "state": json.dumps(stored.state, ensure_ascii=False),
        "version": stored.version + 1, "created_at": stored.created_at or now, "updated_at": now,
    }
    if stored.version == 0:
        cursor = db.execute(
            f"INSERT OR IGNORE INTO sessions ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})", row,
        )
    else:
        cursor = db.execute(
            "UPDATE sessions SET language=:language, flow_id=:flow_id, flow_version=:flow_version, step=:step, "
            "answers=:answers, state=:state, version=:version, updated_at=:updated_at, reminded_at=NULL "
            "WHERE key=:key AND version=:expected",
            {**row, "expected": stored.version},
        )
    if cursor.rowcount != 1:
        raise StaleSession(stored.key)
    return StoredSession(**{**row, "answers": stored.answers, "state": stored.state})


def idle_drafts(db: Database, before: str) -> list[IdleDraft]:
    """Return the sessions with a filing in progress last changed before this UTC time."""
    rows = db.execute(
        "SELECT channel, user_id, updated_at, reminded_at FROM sessions WHERE flow_id IS NOT NULL AND updated_at < ?", [before],
    )
    return [IdleDraft(*row) for row in rows]


def set_reminded(db: Database, key: str, at: str | None) -> None:
    """Record when the owner of an idle draft was reminded (None: not reminded)."""
    db.execute("UPDATE sessions SET reminded_at = ? WHERE key = ?", [at, key])
