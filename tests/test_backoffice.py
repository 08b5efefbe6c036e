"""The back office through the host, on the in-process client: officials act on cards in the admin chat
(accept, supplement, refuse, approve with a pickup date, hand over), outsiders and forged or outdated
buttons change nothing, and the admin commands /pending, /find and /stats answer from the stored dossiers."""

from __future__ import annotations

import pytest

from storage import audit
from storage.dossiers import get_dossier
from tests.client import Client
from tests.filing import begin_birth_registration, file_birth_registration, press, say


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


async def test_birth_registration_from_filing_to_rating(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_birth_registration(citizen, blurry_first=True)
    assert code.startswith("000.00.59.H80-260310-")

    card = client.card(code)
    assert "Trạng thái: Mới đăng ký" in card.text and "Họ tên trẻ: Trần Bảo An" in card.text
    assert len([m for m in client.admin if m.photo]) == 3, "two ID card photos and the birth certificate come with the card"

    accepted = await hoa.click("✅ Tiếp nhận", card=code)
    assert accepted.toast.startswith("Đã thực hiện") and not accepted.alert
    assert f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận" in citizen.messages[-1].text
    assert "Được tiếp nhận" in client.card(code).text and "Cán bộ Hòa" in client.card(code).text

    # Supplement: the official picks the birth certificate and writes why; the citizen redoes only that.
    asked = await hoa.click("📝 Yêu cầu bổ sung", card=code)
    assert "chọn các mục công dân cần bổ sung" in asked
    ticked = await hoa.click("Giấy chứng sinh")
    assert "✅ Giấy chứng sinh" in ticked.edited[-1].labels
    assert "mời nhập lý do" in await hoa.click("Tiếp tục ➡️")
    await hoa.write("Ảnh giấy chứng sinh bị mất góc dưới, vui lòng chụp lại đủ 4 góc")
    notice = citizen.messages[-1].text
    assert "cần bổ sung" in notice and "bị mất góc dưới" in notice and "Giấy chứng sinh" in notice
    await press(citizen, "📝 Bổ sung ngay", "Chụp Giấy chứng sinh")
    assert "Đã nhận 1/2 ảnh" in await citizen.photo({"kind": "document", "seed": 5, "title": "GIẤY CHỨNG SINH ĐỦ GÓC"})
    review = await press(citizen, "✅ Xong (1 ảnh)", "Xem lại hồ sơ")
    assert "Trần Bảo An" in review.text
    await press(citizen, "📨 Gửi hồ sơ", "Đã gửi phần bổ sung")
    supplied = [m for m in client.admin if f"Công dân đã gửi bổ sung cho hồ sơ {code}" in m.text]
    assert len(supplied) == 1 and client.admin[-3].photo, "the redone photo comes with the notice"
    assert client.admin[-2].document[1] == f"to-khai-{code}.pdf", "and the declaration, drawn again"

    # Processing, approval with the pickup date, hand-over, rating.
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    assert "đang được xử lý" in citizen.messages[-1].text
    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    dated = await hoa.click("Hẹn ngày 10/03/2026")
    assert "Đã xử lý xong" in dated
    prompt = next(m for m in client.admin if "đã hẹn trả kết quả ngày 10/03/2026" in m.text)
    assert not prompt.labels, "the date prompt closes once the date is chosen"
    done = citizen.messages[-1].text
    assert "đã giải quyết xong" in done and "10/03/2026" in done and "Trung tâm Phục vụ hành chính công phường Tân Ninh" in done
    assert "Miễn lệ phí" in done and "0 đ" not in done, "on-time birth registration is free"
    assert "bản chính" in done and "Giấy chứng sinh" in done
    await hoa.click("📦 Đã trả kết quả", card=code)
    await hoa.click("✔️ Xác nhận")
    assert "hài lòng" in citizen.messages[-1].text
    await press(citizen, "⭐⭐⭐⭐⭐", "góp ý thêm")
    await say(citizen, "Cán bộ hướng dẫn rất nhiệt tình", "Cảm ơn")
    assert any("được đánh giá 5/5" in m.text for m in client.admin)

    db = client.services.db
    dossier = get_dossier(db, code)
    assert dossier.state == "handed_over" and dossier.status == 10 and dossier.rating == 5
    assert [entry.action for entry in audit.entries(db, code)] == [
        "dossier.submitted", "dossier.accept", "dossier.request_supplement", "dossier.supplied",
        "dossier.start", "dossier.approve", "dossier.hand_over", "dossier.rated"]
    assert "Mức hài lòng: 5.0/5" in await hoa.command("stats")


async def test_household_business_approved_with_the_fee_and_a_typed_date(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    await say(citizen, "/start", "Ông/Bà muốn làm thủ tục gì")
    await press(citizen, "Đăng ký thành lập hộ kinh doanh", "Đồng ý xử lý dữ liệu")
    await press(citizen, "✅ Tôi đồng ý", "Ai thành lập")
    await press(citizen, "Một cá nhân (tôi)", "Chụp căn cước của chủ hộ")
    qr = {"id_number": "079190012345", "full_name": "Võ Thị Cúc", "birth_date": "05041990", "sex": "Nữ",
          "address": "12 Trần Hưng Đạo, Bình Thủy, Cần Thơ"}
    assert "Hệ thống đọc được mã QR" in await citizen.album({"kind": "id_card", "qr": qr}, {"kind": "document", "seed": 9, "title": "MẶT SAU"})
    await press(citizen, "✅ Dùng thông tin này", "Dân tộc của chủ hộ")
    for text, expect in [("Kinh", "Quốc tịch"), ("Việt Nam", "Địa chỉ trên căn cước: 12 Trần Hưng Đạo, Bình Thủy, Cần Thơ"),
                         ("cần thơ", "gõ tên xã, phường"), ("binh thuy", "Địa chỉ: Phường Bình Thủy")]:
        await say(citizen, text, expect)
    await press(citizen, "12 Trần Hưng Đạo", "Địa chỉ liên lạc")  # the street part of the card's address
    await press(citizen, "Giống Thường trú", "Số điện thoại của chủ hộ")
    await say(citizen, "0901234567", "Email")
    await press(citizen, "Bỏ qua", "Tên hộ kinh doanh")
    for text, expect in [("Bánh mì Cô Ba", "Địa chỉ trụ sở"), ("Tây Ninh", "gõ tên xã, phường"), ("tan ninh", "Địa chỉ: Phường Tân Ninh"),
                         ("15 Nguyễn Trãi", "Số điện thoại của hộ"), ("0292 3812 345", "địa điểm kinh doanh nào khác")]:
        await say(citizen, text, expect)
    await press(citizen, "Không có", "Ngành nghề kinh doanh chính")
    await say(citizen, "quán ăn", "5610 – Nhà hàng")
    await press(citizen, "5610", "ngành nghề khác")
    for text, expect in [("Bán nước giải khát", "Vốn kinh doanh"), ("50 triệu", "Doanh thu dự kiến")]:
        await say(citizen, text, expect)
    await press(citizen, "Đến 500 triệu đồng", "Số lao động")
    for text, expect in [("2", "bắt đầu kinh doanh"), ("01/04/2026", "quyền sử dụng địa điểm")]:
        await say(citizen, text, expect)
    await press(citizen, "Bỏ qua", "cam kết")
    review = await press(citizen, "✅ Tôi xin cam kết cả 5 điều trên", "Xem lại hồ sơ")
    assert "Võ Thị Cúc" in review.text and "50.000.000 đ" in review.text
    receipt = await press(citizen, "📨 Gửi hồ sơ", "Mã hồ sơ:")
    code = receipt.text.split("Mã hồ sơ: ")[1].split()[0]
    assert "13/03/2026" in receipt.text, "3 working days after Tuesday 10/03"

    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    assert "Xác nhận 🟢 Duyệt, hẹn trả hồ sơ" in await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    assert "chọn ngày hẹn trả" in await hoa.click("✔️ Xác nhận")
    assert "Đã xử lý xong" in await hoa.write("16/03/2026")
    done = citizen.messages[-1].text
    assert "Ngày hẹn trả kết quả: 16/03/2026" in done and "Lệ phí 100.000 đ: Ông/Bà nộp khi đến nhận kết quả" in done
    await hoa.click("📦 Đã trả kết quả", card=code)
    await hoa.click("✔️ Xác nhận")
    await press(citizen, "⭐⭐⭐⭐", "góp ý thêm")
    await press(citizen, "Bỏ qua", "Cảm ơn")
    assert get_dossier(client.services.db, code).rating == 4


async def test_an_outsiders_press_and_a_forged_button_change_nothing(client):
    code = await file_birth_registration(client.citizen(1001))
    stranger, hoa = client.official(3001, "Người lạ"), client.official(2001, "Cán bộ Hòa")
    refused = await stranger.click("✅ Tiếp nhận", card=code)
    assert "Chỉ cán bộ được phân công" in refused.toast and refused.alert
    card = client.card(code)
    forged = card.data_of("✅ Tiếp nhận").rsplit(":", 1)[0] + ":AAAAAAAA"
    answer = await hoa.press_data(forged, card)
    assert "không hợp lệ" in answer.toast
    dossier = get_dossier(client.services.db, code)
    assert dossier.state == "new" and dossier.version == 0
    assert "Mới đăng ký" in client.card(code).text and card.edits == 0
    assert len(client.citizen(1001).messages) == len(client.chat("telegram:1001")), "the citizen is told nothing"
    assert not any("đã được tiếp nhận" in m.text for m in client.chat("telegram:1001"))


async def test_a_button_of_an_outdated_card_changes_nothing(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa, tam = client.official(2001, "Cán bộ Hòa"), client.official(2002, "Cán bộ Tâm")
    stale = client.card(code).data_of("✋ Dừng xử lý")
    await hoa.click("✅ Tiếp nhận", card=code)
    answer = await tam.press_data(stale, client.card(code))
    assert answer.alert and "Đã thực hiện" not in answer.toast and "Cán bộ Hòa" in answer.toast, answer.toast
    dossier = get_dossier(client.services.db, code)
    assert dossier.state == "accepted" and dossier.version == 1
    assert [e.action for e in audit.entries(client.services.db, code)] == ["dossier.submitted", "dossier.accept"]
    notices = [m for m in client.chat("telegram:1001") if "đã được tiếp nhận" in m.text]
    assert len(notices) == 1, "the citizen is told once"


async def test_refusal_needs_a_reason_which_reaches_the_citizen_and_the_card(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("⛔ Không tiếp nhận", card=code)
    assert "mời nhập lý do" in await hoa.click("✔️ Xác nhận")
    await hoa.write("Sai thẩm quyền: trẻ sinh ở tỉnh khác")
    notice = client.chat("telegram:1001")[-1].text
    assert "không được tiếp nhận" in notice and "Sai thẩm quyền" in notice
    assert "Lý do: Sai thẩm quyền" in client.card(code).text
    assert get_dossier(client.services.db, code).status == 3


async def test_pending_find_and_stats_for_officials_only(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa, stranger = client.official(2001, "Cán bộ Hòa"), client.official(3001, "Người lạ")
    pending = await hoa.command("pending")
    assert "Hồ sơ đang chờ xử lý: 1" in pending and code in pending.text
    found = await hoa.command("find", "Trần Bảo")
    assert f"Hồ sơ {code}" in found and "Trạng thái: Mới đăng ký" in found, "one dossier found: its card comes back"
    unaccented = await hoa.command("find", "tran bao an")
    assert code in unaccented.text, "names are found without their accents"
    assert code in (await hoa.command("find", code)).text
    assert ": 0 hồ sơ" in await hoa.command("find", "Nguyễn Không Có")
    stats = await hoa.command("stats")
    assert stats.messages and "Mức hài lòng" in stats.text
    refused = await stranger.command("pending")
    assert "Chỉ cán bộ" in refused and code not in refused.text
    assert code not in (await stranger.command("find", "Trần Bảo")).text


async def test_html_and_markdown_typed_by_a_citizen_show_verbatim_on_the_card(client):
    tricky = "<b>Nhà</b> *số* _5_ [x](http://a) & <script>alert(1)</script> ~ngõ~ ||hẻm|| #7"
    code = await file_birth_registration(client.citizen(1001), birthplace=tricky)
    assert f"Nơi sinh: {tricky}" in client.card(code).text


async def test_a_failing_press_is_answered_with_a_case_id_and_changes_nothing(client, monkeypatch):
    code = await file_birth_registration(client.citizen(1001))
    hoa = client.official(2001, "Cán bộ Hòa")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire Trần Bảo An")

    monkeypatch.setattr(client.services.backoffice, "handle", broken)
    answer = await hoa.click("✅ Tiếp nhận", card=code)
    assert answer.alert and "mã sự cố" in answer.toast
    case = answer.toast.split("mã sự cố ")[1].split(")")[0]
    assert case in answer.messages[-1].text, "the admin chat is told the same case id"
    assert "disk on fire" not in answer.text and "Trần Bảo An" not in answer.messages[-1].text
    monkeypatch.undo()
    assert get_dossier(client.services.db, code).state == "new"
    assert "Đã thực hiện" in (await hoa.click("✅ Tiếp nhận", card=code)).toast


async def test_restart_mid_filing_continues_where_the_citizen_was(client):
    citizen = client.citizen(1001)
    await begin_birth_registration(citizen, "Mẹ")
    await citizen.album({"kind": "document", "seed": 21}, {"kind": "document", "seed": 22})
    await say(citizen, "Lê Thị Hoa", "Số định danh")
    client.restart()
    await say(citizen, "001195012345", "Nơi cư trú hiện nay")
    await say(citizen, "/review", "chưa khai xong")
    session = client.services.desk.session(citizen.who)
    assert session.answers["requester_name"] == "Lê Thị Hoa" and session.answers["requester_id"] == "001195012345"
