"""Load and save citizens' sessions, one row each, by citizen key (never all at once)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from bot.events import Citizen
from bot.session import Session
from storage.database import utc_now


COLUMNS = ("language", "flow_id", "flow_version", "step", "answers", "state", "version", "created_at", "updated_at")


class StaleSession(Exception):
    """The session changed since it was loaded (another writer saved first)."""


def load_session(db: Database, citizen: Citizen) -> Session:
    """Return the citizen's session, or a new one if they never wrote."""
    row = db.execute(f"SELECT {', '.join(COLUMNS)} FROM sessions WHERE key = ?", [citizen.key]).fetchone()
    if row is None:
        return Session(citizen=citizen)
    data = dict(zip(COLUMNS, row))
    session = Session(
        citizen=citizen,
        language=data["language"] or "vi",
        flow_id=data["flow_id"],
        flow_version=data["flow_version"],
        step=data["step"],
        answers=json.loads(data["answers"] or "{}"),
        version=data["version"],
        created_at=data["created_at"],
        updated_at=data["updated_at"],
    )
    session.load_state(json.loads(data["state"] or "{}"))
    return session


def save_session(db: Database, session: Session) -> None:
    """Write the session back, refusing to overwrite a newer version."""
    now = utc_now()
    row = {
        "key": session.citizen.key,
        "channel": session.citizen.channel,
        "user_id": session.citizen.user_id,
        "language": session.language,
        "flow_id": session.flow_id,
        "flow_version": session.flow_version,
        "step": session.step,
        "answers": json.dumps(session.answers, ensure_ascii=False),
        "state": json.dumps(session.state(), ensure_ascii=False),
        "version": session.version + 1,
        "created_at": session.created_at or now,
        "updated_at": now,
    }
    if session.version == 0:
        cursor = db.execute(
            "INSERT OR IGNORE INTO sessions (key, channel, user_id, language, flow_id, flow_version, step, answers, state, version, created_at, updated_at) "
            "VALUES (:key, :channel, :user_id, :language, :flow_id, :flow_version, :step, :answers, :state, :version, :created_at, :updated_at)",
            row,
        )
    else:
        cursor = db.execute(
            "UPDATE sessions SET language=:language, flow_id=:flow_id, flow_version=:flow_version, step=:step, "
            "answers=:answers, state=:state, version=:version, updated_at=:updated_at, reminded_at=NULL "
            "WHERE key=:key AND version=:expected",
            {**row, "expected": session.version},
        )
    if cursor.rowcount != 1:
        raise StaleSession(session.citizen.key)
    session.version += 1
    session.created_at = row["created_at"]
    session.updated_at = now


def delete_session(db: Database, citizen: Citizen) -> None:
    """Remove the citizen's session row entirely."""
    db.execute("DELETE FROM sessions WHERE key = ?", [citizen.key])
