"""Text hygiene: hidden, reordering and control characters never reach a stored answer or the officials' card."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fluent.runtime import FluentBundle, FluentResource

import main
from bot.desk import VIETNAM
from bot.engine import KINDS, Engine
from bot.events import CardPosted, Citizen, CommandReceived, Official, OfficialPressed, OfficialWrote, TextReceived
from bot.photos import PhotoRules
from bot.settings import Settings
from flows.compiler import load_flows
from flows.text_hygiene import clean_text
from flows.validators import VALIDATORS, Invalid, Valid, ValidationContext, load_vsic
from locales.catalog import LOCALES_DIR, Catalog
from locales.text import Text
from storage import dossiers
from storage.dossiers import create_dossier
from tests.transcript import TranscriptRunner, parse_now, play

ROOT = Path(__file__).resolve().parent.parent
RLO, NUL, ZWSP, BOM, ZWJ = "\u202e", "\x00", "\u200b", "\ufeff", "\u200d"
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)
HYGIENE_KEYS = {"invalid-text-control", "invalid-text-direction", "invalid-text-invisible", "invalid-text-marks"}


def check(validator: str, text: str, **options: Any) -> Valid | Invalid:
    return VALIDATORS[validator](text, ValidationContext(today=date(2026, 3, 5), answers={}, options=options))


def refusal(text: str, **kwargs: Any) -> str | None:
    result = clean_text(text, **kwargs)
    return result.key if isinstance(result, Text) else None


# -- the function ------------------------------------------------------------------------------------


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert clean_text(decomposed) == "Nguyễn Thị Ánh"


@pytest.mark.parametrize("typed, stored", [
    (BOM + "Số 12 Lê Lợi" + ZWSP, "Số 12 Lê Lợi"),         # a BOM and a trailing zero-width space from a paste
    ("Lê" + ZWSP + "Lợi", "LêLợi"),                         # invisible inside too: stored as it looked
    ("đ" + "\u2060" + "m", "đm"),                           # so a hidden character cannot split a word past a filter
    ("Số\u00ad12", "Số12"),                                 # a soft hyphen from a word processor
    ("\u202a0912 345 678\u202c", "0912 345 678"),           # Android wraps a copied phone number left-to-right
    ("\u2066Số 12\u2069", "Số 12"),
])
def test_harmless_invisible_characters_are_removed(typed: str, stored: str) -> None:
    assert clean_text(typed) == stored


@pytest.mark.parametrize("typed", [
    "Số 12 " + RLO + "iợL êL",            # right-to-left override: the card would show another text
    "\u202bSố 12\u202c", "\u202dSố 12", "\u2067Số 12\u2069", "\u2068Số 12", "Số\u200f 12",
    "\u202aSố \u202e12\u202c",            # a left-to-right wrapper does not excuse an override inside
    "Số 12\u202a",                        # an opener at the end is not a wrapper
])
def test_direction_controls_are_refused(typed: str) -> None:
    assert refusal(typed) == "invalid-text-direction"


@pytest.mark.parametrize("typed", ["Số 12" + NUL, "Số\x0712", "Số\x1b[31m12", "Số\x7f12", "Số\x8512", "Số\x9b12"])
def test_control_characters_are_refused(typed: str) -> None:
    assert refusal(typed) == refusal(typed, multiline=True) == "invalid-text-control"


def test_newlines_and_tabs_are_whitespace() -> None:
    assert clean_text("Số 12\r\nLê Lợi\tTây Ninh") == "Số 12  Lê Lợi Tây Ninh"
    assert clean_text("Dòng một\r\nDòng hai\rDòng ba\tcuối", multiline=True) == "Dòng một\nDòng hai\nDòng ba cuối"


@pytest.mark.parametrize("typed", ["Số 12\u2061", "Số 12\U000e0041", "Số \ud800 12"])
def test_other_invisible_characters_and_lone_surrogates_are_refused(typed: str) -> None:
    assert refusal(typed) == "invalid-text-invisible"


def test_combining_marks_one_or_two_per_letter_stacks_refused() -> None:
    assert clean_text("Tha\u0302\u0323y") == "Thậy"                  # decomposed Vietnamese composes away
    assert clean_text("q\u0302\u0323") == unicodedata.normalize("NFC", "q\u0302\u0323")  # two marks, no precomposed form
    assert clean_text("❤\ufe0f 1\ufe0f\u20e3") == "❤\ufe0f 1\ufe0f\u20e3"  # emoji selectors and keycaps
    assert refusal("q\u0302\u0323\u0301") == "invalid-text-marks"
    assert refusal("An" + "\u0301" * 8) == "invalid-text-marks"      # the stack of 8 from the report
    assert refusal("\u0301An") == refusal("An \u0301") == "invalid-text-marks"  # a mark on no letter


def test_emoji_in_free_text_survive() -> None:
    family = "👨" + ZWJ + "👩" + ZWJ + "👧"
    assert clean_text("Cảm ơn 👍🏽 " + family, multiline=True) == "Cảm ơn 👍🏽 👨👩👧"


# -- every validator goes through it -----------------------------------------------------------------

SAMPLES = {
    "person_name": "Nguyễn Văn An", "free_text": "Bệnh viện tỉnh", "address": "Số 12, thôn Phú Mỹ",
    "date": "01/03/2026", "date_or_year": "2020", "personal_id": "001203012345", "phone": "0912345678",
    "email": "ten@example.com", "business_name": "Minh Anh", "vsic_code": "4711", "money_vnd": "50 triệu",
    "positive_int": "3", "ethnicity": "Kinh", "nationality": "Việt Nam", "tax_code": "8012345678",
    "adult_birth_date": "01/03/1990",
    "passport_number": "C1234567",
}


def test_every_validator_is_covered_by_a_sample() -> None:
    assert set(SAMPLES) == set(VALIDATORS)


@pytest.mark.parametrize("validator", sorted(SAMPLES))
def test_every_validator_refuses_hidden_characters(validator: str) -> None:
    sample = SAMPLES[validator]
    assert isinstance(check(validator, sample), Valid)
    middle = len(sample) // 2
    for bad, key in ((RLO, "invalid-text-direction"), (NUL, "invalid-text-control"), ("\x85", "invalid-text-control")):
        result = check(validator, sample[:middle] + bad + sample[middle:])
        assert isinstance(result, Invalid) and result.error.key == key, (validator, bad, result)
    pasted = check(validator, BOM + sample + ZWSP)
    assert isinstance(pasted, Valid) and pasted.value == check(validator, sample).value, (validator, pasted)


def test_the_address_and_name_from_the_report() -> None:
    for address in ("Số 12" + NUL + " Lê Lợi", "Số 12 " + RLO + "iợL êL", "Số 12 Lê" + ZWJ + "\u202d Lợi"):
        assert isinstance(check("address", address), Invalid)
    assert check("address", "Số 12 Lê" + ZWSP + " Lợi" + ZWSP).value == "Số 12 Lê Lợi"
    name = check("person_name", "Nguyễn Văn A" + "\u0301" * 8)
    assert isinstance(name, Invalid) and name.error.key == "invalid-text-marks"


def test_free_text_keeps_its_lines() -> None:
    assert check("free_text", "Dòng một\r\nDòng hai").value == "Dòng một\nDòng hai"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_messages_render_in_both_languages(language: str) -> None:
    bundle = FluentBundle([language], use_isolating=False)
    bundle.add_resource(FluentResource((ROOT / "locales" / language / "validators.ftl").read_text(encoding="utf-8")))
    for key in HYGIENE_KEYS:
        rendered, errors = bundle.format_pattern(bundle.get_message(key).value, {})
        assert not errors and rendered and "{" not in rendered
        if language == "vi":
            assert "Ông/Bà" in rendered


# -- in a conversation: refused, asked again, nothing lost ----------------------------------------------


@pytest.fixture(scope="module")
def engine() -> Engine:
    catalog = Catalog(LOCALES_DIR)
    flows = load_flows(ROOT / "flows", catalog.keys(), VALIDATORS, KINDS)
    return Engine(flows=flows, catalog=catalog, rules=PhotoRules(), vsic=load_vsic(ROOT / "flows" / "reference" / "vsic2018.csv"))


async def test_a_refused_answer_keeps_the_citizen_at_the_question(engine: Engine, tmp_path: Path) -> None:
    runner = TranscriptRunner(engine, tmp_path, parse_now("2026-03-10 10:00"))
    script = {"name": "hygiene", "conversation": [
        {"press": "m:birth_registration"},
        {"press": "a:consent:yes"},
        {"text": "cha", "expect": {"step": "requester_id_card"}},
        {"album": [{"kind": "document", "seed": 31}, {"kind": "document", "seed": 32}]},
        {"text": "Trần Văn B" + "\u0301" * 8,
         "expect": {"step": "requester_name", "say": ["invalid-text-marks", "birth-requester-name"], "contains": "Ông/Bà"}},
        {"text": BOM + "Trần Văn Bình" + ZWSP, "expect": {"step": "requester_id", "answers": {"requester_name": "Trần Văn Bình"}}},
        {"text": "001093012345"},
        {"text": "tay ninh"},
        {"text": "tan ninh", "expect": {"step": "requester_residence", "say": "place-street"}},
        {"text": "Số 5 " + RLO + "iợL êL, Tây Ninh",
         "expect": {"step": "requester_residence", "say": "invalid-text-direction", "no_answer": "requester_residence"}},
        {"text": "Số 5" + NUL + " Lê Lợi, Tây Ninh", "expect": {"step": "requester_residence", "say": "invalid-text-control"}},
        {"text": "Số 5 Lê Lợi, Tây Ninh" + ZWSP,
         "expect": {"step": "requester_phone", "answers": {"requester_name": "Trần Văn Bình", "requester_residence": {"province_code": "80", "province": "Tây Ninh", "commune_code": "25459", "commune": "Phường Tân Ninh", "street": "Số 5 Lê Lợi, Tây Ninh"}}}},
    ]}
    await play(runner, script)


@pytest.fixture
def service(tmp_path: Path):
    settings = replace(Settings(), data_dir=tmp_path / "data")
    built = main.build(settings, clock=lambda: NOW)
    yield built
    built.db.close()


async def test_feedback_with_an_override_is_refused_and_still_awaited(service) -> None:
    citizen = Citizen("telegram", "1001")

    async def send(event: Any) -> list[Any]:
        return await service.desk.handle(event, _no_fetch)

    assert "Say:feedback-ask" in _keys(await send(CommandReceived(citizen, "gopy", "")))
    refused = await send(TextReceived(citizen, "Rất tốt " + RLO + "gnol oát"))
    assert _keys(refused) == ["Say:invalid-text-direction"], "refused, and nothing posted to the officials"
    thanked = await send(TextReceived(citizen, "Rất tốt" + ZWSP))
    assert _keys(thanked) == ["Say:feedback-thanks", "AdminPost:admin-feedback"], "the next text is still the feedback"
    assert thanked[1].text.params["text"] == "Rất tốt"


async def test_an_officials_reason_with_a_control_character_is_refused_and_still_awaited(service) -> None:
    dossier = create_dossier(
        service.db, office_code="000.00.59.H80", channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=1,
        answers={"requester_name": "Nguyễn Văn An"}, shown={}, consent={"version": "2026-01"}, submitted_at=NOW,
        expected_on=NOW.date(),
    )
    service.desk.report(CardPosted(dossier.id, 501))
    _, rows = service.backoffice.card(dossier.id)
    refuse = next(b.data for row in rows for b in row if b.label.key == "action-refuse")
    official = Official("2001", "Cán bộ Hòa")
    asked = await service.desk.handle_official(OfficialPressed(official, refuse))  # refusing is confirmed first
    confirm = asked[-1].buttons[0][0].data
    assert "AdminPost:admin-ask-reason" in _keys(await service.desk.handle_official(OfficialPressed(official, confirm)))
    refused = await service.desk.handle_official(OfficialWrote(official, "Sai" + NUL + " thẩm quyền"))
    assert _keys(refused) == ["AdminPost:invalid-text-control"]
    assert dossiers.get_dossier_by_id(service.db, dossier.id).state == "new"
    await service.desk.handle_official(OfficialWrote(official, BOM + "Sai thẩm quyền"))
    stored = dossiers.get_dossier_by_id(service.db, dossier.id)
    assert (stored.state, stored.reason) == ("not_accepted", "Sai thẩm quyền")


async def _no_fetch(ref: Any) -> bytes:
    raise AssertionError("nothing to download")


def _keys(effects: list[Any]) -> list[str]:
    return [f"{type(e).__name__}:{e.text.key}" for e in effects if hasattr(e, "text") and isinstance(e.text, Text)]
