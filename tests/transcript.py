"""Run a transcript: a golden conversation (the citizen's inputs, the replies and effects expected).

Before every input the database is reopened and a new desk is built on it, as after a restart, so every
transcript also proves that a session survives in SQLite with nothing lost.

Two kinds of expectation are checked after each input. The readable ones written in the transcript (``step``,
``say``, ``answers``, ``photos``, ``submitted``, ``card_contains`` ...) say what matters there. The golden record beside it
(``tests/transcripts/golden/<name>.yaml``) holds the WHOLE sequence of what came back, in order: every
message's key, rendered text and buttons, every photo (with a digest of its bytes), the dossier submitted and
the card posted to the admin chat; it must match exactly, so an extra, missing or repeated reply fails.
Regenerate it with ``pytest tests/test_transcripts.py --update-transcripts`` (or ``UPDATE_TRANSCRIPTS=1``)
and review the diff.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.backoffice import BackOffice
from bot.desk import VIETNAM, Desk, DossierSubmitted, load_session
from bot.effects import AdminPost, EditCard, Notify, Say, SendPhoto, Text
from bot.engine import Engine
from bot.events import (
    ButtonPressed,
    Citizen,
    CommandReceived,
    DocumentReceived,
    LocationReceived,
    PhotoReceived,
    PhotoRef,
    TextReceived,
)
from bot.offices import Office, Offices
from storage.blobs import BlobStore
from storage.database import open_database
from tests import imagegen

OFFICE = Office(code="000.00.01.H99", name="UBND xã Thử", address="1 Đường Thử", hours="7:30–17:00",
                fees={"birth_registration_late": 8000, "household_business": 100000}, phone="0276 000 0000",
                centre="Trung tâm Phục vụ hành chính công xã Thử", commune="25459")  # Phường Tân Ninh's code


def _office(number: int, commune: str) -> Office:
    return Office(code=f"000.00.{number:02d}.H99", name=f"UBND xã Thử {number}", address=f"{number} Đường Thử", hours="7:30–17:00",
                  fees=dict(OFFICE.fees), phone=f"0276 000 00{number:02d}", centre=f"Trung tâm Phục vụ hành chính công xã Thử {number}",
                  commune=commune)


# Offices as a province deploys them: filings route by the commune their flow names (flows: ``office:``). Besides
# Phường Tân Ninh and Xã Tân Biên, the communes other transcripts' addresses name are served too, so that only
# routing_outside.yaml meets a commune served by no office.
OFFICES = Offices((OFFICE, _office(2, "25486"), _office(3, "27721"), _office(4, "26743"), _office(5, "00070"), _office(6, "31135")))
# 25486 Xã Tân Biên, 27721 Xã Tân Hưng (Tây Ninh), 26743 Phường Bến Thành, 00070 Phường Hoàn Kiếm, 31135 Phường Ninh Kiều
GOLDEN_DIR = Path(__file__).parent / "transcripts" / "golden"


def make_image(spec: Any) -> tuple[bytes, str]:
    """Build the bytes of a test image from a short description; return them with their mime type."""
    spec = {"kind": spec} if isinstance(spec, str) else dict(spec)
    kind = spec.pop("kind")
    if kind == "document":
        return imagegen.document_photo(seed=spec.pop("seed", 0), **spec), "image/jpeg"
    if kind == "png":
        return imagegen.document_photo(fmt="PNG", **spec), "image/png"
    if kind == "blurry":
        return imagegen.document_photo(blur=spec.pop("blur", 6.0), **spec), "image/jpeg"
    if kind == "dark":
        return imagegen.document_photo(brightness=spec.pop("brightness", 0.12), **spec), "image/jpeg"
    if kind == "small":
        return imagegen.document_photo(width=640, height=480, **spec), "image/jpeg"
    if kind == "id_card":
        payload = imagegen.id_qr_payload(**spec.pop("qr")) if "qr" in spec else None
        return imagegen.id_card_photo(payload, **spec), "image/jpeg"
    if kind == "pdf":
        return imagegen.not_an_image(), "application/pdf"
    raise ValueError(f"unknown image kind {kind!r}")


@dataclass
class Reply:
    """What the citizen saw after one input: the rendered messages and the raw effects."""

    effects: list[Any]
    texts: list[str]
    record: list[dict[str, Any]]


class TranscriptRunner:
    """Plays inputs against a desk rebuilt on the same SQLite file before each input."""

    def __init__(self, engine: Engine, data_dir: Path, now: datetime) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.now = now
        self.citizen = Citizen("test", "1001")
        self.files: dict[str, bytes] = {}
        self.counter = 0
        self.desk: Desk | None = None

    def restart(self) -> Desk:
        """Drop the desk and its connection; open new ones on the same files."""
        if self.desk is not None:
            self.desk.db.close()
        db = open_database(self.data_dir / "motcua.sqlite")
        clock = lambda: self.now  # noqa: E731 - the transcript's clock, moved by its ``now`` inputs
        backoffice = BackOffice(db, self.engine.flows, OFFICES, b"transcripts", clock)
        self.desk = Desk(db=db, engine=self.engine, blobs=BlobStore(self.data_dir / "blobs"), offices=OFFICES, clock=clock,
                         backoffice=backoffice)
        return self.desk

    async def fetch(self, ref: PhotoRef) -> bytes:
        return self.files[ref.file_ref]

    def _photo(self, spec: Any) -> PhotoRef:
        data, mime = make_image(spec)
        self.counter += 1
        ref = f"file-{self.counter}"
        self.files[ref] = data
        return PhotoRef(file_ref=ref, size=len(data), mime=mime)

    def event(self, item: dict[str, Any]):
        """Turn one transcript input into an event."""
        c = self.citizen
        if "text" in item:
            text = str(item["text"])
            if text.startswith("/"):
                command, _, args = text[1:].partition(" ")
                return CommandReceived(c, command, args)
            return TextReceived(c, text)
        if "press" in item:
            return ButtonPressed(c, str(item["press"]))
        if "photo" in item:
            return PhotoReceived(c, (self._photo(item["photo"]),))
        if "album" in item:
            return PhotoReceived(c, tuple(self._photo(spec) for spec in item["album"]), album_id=f"album-{self.counter}")
        if "oversized" in item:
            return PhotoReceived(c, (PhotoRef(file_ref="huge", size=int(item["oversized"]), mime="image/jpeg"),))
        if "document" in item:
            data, mime = make_image(item["document"])
            return DocumentReceived(c, file_name="file.pdf", mime=mime, size=len(data))
        if "location" in item:
            lat, lon = item["location"]
            return LocationReceived(c, float(lat), float(lon))
        raise ValueError(f"unknown input {item!r}")

    async def send(self, item: dict[str, Any]) -> Reply:
        """Restart, then send one input and collect what came back."""
        if "now" in item:
            self.now = parse_now(item["now"])
        desk = self.restart()
        effects = await desk.handle(self.event(item), self.fetch)
        language = load_session(desk.db, self.citizen).language
        texts = []
        for effect in effects:
            if isinstance(effect, Say):
                texts.append(desk.engine.catalog.render(language, effect.text))
            elif isinstance(effect, SendPhoto) and effect.caption:
                texts.append(desk.engine.catalog.render(language, effect.caption))
        return Reply(effects, texts, record(desk, language, effects))


def record(desk: Desk, language: str, effects: list[Any]) -> list[dict[str, Any]]:
    """Write down everything one input produced, in order, as plain data for the golden record."""
    render = desk.engine.catalog.render
    out: list[dict[str, Any]] = []
    for effect in effects:
        if isinstance(effect, Say):
            out.append({"say": effect.text.key, "text": render(language, effect.text), **_buttons(render, language, effect.buttons)})
        elif isinstance(effect, SendPhoto):
            caption = {"caption": render(language, effect.caption)} if effect.caption else {}
            out.append({"photo": _digest(Path(effect.path).read_bytes()), **caption})
        elif isinstance(effect, DossierSubmitted):
            out.append({"submitted": effect.receipt_code})
        elif isinstance(effect, AdminPost):
            # The admin chat's buttons are signed and their data is the back office's business: labels only.
            labels = [[render("vi", b.label) for b in row] for row in effect.buttons]
            captions = [render("vi", caption) for caption in effect.captions]
            out.append({"admin": effect.text.key, "text": render("vi", effect.text), "photos": len(effect.photos),
                        **({"captions": captions} if captions else {}), **({"buttons": labels} if labels else {})})
        elif isinstance(effect, EditCard):
            out.append({"edit_card": effect.text.key, "text": render("vi", effect.text)})
        elif isinstance(effect, Notify):
            out.append({"notify": effect.text.key, "text": render(language, effect.text), **_buttons(render, language, effect.buttons)})
        else:
            out.append({"effect": type(effect).__name__})
    return out


def _buttons(render, language: str, rows) -> dict[str, Any]:
    """Every button as "label -> data", row by row (nothing when there are none)."""
    listed = [[f"{render(language, b.label)} -> {b.data}" for b in row] for row in rows]
    return {"buttons": listed} if listed else {}


def _digest(data: bytes) -> str:
    """A short stable digest of generated bytes (images drawn from fixed inputs are byte-identical)."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def parse_now(value: Any) -> datetime:
    """Read a transcript's clock ("2026-03-10 10:00") as Vietnam time."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=VIETNAM)


def keys_in(text: Any) -> set[str]:
    """Return every message key in a Text tree (the message and the messages inside its parameters)."""
    found: set[str] = set()
    if isinstance(text, Text):
        found.add(text.key)
        for value in text.params.values():
            found |= keys_in(value)
    elif isinstance(text, (list, tuple)):
        for value in text:
            found |= keys_in(value)
    return found


def check_expectations(runner: TranscriptRunner, reply: Reply, expect: dict[str, Any], where: str) -> None:
    """Assert what a transcript expects after one input."""
    says = [e for e in reply.effects if isinstance(e, Say)]
    said_keys = set().union(*(keys_in(s.text) for s in says)) if says else set()
    buttons = [b.data for s in says for row in s.buttons for b in row]
    transcript = "\n---\n".join(reply.texts)
    for key in _list(expect.get("say")):
        assert key in said_keys, f"{where}: expected message '{key}', got {sorted(said_keys)}\n{transcript}"
    for key in _list(expect.get("not_say")):
        assert key not in said_keys, f"{where}: did not expect message '{key}'\n{transcript}"
    for fragment in _list(expect.get("contains")):
        assert fragment in transcript, f"{where}: expected {fragment!r} in the replies:\n{transcript}"
    for fragment in _list(expect.get("not_contains")):
        assert fragment not in transcript, f"{where}: did not expect {fragment!r} in the replies:\n{transcript}"
    cards = "\n---\n".join(item["text"] for item in reply.record if "admin" in item or "edit_card" in item)
    for fragment in _list(expect.get("card_contains")):
        assert fragment in cards, f"{where}: expected {fragment!r} on the officials' card:\n{cards}"
    for data in _list(expect.get("buttons")):
        assert data in buttons, f"{where}: expected a button {data!r}, got {buttons}"
    for data in _list(expect.get("no_buttons")):
        assert data not in buttons, f"{where}: did not expect a button {data!r}"
    session = load_session(runner.desk.db, runner.citizen)
    if "step" in expect:
        assert session.step == expect["step"], f"{where}: expected step {expect['step']!r}, at {session.step!r}\n{transcript}"
    for key, value in (expect.get("answers") or {}).items():
        assert session.answers.get(key) == value, f"{where}: answer {key!r} is {session.answers.get(key)!r}, expected {value!r}"
    for key in _list(expect.get("no_answer")):
        assert key not in session.answers, f"{where}: answer {key!r} should not be kept"
    if "photos" in expect:
        for slot, count in expect["photos"].items():
            got = len(session.answers.get(slot) or [])
            assert got == count, f"{where}: slot {slot!r} holds {got} photos, expected {count}\n{transcript}"
    if "submitted" in expect:
        submitted = [e for e in reply.effects if isinstance(e, DossierSubmitted)]
        assert submitted, f"{where}: expected a dossier to be submitted\n{transcript}"
        check_dossier(runner, submitted[-1].receipt_code, expect["submitted"] or {}, where)
    if expect.get("receipt_qr"):
        photos = [e for e in reply.effects if isinstance(e, SendPhoto)]
        assert photos and Path(photos[0].path).exists(), f"{where}: expected the receipt QR image"
    if "in_flow" in expect:
        assert session.in_flow == expect["in_flow"], f"{where}: in_flow is {session.in_flow}"


def check_dossier(runner: TranscriptRunner, code: str, expect: dict[str, Any], where: str) -> None:
    """Assert the stored dossier: receipt code, status, answers, attachments, expected date."""
    from storage.dossiers import attachments_of, get_dossier

    dossier = get_dossier(runner.desk.db, code)
    assert dossier is not None, f"{where}: dossier {code} not stored"
    if "code" in expect:
        assert code == expect["code"], f"{where}: receipt code {code}, expected {expect['code']}"
    assert dossier.status == expect.get("status", 1)
    if "expected_on" in expect:
        assert dossier.expected_on == str(expect["expected_on"]), f"{where}: expected_on {dossier.expected_on}"
    for key, value in (expect.get("answers") or {}).items():
        assert dossier.answers.get(key) == value, f"{where}: dossier answer {key!r} = {dossier.answers.get(key)!r}, expected {value!r}"
    for key in _list(expect.get("absent")):
        assert key not in dossier.answers, f"{where}: dossier should not hold {key!r}"
    if "attachments" in expect:
        stored = attachments_of(runner.desk.db, dossier.id)
        by_slot: dict[str, int] = {}
        for row in stored:
            by_slot[row.slot] = by_slot.get(row.slot, 0) + 1
            assert Path(row.path).exists(), f"{where}: attachment file missing: {row.path}"
        assert by_slot == expect["attachments"], f"{where}: attachments {by_slot}, expected {expect['attachments']}"
    if "consent_version" in expect:
        assert dossier.consent["version"] == str(expect["consent_version"])


def _list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


async def play(runner: TranscriptRunner, script: dict[str, Any], golden: Path | None = None, update: bool = False) -> None:
    """Play every input of a transcript and check each expectation, then the whole record against ``golden``
    (or write it there when ``update``)."""
    recorded: list[dict[str, Any]] = []
    for position, item in enumerate(script["conversation"], start=1):
        label = {k: v for k, v in item.items() if k != "expect"}
        where = f"{script.get('name', 'transcript')} #{position} {json.dumps(label, ensure_ascii=False, default=str)}"
        reply = await runner.send(item)
        recorded.append({"input": json.loads(json.dumps(label, ensure_ascii=False, default=str)), "replies": reply.record})
        check_expectations(runner, reply, item.get("expect") or {}, where)
    if golden is None:
        return
    if update:
        write_golden(golden, recorded)
        return
    assert golden.exists(), f"no golden record {golden.name}: run pytest with --update-transcripts and review it"
    compare_golden(load_golden(golden), recorded, script.get("name", golden.stem))


def write_golden(path: Path, recorded: list[dict[str, Any]]) -> None:
    """Write a transcript's whole record, one entry per input."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Generated by `pytest tests/test_transcripts.py --update-transcripts`: what every input produced, in order.\n"
    body = yaml.dump(recorded, allow_unicode=True, sort_keys=False, width=120, Dumper=_Dumper)
    path.write_text(header + body, encoding="utf-8")


def load_golden(path: Path) -> list[dict[str, Any]]:
    """Read a transcript's golden record."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def compare_golden(golden: list[dict[str, Any]], recorded: list[dict[str, Any]], name: str) -> None:
    """Assert the record equals the golden one input by input, showing the first difference."""
    for position, (want, got) in enumerate(zip(golden, recorded, strict=False), start=1):  # lengths compared after: the first difference shows first
        where = f"{name} #{position} {json.dumps(got['input'], ensure_ascii=False)}"
        assert want["input"] == got["input"], f"{where}: the golden record is of another input {want['input']}; regenerate it"
        assert got["replies"] == want["replies"], (
            f"{where}: the replies differ from the golden record (regenerate with --update-transcripts if intended)\n"
            f"expected:\n{_show(want['replies'])}\ngot:\n{_show(got['replies'])}"
        )
    assert len(golden) == len(recorded), f"{name}: the golden record has {len(golden)} inputs, the transcript {len(recorded)}"


def _show(replies: list[dict[str, Any]]) -> str:
    return yaml.dump(replies, allow_unicode=True, sort_keys=False, width=120, Dumper=_Dumper)


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as literal blocks, so the golden files read like the chat."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def load_script(path: Path) -> dict[str, Any]:
    """Read a transcript file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run(runner: TranscriptRunner, script: dict[str, Any]) -> None:
    """Play a transcript synchronously (for plain pytest functions)."""
    asyncio.run(play(runner, script))
