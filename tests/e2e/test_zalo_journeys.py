"""Zalo over real HTTP: a citizen files through the Zalo bot (numbered menus, photos by URL), officials
decide in the Telegram admin chat, and the notifications come back on Zalo."""

from __future__ import annotations

import httpx
import pytest

import main
from bot.channels.zalo.updates import parse_update
from sandbox.zalo_client import ZaloSandboxClient
from storage.dossiers import get_dossier
from tests import imagegen
from tests.e2e.chat import ADMIN_CHAT, act

ZALO_TOKEN = "300000:zalo-test-token"


@pytest.fixture
async def zalo(service):
    """Start the Zalo channel against the sandbox's Zalo API; yield (channel, citizen handle)."""
    service.server.add_zalo_bot(ZALO_TOKEN, "Một cửa trên Zalo")
    service.services.settings = service.settings = type(service.settings)(**{**service.settings.__dict__, "zalo_token": ZALO_TOKEN})
    channel, client, runner = await main.start_zalo(service.services, base_url=service.server.zalo_base_url, web_port=0)
    sandbox = ZaloSandboxClient(service.server.base_url)
    citizen = await sandbox.user("Chị Hoa", user_id="zalo-42")
    try:
        yield channel, citizen
    finally:
        await main.stop_zalo(channel, client, runner)
        await sandbox.close()


async def answer(citizen, text: str, expect: str) -> dict:
    """Type on Zalo and wait for the bot's reply containing ``expect``."""
    await citizen.send(text)
    return await citizen.wait_for(expect, timeout=15)


async def test_birth_registration_on_zalo_approved_in_the_telegram_admin_chat(service, zalo):
    channel, citizen = zalo
    menu = await answer(citizen, "/start", "1. Đăng ký khai sinh")
    assert "Gõ số từ 1 đến 5" in menu["text"]
    consent = await answer(citizen, "1", "Đồng ý xử lý dữ liệu cá nhân")
    assert "1. ✅ Tôi đồng ý" in consent["text"] and "2. Không đồng ý" in consent["text"]
    await answer(citizen, "1", "là gì của cháu bé")
    await answer(citizen, "mẹ", "Chụp căn cước")
    await citizen.send_photo(imagegen.document_photo(seed=51))
    await citizen.wait_for("Đã nhận 1/2", timeout=20)
    await citizen.send_photo(imagegen.document_photo(seed=52))
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    for text, expect in [("Lê Thị Hoa", "Số định danh"), ("001195012345", "Nơi cư trú"), ("tay ninh", "Ông/Bà gõ tên xã, phường"),
                         ("tan ninh", "Địa chỉ: Phường Tân Ninh"), ("Số 5 Lê Lợi", "Số điện thoại"),
                         ("0912345678", "Họ và tên của cháu"), ("Trần Bảo An", "Giới tính"), ("2", "Ngày sinh của cháu"),
                         ("01/03/2026", "Nơi sinh"), ("Tây Ninh", "Ông/Bà gõ tên xã, phường"), ("tân ninh", "Nơi sinh: Phường Tân Ninh"),
                         ("Bệnh viện tỉnh Tây Ninh", "là mẹ của trẻ"), ("1", "Quốc tịch của mẹ"),
                         ("Việt Nam", "Ngày sinh của mẹ"), ("1995", "Dân tộc của mẹ"), ("Kinh", "thông tin người cha"),
                         ("2", "Quê quán của mẹ"), ("Tây Ninh", "Ông/Bà gõ tên xã, phường"), ("tan hung", "Quê quán: Xã Tân Hưng"),
                         ("bỏ qua", "Giấy chứng sinh do bệnh viện"), ("1", "Chụp Giấy chứng sinh")]:
        await answer(citizen, text, expect)
    await citizen.send_photo(imagegen.document_photo(seed=53, blur=6.0))
    await citizen.wait_for("bị mờ", timeout=20)
    await citizen.send_photo(imagegen.document_photo(seed=54))
    await citizen.wait_for("1. ✅ Xong (1 ảnh)", timeout=20)
    await answer(citizen, "1", "bản sao trích lục")
    await answer(citizen, "0", "nhận kết quả")
    await answer(citizen, "1", "liên thông")
    review = await answer(citizen, "2", "Xem lại hồ sơ")
    assert "Họ tên trẻ: Trần Bảo An" in review["text"] and "1. 📨 Gửi hồ sơ" in review["text"]
    receipt = await answer(citizen, "1", "Mã hồ sơ:")
    code = receipt["text"].split("Mã hồ sơ: ")[1].split()[0]
    qr = await citizen.wait_for(lambda m: m.get("kind") == "photo", timeout=15)
    assert code in (qr.get("caption") or "")

    card = await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    assert "qua zalo" in card["text"] and "Họ tên mẹ: Lê Thị Hoa" in card["text"]
    await act(service.official, code, "✅ Tiếp nhận")
    await citizen.wait_for(f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận", timeout=15)
    await act(service.official, code, "🟢 Duyệt, hẹn trả")
    await service.official.wait_for("Xác nhận 🟢 Duyệt, hẹn trả", chat_id=ADMIN_CHAT, timeout=15)
    await service.official.click("✔️ Xác nhận", chat_id=ADMIN_CHAT)
    await service.official.wait_for(lambda m: "Hẹn ngày 10/03/2026" in str(m.get("reply_markup")), chat_id=ADMIN_CHAT, timeout=15)
    await service.official.click("Hẹn ngày 10/03/2026", chat_id=ADMIN_CHAT)
    done = await citizen.wait_for("đã giải quyết xong", timeout=15)
    assert "bản chính" in done["text"]
    await act(service.official, code, "📦 Đã trả kết quả")
    await service.official.wait_for("Xác nhận 📦 Đã trả kết quả", chat_id=ADMIN_CHAT, timeout=15)
    await service.official.click("✔️ Xác nhận", chat_id=ADMIN_CHAT)
    rating = await citizen.wait_for("hài lòng", timeout=15)
    assert "5. ⭐⭐⭐⭐⭐" in rating["text"]
    await answer(citizen, "5", "góp ý thêm")
    assert get_dossier(service.services.db, code).rating == 5


async def test_repeated_events_are_ignored_and_stickers_get_a_clear_message(service, zalo):
    channel, citizen = zalo
    await answer(citizen, "/start", "1. Đăng ký khai sinh")
    before = len(await citizen.messages())
    update = parse_update({"event_name": "message.text.received", "message": {
        "from": {"id": "zalo-42", "display_name": "Chị Hoa"}, "chat": {"id": "zalo-42", "chat_type": "PRIVATE"},
        "text": "/help", "message_id": "dup-1", "date": 1773111600000}})
    await channel.on_update(update)
    await channel.on_update(update)
    await citizen.wait_for("Cách dùng", timeout=10)
    assert await service.services.sender.idle()
    after = await citizen.messages()
    assert sum("Cách dùng" in (m.get("text") or "") for m in after[before:]) == 1
    await citizen.send_sticker()
    await citizen.wait_for("nhãn dán", timeout=15)
    await citizen.send_unsupported()
    await citizen.wait_for("chưa nhận được loại tin nhắn này", timeout=15)


async def test_webhook_with_a_bad_secret_is_refused_and_nothing_is_processed(service, unused_tcp_port):
    service.server.add_zalo_bot(ZALO_TOKEN, "Một cửa trên Zalo")
    settings = type(service.settings)(**{**service.settings.__dict__, "zalo_token": ZALO_TOKEN,
                                         "zalo_webhook_url": f"http://127.0.0.1:{unused_tcp_port}/zalo/webhook",
                                         "zalo_webhook_secret": "a-long-secret", "public_base_url": f"http://127.0.0.1:{unused_tcp_port}"})
    service.services.settings = settings
    channel, client, runner = await main.start_zalo(service.services, base_url=service.server.zalo_base_url, web_port=unused_tcp_port)
    try:
        sandbox = ZaloSandboxClient(service.server.base_url)
        citizen = await sandbox.user("Chị Hoa", user_id="zalo-43")
        await answer(citizen, "/start", "1. Đăng ký khai sinh")
        update = {"event_name": "message.text.received", "message": {"from": {"id": "zalo-43", "display_name": "X"},
                  "chat": {"id": "zalo-43", "chat_type": "PRIVATE"}, "text": "/help", "message_id": "forged-1", "date": 0}}
        async with httpx.AsyncClient() as http:
            missing = await http.post(settings.zalo_webhook_url, json=update)
            wrong = await http.post(settings.zalo_webhook_url, json=update, headers={"X-Bot-Api-Secret-Token": "guess"})
        assert missing.status_code == 403 and wrong.status_code == 403
        seen = service.services.db.execute("SELECT COUNT(*) FROM inbox WHERE update_id LIKE '%forged-1'").fetchone()[0]
        assert seen == 0
        await sandbox.close()
    finally:
        await main.stop_zalo(channel, client, runner)
