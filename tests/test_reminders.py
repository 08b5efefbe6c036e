"""Reminders with a fixed clock: the citizen hears on the working day before the appointment (ngày hẹn trả kết quả),
once, across restarts, never on a weekend; each office hears each working morning which of its open dossiers reach
their legal due date (hạn giải quyết) today."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.desk import VIETNAM
from bot.effects import AdminPost, Notify
from bot.housekeeping import remind
from storage import dossiers
from tests.client import Client
from tests.filing import file_birth_registration

TAN_NINH, TAN_BIEN = "000.00.59.H80", "000.00.86.H80"


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A moment of 2026 in Vietnam."""
    return datetime(2026, month, day, hour, minute, tzinfo=VIETNAM)


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


async def approve(client: Client, code: str, pickup: str) -> None:
    """Accept, process and approve a dossier with this appointment, as an official does."""
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    await hoa.write(pickup)
    day, month, year = pickup.split("/")
    assert dossiers.get_dossier(client.services.db, code).pickup_on == f"{year}-{month}-{day}"


def reminded(client: Client) -> list[str]:
    return [m.text for m in client.chat("telegram:1001") if m.text.startswith("🔔")]


async def test_the_working_day_before_skips_holidays(client):
    code = await file_birth_registration(client.citizen(1001))
    await approve(client, code, "04/05/2026")  # a Monday after 30/4 and 1/5 (holidays) and a weekend
    for moment in (at(28, 9, month=4), at(30, 9, month=4), at(1, 9, month=5), at(4, 9, month=5)):
        client.now = moment
        assert remind(client.services) == [], moment
    client.now = at(29, 9, month=4)
    [notice] = remind(client.services)
    await client.delivered()
    assert reminded(client)[0].startswith(f"🔔 Thứ Hai tới (04/05/2026) Ông/Bà có thể nhận kết quả hồ sơ {code}")


async def test_the_citizen_is_reminded_once_on_the_friday_before_a_monday_appointment(client):
    code = await file_birth_registration(client.citizen(1001))
    await approve(client, code, "16/03/2026")  # a Monday
    await client.delivered()
    for moment in (at(10, 18), at(11, 9), at(12, 9), at(13, 6, 59)):  # before the Friday, or before 7:00 on it
        client.now = moment
        assert remind(client.services) == [], moment
    client.now = at(13, 7, 5)
    sent = remind(client.services)
    assert [type(e) for e in sent] == [Notify] and sent[0].user_id == "1001"
    await client.delivered()
    [text] = reminded(client)
    assert text.startswith("🔔 Thứ Hai tới (16/03/2026) Ông/Bà có thể nhận kết quả hồ sơ " + code)
    assert "tại Trung tâm Phục vụ hành chính công phường Tân Ninh, Số 1 đường Trung tâm" in text and "Thứ Hai – Thứ Sáu, 7:30–11:30" in text
    assert "Mời Ông/Bà mang theo" in text and "Giấy chứng sinh" in text and "Miễn lệ phí" in text

    client.now = at(13, 9)
    assert remind(client.services) == [], "once"
    client.restart()
    for moment in (at(13, 16), at(14, 8), at(15, 8)):  # after a restart, and on the weekend
        client.now = moment
        assert remind(client.services) == [], moment
    await client.delivered()
    assert len(reminded(client)) == 1


async def test_the_reminder_says_whether_the_fee_is_paid_or_to_bring(client):
    code = await file_birth_registration(client.citizen(1001))
    await approve(client, code, "11/03/2026")
    db = client.services.db
    db.execute("UPDATE dossiers SET fee = 8000, fee_paid_at = ? WHERE receipt_code = ?", [at(10, 9).isoformat(), code])
    db.conn.commit()
    client.now = at(10, 16)
    remind(client.services)
    await client.delivered()
    assert "Lệ phí 8.000 đ: Ông/Bà đã nộp." in reminded(client)[0], "a citizen who paid by transfer is not told to bring the fee"

    other = await file_birth_registration(client.citizen(1002))
    await approve(client, other, "11/03/2026")
    db.execute("UPDATE dossiers SET fee = 8000 WHERE receipt_code = ?", [other])
    db.conn.commit()
    client.now = at(10, 16, 30)
    remind(client.services)
    await client.delivered()
    [text] = [m.text for m in client.chat("telegram:1002") if m.text.startswith("🔔")]
    assert "Lệ phí 8.000 đ: Ông/Bà nộp khi đến nhận kết quả." in text


async def test_an_appointment_tomorrow_says_tomorrow_and_a_handed_over_result_needs_none(client):
    code = await file_birth_registration(client.citizen(1001))
    await approve(client, code, "11/03/2026")  # the Wednesday after the Tuesday of filing
    client.now = at(10, 16)
    [notice] = remind(client.services)
    await client.delivered()
    assert reminded(client)[0].startswith(f"🔔 Ngày mai (11/03/2026) Ông/Bà có thể nhận kết quả hồ sơ {code}")
    assert notice.channel == "telegram"

    other = await file_birth_registration(client.citizen(1002))
    await approve(client, other, "11/03/2026")
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("📦 Đã trả kết quả", card=other)
    await hoa.click("✔️ Xác nhận")
    client.now = at(10, 16, 30)
    assert remind(client.services) == [], "the result was already handed over"


def file(client: Client, office: str, due: date, state: str = "new") -> str:
    """Store a dossier of an office with this legal due date, in this state."""
    db = client.services.db
    dossier = dossiers.create_dossier(
        db, office_code=office, channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=2,
        answers={"child_name": "Trần Bảo An"}, shown={}, consent={}, submitted_at=at(9, 9), expected_on=due,
    )
    db.execute("UPDATE dossiers SET state = ? WHERE id = ?", [state, dossier.id])
    db.conn.commit()
    return dossier.receipt_code


async def test_each_office_is_told_in_the_morning_which_open_dossiers_are_due_today(client):
    today = date(2026, 3, 10)
    due = file(client, TAN_NINH, today)
    processing = file(client, TAN_NINH, today, "processing")
    finished = file(client, TAN_NINH, today, "done")
    refused = file(client, TAN_NINH, today, "not_accepted")
    tomorrow = file(client, TAN_NINH, date(2026, 3, 11))
    elsewhere = file(client, TAN_BIEN, today, "accepted")

    client.now = at(10, 6, 30)
    assert remind(client.services) == [], "not before 7:00"
    client.now = at(10, 7, 0)
    posts = remind(client.services)
    assert all(isinstance(p, AdminPost) for p in posts) and [p.office for p in posts] == [TAN_NINH, TAN_BIEN]
    await client.delivered()
    lists = [m.text for m in client.admin + client.chat("admin:-1002") if m.text.startswith("📅")]
    assert len(lists) == 2, "each office's list in its own chat"
    assert lists[0].startswith("📅 Hôm nay (10/03/2026) đến hạn giải quyết 2 hồ sơ")
    assert due in lists[0] and processing in lists[0] and "Đang xử lý" in lists[0]
    for absent in (finished, refused, tomorrow, elsewhere):
        assert absent not in lists[0]
    assert elsewhere in lists[1] and due not in lists[1]

    client.now = at(10, 11)
    late = file(client, TAN_NINH, today)  # filed later that morning, due the same day: no second list
    assert remind(client.services) == []
    client.restart()
    client.now = at(10, 15)
    assert remind(client.services) == [], "once a day, across restarts"

    client.now = at(11, 7, 30)
    [post] = remind(client.services)
    assert post.office == TAN_NINH
    await client.delivered()
    assert tomorrow in client.admin[-1].text and late not in client.admin[-1].text


async def test_a_dossier_waiting_for_the_citizens_supplement_is_not_on_the_morning_list(client):
    """Due today but waiting for the citizen's supplement: not the office's to finish today, so not listed; once the
    supplement is in, it is the office's again and listed."""
    today = date(2026, 3, 10)
    due = file(client, TAN_NINH, today, "processing")
    waiting = file(client, TAN_NINH, today, "supplement_requested")
    supplied = file(client, TAN_NINH, today, "supplement_received")
    client.now = at(10, 7, 0)
    [post] = remind(client.services)
    await client.delivered()
    [listed] = [m.text for m in client.admin if m.text.startswith("📅")]
    assert listed.startswith("📅 Hôm nay (10/03/2026) đến hạn giải quyết 2 hồ sơ")
    assert due in listed and supplied in listed and waiting not in listed


async def test_no_list_on_a_weekend(client):
    file(client, TAN_NINH, date(2026, 3, 14))  # a Saturday (no due date falls there, but nothing is posted if one did)
    client.now = at(14, 8)
    assert remind(client.services) == []


async def test_a_reminder_missed_on_the_friday_is_not_sent_on_the_weekend_or_the_day_itself(client):
    code = await file_birth_registration(client.citizen(1001))
    await approve(client, code, "16/03/2026")
    for moment in (at(14, 8), at(15, 20), at(16, 7, 30)):  # the service was down all Friday
        client.now = moment
        assert remind(client.services) == [], moment


def test_the_hour_of_the_reminders_is_a_setting():
    from pathlib import Path

    from bot.settings import SettingsError, load_settings

    def settings(env):
        return load_settings(environ=env, dotenv=Path("/nonexistent/.env"))

    assert settings({"REMINDERS_AT": "06:30"}).reminders_at == "06:30"
    assert settings({}).reminders_at == "07:00"
    with pytest.raises(SettingsError, match="REMINDERS_AT"):
        settings({"REMINDERS_AT": "25:00"})
