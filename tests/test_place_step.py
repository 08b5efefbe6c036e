"""The place step in a conversation: province, commune, street; back within it; same_as; what officials see."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot import buttons
from bot.buttons import PlacePick
from bot.channels.zalo.menus import build_menu, match, menu_text
from bot.effects import Say
from bot.engine import KINDS, Engine
from bot.engine.core import Context
from bot.engine.steps import card_line
from bot.events import ButtonPressed, Citizen, CommandReceived, TextReceived
from bot.session import Session
from flows.compiler import FlowError, load_flows
from flows.validators import VALIDATORS
from locales.catalog import LOCALES_DIR, Catalog

NOW = Context(now=datetime(2026, 3, 10, 10, 0))
CITIZEN = Citizen("telegram", "7")

FLOW = """
id: places_test
version: 1
messages: birth
title: birth-title
consent_version: "t"
processing: {working_days: 1, fee: birth_registration}
steps:
  - id: consent
    kind: consent
    prompt: consent-birth
  - id: requester_residence
    kind: place
  - id: child_hometown
    kind: place
    street_prompt: birth-child-hometown-street
    street_optional: true
  - id: mother_residence
    kind: place
    same_as: [requester_residence]
  - id: review
    kind: review
  - id: submit
    kind: submit
"""

TAN_NINH = {"province_code": "80", "province": "Tây Ninh", "commune_code": "25459", "commune": "Phường Tân Ninh", "street": "Số 5 Lê Lợi"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(LOCALES_DIR)


@pytest.fixture(scope="module")
def engine(catalog: Catalog, tmp_path_factory) -> Engine:
    folder = tmp_path_factory.mktemp("flows")
    (folder / "places_test.yaml").write_text(FLOW, encoding="utf-8")
    return Engine(flows=load_flows(folder, catalog.keys(), VALIDATORS, KINDS), catalog=catalog)


class Chat:
    """A citizen talking to the engine directly; keeps the last replies rendered in Vietnamese."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = Session(citizen=CITIZEN)
        self.replies: list[Say] = []

    def _run(self, event) -> str:
        self.replies = [e for e in self.engine.handle(self.session, event, NOW) if isinstance(e, Say)]
        return self.text

    @property
    def text(self) -> str:
        return "\n".join(self.engine.catalog.render("vi", say.text) for say in self.replies)

    @property
    def buttons(self) -> dict[str, str]:
        """Button data -> label, of the last replies."""
        return {b.data: self.engine.catalog.render("vi", b.label) if not isinstance(b.label, str) else b.label
                for say in self.replies for row in say.buttons for b in row}

    def type(self, text: str) -> str:
        return self._run(TextReceived(CITIZEN, text))

    def press(self, data: str) -> str:
        assert data in self.buttons, f"{data} not offered: {list(self.buttons)[:10]}"
        return self._run(ButtonPressed(CITIZEN, data))

    def command(self, command: str) -> str:
        return self._run(CommandReceived(CITIZEN, command))

    @property
    def step(self) -> str:
        return self.session.step or ""


@pytest.fixture
def chat(engine: Engine) -> Chat:
    chat = Chat(engine)
    chat.engine.start_flow(chat.session, "places_test", NOW)
    chat._run(ButtonPressed(CITIZEN, "a:consent:yes"))
    assert chat.step == "requester_residence"
    return chat


def test_the_province_is_picked_by_button_then_the_commune_by_words_then_the_street(chat: Chat) -> None:
    assert "chọn tỉnh/thành phố" in chat.text
    assert len([d for d in chat.buttons if d.startswith("pl:requester_residence:p:")]) == 34
    assert all(len(row) <= 3 for say in chat.replies for row in say.buttons)  # a compact grid, not 34 rows
    assert chat.buttons["pl:requester_residence:p:79"] == "Hồ Chí Minh"
    assert "Ông/Bà gõ tên xã, phường" in chat.press("pl:requester_residence:p:80")
    assert "Hưng Điền" in chat.text  # an example taken from the province's own communes
    assert "Địa chỉ: Phường Tân Ninh, Tây Ninh" in chat.type("tan ninh")  # one exact name: taken at once
    chat.type("Số 5 Lê Lợi")
    assert chat.step == "child_hometown"
    assert chat.session.answers["requester_residence"] == TAN_NINH
    assert chat.session.shown["requester_residence"] == "Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh"
    assert chat.session.item is None


def test_a_province_may_be_typed_without_accents_or_by_a_common_name(chat: Chat) -> None:
    assert "Tỉnh/thành phố: Hồ Chí Minh" in chat.type("hcm")
    chat.command("back")
    assert "Tỉnh/thành phố: Tây Ninh" in chat.type("tay ninh")
    chat.command("back")
    assert "Tỉnh/thành phố: Hồ Chí Minh" in chat.type("tp hồ chí minh")


def test_several_matches_are_offered_as_buttons_and_a_word_search_narrows(chat: Chat) -> None:
    chat.type("Tây Ninh")
    chat.type("tân")
    offered = [label for data, label in chat.buttons.items() if data.startswith("pl:requester_residence:c:")]
    assert len(offered) == 8 and "Xã Tân Hưng" in offered
    assert "gõ thêm chữ" in chat.text  # more than eight: told to type more
    assert chat.step == "requester_residence"
    chat.type("ninh")
    assert "Phường Tân Ninh" in chat.buttons.values() and "gõ thêm chữ" not in chat.text
    assert "Địa chỉ: Phường Tân Ninh, Tây Ninh" in chat.press("pl:requester_residence:c:25459")
    assert chat.step == "requester_residence" and "requester_residence" not in chat.session.answers


def test_no_match_says_so_with_an_example_and_keeps_the_step(chat: Chat) -> None:
    chat.type("Tây Ninh")
    reply = chat.type("Phường Không Tồn Tại")
    assert "không tìm thấy" in reply and "ví dụ: Hưng Điền" in reply and "/back" in reply
    assert chat.step == "requester_residence" and "requester_residence" not in chat.session.answers
    assert "Địa chỉ: Xã Tân Hưng, Tây Ninh" in chat.type("tan hung")  # and the next words are searched again


def test_bad_input_keeps_each_part(chat: Chat) -> None:
    assert "chưa tìm thấy tỉnh/thành phố “Sao Hỏa”" in chat.type("Sao Hỏa")
    chat.type("tay ninh")
    chat.type("tan hung")
    for placeholder in ("như trên", "Không", "-", "NT"):
        assert "chưa phải là địa chỉ" in chat.type(placeholder), placeholder
    assert "ngắn quá" in chat.type("12")
    assert chat.step == "requester_residence" and "requester_residence" not in chat.session.answers
    chat.type("Ấp 3")
    assert chat.session.answers["requester_residence"]["street"] == "Ấp 3"


def test_back_goes_one_part_back_then_to_the_previous_question(chat: Chat) -> None:
    chat.type("tay ninh")
    chat.type("tan ninh")
    chat.type("Số 5 Lê Lợi")
    assert chat.step == "child_hometown"
    chat.type("hcm")
    assert "Quê quán: Phường Bến Thành" in chat.type("ben thanh")
    assert "Tỉnh/thành phố: Hồ Chí Minh" in chat.command("back")  # street -> commune
    assert "chọn tỉnh/thành phố" in chat.press("b:child_hometown")  # commune -> province (the back button too)
    chat.command("back")  # province -> the previous question
    assert chat.step == "requester_residence"
    assert "Đang ghi: Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh" in chat.text


def test_an_optional_street_may_be_skipped(chat: Chat) -> None:
    chat.type("tay ninh"), chat.type("tan ninh"), chat.type("Số 5 Lê Lợi")
    chat.type("Tây Ninh")
    assert "Quê quán: Xã Tân Hưng, Tây Ninh" in chat.type("xã tân hưng")
    chat.press("k:child_hometown")
    assert chat.session.answers["child_hometown"]["street"] == ""
    assert chat.session.shown["child_hometown"] == "Xã Tân Hưng, Tây Ninh"


def test_same_as_copies_an_earlier_place_when_there_is_one(chat: Chat) -> None:
    chat.type("tay ninh"), chat.type("tan ninh"), chat.type("Số 5 Lê Lợi")
    assert not any(":s:" in data for data in chat.buttons)  # hometown has no same_as
    chat.type("Tây Ninh"), chat.type("tân hưng"), chat.type("bỏ qua")
    assert chat.step == "mother_residence"
    assert chat.buttons["pl:mother_residence:s:requester_residence"] == "Giống Nơi cư trú người yêu cầu"
    chat.press("pl:mother_residence:s:requester_residence")
    assert chat.step == "review"
    assert chat.session.answers["mother_residence"] == TAN_NINH
    assert "Nơi cư trú mẹ: Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh" in chat.text


def test_review_and_card_lines_read_street_commune_province_and_editing_restarts(chat: Chat, engine: Engine) -> None:
    chat.type("tay ninh"), chat.type("tan ninh"), chat.type("Số 5 Lê Lợi")
    chat.type("Tây Ninh"), chat.type("tân hưng"), chat.type("Ấp 3")
    chat.press("pl:mother_residence:s:requester_residence")
    assert "Nơi cư trú người yêu cầu: Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh" in chat.text
    assert "Quê quán: Ấp 3, Xã Tân Hưng, Tây Ninh" in chat.text
    step = engine.flows["places_test"].flow.step("requester_residence")
    line = card_line(step, chat.session.answers, chat.session.shown)
    assert "Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh" in engine.catalog.render("vi", line)
    line = card_line(step, {"requester_residence": TAN_NINH}, {})  # without the shown form, from the codes' names
    assert "Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh" in engine.catalog.render("vi", line)
    chat.press("r:edit")
    assert "chọn tỉnh/thành phố" in chat.press("e:requester_residence")
    assert "Đang ghi: Số 5 Lê Lợi" in chat.text
    chat.type("hcm"), chat.type("ben thanh"), chat.type("Số 1 Lê Lợi")
    assert chat.step == "review"
    assert chat.session.answers["requester_residence"]["commune"] == "Phường Bến Thành"


def test_a_commune_of_another_province_or_a_stale_button_is_refused(chat: Chat) -> None:
    chat.type("tay ninh")
    chat._run(ButtonPressed(CITIZEN, buttons.encode(PlacePick("requester_residence", "c", "26743"))))  # Bến Thành, HCM
    assert "câu hỏi cũ" in chat.text or "Nút này" in chat.text
    assert chat.step == "requester_residence" and "requester_residence" not in chat.session.answers


def test_a_flow_naming_a_wrong_same_as_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(FLOW.replace("same_as: [requester_residence]", "same_as: [father_residence]"), encoding="utf-8")
    with pytest.raises(FlowError, match="same_as names 'father_residence'"):
        load_flows(tmp_path, catalog.keys(), VALIDATORS, KINDS)


def test_on_zalo_the_provinces_are_a_numbered_list_and_a_name_or_number_picks(chat: Chat, engine: Engine) -> None:
    chat.type("tay ninh"), chat.type("tan ninh"), chat.type("Số 5 Lê Lợi")
    chat.type("Tây Ninh"), chat.type("tân hưng"), chat.type("bỏ qua")
    say = chat.replies[-1]
    render = lambda text: engine.catalog.render("vi", text)  # noqa: E731
    menu = build_menu(say.buttons, render)
    assert menu.numbered and len(menu.options) == 35  # "same as" first, then the 34 provinces
    lines = menu_text(menu).splitlines()
    assert lines[0] == "1. Giống Nơi cư trú người yêu cầu" and lines[-1] == "35. Cà Mau"
    assert match(menu, "1") == "pl:mother_residence:s:requester_residence"
    assert match(menu, "tây ninh") == "pl:mother_residence:p:80"
    assert match(menu, "36") is None
    text = render(say.text)
    assert "chạm" not in text.lower() and "bấm" not in text.lower()


def test_a_citizen_who_cannot_find_the_commune_is_offered_help_and_can_leave_it_to_an_officer(chat: Chat) -> None:
    chat.type("Tây Ninh")
    chat.type("khong co xa nay")
    chat.type("van khong co")
    assert "h:requester_residence" not in chat.buttons, "two misses are not yet a reason to give up"
    chat.type("xa khong ton tai")
    assert "h:requester_residence" in chat.buttons, chat.text
    assert "Để cán bộ hỗ trợ" in chat.buttons["h:requester_residence"]
    chat.press("h:requester_residence")
    assert chat.step == "child_hometown", "the filing goes on at the next question"
    assert chat.session.answers["requester_residence"] == ""
    assert chat.session.item is None, "nothing is left of the place half picked"
    assert "gõ tên xã, phường" in chat.type("Cao Bằng"), "the next place is asked from its province as usual"
