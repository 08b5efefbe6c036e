"""Erasure that erases: after /deletemydata, draft expiry or withdrawal, the erased values are in no file.

A citizen fills a draft with recognisable values (a name, an ID number, a phone number, an address, an ID
card whose QR code carries them too, photos with a marker in their bytes). After each way of erasing it,
the raw bytes of everything in the data directory (the database file, its write-ahead log, every blob) are
searched for those values in every form they could be stored in: UTF-8 (composed and decomposed), UTF-16,
JSON's \\uXXXX escapes, and case- and accent-folded as a search index keeps them. Nothing may be found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import main
from bot import buttons
from bot.buttons import Erase, StartSupplement, Withdraw
from bot.desk import VIETNAM
from bot.events import ButtonPressed, Citizen, CommandReceived, PhotoReceived, PhotoRef, TextReceived
from bot.housekeeping import sweep_drafts
from bot.settings import Settings
from storage import dossiers
from locales.folding import fold
from tests import imagegen

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)
CITIZEN = Citizen("telegram", "1001")
NAME, ID_NUMBER, BIRTH = "Quách Thoại Khuê", "079088246135", "12071988"
ADDRESS = "Số 77 Hẻm Bảy Hiền, Phường Tân Sơn Nhì, TP Hồ Chí Minh"
STREET = "Số 77 Hẻm Bảy Hiền"  # typed after the province and the commune, which are public names
PHONE_TYPED, PHONE = "0938 246 135", "0938246135"
CHILD = "Quách Diệp Thư"
STORED = (NAME, ID_NUMBER, STREET, PHONE, CHILD)
SECRETS = STORED + (PHONE_TYPED,)  # the phone number is stored only as normalised, but look for it as typed too
NAMES = (NAME, CHILD)


def marked_photo(photo: bytes, marker: str) -> bytes:
    """Return a JPEG with a comment segment holding the marker (the picture is unchanged)."""
    text = marker.encode("ascii")
    return photo[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + photo[2:]


def stored_forms(value: str) -> set[bytes]:
    """Every byte string a value could be stored as: UTF-8 and UTF-16, NFC and NFD, JSON-escaped, folded."""
    texts = {value, unicodedata.normalize("NFD", value), value.casefold(), fold(value)}
    forms = set()
    for text in texts:
        escaped = json.dumps(text)[1:-1]
        for form in (text, escaped, re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), escaped)):
            forms |= {form.encode("utf-8"), form.encode("utf-16-le")}
    return forms


def index_tokens(name: str) -> set[bytes]:
    """The words of a name as the FTS5 index keeps them (accents and case folded away)."""
    return {word.encode() for word in fold(name).split() if len(word) >= 4}


def files_of(data_dir: Path) -> dict[str, bytes]:
    """Return the raw bytes of every file in the data directory (database, log, blobs), by relative path."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


def findings(data_dir: Path, values: tuple[str, ...], markers: tuple[bytes, ...], names: tuple[str, ...] = ()) -> list[str]:
    """Return where each value (or photo marker, or name token) was found in the data directory's files."""
    found = []
    for path, data in files_of(data_dir).items():
        for value in values:
            if any(form in data for form in stored_forms(value)):
                found.append(f"{value!r} in {path}")
        for marker in markers:
            if marker in data:
                found.append(f"photo bytes {marker[:24]!r} in {path}")
        for name in names:
            found += [f"index token {token!r} of {name!r} in {path}" for token in index_tokens(name) if token in data]
    return found


class Desk:
    """The wired service in-process (desk, back office, citizen services) on a data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.services = main.build(replace(Settings(), data_dir=data_dir), clock=lambda: NOW)
        self.files: dict[str, bytes] = {}

    @property
    def db(self):
        return self.services.db

    async def fetch(self, ref: PhotoRef) -> bytes:
        return self.files[ref.file_ref]

    async def send(self, *inputs) -> list:
        """Send inputs in order: text, "/command", ("press", payload or data), ("photos", [bytes, ...])."""
        effects = []
        for item in inputs:
            effects += await self.services.desk.handle(self.event(item), self.fetch)
        return effects

    def event(self, item):
        if isinstance(item, str) and item.startswith("/"):
            return CommandReceived(CITIZEN, item[1:], "")
        if isinstance(item, str):
            return TextReceived(CITIZEN, item)
        kind, value = item
        if kind == "press":
            return ButtonPressed(CITIZEN, value if isinstance(value, str) else buttons.encode(value))
        refs = []
        for data in value:
            ref = f"file-{len(self.files) + 1}"
            self.files[ref] = data
            refs.append(PhotoRef(file_ref=ref, size=len(data), mime="image/jpeg"))
        return PhotoReceived(CITIZEN, tuple(refs), album_id=f"album-{len(self.files)}" if len(refs) > 1 else None)

    def step(self) -> str | None:
        return self.services.desk.session(CITIZEN).step


DRAFT_MARKERS = (b"ERASE-ME-ID-CARD-FRONT-41", b"ERASE-ME-ID-CARD-BACK-42")


async def start_draft(desk: Desk) -> None:
    """Begin a birth registration as the father: ID card photos (with a QR code), then name, ID, address, phone."""
    qr = imagegen.id_qr_payload(id_number=ID_NUMBER, full_name=NAME, birth_date=BIRTH, address=ADDRESS)
    front = marked_photo(imagegen.id_card_photo(qr), DRAFT_MARKERS[0].decode())
    back = marked_photo(imagegen.document_photo(seed=42, title="MẶT SAU"), DRAFT_MARKERS[1].decode())
    await desk.send(("press", "m:birth_registration"), ("press", "a:consent:yes"), ("press", "a:relationship:father"),
                    ("photos", [front, back]))
    assert desk.step() == "requester_id_card", "the ID card's QR details are offered"
    await desk.send(("press", "q:no"), NAME.lower(), ID_NUMBER, "hcm", "tân sơn nhì", STREET, PHONE_TYPED, CHILD)
    assert desk.step() == "child_sex", desk.step()
    answers = desk.services.desk.session(CITIZEN).answers
    assert answers["requester_name"] == NAME and answers["requester_phone"] == PHONE


def assert_planted(desk: Desk, values: tuple[str, ...], markers: tuple[bytes, ...]) -> None:
    """The search finds what is there: each value in the database files, each marker in a blob."""
    files = files_of(desk.data_dir)
    database = b"".join(data for path, data in files.items() if path.startswith("motcua.sqlite"))
    blobs = b"".join(data for path, data in files.items() if path.startswith("blobs"))
    for value in values:
        assert value.encode() in database, f"{value!r} should be stored before the erase"
    for marker in markers:
        assert marker in blobs, f"photo {marker!r} should be stored before the erase"


async def test_deletemydata_leaves_no_trace_in_the_database_its_log_or_the_blobs(tmp_path):
    desk = Desk(tmp_path / "data")
    await start_draft(desk)
    assert_planted(desk, STORED, DRAFT_MARKERS)

    await desk.send("/deletemydata", ("press", Erase(True)))

    assert desk.services.desk.session(CITIZEN).answers == {}
    assert (tmp_path / "data" / "motcua.sqlite-wal").stat().st_size == 0, "the write-ahead log is emptied"
    assert findings(desk.data_dir, SECRETS, DRAFT_MARKERS, NAMES) == []


async def test_an_expired_draft_leaves_no_trace(tmp_path):
    desk = Desk(tmp_path / "data")
    await start_draft(desk)
    assert_planted(desk, STORED, DRAFT_MARKERS)
    services = desk.services
    later = datetime.now(VIETNAM) + timedelta(days=29, hours=1)
    reminded = sweep_drafts(services.db, services.blobs, services.flows, later, 30)
    assert reminded, "the owner is reminded first"
    expired = sweep_drafts(services.db, services.blobs, services.flows, later + timedelta(days=1, hours=1), 30)
    assert [e.text.key for e in expired] == ["draft-expired"]

    assert findings(desk.data_dir, SECRETS, DRAFT_MARKERS, NAMES) == []


SUPPLEMENT_MARKER = b"ERASE-ME-NEW-ID-CARD-43"
NEW_PHONE_TYPED, NEW_PHONE = "0977 531 864", "0977531864"


async def file_dossier(desk: Desk) -> str:
    """File a whole birth registration (values other than the erased ones); return its receipt code."""
    await desk.send(
        ("press", "m:birth_registration"), ("press", "a:consent:yes"), ("press", "a:relationship:father"),
        ("photos", [imagegen.document_photo(seed=1, title="CĂN CƯỚC MẶT TRƯỚC"), imagegen.document_photo(seed=2, title="CĂN CƯỚC MẶT SAU")]),
        "Trần Văn Bình", "001093012345", "Tây Ninh", "tan ninh", "Số 5 Lê Lợi", "0912 345 678",
        "Trần Bảo An", ("press", "a:child_sex:female"), "01/03/2026", "Tây Ninh", "tan ninh", "Bệnh viện Đa khoa tỉnh Tây Ninh",
        ("press", "a:mother_known:yes"),
        "Lê Thị Hoa", "Việt Nam", "1995", "Kinh", ("press", "pl:mother_residence:s:requester_residence"), "001195012345",
        ("press", "a:father_is_requester:no"), "Trần Văn Bình", "Việt Nam", "12/07/1993", "Kinh",
        ("press", "pl:father_residence:s:requester_residence"), "001093012345", ("press", "a:parents_married:yes"),
        ("press", "s:child_ethnicity:0"), "Việt Nam", "Tây Ninh", "xã tân hưng", "bỏ qua",
        ("press", "a:has_birth_certificate:yes"), ("photos", [imagegen.document_photo(seed=3)]),
        ("press", "d:birth_certificate"), ("photos", [imagegen.document_photo(seed=4)]), "xong",
        "0", ("press", "a:result_delivery:office"), ("press", "a:linked_procedure:no"),
    )
    assert desk.step() == "review", desk.step()
    await desk.send(("press", "r:send"))
    own = dossiers.dossiers_of(desk.db, CITIZEN.channel, CITIZEN.user_id)
    assert len(own) == 1
    return own[0].receipt_code


async def test_withdrawal_keeps_the_dossier_and_erases_the_supplement_in_progress(tmp_path):
    desk = Desk(tmp_path / "data")
    code = await file_dossier(desk)
    dossier = dossiers.get_dossier(desk.db, code)
    assert dossiers.change_state(desk.db, dossier.id, dossier.version, state="supplement_requested", status=5,
                                 actor="official:1", action="request_supplement", at=NOW.isoformat(),
                                 supplement=["requester_id_card", "requester_phone"], reason="Ảnh mờ")
    desk.db.conn.commit()
    new_card = marked_photo(imagegen.document_photo(seed=43, title="CĂN CƯỚC MỚI"), SUPPLEMENT_MARKER.decode())
    await desk.send(("press", StartSupplement(dossier.id)), ("photos", [new_card, imagegen.document_photo(seed=44)]))
    assert desk.step() == "requester_phone", desk.step()
    await desk.send(NEW_PHONE_TYPED)
    assert desk.step() == "review", desk.step()
    assert_planted(desk, (NEW_PHONE,), (SUPPLEMENT_MARKER,))

    said = await desk.send(("press", Withdraw(dossier.id)))

    keys = [e.text.key for e in said if hasattr(e, "text") and hasattr(e.text, "key")]
    assert "withdrawn" in keys and "withdrawn-supplement-erased" in keys
    assert dossiers.get_dossier(desk.db, code).state == "withdrawn"
    assert not desk.services.desk.session(CITIZEN).in_flow
    assert findings(desk.data_dir, (NEW_PHONE_TYPED, NEW_PHONE), (SUPPLEMENT_MARKER,)) == []
    kept = files_of(desk.data_dir)
    assert any("Trần Bảo An".encode() in data for data in kept.values()), "the withdrawn dossier is kept as a record"
    assert len(dossiers.attachments_of(desk.db, dossier.id)) == 4, "and so are its photos"


@pytest.mark.parametrize("value", ["Quách Thoại Khuê", "079088246135"])
def test_the_search_would_see_each_stored_form(value):
    """Guard the guard: the forms searched for include JSON's escapes and the folded index form."""
    forms = stored_forms(value)
    assert json.dumps(value).strip('"').encode() in forms
    assert fold(value).encode() in forms
    assert value.encode("utf-16-le") in forms
