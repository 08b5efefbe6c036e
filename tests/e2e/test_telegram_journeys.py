"""Whole journeys over real HTTP: the bot under python-telegram-bot against the local Telegram-compatible
server, citizens in private chats and officials in the admin group."""

from __future__ import annotations

import asyncio

from storage import audit
from storage.dossiers import get_dossier
from tests import imagegen
from tests.e2e.chat import ADMIN_CHAT, act, begin_birth_registration, button_labels, card_of, file_birth_registration, press, say


async def test_birth_registration_from_filing_to_rating(service):
    citizen, official = service.citizen, service.official
    code = await file_birth_registration(citizen)
    assert code.startswith("000.00.01.H99-260310-")

    # The card arrives in the admin chat with the document photos as an album.
    card = await official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    assert "Trạng thái: Mới đăng ký" in card["text"]
    assert "Họ tên trẻ: Trần Bảo An" in card["text"]
    albums = [m for m in await official.messages(ADMIN_CHAT) if m.get("media_group_id")]
    assert len(albums) == 3, "two ID card photos and the birth certificate, as one album"

    await act(official, code, "✅ Tiếp nhận")
    await citizen.wait_for(f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận", timeout=15)
    assert "Được tiếp nhận" in (await card_of(official, code))["text"]
    assert "Cán bộ Hòa" in (await card_of(official, code))["text"]

    # Supplement: the official picks the birth certificate and writes why; the citizen redoes only that.
    await act(official, code, "📝 Yêu cầu bổ sung")
    await official.wait_for("chọn các mục công dân cần bổ sung", chat_id=ADMIN_CHAT)
    await official.click("Giấy chứng sinh", chat_id=ADMIN_CHAT)
    await official.wait_for(lambda m: "✅ Giấy chứng sinh" in button_labels(m), chat_id=ADMIN_CHAT, timeout=15)
    await press(official, "Tiếp tục ➡️", "mời nhập lý do", chat_id=ADMIN_CHAT)
    await official.send("Ảnh giấy chứng sinh bị mất góc dưới, vui lòng chụp lại đủ 4 góc", chat_id=ADMIN_CHAT)
    notice = await citizen.wait_for("cần bổ sung", timeout=15)
    assert "bị mất góc dưới" in notice["text"] and "Giấy chứng sinh" in notice["text"]
    await press(citizen, "📝 Bổ sung ngay", "Chụp Giấy chứng sinh")
    await citizen.send_photo(imagegen.document_photo(seed=5, title="GIẤY CHỨNG SINH ĐỦ GÓC"))
    await citizen.wait_for("Đã nhận 1/2 ảnh", timeout=20)
    review = await press(citizen, "✅ Xong (1 ảnh)", "Xem lại hồ sơ")
    assert "Trần Bảo An" in review["text"]
    await press(citizen, "📨 Gửi hồ sơ", "Đã gửi phần bổ sung")
    await official.wait_for(f"Công dân đã gửi bổ sung cho hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)

    # Processing, approval with the pickup date, hand-over, rating.
    await act(official, code, "▶️ Bắt đầu xử lý")
    await citizen.wait_for("đang được xử lý", timeout=15)
    await act(official, code, "🟢 Duyệt, hẹn trả")
    await press(official, "Hẹn ngày 10/03/2026", "Đã xử lý xong", chat_id=ADMIN_CHAT)
    prompt = next(m for m in await official.messages(ADMIN_CHAT) if "đã hẹn trả kết quả ngày 10/03/2026" in (m.get("text") or ""))
    assert not button_labels(prompt), "the date prompt closes once the date is chosen"
    done = await citizen.wait_for("đã giải quyết xong", timeout=15)
    assert "10/03/2026" in done["text"] and "UBND xã Mẫu" in done["text"]
    assert "Lệ phí: 0 đ" in done["text"], "on-time birth registration is free"
    assert "bản chính" in done["text"] and "Giấy chứng sinh" in done["text"]
    await act(official, code, "📦 Đã trả kết quả")
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


async def test_household_business_approved_with_the_fee(service):
    citizen, official = service.citizen, service.official
    await say(citizen, "/start", "Anh/chị muốn làm thủ tục gì")
    await press(citizen, "Đăng ký thành lập hộ kinh doanh", "Đồng ý xử lý dữ liệu")
    await press(citizen, "✅ Tôi đồng ý", "Ai thành lập")
    await press(citizen, "Một cá nhân (tôi)", "Chụp căn cước của chủ hộ")
    payload = imagegen.id_qr_payload(id_number="079190012345", full_name="Võ Thị Cúc", birth_date="05041990", sex="Nữ",
                                     address="12 Trần Hưng Đạo, Bình Thủy, Cần Thơ")
    await citizen.send_album([imagegen.id_card_photo(payload), imagegen.document_photo(seed=9, title="MẶT SAU")])
    await citizen.wait_for("Bot đọc được mã QR", timeout=20)
    await press(citizen, "✅ Dùng thông tin này", "Dân tộc của chủ hộ")
    for text, expect in [("Kinh", "Quốc tịch"), ("Việt Nam", "Địa chỉ liên lạc"), ("12 Trần Hưng Đạo, Bình Thủy, Cần Thơ", "Số điện thoại của chủ hộ"),
                         ("0901234567", "Email")]:
        await say(citizen, text, expect)
    await press(citizen, "Bỏ qua", "Mã số thuế")
    await press(citizen, "Bỏ qua", "Tên hộ kinh doanh")
    for text, expect in [("Bánh mì Cô Ba", "Địa chỉ trụ sở"), ("15 Nguyễn Trãi, Bình Thủy, Cần Thơ", "Số điện thoại của hộ"),
                         ("0292 3812 345", "Mã ngành"), ("5610", "ngành nghề khác"), ("Bán nước giải khát", "Vốn kinh doanh"),
                         ("50 triệu", "Số lao động"), ("2", "bắt đầu kinh doanh"), ("01/04/2026", "quyền sử dụng địa điểm")]:
        await say(citizen, text, expect)
    await press(citizen, "Bỏ qua", "cam kết")
    review = await press(citizen, "✅ Tôi xin cam kết cả 4 điều trên", "Xem lại hồ sơ")
    assert "Võ Thị Cúc" in review["text"] and "50.000.000 đ" in review["text"]
    await citizen.click("📨 Gửi hồ sơ")
    receipt = await citizen.wait_for("Mã hồ sơ:", timeout=15)
    code = receipt["text"].split("Mã hồ sơ: ")[1].split()[0]
    assert "13/03/2026" in receipt["text"], "3 working days after Tuesday 10/03"

    await official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    await act(official, code, "✅ Tiếp nhận")
    await act(official, code, "▶️ Bắt đầu xử lý")
    await act(official, code, "🟢 Duyệt, hẹn trả")
    await official.wait_for("chọn ngày hẹn trả", chat_id=ADMIN_CHAT)
    await say(official, "16/03/2026", "Đã xử lý xong", chat_id=ADMIN_CHAT)
    done = await citizen.wait_for("đã giải quyết xong", timeout=15)
    assert "16/03/2026" in done["text"] and "Lệ phí: 100.000 đ" in done["text"]
    await act(official, code, "📦 Đã trả kết quả")
    await citizen.wait_for("hài lòng", timeout=15)
    await press(citizen, "⭐⭐⭐⭐", "góp ý thêm")
    await press(citizen, "Bỏ qua", "Cảm ơn")
    assert get_dossier(service.services.db, code).rating == 4


async def test_only_officials_can_act_and_forged_buttons_change_nothing(service):
    code = await file_birth_registration(service.citizen, blurry_first=False)
    await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    pressed = await act(service.stranger, code, "✅ Tiếp nhận")
    assert "Chỉ cán bộ được phân công" in pressed["answer"]["text"]
    card = await card_of(service.official, code)
    forged = card["reply_markup"]["inline_keyboard"][0][0]["callback_data"].rsplit(":", 1)[0] + ":AAAAAAAA"
    answer = await service.client.call("POST", f"/chats/{ADMIN_CHAT}/callbacks",
                                       json={"user_id": service.official.id, "message_id": card["message_id"], "data": forged,
                                             "wait": 5, "forged": True})
    assert "không hợp lệ" in answer["answer"]["text"]
    dossier = get_dossier(service.services.db, code)
    assert dossier.state == "new" and dossier.version == 0
    assert "Mới đăng ký" in (await card_of(service.official, code))["text"]


async def test_two_officials_racing_exactly_one_action_applies(service):
    code = await file_birth_registration(service.citizen, blurry_first=False)
    await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    card = await card_of(service.official, code)
    accept = next(b["callback_data"] for row in card["reply_markup"]["inline_keyboard"] for b in row if b["text"] == "✅ Tiếp nhận")

    async def press_as(person):
        return await service.client.call("POST", f"/chats/{ADMIN_CHAT}/callbacks",
                                         json={"user_id": person.id, "message_id": card["message_id"], "data": accept, "wait": 10})

    first, second = await asyncio.gather(press_as(service.official), press_as(service.other_official))
    answers = sorted([first["answer"]["text"], second["answer"]["text"]])
    assert sum("Đã thực hiện" in a for a in answers) == 1, answers
    assert sum("Cán bộ" in a and "Đã thực hiện" not in a for a in answers) == 1, answers
    accepted = [e for e in audit.entries(service.services.db, code) if e.action == "dossier.accept"]
    assert len(accepted) == 1
    notices = [m for m in await service.citizen.messages() if "đã được tiếp nhận" in (m.get("text") or "")]
    assert len(notices) == 1, "the citizen is told once"


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

    await say(service.citizen, "/start", "Anh/chị muốn làm thủ tục gì")
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


async def test_html_and_markdown_typed_by_a_citizen_show_verbatim_in_the_admin_chat(service):
    tricky = "<b>Nhà</b> *số* _5_ [x](http://a) & <script>alert(1)</script> ~ngõ~ ||hẻm|| #7"
    code = await file_birth_registration(service.citizen, birthplace=tricky, blurry_first=False)
    card = await service.official.wait_for(f"Hồ sơ {code}", chat_id=ADMIN_CHAT, timeout=15)
    assert f"Nơi sinh: {tricky}" in card["text"]
    assert not any(e.get("type") in ("bold", "italic", "text_link", "code") for e in card.get("entities") or [])


async def test_a_failure_apologises_keeps_the_answers_and_tells_officials_a_case_id(service, monkeypatch):
    citizen = service.citizen
    await begin_birth_registration(citizen, "Mẹ")
    await citizen.send_album([imagegen.document_photo(seed=61), imagegen.document_photo(seed=62)])
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    engine = service.services.engine
    original = engine.handle

    def broken(session, event, ctx):
        session.answers["requester_name"] = "half-written"
        raise RuntimeError("Lê Thị Hoa 001195012345")

    monkeypatch.setattr(engine, "handle", broken)
    sorry = await say(citizen, "Lê Thị Hoa", "Xin lỗi")
    case = sorry["text"].split("(mã ")[1].split(")")[0]
    alert = await service.official.wait_for(f"mã sự cố {case}", chat_id=ADMIN_CHAT, timeout=15)
    assert "Lê Thị Hoa" not in alert["text"] and "001195012345" not in alert["text"]
    monkeypatch.setattr(engine, "handle", original)
    await say(citizen, "Lê Thị Hoa", "Số định danh")
    answers = service.services.db.execute("SELECT answers FROM sessions WHERE key = 'telegram:1001'").fetchone()[0]
    assert "half-written" not in answers and "Lê Thị Hoa" in answers
