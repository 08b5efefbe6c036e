"""What only the wire can prove, over real HTTP: the bot under python-telegram-bot against the local
Telegram-compatible server, citizens in private chats and officials in the admin group. One filing from the
first message to the rating (albums, the card with its photos in the admin chat, plain text), a restart
mid-filing, an update delivered twice, files that are not photos or too large, Telegram's flood limits, and
webhook mode with its secret. Everything else the host does is tested in process (tests/client.py)."""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace

import httpx
import zxingcpp
from PIL import Image
from pypdf import PdfReader

import main
from bot import vietqr
from sandbox.ratelimit import BucketSpec, RateLimits
from storage import audit
from storage.dossiers import get_dossier
from tests import imagegen
from tests.e2e.chat import ADMIN_CHAT, act, begin_birth_registration, button_labels, card_of, file_birth_registration, press, say

TRICKY = "<b>Nhà</b> *số* _5_ [x](http://a) & <script>alert(1)</script> ~ngõ~ ||hẻm|| #7"


async def test_birth_registration_from_filing_to_rating(service):
    citizen, official = service.citizen, service.official
    code = await file_birth_registration(citizen, birthplace=TRICKY)
    assert code.startswith("000.00.59.H80-260310-")

    # The card arrives in the admin chat with the document photos as an album, as plain text.
    card = await official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    assert "Trạng thái: Mới đăng ký" in card["text"]
    assert "Họ tên trẻ: Trần Bảo An" in card["text"]
    assert f"Nơi sinh: {TRICKY}" in card["text"], "what a citizen typed shows verbatim"
    assert not any(e.get("type") in ("bold", "italic", "text_link", "code") for e in card.get("entities") or [])
    albums = [m for m in await official.messages(ADMIN_CHAT) if m.get("media_group_id")]
    assert len(albums) == 3, "two ID card photos and the birth certificate, as one album"
    assert [m.get("caption") for m in albums] == ["Căn cước người yêu cầu (1/2)", "Căn cước người yêu cầu (2/2)", "Giấy chứng sinh"]
    assert card["text"].index("Trạng thái:") < card["text"].index("▸ Người yêu cầu") < card["text"].index("▸ Trẻ")
    # The declaration, to print and sign, as a PDF document between the album and the card's text.
    posted = await official.messages(ADMIN_CHAT)
    documents = [m for m in posted if m.get("document")]
    assert [m["document"]["file_name"] for m in documents] == [f"to-khai-{code}.pdf"]
    assert documents[0]["document"]["mime_type"] == "application/pdf"
    assert posted.index(documents[0]) == posted.index(card) - 1, "right after the album, before the card's text"
    pdf = PdfReader(io.BytesIO(await service.client.download(documents[0]["file_url"])))
    declaration = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in declaration and "Họ, chữ đệm, tên: Trần Bảo An" in declaration

    await act(official, code, "✅ Tiếp nhận")
    await citizen.wait_for(f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận", timeout=15)
    await official.wait_for(f"Cán bộ Hòa đã tiếp nhận hồ sơ {code}.", chat_id=ADMIN_CHAT, timeout=15)
    assert "Được tiếp nhận" in (await card_of(official, code))["text"]
    assert "Cán bộ Hòa" in (await card_of(official, code))["text"]

    # Supplement: the official picks the birth certificate and writes why; the citizen redoes only that.
    await act(official, code, "📝 Yêu cầu bổ sung")
    await official.wait_for("chọn các mục công dân cần bổ sung", chat_id=ADMIN_CHAT)
    await official.click("Giấy chứng sinh", chat_id=ADMIN_CHAT)
    await official.wait_for(lambda m: "✅ Giấy chứng sinh" in button_labels(m), chat_id=ADMIN_CHAT, timeout=15)
    await press(official, "Tiếp tục ➡️", "mời nhập lý do", chat_id=ADMIN_CHAT)
    await official.send("Ảnh giấy chứng sinh bị mất góc dưới, vui lòng chụp lại đủ 4 góc", chat_id=ADMIN_CHAT)
    closed = await official.wait_for("đã nhận thông tin", chat_id=ADMIN_CHAT, timeout=15)
    assert not button_labels(closed), "the answered prompt loses its buttons"
    await official.wait_for(f"Cán bộ Hòa đã yêu cầu bổ sung hồ sơ {code}.", chat_id=ADMIN_CHAT, timeout=15)
    notice = await citizen.wait_for("cần bổ sung", timeout=15)
    assert "bị mất góc dưới" in notice["text"] and "Giấy chứng sinh" in notice["text"]
    await press(citizen, "📝 Bổ sung ngay", "Chụp Giấy chứng sinh")
    await citizen.send_photo(imagegen.document_photo(seed=5, title="GIẤY CHỨNG SINH ĐỦ GÓC"))
    await citizen.wait_for("Đã nhận 1/2 ảnh", timeout=20)
    review = await press(citizen, "✅ Xong (1 ảnh)", "Xem lại hồ sơ")
    assert "Trần Bảo An" in review["text"]
    await press(citizen, "📨 Gửi hồ sơ", "Đã gửi phần bổ sung")
    await official.wait_for(f"Công dân đã gửi bổ sung cho hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    redone = [m for m in await official.messages(ADMIN_CHAT) if m.get("photo")][-1]
    assert redone.get("caption") == f"Bổ sung cho hồ sơ {code}: Giấy chứng sinh"
    assert "Giấy chứng sinh: ảnh mới thay ảnh cũ" in (await card_of(official, code))["text"]

    # Processing, approval with the pickup date, hand-over, rating.
    await act(official, code, "▶️ Bắt đầu xử lý")
    await citizen.wait_for("đang được xử lý", timeout=15)
    await act(official, code, "🟢 Duyệt, hẹn trả")
    await official.wait_for(f"Xác nhận 🟢 Duyệt, hẹn trả hồ sơ {code}?", chat_id=ADMIN_CHAT, timeout=15)
    await press(official, "✔️ Xác nhận", "chọn ngày hẹn trả", chat_id=ADMIN_CHAT)
    await press(official, "Hẹn ngày 10/03/2026", "Đã xử lý xong", chat_id=ADMIN_CHAT)
    prompt = next(m for m in await official.messages(ADMIN_CHAT) if "đã hẹn trả kết quả ngày 10/03/2026" in (m.get("text") or ""))
    assert not button_labels(prompt), "the date prompt closes once the date is chosen"
    done = await citizen.wait_for("đã giải quyết xong", timeout=15)
    assert "10/03/2026" in done["text"] and "Trung tâm Phục vụ hành chính công phường Tân Ninh" in done["text"]
    assert "Miễn lệ phí" in done["text"], "on-time birth registration is free"
    assert "bản chính" in done["text"] and "Giấy chứng sinh" in done["text"]
    await act(official, code, "📦 Đã trả kết quả")
    await press(official, "✔️ Xác nhận", "Đã xác nhận", chat_id=ADMIN_CHAT)
    await citizen.wait_for("hài lòng", timeout=15)
    await press(citizen, "⭐⭐⭐⭐⭐", "góp ý thêm")
    await say(citizen, "Cán bộ hướng dẫn rất nhiệt tình", "Cảm ơn")
    await official.wait_for("được đánh giá 5/5", chat_id=ADMIN_CHAT, timeout=15)

    dossier = get_dossier(service.services.db, code)
    assert dossier.state == "handed_over" and dossier.status == 10 and dossier.rating == 5
    actions = [entry.action for entry in audit.entries(service.services.db, code)]
    assert actions == ["dossier.submitted", "dossier.accept", "dossier.request_supplement", "dossier.supplied",
                       "dossier.start", "dossier.approve", "dossier.hand_over", "dossier.rated"]
    await say(official, "/stats", "Mức hài lòng: 5.0/5", chat_id=ADMIN_CHAT)

    # /find brings the card back below; the old one keeps its text but loses its buttons.
    old = await card_of(official, code)
    await official.send(f"/find {code}", chat_id=ADMIN_CHAT)
    await official.wait_for(lambda m: f"Hồ sơ {code}" in (m.get("text") or "") and m["message_id"] > old["message_id"]
                            and "Trạng thái:" in m["text"], chat_id=ADMIN_CHAT, timeout=15)
    moved = next(m for m in await official.messages(ADMIN_CHAT) if m["message_id"] == old["message_id"])
    assert "gửi lại bên dưới" in moved["text"]


async def test_restart_mid_filing_continues_where_the_citizen_was(service):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Mẹ")
    await citizen.send_album([imagegen.document_photo(seed=21), imagegen.document_photo(seed=22)])
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    await say(citizen, "Lê Thị Hoa", "Số định danh")
    await service.restart_bot()
    await say(citizen, "001195012345", "Nơi cư trú hiện nay")
    await say(citizen, "/review", "chưa khai xong")
    session_answers = service.services.desk.db.execute("SELECT answers FROM sessions WHERE key = 'telegram:1001'").fetchone()[0]
    assert "Lê Thị Hoa" in session_answers and "001195012345" in session_answers


async def test_same_update_delivered_twice_is_processed_once(service):
    from telegram import Update

    await say(service.citizen, "/start", "Ông/Bà muốn làm thủ tục gì")
    before = len(await service.citizen.messages())
    data = {"update_id": 987654, "message": {"message_id": 555, "date": 1773111600, "text": "/help",
            "chat": {"id": 1001, "type": "private", "first_name": "Chị Lan"},
            "from": {"id": 1001, "is_bot": False, "first_name": "Chị Lan"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}
    application = service.application
    channel = application.bot_data["channel"]
    stored = [channel.receive(Update.de_json(data, application.bot)) for _ in range(2)]
    assert stored == [True, False]  # the redelivery is recognised by the inbox's key
    await service.citizen.wait_for("Cách dùng", timeout=10)
    assert await service.services.sender.idle()
    after = await service.citizen.messages()
    helps = [m for m in after[before:] if "Cách dùng" in (m.get("text") or "")]
    assert len(helps) == 1


async def test_an_answered_question_loses_its_buttons(service):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Cha")  # the consent, then the relationship question, each answered by a press

    async def buttons_of(fragment: str) -> list:
        [question] = [m for m in await citizen.messages() if fragment in (m.get("text") or "")]
        return (question.get("reply_markup") or {}).get("inline_keyboard") or []

    for _ in range(50):  # the buttons are taken off in the background, just after the next question is sent
        if not await buttons_of("là gì của cháu bé") and not await buttons_of("Đồng ý xử lý dữ liệu cá nhân"):
            break
        await asyncio.sleep(0.1)
    assert await buttons_of("là gì của cháu bé") == [], "the answered question offers nothing more to press"
    assert await buttons_of("Đồng ý xử lý dữ liệu cá nhân") == []
    assert await buttons_of("Chụp căn cước"), "the question being asked keeps its buttons"


async def test_wrong_file_type_and_too_large_photo_are_refused_with_a_clear_message(service):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Cha")
    await citizen.send_document(imagegen.not_an_image(), file_name="cccd.pdf", mime="application/pdf")
    wrong = await citizen.wait_for("Chụp căn cước", timeout=15)
    assert "JPEG" in wrong["text"] or "ảnh" in wrong["text"]
    big = b"\xff\xd8\xff\xe0" + bytes(11 * 1024 * 1024)
    await citizen.send_photo(big, as_document=True, file_name="cccd.jpg", mime="image/jpeg")
    large = await citizen.wait_for("Chụp căn cước", timeout=20)
    assert "10 MB" in large["text"] or "quá lớn" in large["text"]


async def test_flood_limits_are_waited_out_without_losing_or_repeating_messages(service):
    service.server.state.set_rate_limits(RateLimits(private=BucketSpec(rate=2.0, burst=2), group=BucketSpec(rate=20.0, burst=20), per_bot=None))
    citizen = service.citizen
    for command in ("/help", "/help", "/help"):
        await citizen.send(command)
    await asyncio.sleep(0)
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        texts = [m.get("text") or "" for m in await citizen.messages() if (m.get("from") or {}).get("is_bot")]
        arrived = min(sum("Cách dùng" in t for t in texts), sum("Ông/Bà muốn làm thủ tục gì" in t for t in texts))
        if arrived >= 3 or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.3)
    assert sum("Cách dùng" in t for t in texts) == 3, "every reply arrives once despite 429s"
    assert sum("Ông/Bà muốn làm thủ tục gì" in t for t in texts) == 3


async def test_webhook_mode_delivers_with_the_secret_and_refuses_without_it(service, unused_tcp_port):
    await main.stop_telegram(service.application)
    settings = replace(service.settings, telegram_webhook_url=f"http://127.0.0.1:{unused_tcp_port}/telegram",
                       telegram_webhook_secret="s3cret-token", telegram_webhook_listen="127.0.0.1",
                       telegram_webhook_port=unused_tcp_port)
    service.services.db.close()
    service.services = main.build(settings)
    service.application, _ = await main.start_telegram(service.services, base_url=service.server.bot_api_url,
                                                       base_file_url=service.server.file_url, webhook=True)
    await say(service.citizen, "/start", "Ông/Bà muốn làm thủ tục gì")
    update = {"update_id": 5, "message": {"message_id": 9, "date": 0, "text": "/start", "chat": {"id": 1001, "type": "private"},
              "from": {"id": 1001, "is_bot": False, "first_name": "X"}}}
    async with httpx.AsyncClient() as http:
        missing = await http.post(settings.telegram_webhook_url, json=update)
        wrong = await http.post(settings.telegram_webhook_url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    assert missing.status_code == 403 and wrong.status_code == 403

    # Hostile bodies with the right secret: 400 or 413, never 500, and nothing is stored or answered.
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token", "Content-Type": "application/json"}
    hostile = {
        "nested 200 KB": (b"[" * 100_000 + b"]" * 100_000, 400),
        "not JSON": (b"{update_id: 6", 400),
        "a JSON array": (b"[1, 2]", 400),
        "not an update": (b'{"update_id": "six", "message": 7}', 400),
        "oversized": (b'{"update_id": 7, "pad": "' + b"x" * 1_100_000 + b'"}', 413),
    }
    async with httpx.AsyncClient(timeout=30) as http:
        for name, (body, status) in hostile.items():
            response = await http.post(settings.telegram_webhook_url, content=body, headers=headers)
            assert response.status_code == status, (name, response.status_code)
        good = await http.post(settings.telegram_webhook_url, json={**update, "update_id": 8}, headers=headers)
    assert good.status_code == 200
    await service.citizen.wait_for("Ông/Bà muốn làm thủ tục gì", timeout=15)  # a new message: the good update is answered
    stored = service.services.db.execute("SELECT update_id FROM inbox WHERE channel = 'telegram'").fetchall()
    assert ("8",) in stored and not {("6",), ("7",)} & set(stored), "only the good update is stored"


async def test_a_fee_request_brings_a_vietqr_then_a_saturday_appointment_is_refused(service):
    citizen, official = service.citizen, service.official
    office = service.services.backoffice.offices.default
    office = replace(office, fees={**office.fees, "birth_registration": 8000})  # an office that charges for it
    offices = service.services.backoffice.offices.replaced(office)
    service.services.backoffice.offices = service.services.desk.offices = offices
    service.services.desk.office = offices.default
    code = await file_birth_registration(citizen)
    await official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    await act(official, code, "✅ Tiếp nhận")
    await act(official, code, "▶️ Bắt đầu xử lý")
    await citizen.wait_for("đang được xử lý", timeout=15)

    # The fee request names the office's account and brings a VietQR code a banking app reads.
    await act(official, code, "💰 Yêu cầu nộp phí")
    notice = await citizen.wait_for("mời Ông/Bà nộp lệ phí 8.000 đ", timeout=15)
    assert "Vietcombank, số tài khoản 0000000000001" in notice["text"] and f"Nội dung chuyển khoản: {code}" in notice["text"]
    image = await citizen.wait_for(lambda m: bool(m.get("photo")) and "VietQR" in (m.get("caption") or ""), timeout=15)
    png = await service.client.download(image["photo"][-1]["file_id"])
    scanned = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert scanned == [vietqr.payload("970436", "0000000000001", 8000, code)]

    # "Đã nộp phí" records who confirmed it; the card and the citizen see it.
    await act(official, code, "💵 Đã nộp phí")
    await citizen.wait_for("Đã nhận lệ phí 8.000 đ", timeout=15)
    assert "Phí: 8.000 đ – đã nộp (Cán bộ Hòa" in (await card_of(official, code))["text"]

    # A Saturday appointment is refused with the next working day, taken with one press.
    await act(official, code, "🟢 Duyệt, hẹn trả")
    await official.wait_for(f"Xác nhận 🟢 Duyệt, hẹn trả hồ sơ {code}?", chat_id=ADMIN_CHAT, timeout=15)
    await press(official, "✔️ Xác nhận", "chọn ngày hẹn trả", chat_id=ADMIN_CHAT)
    await say(official, "14/03/2026", "14/03/2026 là ngày nghỉ (Thứ Bảy)", chat_id=ADMIN_CHAT)
    await press(official, "Hẹn ngày 16/03/2026", "đã hẹn trả kết quả ngày 16/03/2026", chat_id=ADMIN_CHAT)
    done = await citizen.wait_for("đã giải quyết xong", timeout=15)
    assert "Ngày hẹn trả kết quả: 16/03/2026" in done["text"] and "Lệ phí 8.000 đ: Ông/Bà đã nộp." in done["text"]
