"""Dossiers (submitted filings) and their attachments: create, find, change, count, and the receipt sequence."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from datetime import date, datetime, timedelta
from typing import Any, Iterable

from sqlite_utils import Database

from locales.folding import fold
from storage.clock import utc_now
from storage.records import Attachment, Count, Dossier, DossierStats, OfficeCounts

JSON_COLUMNS = ("answers", "shown", "consent", "supplement", "before_supplement")
DOSSIER_FIELDS = tuple(f.name for f in fields(Dossier))
ATTACHMENT_FIELDS = tuple(f.name for f in fields(Attachment))
COLUMNS = ", ".join(DOSSIER_FIELDS)


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
) -> Dossier:
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
    inserted = db.table("dossiers").insert(row).last_pk
    dossier = get_dossier_by_id(db, inserted) if inserted is not None else None
    if dossier is None:
        raise LookupError("the dossier just inserted cannot be read back")
    return dossier


def _dossier(row: tuple) -> Dossier:
    values = dict(zip(DOSSIER_FIELDS, row, strict=True))
    for column in JSON_COLUMNS:
        if isinstance(values[column], str):
            values[column] = json.loads(values[column])
    return Dossier(**values)


def _dossiers(db: Database, where: str, params: list | dict) -> list[Dossier]:
    return [_dossier(row) for row in db.execute(f"SELECT {COLUMNS} FROM dossiers {where}", params).fetchall()]


def get_dossier(db: Database, receipt_code: str) -> Dossier | None:
    """Return the dossier with this receipt code (case-insensitive), or None."""
    found = _dossiers(db, "WHERE receipt_code = ? COLLATE NOCASE", [receipt_code.strip()])
    return found[0] if found else None


def get_dossier_by_id(db: Database, dossier_id: int) -> Dossier | None:
    """Return the dossier with this id, or None."""
    found = _dossiers(db, "WHERE id = ?", [dossier_id])
    return found[0] if found else None


def dossiers_of(db: Database, channel: str, user_id: str) -> list[Dossier]:
    """Return a citizen's dossiers, newest first."""
    return _dossiers(db, "WHERE channel = ? AND user_id = ? ORDER BY id DESC", [channel, user_id])


def _offices(office_codes: Iterable[str] | None, params: list) -> str:
    """Return the SQL condition limiting rows to these offices (none: every office), adding its parameters."""
    if office_codes is None:
        return "1"
    codes = list(office_codes)
    params += codes
    return f"office_code IN ({', '.join('?' for _ in codes)})" if codes else "0"


def dossiers_in_states(
    db: Database, states: tuple[str, ...], office_codes: Iterable[str] | None = None, limit: int | None = None,
) -> list[Dossier]:
    """Return the dossiers in any of these states (of these offices; None: every office), oldest first."""
    params: list = list(states)
    where = f"state IN ({', '.join('?' for _ in states)}) AND {_offices(office_codes, params)}"
    tail = ""
    if limit is not None:
        tail, params = " LIMIT ?", [*params, limit]
    return _dossiers(db, f"WHERE {where} ORDER BY submitted_at, id{tail}", params)


def count_in_states(db: Database, states: tuple[str, ...], office_codes: Iterable[str] | None = None,
                    due_before: date | None = None) -> int:
    """Count the dossiers in these states (of these offices), only those due before a day if given."""
    params: list = list(states)
    where = f"state IN ({', '.join('?' for _ in states)}) AND {_offices(office_codes, params)}"
    if due_before is not None:
        where, params = where + " AND expected_on < ?", [*params, due_before.isoformat()]
    return db.execute(f"SELECT COUNT(*) FROM dossiers WHERE {where}", params).fetchone()[0]


def find_dossiers(db: Database, query: str, limit: int = 10, office_codes: Iterable[str] | None = None) -> list[Dossier]:
    """Find dossiers, newest first, whose receipt code contains the query or whose names hold its words; only
    those of these offices (None: every office).

    Names are matched word by word from the start of each word, ignoring case and accents (Trần = tran).
    """
    words = [fold(word) for word in query.split()]  # as the index folds names (SQL-side: unicode61, đ as d)
    match = " ".join('"' + word.replace('"', '""') + '"*' for word in words if word)
    like = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    params: dict[str, Any] = {"like": like, "match": match or '""', "limit": limit}
    within = "1"
    if office_codes is not None:
        codes = list(office_codes)
        params.update({f"office{i}": code for i, code in enumerate(codes)})
        within = f"office_code IN ({', '.join(f':office{i}' for i in range(len(codes)))})" if codes else "0"
    return _dossiers(
        db,
        f"WHERE {within} AND (receipt_code LIKE :like ESCAPE '\\' "
        "OR id IN (SELECT rowid FROM dossier_names WHERE dossier_names MATCH :match)) ORDER BY id DESC LIMIT :limit",
        params,
    )


def stats(db: Database, office_codes: Iterable[str] | None = None) -> DossierStats:
    """Count dossiers (of these offices; None: every office) by state and by procedure; average processing hours
    and satisfaction."""
    params: list = []
    where = _offices(office_codes, params)
    by_state = tuple(Count(*row) for row in db.execute(f"SELECT state, COUNT(*) FROM dossiers WHERE {where} GROUP BY state", params))
    by_flow = tuple(Count(*row) for row in db.execute(
        f"SELECT flow_id, COUNT(*) FROM dossiers WHERE {where} GROUP BY flow_id ORDER BY flow_id", params))
    total, hours, rating, ratings = db.execute(
        "SELECT COUNT(*), "
        "AVG(CASE WHEN done_at IS NOT NULL AND done_at != '' THEN (julianday(done_at) - julianday(submitted_at)) * 24 END), "
        f"AVG(NULLIF(rating, 0)), COUNT(NULLIF(rating, 0)) FROM dossiers WHERE {where}", params,
    ).fetchone()
    return DossierStats(total, by_state, by_flow, hours, rating, ratings)


def office_counts(db: Database, states: tuple[str, ...], today: date) -> list[OfficeCounts]:
    """Return, for every office with dossiers, how many it received today, how many are in these (waiting)
    states and how many of those are past their due date."""
    received = dict(db.execute(
        "SELECT office_code, COUNT(*) FROM dossiers WHERE submitted_at >= ? AND submitted_at < ? GROUP BY office_code",
        [today.isoformat(), (today + timedelta(days=1)).isoformat()],
    ).fetchall())
    marks = ", ".join("?" for _ in states)
    waiting = {code: (count, overdue) for code, count, overdue in db.execute(
        f"SELECT office_code, COUNT(*), SUM(expected_on < ?) FROM dossiers WHERE state IN ({marks}) GROUP BY office_code",
        [today.isoformat(), *states],
    )}
    return [OfficeCounts(code, received.get(code, 0), *waiting.get(code, (0, 0)))
            for code in sorted({*received, *waiting})]


def overdue_dossiers(db: Database, states: tuple[str, ...], today: date, limit: int = 50) -> list[Dossier]:
    """Return dossiers in these states past their due date, the longest overdue first."""
    marks = ", ".join("?" for _ in states)
    return _dossiers(db, f"WHERE state IN ({marks}) AND expected_on < ? ORDER BY expected_on, id LIMIT ?",
                     [*states, today.isoformat(), limit])


def business_name_taken(db: Database, office_code: str, name: str) -> bool:
    """Tell whether an approved household business of this office already has this name.

    Names are compared without case, diacritics, spacing or punctuation ("Phở Hà Nội" = "pho ha-noi").
    """
    wanted = _name_key(name)
    rows = db.execute(
        "SELECT json_extract(answers, '$.business_name') FROM dossiers "
        "WHERE office_code = ? AND flow_id = 'household_business' AND status IN (9, 10)",
        [office_code],
    )
    return any(row[0] and _name_key(row[0]) == wanted for row in rows)


def _name_key(name: str) -> str:
    """Return a business name's letters and digits, folded, one space between words."""
    return " ".join(re.findall(r"[^\W_]+", fold(name)))


def change_state(
    db: Database, dossier_id: int, expected_version: int, *, state: str, status: int, actor: str, action: str,
    at: str, **values: Any,
) -> bool:
    """Move a dossier to a new state if nobody changed it since ``expected_version``; tell whether it did."""
    values = {"state": state, "status": status, "last_actor": actor, "last_action": action, "last_action_at": at,
              "updated_at": utc_now(), **values}
    for column in JSON_COLUMNS:
        if column in values and not isinstance(values[column], (str, type(None))):
            values[column] = json.dumps(values[column], ensure_ascii=False)
    assignments = ", ".join(f"{column} = :{column}" for column in values)
    cursor = db.execute(
        f"UPDATE dossiers SET {assignments}, version = version + 1 WHERE id = :id AND version = :expected",
        {**values, "id": dossier_id, "expected": expected_version},
    )
    return cursor.rowcount == 1


def replace_answers(db: Database, dossier_id: int, answers: dict[str, Any], shown: dict[str, str],
                    photos: list[str] | tuple[str, ...] = ()) -> None:
    """Put a supplement's answers (and how the citizen saw them) into the dossier, keeping the answers they
    replace and the photo slots redone (the card shows what changed)."""
    old = db.execute("SELECT answers, shown FROM dossiers WHERE id = ?", [dossier_id]).fetchone()
    before = {"answers": json.loads(old[0] or "{}"), "shown": json.loads(old[1] or "{}"), "photos": list(photos)} if old else None
    db.table("dossiers").update(dossier_id, {"answers": json.dumps(answers, ensure_ascii=False),
                                       "shown": json.dumps(shown, ensure_ascii=False),
                                       "before_supplement": json.dumps(before, ensure_ascii=False)})


def set_rating(db: Database, dossier_id: int, rating: int) -> None:
    """Record the citizen's satisfaction (1 to 5 stars)."""
    db.table("dossiers").update(dossier_id, {"rating": rating})


def set_comment(db: Database, dossier_id: int, comment: str) -> None:
    """Record the comment that came with a rating."""
    db.table("dossiers").update(dossier_id, {"comment": comment})


def set_card_message(db: Database, dossier_id: int, message_id: int) -> None:
    """Remember where a dossier's card is in the admin chat, to edit it later."""
    db.table("dossiers").update(dossier_id, {"admin_message_id": message_id})


# -- attachments -------------------------------------------------------------------------------------


def attach(db: Database, owner: str, sha: str, *, slot: str, size: int, mime: str, width: int, height: int, path: str) -> None:
    """Record a draft attachment of a citizen (once per content hash and slot)."""
    exists = db.execute(
        "SELECT 1 FROM attachments WHERE owner = ? AND sha256 = ? AND slot = ? AND dossier_id IS NULL", [owner, sha, slot]
    ).fetchone()
    if not exists:
        db.table("attachments").insert(
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


def attachments_of(db: Database, dossier_id: int) -> list[Attachment]:
    """Return a dossier's attachments in the order they were received."""
    rows = db.execute(f"SELECT {', '.join(ATTACHMENT_FIELDS)} FROM attachments WHERE dossier_id = ? ORDER BY id", [dossier_id])
    return [Attachment(*row) for row in rows]


def drop_slots(db: Database, dossier_id: int, slots: list[str]) -> list[str]:
    """Remove a dossier's photos of these slots (they are being redone); return hashes no longer referenced."""
    removed: list[str] = []
    for slot in slots:
        removed += [r[0] for r in db.execute("SELECT sha256 FROM attachments WHERE dossier_id = ? AND slot = ?", [dossier_id, slot])]
        db.execute("DELETE FROM attachments WHERE dossier_id = ? AND slot = ?", [dossier_id, slot])
    return [sha for sha in dict.fromkeys(removed) if not is_referenced(db, sha)]


def draft_hashes(db: Database, owner: str) -> list[str]:
    """Return the content hashes of a citizen's draft photos (not yet in a dossier)."""
    return [r[0] for r in db.execute("SELECT sha256 FROM attachments WHERE owner = ? AND dossier_id IS NULL", [owner])]


def is_referenced(db: Database, sha: str) -> bool:
    """Tell whether any attachment (draft or submitted) still holds this content hash."""
    return db.execute("SELECT 1 FROM attachments WHERE sha256 = ?", [sha]).fetchone() is not None


def forget_drafts(db: Database, owner: str, hashes: list[str] | None = None) -> list[str]:
    """Delete draft attachment rows (all, or these hashes); return hashes no longer referenced anywhere."""
    if hashes is None:
        hashes = draft_hashes(db, owner)
    for sha in hashes:
        db.execute("DELETE FROM attachments WHERE owner = ? AND sha256 = ? AND dossier_id IS NULL", [owner, sha])
    return [sha for sha in set(hashes) if not is_referenced(db, sha)]


def due_on(db: Database, day: str, states: tuple[str, ...]) -> list[Dossier]:
    """Return the dossiers in these states whose legal due date (hạn giải quyết) is this day, by office, oldest first."""
    marks = ", ".join("?" for _ in states)
    return _dossiers(db, f"WHERE expected_on = ? AND state IN ({marks}) ORDER BY office_code, submitted_at, id", [day, *states])


def to_pick_up_on(db: Database, day: str, states: tuple[str, ...]) -> list[Dossier]:
    """Return the dossiers in these states whose appointment (ngày hẹn trả kết quả) is this day, oldest first."""
    marks = ", ".join("?" for _ in states)
    return _dossiers(db, f"WHERE pickup_on = ? AND state IN ({marks}) ORDER BY submitted_at, id", [day, *states])
