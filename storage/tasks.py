"""Officials' pending tasks: an action that waits for what the official types next (one task per official)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now
from storage.records import OfficialTask


def task_of(db: Database, official_id: str) -> OfficialTask | None:
    """Return an official's pending task, with its dossier's receipt code, or None."""
    row = db.execute(
        "SELECT t.official_id, t.dossier_id, d.receipt_code, t.action, t.version, t.data "
        "FROM official_tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE t.official_id = ?",
        [official_id],
    ).fetchone()
    if row is None:
        return None
    official, dossier_id, code, action, version, data = row
    return OfficialTask(official, dossier_id, code, action, version, json.loads(data))


def start_task(db: Database, official_id: str, dossier_id: int, action: str, version: int, data: dict[str, Any]) -> None:
    """Give an official a new task (replacing any other they had)."""
    db.table("official_tasks").upsert(
        {"official_id": official_id, "dossier_id": dossier_id, "action": action, "version": version,
         "data": json.dumps(data), "created_at": utc_now()},
        pk="official_id",
    )


def save_task_data(db: Database, official_id: str, data: dict[str, Any]) -> None:
    """Store how far an official's task has come (the stage, the items picked)."""
    db.table("official_tasks").update(official_id, {"data": json.dumps(data)})


def drop_task(db: Database, official_id: str) -> None:
    """Forget an official's task (done or cancelled)."""
    db.execute("DELETE FROM official_tasks WHERE official_id = ?", [official_id])
