"""The declaration PDF: each dossier's tờ khai / giấy đề nghị, filled from its answers, comes with its card.

The PDF's text is read back with pypdf, as an official's printer would print it: the office it is addressed to,
the child's name with its diacritics, the dates (and the date of birth in words), the requester's commitment,
the signer. Layouts are data (flows/forms/): ``main.py check`` refuses one naming an answer the flow lacks.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.declaration import date_words, number_words, render
from flows.forms import load_forms, parse, problems
from storage.dossiers import get_dossier
from tests.client import Client
from tests.filing import file_birth_registration, press

TAN_NINH = {"province_code": "80", "province": "Tây Ninh", "commune_code": "25459", "commune": "Phường Tân Ninh"}
BIRTH = {
    "relationship": "mother", "requester_name": "Lê Thị Hoa", "requester_id": "001195012345",
    "requester_residence": {**TAN_NINH, "street": "Số 5 Lê Lợi"}, "child_name": "Nguyễn Ngọc Ánh",
    "child_sex": "female", "child_dob": "05/03/2026", "child_birthplace": {**TAN_NINH, "street": "Bệnh viện Đa khoa"},
    "mother_name": "Lê Thị Hoa", "mother_dob": "1995", "mother_ethnicity": "Kinh", "mother_nationality": "Việt Nam",
    "mother_residence": {**TAN_NINH, "street": "Số 5 Lê Lợi"}, "mother_id": "001195012345", "father_known": "no",
    "mother_hometown": {**TAN_NINH, "street": ""}, "child_ethnicity": "Kinh", "child_nationality": "Việt Nam",
    "child_hometown": {**TAN_NINH, "street": ""}, "extract_copies": 2, "result_delivery": "office",
}


def text_of(pdf: bytes) -> str:
    """Return the text of a PDF's pages, one line per printed line."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    """Return the text with its lines joined (a long answer wraps onto the next line)."""
    return " ".join(text.split())


def test_the_birth_declaration_reads_like_the_official_form():
    form = load_forms()["birth_registration"]
    pdf = render(form, BIRTH, {"relationship": "Mother"}, office="UBND phường Tân Ninh", place="Phường Tân Ninh",
                 on=date(2026, 3, 10), code="000.00.59.H80-260310-0001")
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KHAI SINH",
                     "Kính gửi: UBND phường Tân Ninh", "Họ, chữ đệm, tên: Nguyễn Ngọc Ánh",
                     "Ngày, tháng, năm sinh: 05/03/2026", "Ngày mồng năm tháng ba",
                     "Nơi sinh: Bệnh viện Đa khoa, Phường Tân Ninh, Tây Ninh", "Giới tính: Nữ",
                     "Quan hệ với người được khai sinh: Mẹ", "Giấy tờ tùy thân: Số định danh cá nhân 001195012345",
                     "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật",
                     "Phường Tân Ninh, ngày 10 tháng 03 năm 2026", "Người yêu cầu", "Lê Thị Hoa", "số lượng: 2 bản",
                     "Mã hồ sơ: 000.00.59.H80-260310-0001"):
        assert expected in flat(text), f"{expected!r} not in the PDF:\n{text}"
    assert "Mother" not in text, "a choice is worded as the form does, not in the citizen's language"
    father = next(line for line in text.splitlines() if line.startswith("Họ, chữ đệm, tên người cha"))
    assert father.endswith("....") and ":" in father and not father.split(":")[1].strip(". "), \
        "the unknown father's fields stay dotted, as on paper"
    again = render(form, BIRTH, {}, office="UBND phường Tân Ninh", place="Phường Tân Ninh", on=date(2026, 3, 10),
                   code="000.00.59.H80-260310-0001")
    assert again == render(form, BIRTH, {}, office="UBND phường Tân Ninh", place="Phường Tân Ninh",
                           on=date(2026, 3, 10), code="000.00.59.H80-260310-0001"), "the same answers give the same file"


def test_the_household_business_application_lists_the_members():
    form = load_forms()["household_business"]
    place = {**TAN_NINH, "street": "12 Trần Hưng Đạo"}
    answers = {
        "founder_type": "household", "owner_name": "Phạm Minh Đức", "owner_dob": "02/09/1988", "owner_sex": "male",
        "owner_ethnicity": "Kinh", "owner_nationality": "Việt Nam", "owner_id": "079088001234",
        "owner_permanent_address": place, "owner_contact_address": place, "owner_phone": "0912345678",
        "business_name": "Hộ kinh doanh Tạp hóa Minh Đức", "business_address": place, "business_phone": "0912345678",
        "main_line": "4711", "capital": 50000000, "revenue_band": "upto_500m", "employees": 2, "start_date": "01/04/2026",
        "members": [{"name": "Phạm Thị Lan", "name#shown": "Phạm Thị Lan", "dob": "03/03/1990", "sex": "female",
                     "sex#shown": "Female", "nationality": "Việt Nam", "ethnicity": "Kinh", "address": place,
                     "id_number": "079190001234"}],
        "commitments": "confirmed",
    }
    shown = {"main_line": "4711 – Bán lẻ lương thực, thực phẩm", "capital": "50.000.000 đồng"}
    text = flat(text_of(render(form, answers, shown, office="UBND phường Tân Ninh", place="Phường Tân Ninh",
                          on=date(2026, 3, 10), code="000.00.59.H80-260310-0002")))
    for expected in ("GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH", "PHẠM MINH ĐỨC", "HỘ KINH DOANH TẠP HÓA MINH ĐỨC",
                     "4711 – Bán lẻ lương thực, thực phẩm", "50.000.000 đồng", "Đến 500 triệu đồng",
                     "Các thành viên hộ gia đình", "Thành viên 1", "Phạm Thị Lan", "Giới tính: Nữ",
                     "Số định danh cá nhân: 079190001234", "Chủ hộ kinh doanh",
                     "tính hợp pháp, chính xác, trung thực"):
        assert expected in text, f"{expected!r} not in the PDF:\n{text}"
    assert "Địa điểm 1" not in text and "9. Địa điểm kinh doanh khác" not in text, "no other locations, no heading"


def test_dates_and_numbers_in_words():
    assert number_words(2026) == "hai nghìn không trăm hai mươi sáu"
    assert number_words(2005) == "hai nghìn không trăm linh năm"
    assert number_words(1995) == "một nghìn chín trăm chín mươi lăm"
    assert number_words(2021) == "hai nghìn không trăm hai mươi mốt"
    assert date_words(date(2026, 4, 15)) == "Ngày mười lăm tháng tư năm hai nghìn không trăm hai mươi sáu"
    assert date_words(date(2025, 12, 1)) == "Ngày mồng một tháng mười hai năm hai nghìn không trăm hai mươi lăm"


def test_a_layout_naming_an_answer_the_flow_lacks_is_refused(tmp_path):
    client = Client(tmp_path)
    try:
        flows = {flow_id: compiled.flow for flow_id, compiled in client.services.flows.items()}
    finally:
        client.close()
    forms = load_forms()
    assert problems(forms, flows) == []
    broken = parse({"flow": "birth_registration", "title": "T", "commitment": "C", "signature": {"title": "S", "name": "signer"},
                    "lines": [{"label": "Họ tên", "value": "child_nickname"},
                              {"label": "Giới tính", "value": "child_sex", "choices": {"other": "Khác"}}]})
    found = problems({"birth_registration": broken}, flows)
    assert any("child_nickname" in p for p in found) and any("'other'" in p for p in found) and any("signer" in p for p in found)


def test_main_check_reads_the_layouts(tmp_path):
    import main

    flows_dir = tmp_path / "flows"
    flows_dir.mkdir()
    for path in Path(main.ROOT / "flows").glob("*.yaml"):
        (flows_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (flows_dir / "forms").mkdir()
    (flows_dir / "forms" / "birth_registration.yaml").write_text(
        "flow: birth_registration\ntitle: T\ncommitment: C\nsignature: {title: S}\nlines:\n  - {label: X, value: nickname}\n",
        encoding="utf-8")
    settings = replace(main.Settings(), flows_dir=flows_dir, data_dir=tmp_path / "data")
    assert any("nickname" in problem for problem in main.check(settings))


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


async def test_the_card_carries_the_declaration_to_print_and_sign(client):
    citizen = client.citizen(1001)
    code = await file_birth_registration(citizen)
    card = client.card(code)
    position = client.admin.index(card)
    document = client.admin[position - 1].document
    assert document is not None, "the declaration comes right before the card's text"
    path, name = document
    assert name == f"to-khai-{code}.pdf"
    text = flat(text_of(Path(path).read_bytes()))
    assert "Kính gửi: UBND phường Tân Ninh" in text and "Họ, chữ đệm, tên: Trần Bảo An" in text
    assert "Ngày, tháng, năm sinh: 01/03/2026" in text and "ngày 10 tháng 03 năm 2026" in text
    assert "Tôi cam đoan" in text and "Phường Tân Ninh, ngày" in text

    # After a supplement that changes an answer, the declaration is drawn again from the new answers.
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("📝 Yêu cầu bổ sung", card=code)
    await hoa.click("Họ tên trẻ")
    await hoa.click("Tiếp tục ➡️")
    await hoa.write("Tên của cháu viết sai dấu")
    await press(citizen, "📝 Bổ sung ngay", "Họ và tên của cháu")
    assert "Xem lại hồ sơ" in await citizen.send("Trần Bảo Ân")
    await press(citizen, "📨 Gửi hồ sơ", "Đã gửi phần bổ sung")
    redrawn = [m.document for m in client.admin if m.document]
    assert len(redrawn) == 2 and redrawn[-1][1] == f"to-khai-{code}.pdf"
    assert "Họ, chữ đệm, tên: Trần Bảo Ân" in flat(text_of(Path(redrawn[-1][0]).read_bytes()))
    assert get_dossier(client.services.db, code).answers["child_name"] == "Trần Bảo Ân"



async def test_a_declaration_that_cannot_be_drawn_does_not_hold_up_the_card(client):
    async def broken(dossier_id: int):
        raise OSError("disk full")

    client.services.sender.draw_declaration = broken
    code = await file_birth_registration(client.citizen(1001))
    assert "Trạng thái: Mới đăng ký" in client.card(code).text
    assert not any(m.document for m in client.admin)
