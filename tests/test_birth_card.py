"""What the officials' card and the citizen's receipt say about a birth registration: late registration and
its fee, which answers came from the ID card's QR code or another answer, and the warnings raised."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

import main
from bot.desk import VIETNAM
from bot.offices import Office
from bot.receipts import receipt_text
from bot.settings import Settings
from storage.dossiers import create_dossier

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)
MALE_ID, FEMALE_ID, OTHER_FEMALE_ID = "001093012345", "001195012345", "001195099999"


@pytest.fixture
def services(tmp_path):
    settings = replace(Settings(), data_dir=tmp_path / "data")
    services = main.build(settings, clock=lambda: NOW)
    yield services
    services.db.close()


def card(services, answers: dict, shown: dict | None = None) -> str:
    """File a birth registration with these answers straight into storage; return its card as officials read it."""
    dossier = create_dossier(
        services.db, office_code="000.00.59.H80", channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=2,
        answers={"consent": "yes", **answers}, shown=shown or {}, consent={"version": "2026-01"}, submitted_at=NOW,
        expected_on=NOW.date(),
    )
    text, _ = services.backoffice.card(dossier.id)
    return services.desk.engine.catalog.render("vi", text)


def test_a_late_registration_is_flagged_with_its_fee_from_the_office_table(services):
    late = card(services, {"relationship": "father", "child_dob": "01/01/2026"})  # 68 days before 10/03/2026
    fee = services.backoffice.offices.default.fee("birth_registration_late")
    assert fee > 0, "the shipped office table has a late fee"
    assert "Đăng ký quá hạn: 68 ngày sau ngày sinh" in late
    assert f"Lệ phí: {fee:,} đ".replace(",", ".") in late
    on_time = card(services, {"relationship": "father", "child_dob": "01/03/2026"})
    assert "quá hạn" not in on_time


def test_answers_from_the_qr_code_or_another_answer_are_marked_and_typed_ones_are_not(services):
    text = card(
        services,
        {"relationship": "mother", "requester_name": "Lê Thị Hoa", "requester_phone": "0912345678", "mother_name": "Lê Thị Hoa",
         "_origin": {"requester_name": "qr", "mother_name": "requester_name"}},
    )
    assert "Họ tên người yêu cầu: Lê Thị Hoa [QR]" in text
    assert "Họ tên mẹ: Lê Thị Hoa [theo Họ tên người yêu cầu]" in text
    assert "Số điện thoại: 0912345678\n" in text, "a typed answer carries no mark"
    assert "[QR]: lấy từ mã QR trên căn cước" in text


def test_no_legend_when_every_answer_was_typed(services):
    assert "[QR]" not in card(services, {"relationship": "father", "requester_name": "Trần Văn Bình"})


def test_a_relationship_contradicting_the_id_cards_sex_is_a_warning_on_the_card(services):
    text = card(services, {"relationship": "mother", "requester_id": MALE_ID})
    assert "⚠️ Người yêu cầu khai là mẹ của trẻ, nhưng số định danh của người yêu cầu là của nam giới." in text
    father = card(services, {"relationship": "father", "requester_id": FEMALE_ID})
    assert "là cha của trẻ, nhưng số định danh của người yêu cầu là của nữ giới" in father
    assert "⚠️" not in card(services, {"relationship": "mother", "requester_id": FEMALE_ID, "mother_id": FEMALE_ID})


def test_a_mother_whose_id_differs_from_the_requesters_is_a_warning_on_the_card(services):
    text = card(services, {"relationship": "mother", "requester_id": FEMALE_ID, "mother_id": OTHER_FEMALE_ID})
    assert "số định danh của người yêu cầu khác số định danh của người mẹ" in text
    grandparent = card(services, {"relationship": "grandparent", "requester_id": FEMALE_ID, "mother_id": OTHER_FEMALE_ID})
    assert "⚠️" not in grandparent, "only a requester who says she is the mother must be the mother"


def test_the_receipt_says_free_or_the_late_fee_and_the_longer_time(services):
    flow = services.desk.engine.flows["birth_registration"].flow
    office = Office("X", "UBND xã Thử", "1 Đường Thử", "7:30–17:00", {"birth_registration_late": 8000})
    render = lambda text: services.desk.engine.catalog.render("vi", text)  # noqa: E731
    on_time = render(receipt_text("X-1", flow, office, NOW, date(2026, 3, 10), {"child_dob": "01/03/2026"}))
    assert "Miễn lệ phí" in on_time and "0 đ" not in on_time and "quá hạn" not in on_time
    assert "Giấy khai sinh có ghi số định danh cá nhân của trẻ" in on_time
    late = render(receipt_text("X-1", flow, office, NOW, date(2026, 3, 10), {"child_dob": "01/01/2026"}))
    assert "Đăng ký quá hạn: trẻ sinh đã 68 ngày" in late and "Lệ phí: 8.000 đ" in late
    recognition = render(receipt_text("X-1", flow, office, NOW, date(2026, 3, 13), {"child_dob": "01/03/2026", "parents_married": "no"}))
    assert "kết hợp nhận cha: giải quyết trong 3 ngày làm việc" in recognition
    assert flow.working_days_for({"parents_married": "no"}) == 3 and flow.working_days_for({"linked_procedure": "yes"}) == 3
    assert flow.working_days_for({"parents_married": "yes", "linked_procedure": "no"}) == 0


def test_a_parents_hometown_is_under_that_parents_heading(services):
    """Asked after both parents, the known parent's hometown is read under that parent on the card, not under "Cha"."""
    def block(text: str, heading: str) -> str:
        return text.split(f"▸ {heading}\n")[1].split("▸ ")[0]

    hometown = {"commune_code": "25480", "commune": "Xã Tân Hưng", "province": "Tây Ninh"}
    mother_only = card(services, {"relationship": "mother", "mother_known": "yes", "mother_name": "Lê Thị Hoa", "father_known": "no",
                                  "mother_hometown": hometown}, {"mother_hometown": "Xã Tân Hưng, Tây Ninh"})
    assert "Quê quán mẹ: Xã Tân Hưng, Tây Ninh" in block(mother_only, "Mẹ")
    assert "Quê quán" not in block(mother_only, "Cha")
    father_only = card(services, {"relationship": "father", "mother_known": "no", "father_known": "yes", "father_name": "Trần Văn Bình",
                                  "father_hometown": hometown}, {"father_hometown": "Xã Tân Hưng, Tây Ninh"})
    assert "Quê quán cha: Xã Tân Hưng, Tây Ninh" in block(father_only, "Cha")
