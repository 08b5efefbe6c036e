"""Dossiers (submitted filings) and their attachments: create, find, list, and the receipt sequence."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from storage.database import utc_now

JSON_COLUMNS = ("answers", "shown", "consent", "supplement")


def next_receipt_code(db: Database, office_code: str, day: date) -> str:
    """Return the next receipt code of the day: ``<office>-<YYMMDD>-<4-digit sequence>``."""
    key = day.strftime("%y%m%d")
    db.execute(
        "INSERT INTO receipt_sequences (office_code, day, last) VALUES (?, ?, 1) "
        "ON CONFLICT (office_code, day) DO UPDATE SET last = last + 1",
        [office_code, key],
    )
    last = db.execute("SELECT last FROM receipt_sequences WHERE office_code = ? AND day = ?", [office_code, key]).fetchone()[0]
    return f"{office_code}-{key}-{last:04d}"


def create_dossier(
    db: Database,
    *,
    office_code: str,
    channel: str,
    user_id: str,
    flow_id: str,
    flow_version: int,
    answers: dict[str, Any],
    shown: dict[str, str],
    consent: dict[str, Any],
    submitted_at: datetime,
    expected_on: date,
    status: int = 1,
) -> dict[str, Any]:
    """Insert a new dossier with the next receipt code and return it."""
    code = next_receipt_code(db, office_code, submitted_at.date())
    row = {
        "receipt_code": code,
        "office_code": office_code,
        "flow_id": flow_id,
        "flow_version": flow_version,
        "channel": channel,
        "user_id": user_id,
        "status": status,
        "state": "new",
        "version": 0,
        "answers": json.dumps(answers, ensure_ascii=False),
        "shown": json.dumps(shown, ensure_ascii=False),
        "consent": json.dumps(consent, ensure_ascii=False),
        "submitted_at": submitted_at.isoformat(timespec="seconds"),
        "expected_on": expected_on.isoformat(),
        "updated_at": utc_now(),
    }
    dossier_id = db["dossiers"].insert(row).last_pk
    return get_dossier_by_id(db, dossier_id)


def _decode(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    for column in JSON_COLUMNS:
        if column in row and isinstance(row[column], str):
            row[column] = json.loads(row[column])
    return row


def get_dossier(db: Database, receipt_code: str) -> dict[str, Any] | None:
    """Return the dossier with this receipt code (case-insensitive), or None."""
    rows = list(db.query("SELECT * FROM dossiers WHERE receipt_code = ? COLLATE NOCASE", [receipt_code.strip()]))
    return _decode(rows[0]) if rows else None


def get_dossier_by_id(db: Database, dossier_id: int) -> dict[str, Any] | None:
    """Return the dossier with this id, or None."""
    rows = list(db.query("SELECT * FROM dossiers WHERE id = ?", [dossier_id]))
    return _decode(rows[0]) if rows else None


def dossiers_of(db: Database, channel: str, user_id: str) -> list[dict[str, Any]]:
    """Return a citizen's dossiers, newest first."""
    rows = db.query(
        "SELECT * FROM dossiers WHERE channel = ? AND user_id = ? ORDER BY id DESC", [channel, user_id]
    )
    return [_decode(row) for row in rows]


def attach(db: Database, owner: str, sha: str, *, slot: str, size: int, mime: str, width: int, height: int, path: str) -> None:
    """Record a draft attachment of a citizen (once per content hash and slot)."""
    exists = db.execute(
        "SELECT 1 FROM attachments WHERE owner = ? AND sha256 = ? AND slot = ? AND dossier_id IS NULL", [owner, sha, slot]
    ).fetchone()
    if not exists:
        db["attachments"].insert(
            {"sha256": sha, "size": size, "mime": mime, "width": width, "height": height, "path": path,
             "owner": owner, "slot": slot, "dossier_id": None, "created_at": utc_now()}
        )


def bind_attachments(db: Database, owner: str, dossier_id: int, attachments: dict[str, list[str]]) -> None:
    """Move a citizen's draft attachments into their submitted dossier."""
    for slot, hashes in attachments.items():
        for sha in hashes:
            db.execute(
                "UPDATE attachments SET dossier_id = ? WHERE owner = ? AND sha256 = ? AND slot = ? AND dossier_id IS NULL",
                [dossier_id, owner, sha, slot],
            )


def attachments_of(db: Database, dossier_id: int) -> list[dict[str, Any]]:
    """Return a dossier's attachments in the order they were received."""
    return list(db.query("SELECT * FROM attachments WHERE dossier_id = ? ORDER BY id", [dossier_id]))


def forget_drafts(db: Database, owner: str, hashes: list[str] | None = None) -> list[str]:
    """Delete draft attachment rows (all, or these hashes); return hashes no longer referenced anywhere."""
    if hashes is None:
        hashes = [r[0] for r in db.execute("SELECT sha256 FROM attachments WHERE owner = ? AND dossier_id IS NULL", [owner])]
    for sha in hashes:
        db.execute("DELETE FROM attachments WHERE owner = ? AND sha256 = ? AND dossier_id IS NULL", [owner, sha])
    return [sha for sha in set(hashes) if not db.execute("SELECT 1 FROM attachments WHERE sha256 = ?", [sha]).fetchone()]


def business_name_taken(db: Database, office_code: str, name: str) -> bool:
    """Tell whether an approved household business of this office already has this name (case-insensitive)."""
    wanted = _fold(name)
    rows = db.execute(
        "SELECT json_extract(answers, '$.business_name') FROM dossiers "
        "WHERE office_code = ? AND flow_id = 'household_business' AND status IN (9, 10)",
        [office_code],
    )
    return any(row[0] and _fold(row[0]) == wanted for row in rows)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def change_state(
    db: Database, dossier_id: int, expected_version: int, *, state: str, status: int, actor: str, action: str,
    at: str, **fields: Any,
) -> bool:
    """Move a dossier to a new state if nobody changed it since ``expected_version``; tell whether it did."""
    values = {"state": state, "status": status, "last_actor": actor, "last_action": action, "last_action_at": at,
              "updated_at": utc_now(), **fields}
    for column in JSON_COLUMNS:
        if column in values and not isinstance(values[column], (str, type(None))):
            values[column] = json.dumps(values[column], ensure_ascii=False)
    assignments = ", ".join(f"{column} = :{column}" for column in values)
    cursor = db.execute(
        f"UPDATE dossiers SET {assignments}, version = version + 1 WHERE id = :id AND version = :expected",
        {**values, "id": dossier_id, "expected": expected_version},
    )
    return cursor.rowcount == 1


def dossiers_in_states(db: Database, states: tuple[str, ...]) -> list[dict[str, Any]]:
    """Return the dossiers in any of these states, oldest first."""
    marks = ", ".join("?" for _ in states)
    rows = db.query(f"SELECT * FROM dossiers WHERE state IN ({marks}) ORDER BY submitted_at, id", list(states))
    return [_decode(row) for row in rows]


def all_dossiers(db: Database) -> list[dict[str, Any]]:
    """Return every dossier, newest first (for searches and statistics of one office's volume)."""
    return [_decode(row) for row in db.query("SELECT * FROM dossiers ORDER BY id DESC")]
