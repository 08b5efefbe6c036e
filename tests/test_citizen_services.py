"""The citizen services through the host, on the in-process client: lookups by code and by receipt QR (the
filer sees everything, a stranger only status and dates), one's own dossiers and withdrawal, feedback,
personal data and erasure, idle drafts, refused files, and the error handler's case id."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.desk import VIETNAM
from bot.housekeeping import sweep_drafts
from storage.dossiers import get_dossier
from tests.client import Client
from tests.filing import begin_birth_registration, file_birth_registration, press, say


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


async def test_lookup_by_code_and_by_receipt_qr_shows_others_only_status_and_dates(client):
    filer, stranger = client.citizen(1001), client.citizen(1002)
    code = await file_birth_registration(filer)
    own = await say(filer, code, f"Hồ sơ {code} — Đăng ký khai sinh")
    assert "Trạng thái: Mới đăng ký" in own.text

    await say(stranger, "/start", "thủ tục gì")
    await press(stranger, "🔎 Tra cứu hồ sơ", "Gõ mã hồ sơ")
    public = await say(stranger, code, f"Hồ sơ {code}")
    assert "Trạng thái: Mới đăng ký" in public.text and "10/03/2026" in public.text
    for private in ("Đăng ký khai sinh", "Trần", "Lê Thị Hoa", "001195012345"):
        assert private not in public.text

    receipt_qr = next(m for m in filer.messages if m.photo)
    scanned = await stranger.photo(Path(receipt_qr.photo).read_bytes(), mime="image/png")
    assert f"Hồ sơ {code}" in scanned and "Trạng thái" in scanned.text and "Lê Thị Hoa" not in scanned.text

    for _ in range(12):
        last = await stranger.send("000.00.59.H80-260310-9999")
    assert "tra cứu quá nhiều lần" in last


async def test_my_dossiers_and_withdrawal_before_processing(client):
    citizen = client.citizen(1001)
    code = await file_birth_registration(citizen)
    listing = await say(citizen, "/mydossiers", "Hồ sơ của Ông/Bà")
    assert code in listing.text and "Mới đăng ký" in listing.text
    await press(citizen, f"↩️ Rút hồ sơ {code}", "chắc chắn muốn rút")
    await press(citizen, "Có, rút hồ sơ", f"Đã rút hồ sơ {code}")
    assert sum(f"Công dân đã rút hồ sơ {code}" in m.text for m in client.admin) == 1
    card = client.card(code)
    assert "Công dân yêu cầu rút hồ sơ (mã 7)" in card.text and "Thao tác cuối: Công dân" in card.text
    assert not card.labels, "a withdrawn dossier offers no actions"
    assert get_dossier(client.services.db, code).status == 7
    await say(citizen, "/mydossiers", "Công dân yêu cầu rút hồ sơ")


async def test_a_dossier_being_processed_cannot_be_withdrawn(client):
    citizen = client.citizen(1001)
    code = await file_birth_registration(citizen)
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    listing = await say(citizen, "/mydossiers", "Hồ sơ của Ông/Bà")
    assert f"↩️ Rút hồ sơ {code}" not in listing.last.labels
    assert get_dossier(client.services.db, code).state == "processing"


async def test_feedback_reaches_the_admin_chat(client):
    citizen = client.citizen(1001)
    await say(citizen, "/start", "thủ tục gì")
    await press(citizen, "💬 Góp ý", "Mời Ông/Bà gõ góp ý")
    await say(citizen, "Nên mở cửa thêm sáng thứ Bảy", "Cảm ơn")
    posts = [m for m in client.admin if "Góp ý của công dân" in m.text]
    assert len(posts) == 1 and "Nên mở cửa thêm sáng thứ Bảy" in posts[0].text


async def test_privacy_and_erasing_a_draft_with_its_photos(client):
    citizen = client.citizen(1001)
    blobs = client.settings.data_dir / "blobs"
    await begin_birth_registration(citizen, "Cha")
    await citizen.album({"kind": "document", "seed": 31}, {"kind": "document", "seed": 32})
    assert len(list(blobs.rglob("*.jpg"))) == 2
    privacy = await say(citizen, "/privacy", "Dữ liệu chúng tôi lưu")
    assert "Đăng ký khai sinh" in privacy.text and "2 ảnh chưa nộp" in privacy.text
    await say(citizen, "/deletemydata", "Không thể hoàn tác")
    await press(citizen, "Có, xóa", "Đã xóa hồ sơ khai dở")
    assert not list(blobs.rglob("*.jpg")), "draft ID photos are gone from disk"
    assert client.services.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 0
    await say(citizen, "/privacy", "0 ảnh chưa nộp")


async def test_privacy_counts_the_answers_not_where_they_came_from(client):
    citizen = client.citizen(1001)
    await begin_birth_registration(citizen, "Cha")
    qr = {"id_number": "001093012345", "full_name": "Trần Văn Bình", "birth_date": "12071993", "sex": "Nam",
          "address": "Số 5 Lê Lợi, Phường Tân Ninh, Tây Ninh"}
    await citizen.album({"kind": "id_card", "qr": qr}, {"kind": "document", "seed": 33})
    await press(citizen, "✅ Dùng thông tin này", "Địa chỉ trên căn cước")
    await press(citizen, "Tây Ninh", "gõ tên xã, phường")
    await say(citizen, "tan ninh", "Địa chỉ: Phường Tân Ninh")
    await press(citizen, "Số 5 Lê Lợi", "Số điện thoại")  # the street part of the card's address, offered
    privacy = await say(citizen, "/privacy", "Dữ liệu chúng tôi lưu")
    # the relationship, the ID card photos, and the name, ID number and residence read from its QR code
    assert "(5 câu trả lời, 2 ảnh chưa nộp)" in privacy.text, privacy.text


async def test_idle_draft_is_reminded_then_deleted(client):
    citizen = client.citizen(1001)
    await begin_birth_registration(citizen, "Cha")
    assert "Đã nhận 1/2" in await citizen.photo({"kind": "document", "seed": 41})
    services = client.services
    later = datetime.now(VIETNAM) + timedelta(days=29, hours=1)
    sweep_drafts(services.db, services.blobs, services.flows, later, 30, queue=services.desk.queue)
    await client.delivered()
    assert "tự động bị xóa sau 1 ngày" in citizen.messages[-1].text
    sweep_drafts(services.db, services.blobs, services.flows, later + timedelta(days=1, hours=1), 30, queue=services.desk.queue)
    await client.delivered()
    assert "đã bị xóa cùng các ảnh" in citizen.messages[-1].text
    assert not list((client.settings.data_dir / "blobs").rglob("*.jpg"))
    await say(citizen, "/start", "Ông/Bà muốn làm thủ tục gì")


async def test_wrong_file_type_and_too_large_photo_are_refused_with_a_clear_message(client):
    citizen = client.citizen(1001)
    await begin_birth_registration(citizen, "Cha")
    wrong = await citizen.document("cccd.pdf", "application/pdf", 2000)
    assert "Chụp căn cước" in wrong and ("JPEG" in wrong.text or "ảnh" in wrong.text)
    large = await citizen.photo(b"\xff\xd8\xff\xe0" + bytes(11 * 1024 * 1024))
    assert "Chụp căn cước" in large and ("10 MB" in large.text or "quá lớn" in large.text)
    assert client.services.desk.session(citizen.who).step == "requester_id_card"


async def test_a_failure_apologises_keeps_the_answers_and_tells_officials_a_case_id(client, monkeypatch):
    citizen = client.citizen(1001)
    await begin_birth_registration(citizen, "Mẹ")
    await citizen.album({"kind": "document", "seed": 61}, {"kind": "document", "seed": 62})
    engine = client.services.engine

    def broken(session, event, ctx):
        session.answers["requester_name"] = "half-written"
        raise RuntimeError("Lê Thị Hoa 001195012345")

    monkeypatch.setattr(engine, "handle", broken)
    sorry = await say(citizen, "Lê Thị Hoa", "Xin lỗi")
    assert len(sorry.messages) == 1
    case = sorry.text.split("(mã ")[1].split(")")[0]
    alerts = [m for m in client.admin if f"mã sự cố {case}" in m.text]
    assert len(alerts) == 1 and "Lê Thị Hoa" not in alerts[0].text and "001195012345" not in alerts[0].text
    monkeypatch.undo()
    await say(citizen, "Lê Thị Hoa", "Số định danh")
    answers = client.services.desk.session(citizen.who).answers
    assert answers["requester_name"] == "Lê Thị Hoa" and "half-written" not in answers.values()


async def test_a_zalo_citizen_is_notified_on_zalo(client):
    citizen = client.citizen("zalo-42", channel="zalo")
    code = await file_birth_registration(citizen)
    assert "qua zalo" in client.card(code).text
    await client.official(2001, "Cán bộ Hòa").click("✅ Tiếp nhận", card=code)
    assert f"Hồ sơ {code} (Đăng ký khai sinh) đã được tiếp nhận" in citizen.messages[-1].text
    assert not client.chat("telegram:zalo-42")
