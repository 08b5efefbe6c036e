"""Over real HTTP: lookups by code and QR, one's own dossiers and withdrawal, feedback, personal data,
idle drafts, admin commands, webhook mode and Telegram's flood limits."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, timedelta

import httpx

import main
from bot.desk import VIETNAM
from bot.housekeeping import sweep_drafts
from sandbox.ratelimit import BucketSpec, RateLimits
from storage.dossiers import get_dossier
from tests import imagegen
from tests.e2e.chat import ADMIN_CHAT, act, begin_birth_registration, card_of, file_birth_registration, press, say


async def test_lookup_by_code_and_by_receipt_qr_shows_others_only_status_and_dates(service):
    code = await file_birth_registration(service.citizen, blurry_first=False)
    own = await say(service.citizen, code, f"Hồ sơ {code} — Đăng ký khai sinh")
    assert "Trạng thái: Mới đăng ký" in own["text"]

    stranger = service.other_citizen
    await say(stranger, "/start", "thủ tục gì")
    await press(stranger, "🔎 Tra cứu hồ sơ", "Gõ mã hồ sơ")
    public = await say(stranger, code, f"Hồ sơ {code}")
    assert "Trạng thái: Mới đăng ký" in public["text"] and "10/03/2026" in public["text"]
    for private in ("Đăng ký khai sinh", "Trần", "Lê Thị Hoa", "001195012345"):
        assert private not in public["text"]

    receipt_qr = next(m for m in await service.citizen.messages() if m.get("photo") and m["from"]["is_bot"])
    qr_bytes = await service.client.download(receipt_qr["photo"][-1]["file_id"])
    await stranger.send_photo(qr_bytes, file_name="bien-nhan.png", mime="image/png", as_document=True)
    scanned = await stranger.wait_for(f"Hồ sơ {code}", timeout=20)
    assert "Trạng thái" in scanned["text"] and "Lê Thị Hoa" not in scanned["text"]

    for _ in range(12):
        await stranger.send("000.00.01.H99-260310-9999")
    await stranger.wait_for("tra cứu quá nhiều lần", timeout=20)


async def test_my_dossiers_and_withdrawal_before_processing(service):
    code = await file_birth_registration(service.citizen, blurry_first=False)
    await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    listing = await say(service.citizen, "/mydossiers", "Hồ sơ của anh/chị")
    assert code in listing["text"] and "Mới đăng ký" in listing["text"]
    await press(service.citizen, f"↩️ Rút hồ sơ {code}", "chắc chắn muốn rút")
    await press(service.citizen, "Có, rút hồ sơ", f"Đã rút hồ sơ {code}")
    await service.official.wait_for(f"Công dân đã rút hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    card = await card_of(service.official, code)
    assert "Công dân yêu cầu rút hồ sơ (mã 7)" in card["text"] and "Thao tác cuối: Công dân" in card["text"]
    assert not (card.get("reply_markup") or {}).get("inline_keyboard"), "a withdrawn dossier offers no actions"
    assert get_dossier(service.services.db, code).status == 7
    await say(service.citizen, "/mydossiers", "Công dân yêu cầu rút hồ sơ")


async def test_feedback_reaches_the_admin_chat(service):
    await say(service.citizen, "/start", "thủ tục gì")
    await press(service.citizen, "💬 Góp ý", "Mời anh/chị gõ góp ý")
    await say(service.citizen, "Nên mở cửa thêm sáng thứ Bảy", "Cảm ơn")
    post = await service.official.wait_for("Góp ý của công dân", chat_id=ADMIN_CHAT, timeout=15)
    assert "Nên mở cửa thêm sáng thứ Bảy" in post["text"]


async def test_privacy_and_erasing_a_draft_with_its_photos(service):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Cha")
    await citizen.send_album([imagegen.document_photo(seed=31), imagegen.document_photo(seed=32)])
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    blobs = list((service.data_dir / "blobs").rglob("*.jpg"))
    assert len(blobs) == 2
    privacy = await say(citizen, "/privacy", "Dữ liệu chúng tôi lưu")
    assert "Đăng ký khai sinh" in privacy["text"] and "2 ảnh chưa nộp" in privacy["text"]
    await say(citizen, "/deletemydata", "Không thể hoàn tác")
    await press(citizen, "Có, xóa", "Đã xóa hồ sơ khai dở")
    assert not list((service.data_dir / "blobs").rglob("*.jpg")), "draft ID photos are gone from disk"
    rows = service.services.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0]
    assert rows == 0
    await say(citizen, "/privacy", "0 ảnh chưa nộp")


async def test_idle_draft_is_reminded_then_deleted(service):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Cha")
    await citizen.send_photo(imagegen.document_photo(seed=41))
    await citizen.wait_for("Đã nhận 1/2", timeout=20)
    services = service.services
    later = datetime.now(VIETNAM) + timedelta(days=29, hours=1)
    sweep_drafts(services.db, services.blobs, services.flows, later, 30, queue=services.desk.queue)
    services.dispatcher.wake()
    await citizen.wait_for("tự động bị xóa sau 1 ngày", timeout=15)
    sweep_drafts(services.db, services.blobs, services.flows, later + timedelta(days=1, hours=1), 30, queue=services.desk.queue)
    services.dispatcher.wake()
    await citizen.wait_for("đã bị xóa cùng các ảnh", timeout=15)
    assert not list((service.data_dir / "blobs").rglob("*.jpg"))
    await say(citizen, "/start", "Anh/chị muốn làm thủ tục gì")


async def test_admin_commands_pending_find_and_refusal_for_others(service):
    code = await file_birth_registration(service.citizen, blurry_first=False)
    await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    pending = await say(service.official, "/pending", "Hồ sơ đang chờ xử lý: 1", chat_id=ADMIN_CHAT)
    assert code in pending["text"]
    found = await say(service.official, "/find Trần Bảo", "Tìm \"Trần Bảo\": 1 hồ sơ", chat_id=ADMIN_CHAT)
    assert code in found["text"]
    refused = await say(service.stranger, "/pending", "Chỉ cán bộ", chat_id=ADMIN_CHAT)
    assert code not in refused["text"]
    await act(service.official, code, "⛔ Không tiếp nhận")
    await service.official.wait_for("mời nhập lý do", chat_id=ADMIN_CHAT)
    await service.official.send("Sai thẩm quyền: trẻ sinh ở tỉnh khác", chat_id=ADMIN_CHAT)
    notice = await service.citizen.wait_for("không được tiếp nhận", timeout=15)
    assert "Sai thẩm quyền" in notice["text"]
    assert "Lý do: Sai thẩm quyền" in (await card_of(service.official, code))["text"]


async def test_flood_limits_are_waited_out_without_losing_or_repeating_messages(service):
    service.server.state.set_rate_limits(RateLimits(private=BucketSpec(rate=2.0, burst=2), group=BucketSpec(rate=20.0, burst=20), per_bot=None))
    citizen = service.citizen
    for command in ("/help", "/help", "/help"):
        await citizen.send(command)
    await asyncio.sleep(0)
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        texts = [m.get("text") or "" for m in await citizen.messages() if (m.get("from") or {}).get("is_bot")]
        arrived = min(sum("Cách dùng" in t for t in texts), sum("Anh/chị muốn làm thủ tục gì" in t for t in texts))
        if arrived >= 3 or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.3)
    assert sum("Cách dùng" in t for t in texts) == 3, "every reply arrives once despite 429s"
    assert sum("Anh/chị muốn làm thủ tục gì" in t for t in texts) == 3


async def test_webhook_mode_delivers_with_the_secret_and_refuses_without_it(service, unused_tcp_port):
    await main.stop_telegram(service.application)
    settings = replace(service.settings, telegram_webhook_url=f"http://127.0.0.1:{unused_tcp_port}/telegram",
                       telegram_webhook_secret="s3cret-token", telegram_webhook_listen="127.0.0.1",
                       telegram_webhook_port=unused_tcp_port)
    service.services.db.close()
    service.services = main.build(settings)
    service.application, _ = await main.start_telegram(service.services, base_url=service.server.bot_api_url,
                                                       base_file_url=service.server.file_url, webhook=True)
    await say(service.citizen, "/start", "Anh/chị muốn làm thủ tục gì")
    update = {"update_id": 5, "message": {"message_id": 9, "date": 0, "text": "/start", "chat": {"id": 1001, "type": "private"},
              "from": {"id": 1001, "is_bot": False, "first_name": "X"}}}
    async with httpx.AsyncClient() as http:
        missing = await http.post(settings.telegram_webhook_url, json=update)
        wrong = await http.post(settings.telegram_webhook_url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    assert missing.status_code == 403 and wrong.status_code == 403
