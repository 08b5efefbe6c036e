"""Each office sees its own, over real HTTP: two communes' groups and the supervisors' group in the sandbox.

A birth filing of a Tân Ninh family reaches Phường Tân Ninh's group (office A), a Tân Biên family's reaches Xã
Tân Biên's (office B), and a family of a commune this deployment does not serve is told where to file (the
portal) and sends nothing. A dossier of office A reaches A's group and not Xã Tân Biên's (office B); B's official,
though he can see A's card, is refused when he presses it and nothing changes; A's official can act. In B's
group /pending and /find show B's dossiers only; the supervisors' group gets the daily counts of both offices,
the overdue office first, once a day.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.desk import VIETNAM
from bot.housekeeping import send_digest
from storage import audit, dossiers
from storage.database import transaction
from tests.e2e.chat import act, button_labels, card_of, file_birth_registration
from tests.e2e.conftest import ADMIN_CHAT, OFFICE_B_CHAT, SUPERVISORS_CHAT

OFFICE_B = "000.00.86.H80"


def file_with_office_b(service) -> str:
    """Put an overdue dossier of Xã Tân Biên in storage and have its card posted (routing to B is helper A1's)."""
    services = service.services
    with transaction(services.db):
        dossier = dossiers.create_dossier(
            services.db, office_code=OFFICE_B, channel="telegram", user_id="1002", flow_id="birth_registration",
            flow_version=1, answers={"requester_name": "Phạm Văn Cường", "child_name": "Phạm Thị Dung"}, shown={},
            consent={}, submitted_at=datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM), expected_on=date(2026, 3, 5),
        )
        services.desk.queue([services.backoffice.announce(dossier.id)])
    services.dispatcher.wake()
    return dossier.receipt_code


async def texts(person, chat: int) -> list[str]:
    return [m.get("text") or "" for m in await person.messages(chat)]


async def test_a_dossier_reaches_its_office_and_only_its_officials_act_on_it(service):
    official_a, official_b = service.official, service.official_b
    code = await file_birth_registration(service.citizen)
    assert code.startswith("000.00.59.H80-"), "the birth filing of a Tân Ninh family is Phường Tân Ninh's"
    await official_a.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    code_b = file_with_office_b(service)
    await official_b.wait_for(f"Hồ sơ {code_b}", chat_id=OFFICE_B_CHAT, timeout=15)
    assert not any(code in text for text in await texts(official_b, OFFICE_B_CHAT)), "A's card is not in B's group"
    assert not any(code_b in text for text in await texts(official_a, ADMIN_CHAT)), "B's card is not in A's group"

    # B's official sees A's card (he is in A's group by mistake) but may not act on it.
    pressed = await act(official_b, code, "✅ Tiếp nhận")
    assert pressed["answer"]["show_alert"] and "UBND phường Tân Ninh" in pressed["answer"]["text"]
    assert dossiers.get_dossier(service.services.db, code).state == "new", "the refused press changed nothing"
    assert "Mới đăng ký" in (await card_of(official_a, code))["text"]
    assert any(e.action == "admin.refused" for e in audit.entries(service.services.db, code))

    await act(official_a, code, "✅ Tiếp nhận")
    await service.citizen.wait_for(f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận", timeout=15)
    assert dossiers.get_dossier(service.services.db, code).state == "accepted"

    # B's group: its own dossiers only.
    await official_b.send("/pending", chat_id=OFFICE_B_CHAT)
    pending = await official_b.wait_for("Hồ sơ đang chờ xử lý", chat_id=OFFICE_B_CHAT, timeout=15)
    assert code_b in pending["text"] and code not in pending["text"]
    await official_b.send(f"/find {code}", chat_id=OFFICE_B_CHAT)
    found = await official_b.wait_for("🔎", chat_id=OFFICE_B_CHAT, timeout=15)
    assert found["text"].endswith(": 0 hồ sơ") and "Đăng ký khai sinh" not in found["text"], "/find never reveals another office's dossier"
    await official_a.send(f"/find {code}", chat_id=ADMIN_CHAT)
    found = await official_a.wait_for(f"📁 Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    assert "Trạng thái: Được tiếp nhận" in found["text"], "A's /find posts the card again in A's group"


async def test_the_supervisors_get_each_offices_counts_once_a_day(service):
    code = await file_birth_registration(service.citizen)
    code_b = file_with_office_b(service)
    services = service.services
    evening = datetime(2026, 3, 10, 17, 5, tzinfo=VIETNAM)
    assert not send_digest(services.db, services.backoffice, services.desk.queue, evening.replace(hour=9)), "not before 17:00"
    assert send_digest(services.db, services.backoffice, services.desk.queue, evening)
    services.dispatcher.wake()
    await service.supervisor.wait_for("Tổng hợp ngày 10/03/2026", chat_id=SUPERVISORS_CHAT, timeout=15)
    await service.supervisor.wait_for("Theo đơn vị (1–2/2)", chat_id=SUPERVISORS_CHAT, timeout=15)
    text = "\n".join(await texts(service.supervisor, SUPERVISORS_CHAT))
    assert "Nhận hôm nay: 1 · Đang chờ xử lý: 2 · Quá hạn: 1" in text
    assert code_b in text and "hạn giải quyết 05/03/2026" in text, "the overdue dossier is listed"
    tan_bien, tan_ninh = text.index("⚠️ UBND xã Tân Biên: nhận hôm nay 0 · đang chờ 1 · quá hạn 1"), text.index(
        "UBND phường Tân Ninh: nhận hôm nay 1 · đang chờ 1 · quá hạn 0")
    assert text.index(code_b) < tan_bien < tan_ninh, "overdue dossiers first, then the office with overdue dossiers"
    assert code not in text, "a dossier on time is counted, not listed"

    await service.restart_bot()  # a restart the same evening does not send it again
    services = service.services
    assert not send_digest(services.db, services.backoffice, services.desk.queue, evening.replace(minute=30))

    await service.supervisor.send("/stats", chat_id=SUPERVISORS_CHAT)
    stats = await service.supervisor.wait_for("Thống kê: 2 hồ sơ", chat_id=SUPERVISORS_CHAT, timeout=15)
    assert "UBND phường Tân Ninh, UBND xã Tân Biên" in stats["text"], "every office counted"
    await service.supervisor.wait_for(lambda m: "Theo đơn vị" in (m.get("text") or "") and m["message_id"] > stats["message_id"],
                                      chat_id=SUPERVISORS_CHAT, timeout=15)
    await service.official_b.send("/stats", chat_id=OFFICE_B_CHAT)
    assert "Thống kê: 1 hồ sơ" in (await service.official_b.wait_for("Thống kê", chat_id=OFFICE_B_CHAT, timeout=15))["text"]


async def test_a_family_of_tan_bien_files_with_tan_bien_and_a_commune_not_served_is_told_where_to_file(service):
    tan_bien = await file_birth_registration(service.citizen, home=("tan bien", "Xã Tân Biên"))
    assert tan_bien.startswith(f"{OFFICE_B}-"), "the parents live in Xã Tân Biên: its office receives the filing"
    await service.official_b.wait_for(f"Hồ sơ {tan_bien}", chat_id=OFFICE_B_CHAT, timeout=15)
    assert not any(tan_bien in text for text in await texts(service.official, ADMIN_CHAT)), "not in Tân Ninh's group"
    await act(service.official_b, tan_bien, "✅ Tiếp nhận", chat=OFFICE_B_CHAT)
    await service.citizen.wait_for(f"Hồ sơ {tan_bien} (Đăng ký khai sinh) đã được tiếp nhận", timeout=15)

    review = await file_birth_registration(service.other_citizen, home=("tan phu", "Xã Tân Phú"), submit=False)
    assert "không tiếp nhận hồ sơ của xã, phường theo địa chỉ sau" in review and "https://dichvucong.gov.vn" in review
    last = (await service.other_citizen.messages())[-1]
    assert "📨 Gửi hồ sơ" not in button_labels(last) and any("Sửa" in label for label in button_labels(last)), "nothing to send, a way to fix"
    assert service.services.db.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 1, "no dossier was stored for Tân Phú"
