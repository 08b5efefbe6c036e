"""The back office through the host, without a chat platform: what officials see and what their actions do.

Each test files a dossier straight into storage, presses the card's buttons and types replies as an official
would (``Desk.handle_official``, one transaction each), and checks the replies, the stored dossier, the
message the citizen gets and the audit log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

import main
from bot import buttons
from bot.buttons import CancelTask, ItemsChosen, OfficialAction, PickItem, Rate, StartSupplement, UseDefaultDate, encode
from bot.desk import VIETNAM
from bot.effects import AdminPost, EditCard, EditPressed, Notify, Text, Toast
from bot.events import CardPosted, Official, OfficialPressed, OfficialWrote
from bot.settings import Settings
from storage import audit, dossiers
from storage.dossiers import create_dossier

HOA = Official("2001", "Cán bộ Hòa")
STRANGER = Official("3003", "Người lạ")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)
CARD_MESSAGE = 501
ANSWERS = {"consent": "yes", "relationship": "father", "requester_name": "Nguyễn Văn An", "child_name": "Nguyễn Minh Khôi"}


class AdminChat:
    """One office, one dossier whose card is posted in the admin chat, and officials acting on it."""

    def __init__(self, tmp_path) -> None:
        settings = replace(Settings(), data_dir=tmp_path / "data")
        self.services = main.build(settings, clock=lambda: NOW)
        self.db = self.services.db
        self.id = create_dossier(
            self.db, office_code="000.00.59.H80", channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=1,
            answers=ANSWERS, shown={}, consent={"version": "2026-01"}, submitted_at=NOW, expected_on=NOW.date().replace(day=13),
        ).id
        self.services.desk.report(CardPosted(self.id, CARD_MESSAGE))

    @property
    def dossier(self):
        return dossiers.get_dossier_by_id(self.db, self.id)

    def card_buttons(self) -> dict[str, str]:
        """Return the card's buttons as the admin chat shows them now: action label key -> callback data."""
        _, rows = self.services.backoffice.card(self.id)
        return {b.label.key: b.data for row in rows for b in row}

    async def press(self, data: str, who: Official = HOA) -> list:
        return await self.services.desk.handle_official(OfficialPressed(who, data))

    async def act(self, action: str, who: Official = HOA, confirm: bool = True) -> list:
        """Press an action on the card; confirm it when the back office asks (irreversible actions)."""
        reply = await self.press(self.card_buttons()[f"action-{action}"], who)
        if confirm and reply and reply[-1].text.key == "admin-confirm":
            reply = await self.press(reply[-1].buttons[0][0].data, who)
        return reply

    async def write(self, text: str, who: Official = HOA) -> list:
        return await self.services.desk.handle_official(OfficialWrote(who, text))

    def applied(self) -> list[str]:
        return [e.action for e in audit.entries(self.db, self.dossier.receipt_code) if e.action.startswith("dossier.")]


@pytest.fixture
def chat(tmp_path):
    chat = AdminChat(tmp_path)
    yield chat
    chat.db.close()


def keys(effects: list) -> list[str]:
    return [f"{type(e).__name__}:{e.text.key}" for e in effects]


def status_of(card_text) -> str:
    """The status key a card's text shows."""
    return next(line.params["status"].key for line in card_text.params["lines"] if line.key == "card-status")


def test_the_card_shows_signed_buttons_for_what_an_official_may_do_now(chat):
    shown = chat.card_buttons()
    assert list(shown) == ["action-accept", "action-request_supplement", "action-refuse", "action-stop"]
    secret = chat.services.backoffice.secret
    assert [buttons.verify(data, secret) for data in shown.values()] == [
        OfficialAction(action, chat.id, 0) for action in ("accept", "request_supplement", "refuse", "stop")]


async def test_accepting_moves_the_dossier_redraws_the_card_and_tells_the_citizen(chat):
    reply = await chat.act("accept")
    assert keys(reply) == ["Toast:admin-done", "AdminPost:acted", "EditCard:card", "Notify:notify-accepted"]
    line, edit, notify = reply[1], reply[2], reply[3]
    assert line.text.params["lines"][0] == Text("acted-accept", {"official": HOA.name, "code": chat.dossier.receipt_code})
    assert edit.message_id == CARD_MESSAGE and status_of(edit.text) == "state-accepted"
    assert [b.label.key for row in edit.buttons for b in row] == ["action-start", "action-approve", "action-request_supplement", "action-stop"]
    assert (notify.channel, notify.user_id) == ("telegram", "1001")
    stored = chat.dossier
    assert (stored.state, stored.status, stored.version, stored.last_actor, stored.last_action) == ("accepted", 2, 1, HOA.name, "accept")
    assert chat.applied() == ["dossier.accept"]


async def test_a_button_of_an_outdated_card_changes_nothing(chat):
    stale = chat.card_buttons()["action-stop"]
    await chat.act("accept")
    reply = await chat.press(stale)
    assert keys(reply) == ["Toast:admin-outdated", "EditCard:card"]
    assert chat.dossier.state == "accepted" and chat.applied() == ["dossier.accept"]


async def test_refusing_asks_for_a_reason_and_stores_it(chat):
    reply = await chat.act("refuse")
    assert keys(reply) == ["EditPressed:admin-confirmed", "Toast:admin-task-started", "AdminPost:admin-ask-reason"]
    assert chat.dossier.state == "new", "nothing applies before the reason is given"
    again = await chat.write("ok")
    assert keys(again) == ["AdminPost:admin-ask-reason"] and again[0].text.params["action"].key == "action-refuse"
    done = await chat.write("  Sai   thẩm quyền  ")
    assert keys(done) == ["Toast:admin-done", "AdminPost:acted", "EditCard:card", "Notify:notify-not_accepted"]
    assert done[3].text.params["reason"] == "Sai thẩm quyền"
    assert done[1].text.params["lines"][1] == Text("acted-reason", {"reason": "Sai thẩm quyền"}), "the group reads why"
    stored = chat.dossier
    assert (stored.state, stored.status, stored.reason) == ("not_accepted", 3, "Sai thẩm quyền")
    assert audit.entries(chat.db, stored.receipt_code)[-1].detail == {
        "from": "new", "to": "not_accepted", "official": HOA.user_id, "reason": "Sai thẩm quyền"}
    assert await chat.write("more words") == [], "the task is over"


async def test_a_supplement_request_asks_the_items_then_the_reason(chat):
    reply = await chat.act("request_supplement")
    picker = reply[1]
    assert keys(reply) == ["Toast:admin-task-started", "AdminPost:admin-pick-items"]
    offered = [b.label.params["label"].key for row in picker.buttons[:-1] for b in row]
    assert offered == ["birth-relationship-label", "birth-requester-name-label", "birth-child-name-label"], "answered steps, never the consent"
    assert [b.data for b in picker.buttons[-1]] == [encode(ItemsChosen(chat.id)), encode(CancelTask(chat.id))]

    assert keys(await chat.press(encode(ItemsChosen(chat.id)))) == ["Toast:admin-select-items"]
    assert keys(await chat.write("Sai tên")) == ["AdminPost:admin-select-items"]
    ticked = await chat.press(encode(PickItem(chat.id, 2)))
    assert isinstance(ticked[0], EditPressed) and ticked[0].buttons[1][0].label.params["mark"] == "✅ "
    await chat.press(encode(PickItem(chat.id, 1)))
    await chat.press(encode(PickItem(chat.id, 1)))  # ticked twice: unticked
    assert keys(await chat.press(encode(ItemsChosen(chat.id)))) == ["EditPressed:admin-ask-reason"]
    done = await chat.write("Tên của cháu viết sai dấu")
    assert keys(done) == ["Toast:admin-done", "AdminPost:acted", "EditCard:card", "Notify:notify-supplement_requested"]
    assert done[3].buttons == ((done[3].buttons[0][0],),) and buttons.decode(done[3].buttons[0][0].data) == StartSupplement(chat.id)
    stored = chat.dossier
    assert (stored.state, stored.supplement, stored.reason) == ("supplement_requested", ["child_name"], "Tên của cháu viết sai dấu")


async def test_approving_with_the_proposed_date_stores_the_date_and_fee(chat):
    await chat.act("accept")
    reply = await chat.act("approve")
    assert keys(reply) == ["EditPressed:admin-confirmed", "Toast:admin-task-started", "AdminPost:admin-ask-pickup"]
    assert [b.data for b in reply[2].buttons[0]] == [encode(UseDefaultDate(chat.id)), encode(CancelTask(chat.id))]
    done = await chat.press(encode(UseDefaultDate(chat.id)))
    assert keys(done) == ["EditPressed:admin-pickup-chosen", "Toast:admin-done", "AdminPost:acted", "EditCard:card", "Notify:notify-done"]
    assert done[2].text.params["lines"][1] == Text("acted-pickup", {"date": "13/03/2026"})
    stored = chat.dossier
    assert (stored.state, stored.status, stored.pickup_on, stored.fee) == ("done", 9, "2026-03-13", 0)
    assert stored.done_at == NOW.isoformat(timespec="seconds")


async def test_approving_with_a_typed_date_refuses_a_past_one(chat):
    await chat.act("accept")
    await chat.act("approve")
    assert keys(await chat.write("01/03/2026")) == ["AdminPost:admin-pickup-past"]
    assert keys(await chat.write("31/02/2026")) == ["AdminPost:admin-bad-date"]
    assert keys(await chat.write("16/03/2026"))[-1] == "Notify:notify-done"
    assert chat.dossier.pickup_on == "2026-03-16"


async def test_handing_over_asks_the_citizen_for_a_rating(chat):
    await chat.act("accept")
    await chat.act("approve")
    await chat.press(encode(UseDefaultDate(chat.id)))
    notify = (await chat.act("hand_over"))[-1]
    assert isinstance(notify, Notify) and notify.text.key == "notify-handed_over"
    assert [buttons.decode(b.data) for row in notify.buttons for b in row] == [Rate(chat.id, n) for n in range(1, 6)]


async def test_a_cancelled_task_applies_nothing(chat):
    await chat.act("stop")
    assert keys(await chat.press(encode(CancelTask(chat.id)))) == ["EditPressed:admin-task-cancelled"]
    assert await chat.write("Hồ sơ nộp nhầm nơi") == []
    assert chat.dossier.state == "new" and chat.applied() == []


async def test_only_officials_act_and_forged_buttons_are_refused(chat):
    accept = chat.card_buttons()["action-accept"]
    assert keys(await chat.press(accept, STRANGER)) == ["Toast:admin-not-allowed"]
    assert await chat.write("Sai thẩm quyền", STRANGER) == []
    forged = accept.rsplit(":", 1)[0] + ":AAAAAAAA"
    assert keys(await chat.press(forged)) == ["Toast:admin-forged"]
    other = buttons.sign(OfficialAction("accept", chat.id + 1, 0), b"not the office's secret")
    assert keys(await chat.press(other)) == ["Toast:admin-forged"]
    assert chat.dossier.version == 0 and chat.applied() == []
    refused = [e.action for e in audit.entries(chat.db, "admin-chat")]
    assert refused == ["admin.refused", "admin.forged", "admin.forged"]


async def test_a_task_button_without_a_task_says_the_task_is_over_and_loses_its_buttons(chat):
    assert keys(await chat.press(encode(UseDefaultDate(chat.id)))) == ["Toast:admin-prompt-stale", "EditPressed:admin-prompt-closed"]
    assert keys(await chat.press("os:x")) == ["Toast:admin-forged"]


def test_a_citizens_withdrawal_redraws_the_card_and_tells_the_officials(chat):
    backoffice = chat.services.backoffice
    effects = backoffice.citizen_changed(chat.dossier, "withdraw", "citizen:telegram:1001")
    assert keys(effects) == ["EditCard:card", "AdminPost:admin-citizen-withdraw"]
    assert isinstance(effects[0], EditCard) and isinstance(effects[1], AdminPost)
    stored = chat.dossier
    assert (stored.state, stored.status, stored.last_actor) == ("withdrawn", 7, "Công dân")
    entry = audit.entries(chat.db, stored.receipt_code)[-1]
    assert (entry.actor, entry.action, entry.detail) == ("citizen:telegram:1001", "dossier.withdraw", {"from": "new", "to": "withdrawn"})


def test_a_citizen_change_on_an_outdated_dossier_applies_nothing(chat):
    seen = chat.dossier
    assert chat.services.backoffice.citizen_changed(seen, "withdraw", "citizen:telegram:1001")
    assert chat.services.backoffice.citizen_changed(seen, "withdraw", "citizen:telegram:1001") == []
    assert chat.applied() == ["dossier.withdraw"]


async def test_toasts_are_alerts_only_when_something_was_refused(chat):
    assert [e.alert for e in await chat.act("accept") if isinstance(e, Toast)] == [False]
    assert [e.alert for e in await chat.press(encode(ItemsChosen(chat.id))) if isinstance(e, Toast)] == [True]


# -- the appointment to collect the result: a working day, not before the due date (issue 12) -----------------


def prompt_text(chat, effects) -> str:
    """Render the posts an official sees in the admin chat."""
    return "\n".join(chat.services.catalog.render("vi", e.text) for e in effects if isinstance(e, AdminPost))


async def test_the_date_prompt_names_the_due_date_and_offers_it(chat):
    await chat.act("accept")
    prompt = prompt_text(chat, await chat.act("approve"))
    assert "Hạn giải quyết: 13/03/2026" in prompt and "ngày làm việc" in prompt and "hẹn ngày 13/03/2026" in prompt


async def test_a_saturday_is_refused_with_the_next_working_day_named_and_offered(chat):
    await chat.act("accept")
    await chat.act("approve")
    refused = await chat.write("14/03/2026")
    assert keys(refused) == ["AdminPost:admin-pickup-day-off"]
    text = prompt_text(chat, refused)
    assert "14/03/2026 là ngày nghỉ (Thứ Bảy)" in text and "Ngày làm việc tiếp theo: 16/03/2026" in text
    assert chat.dossier.state == "accepted" and chat.dossier.pickup_on is None
    assert [b.label.params["date"] for row in refused[0].buttons for b in row if b.label.key == "admin-use-date"] == ["16/03/2026"]
    await chat.press(encode(UseDefaultDate(chat.id)))  # one press takes the day offered
    assert chat.dossier.state == "done" and chat.dossier.pickup_on == "2026-03-16"


async def test_a_public_holiday_is_refused_by_its_name(chat):
    await chat.act("accept")
    await chat.act("approve")
    text = prompt_text(chat, await chat.write("02/09/2026"))
    assert "02/09/2026 là ngày nghỉ (Quốc khánh)" in text and "Ngày làm việc tiếp theo: 03/09/2026" in text
    assert chat.dossier.pickup_on is None


async def test_a_day_before_the_due_date_is_refused(chat):
    await chat.act("accept")
    await chat.act("approve")
    refused = await chat.write("12/03/2026")
    assert keys(refused) == ["AdminPost:admin-pickup-before-due"]
    assert "trước hạn giải quyết (13/03/2026)" in prompt_text(chat, refused) and chat.dossier.pickup_on is None
    assert keys(await chat.write("13/03/2026"))[-1] == "Notify:notify-done"
    assert chat.dossier.pickup_on == "2026-03-13"


async def test_once_the_due_date_has_passed_the_next_working_day_is_offered(chat):
    await chat.act("accept")
    later = datetime(2026, 3, 20, 16, 0, tzinfo=VIETNAM)  # a Friday, a week after the due date
    chat.services.backoffice.clock = lambda: later
    prompt = prompt_text(chat, await chat.act("approve"))
    assert "hẹn ngày 23/03/2026" in prompt, "Monday, the next working day"
    await chat.press(encode(UseDefaultDate(chat.id)))
    assert chat.dossier.pickup_on == "2026-03-23"


async def test_the_citizen_is_told_the_appointment_in_the_dates_words(chat):
    await chat.act("accept")
    await chat.act("approve")
    done = (await chat.write("16/03/2026"))[-1]
    text = chat.services.catalog.render("vi", done.text)
    assert "Ngày hẹn trả kết quả: 16/03/2026" in text and "Thứ Hai – Thứ Sáu, 7:30–11:30" in text
    card, _ = chat.services.backoffice.card(chat.id)
    card_text = chat.services.catalog.render("vi", card)
    assert "hạn giải quyết 13/03/2026" in card_text and "Ngày hẹn trả kết quả: 16/03/2026" in card_text
    await chat.act("hand_over")
    card_text = chat.services.catalog.render("vi", chat.services.backoffice.card(chat.id)[0])
    assert "Ngày trả kết quả: 10/03/2026" in card_text and "Ngày hẹn trả kết quả" not in card_text
    assert chat.dossier.handed_over_at.startswith("2026-03-10")


async def test_a_day_offered_yesterday_is_checked_again_when_pressed_today(chat):
    await chat.act("accept")
    await chat.act("approve")  # offers Friday 13/03, the due date
    chat.services.backoffice.clock = lambda: datetime(2026, 3, 14, 9, 0, tzinfo=VIETNAM)  # pressed on Saturday
    refused = await chat.press(encode(UseDefaultDate(chat.id)))
    # the pressed prompt loses its buttons; the refusal, offering the next valid day, is the prompt now
    assert keys(refused) == ["EditPressed:admin-prompt-closed", "AdminPost:admin-pickup-past"] and chat.dossier.pickup_on is None
    assert "Ngày hẹn trả kết quả sớm nhất: 16/03/2026" in prompt_text(chat, refused)
    await chat.press(encode(UseDefaultDate(chat.id)))
    assert chat.dossier.pickup_on == "2026-03-16"
