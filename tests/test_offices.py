"""Each office sees its own, in process: cards in the office's chat, permissions, per-office commands, the
supervisors' digest and long lists that still render (tests/client.py: bot/offices.yaml's two offices)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import yaml

from bot.desk import VIETNAM
from bot.housekeeping import send_digest
from bot.offices import DEFAULT_OFFICES
from storage import audit, dossiers
from storage.database import transaction
from tests.client import Client
from tests.filing import file_birth_registration

OFFICE_A, OFFICE_B = "000.00.59.H80", "000.00.86.H80"


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


def put(client: Client, office: str, *, name: str = "Phạm Văn Cường", days_ago: int = 0, due_in: int = 5) -> str:
    """Store a waiting dossier of an office (filed ``days_ago``) and have its card posted; return its code."""
    services = client.services
    filed = client.now - timedelta(days=days_ago)
    with transaction(services.db):
        dossier = dossiers.create_dossier(
            services.db, office_code=office, channel="telegram", user_id="1002", flow_id="birth_registration",
            flow_version=1, answers={"requester_name": name, "child_name": "Phạm Thị Dung"}, shown={}, consent={},
            submitted_at=filed, expected_on=filed.date() + timedelta(days=due_in),
        )
        services.desk.queue([services.backoffice.announce(dossier.id)])
    return dossier.receipt_code


async def test_cards_go_to_their_offices_chat_and_only_its_officials_act(client):
    code_a = await file_birth_registration(client.citizen(1001))
    code_b = put(client, OFFICE_B)
    await client.delivered()
    a, b = client.chat("admin:-1001"), client.chat("admin:-1002")
    assert any(code_a in m.text for m in a) and not any(code_a in m.text for m in b)
    assert any(code_b in m.text for m in b) and not any(code_b in m.text for m in a)

    phuc = client.official(2003, "Cán bộ Phúc", chat=-1001)  # B's official, in A's group
    refused = await phuc.click("✅ Tiếp nhận", card=code_a)
    assert refused.alert and "UBND phường Tân Ninh" in refused.toast
    assert dossiers.get_dossier(client.services.db, code_a).state == "new"
    assert [e.action for e in audit.entries(client.services.db, code_a)] == ["dossier.submitted", "admin.refused"]

    accepted = await client.official(2003, "Cán bộ Phúc").click("✅ Tiếp nhận", card=code_b)
    assert not accepted.alert and dossiers.get_dossier(client.services.db, code_b).state == "accepted"
    assert "Được tiếp nhận" in client.card(code_b).text and client.card(code_b) in b, "B's card is edited in B's chat"


async def test_commands_answer_for_the_chats_offices_only(client):
    code_a = await file_birth_registration(client.citizen(1001))
    code_b = put(client, OFFICE_B, name="Trần Bảo Ngọc")
    await client.delivered()
    hoa, phuc = client.official(2001, "Cán bộ Hòa"), client.official(2003, "Cán bộ Phúc")
    assert code_a in (await hoa.command("pending")).text and code_b not in (await hoa.command("pending")).text
    pending_b = await phuc.command("pending")
    assert "UBND xã Tân Biên" in pending_b.text and code_b in pending_b.text and code_a not in pending_b.text
    assert pending_b.messages and all(m in client.chat("admin:-1002") for m in pending_b.messages), "the reply goes to the chat that asked"
    found = await phuc.command("find", "Trần Bảo")  # both dossiers have a "Trần Bảo"
    assert code_b in found.text and code_a not in found.text
    assert "Thống kê: 1 hồ sơ" in await phuc.command("stats")
    in_other_chat = await client.official(2003, "Cán bộ Phúc", chat=-1001).command("pending")
    assert "Chỉ cán bộ được phân công" in in_other_chat.text and code_a not in in_other_chat.text


async def test_an_official_of_two_offices_sees_both(tmp_path):
    path = tmp_path / "offices.yaml"
    raw = yaml.safe_load(DEFAULT_OFFICES.read_text(encoding="utf-8"))
    raw["offices"][1]["admin_chat"] = -1001  # two small communes share one group
    raw["offices"][1]["officials"] = [2001, 2003]
    client = Client(tmp_path)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    client.restart()
    try:
        code_a, code_b = put(client, OFFICE_A), put(client, OFFICE_B)
        await client.delivered()
        pending = await client.official(2001, "Cán bộ Hòa").command("pending")
        assert len(pending.messages) == 2 and code_a in pending.messages[0].text and code_b in pending.messages[1].text
        only_b = await client.official(2003, "Cán bộ Phúc").command("pending")
        assert code_b in only_b.text and code_a not in only_b.text, "in a shared group, an official sees their offices"
    finally:
        client.close()


async def test_a_long_pending_list_still_renders(client):
    for number in range(25):
        put(client, OFFICE_A, days_ago=number, due_in=2)
    await client.delivered()
    pending = await client.official(2001, "Cán bộ Hòa").command("pending")
    assert "Hồ sơ đang chờ xử lý: 25" in pending.text and "… và 5 hồ sơ khác" in pending.text
    assert pending.text.count("Đăng ký khai sinh") == 20 and "{???}" not in pending.text
    assert pending.text.count("⚠️") == 20, "the oldest first: all overdue"


async def test_the_supervisors_digest_overdue_first_once_a_day(client):
    on_time = put(client, OFFICE_A)
    late = put(client, OFFICE_B, days_ago=9, due_in=5)
    services = client.services
    evening = datetime(2026, 3, 10, 17, 0, tzinfo=VIETNAM)
    assert send_digest(services.db, services.backoffice, services.desk.queue, evening)
    assert not send_digest(services.db, services.backoffice, services.desk.queue, evening + timedelta(hours=2))
    await client.delivered()
    posted = [m.text for m in client.chat("admin:-1009")]
    assert len(posted) == 2 and "Tổng hợp ngày 10/03/2026 — Tây Ninh" in posted[0]
    assert late in posted[0] and on_time not in posted[0]
    assert posted[1].index("⚠️ UBND xã Tân Biên: nhận hôm nay 0 · đang chờ 1 · quá hạn 1") < posted[1].index(
        "UBND phường Tân Ninh: nhận hôm nay 1 · đang chờ 1 · quá hạn 0")
    client.restart()
    services = client.services
    assert not send_digest(services.db, services.backoffice, services.desk.queue, evening + timedelta(hours=3)), "stored"
    assert send_digest(services.db, services.backoffice, services.desk.queue, evening + timedelta(days=1))


async def test_a_digest_of_a_whole_province_renders_within_telegrams_limits(tmp_path):
    path = tmp_path / "offices.yaml"
    client = Client(tmp_path)
    path.write_text((DEFAULT_OFFICES.parent.parent / "sandbox" / "offices" / "tay-ninh.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    client.restart()
    try:
        assert len(client.services.offices) == 96
        for office in list(client.services.offices)[:30]:
            put(client, office.code, days_ago=10)
        posts = client.services.backoffice.digest(date(2026, 3, 10))
        texts = [client.services.catalog.render("vi", post.text) for post in posts]
        assert len(texts) == 1 + 4 and all("{???}" not in text and len(text) < 4096 for text in texts)
        assert "… và 15 hồ sơ khác" in texts[0], "15 overdue dossiers listed, the rest counted"
    finally:
        client.close()
