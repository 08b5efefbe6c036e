"""The append-only audit log: who did what to which dossier or session, when and why.

The table refuses UPDATE and DELETE (a trigger). Details hold ids and reasons, never personal data.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now
from storage.records import AuditEntry


def record(db: Database, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None) -> None:
    """Append one entry to the audit log."""
    db.execute(
        "INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
        [utc_now(), actor, action, subject, json.dumps(detail or {}, ensure_ascii=False)],
    )


def entries(db: Database, subject: str) -> list[AuditEntry]:
    """Return the audit entries about one subject, oldest first."""
    rows = db.execute("SELECT at, actor, action, subject, detail FROM audit WHERE subject = ? ORDER BY id", [subject])
    return [AuditEntry(at, actor, action, subject, json.loads(detail)) for at, actor, action, subject, detail in rows]
