"""Fees through the host, on the in-process client: a fee request names the office's account and comes with a
VietQR image a banking app reads (the amount, the receipt code as the transfer note); "Đã nộp phí" records the
official and the time on the card; the approval says whether the fee is paid; an office without payment
details asks the citizen to pay at the office; after the hand-over the lookup shows one date line."""

from __future__ import annotations

from dataclasses import replace

import pytest
import zxingcpp
from PIL import Image

from bot import vietqr
from storage.database import transaction
from storage.dossiers import create_dossier, get_dossier
from tests.client import NOW, Client
from tests.filing import say

OWNER = {"consent": "yes", "owner_name": "Võ Thị Cúc", "business_name": "Bánh mì Cô Ba"}


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


async def file_business(client: Client, user_id: int = 1001, channel: str = "telegram") -> str:
    """Put a household business dossier (fee 100.000 đ in the example offices) on the desk; return its code."""
    services = client.services
    with transaction(services.db):
        dossier = create_dossier(
            services.db, office_code="000.00.59.H80", channel=channel, user_id=str(user_id), flow_id="household_business",
            flow_version=1, answers=OWNER, shown={}, consent={"version": "2026-01"}, submitted_at=NOW,
            expected_on=NOW.date().replace(day=13),
        )
        services.desk.queue([services.backoffice.announce(dossier.id)])
    await client.delivered()
    return dossier.receipt_code


def decoded(path: str) -> list[str]:
    """Return what a banking app's scanner reads in an image."""
    return [code.text for code in zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)]


async def test_a_fee_request_names_the_account_and_carries_a_vietqr_with_the_amount_and_code(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    await hoa.click("💰 Yêu cầu nộp phí", card=code)

    notice, image = citizen.messages[-2], citizen.messages[-1]
    assert "mời Ông/Bà nộp lệ phí 100.000 đ" in notice.text
    assert "Vietcombank, số tài khoản 0000000000001, chủ tài khoản UBND PHUONG TAN NINH" in notice.text
    assert f"Nội dung chuyển khoản: {code}" in notice.text
    assert "Hạn nộp: 13/03/2026" in notice.text, "3 working days after Tuesday 10/03"
    assert image.photo and "VietQR" in image.text
    payload = vietqr.payload("970436", "0000000000001", 100000, code)
    assert decoded(image.photo) == [payload]
    assert "5406100000" in payload and f"62{len(code) + 4:02d}08{len(code):02d}{code}" in payload
    assert "Phí: 100.000 đ – chưa nộp" in client.card(code).text


async def test_fee_paid_records_the_official_and_the_approval_says_it_is_paid(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    await hoa.click("💰 Yêu cầu nộp phí", card=code)
    assert "💵 Đã nộp phí" in client.card(code).labels

    await hoa.click("💵 Đã nộp phí", card=code)
    card = client.card(code)
    assert "Phí: 100.000 đ – đã nộp (Cán bộ Hòa, 10:00 10/03/2026)" in card.text
    assert "💵 Đã nộp phí" not in card.labels and "Trạng thái: Đang xử lý" in card.text
    assert "Đã nhận lệ phí 100.000 đ" in citizen.messages[-1].text
    stored = get_dossier(client.services.db, code)
    assert (stored.fee_paid_by, stored.fee_paid_at) == ("Cán bộ Hòa", "2026-03-10T10:00:00+07:00")

    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    await hoa.click("Hẹn ngày 13/03/2026")
    assert "Lệ phí 100.000 đ: Ông/Bà đã nộp." in citizen.messages[-1].text


async def test_a_fee_unpaid_at_approval_is_to_be_brought_and_can_be_confirmed_at_pickup(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    await hoa.click("Hẹn ngày 13/03/2026")
    assert "Lệ phí 100.000 đ: Ông/Bà nộp khi đến nhận kết quả." in citizen.messages[-1].text
    assert "Phí: 100.000 đ – chưa nộp" in client.card(code).text
    await hoa.click("💵 Đã nộp phí", card=code)
    assert "Phí: 100.000 đ – đã nộp (Cán bộ Hòa" in client.card(code).text
    assert client.card(code).labels == ["📦 Đã trả kết quả"]


async def test_a_fee_not_confirmed_before_the_hand_over_can_be_confirmed_after_it(client):
    """The result went out before anyone pressed "Đã nộp phí": the card still offers it, records who confirmed it,
    and the dossier stays handed over (its handover day kept); the citizen is thanked, not asked to rate again."""
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    await hoa.click("Hẹn ngày 13/03/2026")
    await hoa.click("📦 Đã trả kết quả", card=code)
    await hoa.click("✔️ Xác nhận")
    handed = get_dossier(client.services.db, code)
    assert handed.state == "handed_over" and "💵 Đã nộp phí" in client.card(code).labels

    await hoa.click("💵 Đã nộp phí", card=code)
    card = client.card(code)
    assert "Phí: 100.000 đ – đã nộp (Cán bộ Hòa, 10:00 10/03/2026)" in card.text
    assert "Trạng thái: Đã trả kết quả" in card.text and "💵 Đã nộp phí" not in card.labels
    stored = get_dossier(client.services.db, code)
    assert (stored.state, stored.status, stored.handed_over_at) == ("handed_over", 10, handed.handed_over_at)
    assert stored.fee_paid_by == "Cán bộ Hòa"
    thanks = citizen.messages[-1]
    assert "Đã nhận lệ phí 100.000 đ" in thanks.text and not thanks.buttons


async def test_an_office_without_payment_details_asks_to_pay_at_the_office(tmp_path):
    client = Client(tmp_path)
    try:
        backoffice = client.services.backoffice
        backoffice.offices = client.services.desk.offices = backoffice.offices.replaced(replace(backoffice.offices.default, payment=None))
        citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
        code = await file_business(client)
        await hoa.click("✅ Tiếp nhận", card=code)
        await hoa.click("▶️ Bắt đầu xử lý", card=code)
        await hoa.click("💰 Yêu cầu nộp phí", card=code)
        notice = citizen.messages[-1]
        assert "Mời Ông/Bà nộp tại Trung tâm Phục vụ hành chính công phường Tân Ninh" in notice.text
        assert not notice.photo and "chuyển khoản" not in notice.text.lower()
    finally:
        client.close()


async def test_after_the_hand_over_the_lookup_shows_one_date_line_with_the_right_word(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    open_lookup = await say(citizen, code, f"Hồ sơ {code}")
    assert "Hạn giải quyết: 13/03/2026" in open_lookup.text and "hẹn trả" not in open_lookup.text
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("🟢 Duyệt, hẹn trả", card=code)
    await hoa.click("✔️ Xác nhận")
    await hoa.write("16/03/2026")
    done = await say(citizen, code, f"Hồ sơ {code}")
    assert "Ngày hẹn trả kết quả: 16/03/2026, tại Trung tâm Phục vụ hành chính công phường Tân Ninh" in done.text
    assert "Hạn giải quyết" not in done.text

    await hoa.click("📦 Đã trả kết quả", card=code)
    await hoa.click("✔️ Xác nhận")
    assert "ngày trả kết quả: 10/03/2026" in citizen.messages[-1].text
    after = await say(citizen, code, f"Hồ sơ {code}")
    dated = [line for line in after.text.splitlines() if "/2026" in line]
    assert dated == ["Ngày nộp: 10/03/2026 · Ngày trả kết quả: 10/03/2026"]
    listing = await say(citizen, "/mydossiers", "Hồ sơ của Ông/Bà")
    assert "Đã trả kết quả · ngày trả kết quả 10/03/2026" in listing.text and "hạn giải quyết" not in listing.text


async def test_a_zalo_citizen_gets_the_vietqr_image_on_zalo(client):
    citizen, hoa = client.citizen(7001, "zalo"), client.official(2001, "Cán bộ Hòa")
    code = await file_business(client, 7001, "zalo")
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    await hoa.click("💰 Yêu cầu nộp phí", card=code)
    image = citizen.messages[-1]
    assert image.photo and decoded(image.photo) == [vietqr.payload("970436", "0000000000001", 100000, code)]


async def test_a_free_procedure_offers_no_fee_request(client):
    hoa = client.official(2001, "Cán bộ Hòa")
    code = await file_business(client)
    with transaction(client.services.db):  # an on-time birth registration is free in the example offices
        client.services.db.execute("UPDATE dossiers SET flow_id = 'birth_registration', answers = '{}' WHERE receipt_code = ?", [code])
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    assert "💰 Yêu cầu nộp phí" not in client.card(code).labels and "🟢 Duyệt, hẹn trả" in client.card(code).labels
