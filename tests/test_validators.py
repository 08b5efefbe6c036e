"""Answer validators: what a citizen types, what is stored and shown back, and what they are told when refused."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from bot.effects import Text
from flows.validators import VALIDATORS, Invalid, Valid, ValidationContext, load_vsic

ROOT = Path(__file__).resolve().parent.parent
VALIDATORS_PY = ROOT / "flows" / "validators.py"
LOCALES = {language: ROOT / "locales" / language / "validators.ftl" for language in ("vi", "en")}
VSIC_CSV = Path(__file__).parent.parent / "flows" / "reference" / "vsic2018.csv"  # shipped copy of shared/data
TODAY = date(2026, 3, 5)
SMALL_VSIC = {"4711": "Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn", "5610": "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động"}


def ctx(options: dict[str, Any] | None = None, answers: dict[str, Any] | None = None, **extra: Any) -> ValidationContext:
    return ValidationContext(today=TODAY, answers=answers or {}, options=options or {}, **extra)


def check(validator: str, text: str, **kwargs: Any) -> Valid | Invalid:
    return VALIDATORS[validator](text, ctx(**kwargs))


def accepted(validator: str, text: str, **kwargs: Any) -> Valid:
    result = check(validator, text, **kwargs)
    assert isinstance(result, Valid), f"{validator}({text!r}) was refused: {result}"
    return result


def refused(validator: str, text: str, **kwargs: Any) -> Text:
    result = check(validator, text, **kwargs)
    assert isinstance(result, Invalid), f"{validator}({text!r}) was accepted: {result}"
    return result.error


def assert_valid_example(validator: str, error: Text, **kwargs: Any) -> None:
    """The example shown in a refusal is itself accepted by the same validator and options."""
    assert "example" in error.params, error
    accepted(validator, error.params["example"], **kwargs)


# --- person_name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("nguyễn văn an", "Nguyễn Văn An"),
        ("  TRẦN   thị  BÍCH  ngọc ", "Trần Thị Bích Ngọc"),
        ("lò a", "Lò A"),
        ("h'hen niê", "H'Hen Niê"),
        ("H’Hen Niê", "H'Hen Niê"),
        ("y-moan êban", "Y-Moan Êban"),
        ("Đặng", "Đặng"),
        ("nguye\u0302\u0303n văn an", "Nguyễn Văn An"),  # decomposed input (NFD) comes out composed
    ],
)
def test_person_name_is_normalised_and_title_cased(typed: str, stored: str) -> None:
    result = accepted("person_name", typed)
    assert result.value == stored
    assert result.display == stored


@pytest.mark.parametrize("typed", ["Nguyễn Văn 2", "an@gmail", "Trần_Bình", "Lê (An)"])
def test_person_name_refuses_digits_and_symbols(typed: str) -> None:
    error = refused("person_name", typed)
    assert error.key == "invalid-person-name-chars"
    assert error.params["chars"]
    assert_valid_example("person_name", error)


@pytest.mark.parametrize("typed", ["", "   ", "A", "a" * 101])
def test_person_name_length(typed: str) -> None:
    error = refused("person_name", typed)
    assert error.key == "invalid-person-name-length"
    assert (error.params["min"], error.params["max"]) == (2, 100)


# --- free_text and address ------------------------------------------------------------------------


def test_free_text_trims_and_limits_length() -> None:
    assert accepted("free_text", "  Bán tạp hóa \n").value == "Bán tạp hóa"
    assert refused("free_text", "   ").key == "invalid-free-text-empty"
    error = refused("free_text", "x" * 11, options={"max_length": 10})
    assert error == Text("invalid-free-text-too-long", {"max": 10, "length": 11})
    assert accepted("free_text", "x" * 200).value == "x" * 200
    assert refused("free_text", "x" * 201).key == "invalid-free-text-too-long"


def test_address() -> None:
    assert accepted("address", " Số 12,  thôn Phú Mỹ, xã Hòa Phong ").value == "Số 12, thôn Phú Mỹ, xã Hòa Phong"
    error = refused("address", "12/34 56")
    assert error.key == "invalid-address"
    assert_valid_example("address", error)
    assert refused("address", "xã").key == "invalid-address-length"
    assert refused("address", "a" * 251).key == "invalid-address-length"


# --- date and date_or_year ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026", "5 / 3 / 2026"])
def test_date_formats_are_normalised(typed: str) -> None:
    result = accepted("date", typed)
    assert result.value == "05/03/2026"
    assert result.display == "05/03/2026"
    assert result.notes == ()


@pytest.mark.parametrize("typed", ["5/3/26", "2026-3", "ngày 5 tháng 3", "5 tháng 3 năm 26", "abc", ""])
def test_date_unreadable(typed: str) -> None:
    error = refused("date", typed)
    assert error.key == "invalid-date"
    assert_valid_example("date", error)


def test_date_that_does_not_exist() -> None:
    error = refused("date", "31/02/2025")
    assert error.key == "invalid-date-nonexistent"
    assert error.params["input"] == "31/02/2025"
    assert refused("date", "29/02/2025").key == "invalid-date-nonexistent"
    assert accepted("date", "29/02/2024").value == "29/02/2024"


def test_date_not_in_the_future_nor_before_1900() -> None:
    error = refused("date", "06/03/2026")
    assert error.key == "invalid-date-future"
    assert error.params["today"] == "05/03/2026"
    assert_valid_example("date", error)
    error = refused("date", "31/12/1899")
    assert error.key == "invalid-date-too-early"
    assert_valid_example("date", error)
    assert accepted("date", "01/01/1900").value == "01/01/1900"


def test_late_registration_note_after_60_days_not_at_60() -> None:
    options = {"late_after_days": 60}
    at_60 = _fmt(TODAY - timedelta(days=60))
    at_61 = _fmt(TODAY - timedelta(days=61))
    assert accepted("date", at_60, options=options).notes == ()
    assert accepted("date", at_61, options=options).notes == (Text("note-late-registration", {"days": 61, "limit": 60}),)
    assert accepted("date", at_61).notes == ()  # no option, no note


def test_future_dates_allowed_up_to_max_future_days() -> None:
    options = {"future_ok": True, "max_future_days": 30}
    assert accepted("date", _fmt(TODAY + timedelta(days=30)), options=options).value == "04/04/2026"
    error = refused("date", _fmt(TODAY + timedelta(days=31)), options=options)
    assert error.key == "invalid-date-too-late"
    assert error.params["latest"] == "04/04/2026"
    assert_valid_example("date", error, options=options)
    # future_ok without max_future_days allows today at the latest
    assert refused("date", "06/03/2026", options={"future_ok": True}).key == "invalid-date-future"


def test_date_or_year() -> None:
    assert accepted("date_or_year", "1985").value == "1985"
    assert accepted("date_or_year", "1/2/1985").value == "01/02/1985"
    error = refused("date_or_year", "85")
    assert error.key == "invalid-date-or-year"
    assert_valid_example("date_or_year", error)
    accepted("date_or_year", error.params["example_year"])
    assert refused("date_or_year", "2027").key == "invalid-year-future"
    assert refused("date_or_year", "1899").key == "invalid-date-too-early"


# --- personal_id ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["001203012345", "001 203 012 345", "001.203.012.345", " 0012-0301-2345 "])
def test_personal_id_accepts_spaces_and_dots(typed: str) -> None:
    result = accepted("personal_id", typed)
    assert result.value == "001203012345"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("12345678", "invalid-personal-id-length"),
        ("0012030123456", "invalid-personal-id-length"),
        ("00120301234A", "invalid-personal-id"),
        ("000203012345", "invalid-personal-id-province"),
        ("100203012345", "invalid-personal-id-province"),
        ("001603012345", "invalid-personal-id-century"),
        ("001230012345", "invalid-personal-id-future-year"),  # born 2030
        ("001403012345", "invalid-personal-id-future-year"),  # born 2103
    ],
)
def test_personal_id_format(typed: str, key: str) -> None:
    error = refused("personal_id", typed)
    assert error.key == key
    assert_valid_example("personal_id", error)


def test_personal_id_length_message_counts_digits() -> None:
    assert refused("personal_id", "123 456 7890").params["length"] == 10


def test_personal_id_matches_stated_birth_year_and_sex() -> None:
    mother = {"mother_birth": "14/07/1992", "mother_sex": "female"}
    # 1 = a woman born in the 1900s, 92 = 1992
    assert accepted("personal_id", "038192001234", options={"birth_date_from": "mother_birth", "sex": "female"}, answers=mother)
    assert accepted("personal_id", "038192001234", options={"birth_date_from": "mother_birth", "sex_from": "mother_sex"}, answers=mother)
    assert accepted("personal_id", "038192001234", options={"birth_date_from": "year"}, answers={"year": "1992"})

    error = refused("personal_id", "038090001234", options={"birth_date_from": "mother_birth"}, answers=mother)
    assert error == Text("invalid-personal-id-year-mismatch", {"id_year": "1990", "stated_year": "1992"})

    error = refused("personal_id", "038092001234", options={"sex": "female"})
    assert error == Text("invalid-personal-id-sex-mismatch", {"id_sex": "male", "stated_sex": "female"})
    error = refused("personal_id", "038192001234", options={"sex_from": "owner_sex"}, answers={"owner_sex": "male"})
    assert error == Text("invalid-personal-id-sex-mismatch", {"id_sex": "female", "stated_sex": "male"})

    # 2000s: 2 = male, 3 = female
    child = {"dob": "01/01/2005", "sex": "female"}
    assert accepted("personal_id", "001305001234", options={"birth_date_from": "dob", "sex_from": "sex"}, answers=child)
    assert refused("personal_id", "001205001234", options={"birth_date_from": "dob", "sex_from": "sex"}, answers=child).key == "invalid-personal-id-sex-mismatch"
    assert refused("personal_id", "001105001234", options={"birth_date_from": "dob"}, answers=child).params["id_year"] == "1905"


def test_personal_id_without_stated_facts_checks_format_only() -> None:
    assert accepted("personal_id", "038092001234", options={"birth_date_from": "dob", "sex_from": "sex"}, answers={})


# --- phone and email ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84 912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0387654321", "0387654321"),
        ("0561234567", "0561234567"),
        ("0701234567", "0701234567"),
        ("0812345678", "0812345678"),
        ("024 3825 1234", "02438251234"),
        ("+84 236 3821 234", "02363821234"),
    ],
)
def test_phone_is_normalised(typed: str, stored: str) -> None:
    assert accepted("phone", typed).value == stored


@pytest.mark.parametrize("typed", ["091234567", "09123456789", "0112345678", "0612345678", "0212345678", "+1 555 123 4567", "số của tôi", ""])
def test_phone_refused(typed: str) -> None:
    error = refused("phone", typed)
    assert error.key == "invalid-phone"
    assert_valid_example("phone", error)


def test_email() -> None:
    assert accepted("email", " An.Nguyen@Gmail.COM ").value == "An.Nguyen@gmail.com"
    assert accepted("email", "hkd.minhanh+thue@mail.example.vn").value == "hkd.minhanh+thue@mail.example.vn"
    for typed in ["an", "an@", "an@gmail", "an nguyen@gmail.com", "an@@gmail.com", "an..b@gmail.com"]:
        error = refused("email", typed)
        assert error.key == "invalid-email"
        assert_valid_example("email", error)


# --- business_name --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("tạp hóa minh anh", "Hộ kinh doanh Tạp Hóa Minh Anh"),
        ("Hộ kinh doanh Phở Hà Nội", "Hộ kinh doanh Phở Hà Nội"),
        ("hộ kinh doanh  phở hà nội", "Hộ kinh doanh Phở Hà Nội"),
        ("HKD ABC mart", "Hộ kinh doanh ABC Mart"),
        ("Ho kinh doanh Zoo Wifi Jeans", "Hộ kinh doanh Zoo Wifi Jeans"),
        ("Cà phê Sáng & Chiều (cơ sở 2)", "Hộ kinh doanh Cà Phê Sáng & Chiều (Cơ Sở 2)"),
        ("Quán các món ngon", "Hộ kinh doanh Quán Các Món Ngon"),  # "các" is not a vulgar word
        ("Bà Tư’s", "Hộ kinh doanh Bà Tư's"),
    ],
)
def test_business_name_gets_the_prefix(typed: str, stored: str) -> None:
    result = accepted("business_name", typed)
    assert result.value == stored
    assert result.display == stored


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("Công ty TNHH Minh Anh", "công ty"),
        ("CÔNG TY Minh Anh", "công ty"),
        ("cong ty minh anh", "công ty"),
        ("Doanh nghiệp tư nhân Minh Anh", "doanh nghiệp"),
        ("Hộ kinh doanh Doanh Nghiep Xanh", "doanh nghiệp"),
    ],
)
def test_business_name_refuses_company_words(typed: str, word: str) -> None:
    error = refused("business_name", typed)
    assert error.key == "invalid-business-name-forbidden"
    assert error.params["word"] == word
    assert_valid_example("business_name", error)


@pytest.mark.parametrize("typed", ["Quán Đ.M", "tiệm đéo bán", "Fuck Shop"])
def test_business_name_refuses_vulgar_words(typed: str) -> None:
    assert refused("business_name", typed).key == "invalid-business-name-offensive"


@pytest.mark.parametrize(("typed", "chars"), [("Bánh mì #1", "#"), ("Shop @ Hà Nội!", "@ !"), ("小店", "小 店")])
def test_business_name_refuses_other_characters(typed: str, chars: str) -> None:
    error = refused("business_name", typed)
    assert error.key == "invalid-business-name-chars"
    assert error.params["chars"] == chars
    assert_valid_example("business_name", error)


def test_business_name_empty_or_too_long() -> None:
    assert refused("business_name", "Hộ kinh doanh").key == "invalid-business-name"
    assert refused("business_name", " - ").key == "invalid-business-name"
    assert refused("business_name", "a" * 101).key == "invalid-business-name-length"


def test_business_name_taken_is_refused_through_the_lookup() -> None:
    asked: list[str] = []

    def taken(name: str) -> bool:
        asked.append(name)
        return name.lower() == "hộ kinh doanh tạp hóa minh anh"

    error = refused("business_name", "tạp hóa minh anh", business_name_taken=taken)
    assert error.key == "invalid-business-name-taken"
    assert error.params["name"] == "Hộ kinh doanh Tạp Hóa Minh Anh"
    assert asked == ["Hộ kinh doanh Tạp Hóa Minh Anh"]
    assert accepted("business_name", "Tạp hóa Minh Anh 2", business_name_taken=taken)


# --- vsic_code ------------------------------------------------------------------------------------


def test_vsic_code_against_a_small_list() -> None:
    result = accepted("vsic_code", "4711", vsic=SMALL_VSIC)
    assert result.value == "4711"
    assert result.display == f"4711 – {SMALL_VSIC['4711']}"
    assert accepted("vsic_code", "4711 bán lẻ", vsic=SMALL_VSIC).value == "4711"
    error = refused("vsic_code", "9999", vsic=SMALL_VSIC)
    assert error.key == "invalid-vsic-code-unknown"
    assert error.params["code"] == "9999"
    assert_valid_example("vsic_code", error, vsic=SMALL_VSIC)


def test_vsic_code_format_only_without_a_list() -> None:
    assert accepted("vsic_code", " 9999 ").display == "9999"
    for typed in ["471", "47111", "bán lẻ 4711", ""]:
        error = refused("vsic_code", typed)
        assert error.key == "invalid-vsic-code"
        assert_valid_example("vsic_code", error)


def test_vsic_code_against_the_shipped_vsic_2018_list() -> None:
    vsic = load_vsic(VSIC_CSV)
    assert len(vsic) == 464
    assert all(len(code) == 4 and code.isdigit() for code in vsic)
    assert vsic["0111"] == "Trồng lúa"
    result = accepted("vsic_code", "4711 bán lẻ", vsic=vsic)
    assert result.display.startswith("4711 – Bán lẻ lương thực, thực phẩm")
    assert accepted("vsic_code", "5610", vsic=vsic)
    assert refused("vsic_code", "0110", vsic=vsic).key == "invalid-vsic-code-unknown"  # a level-3 code
    assert refused("vsic_code", "9999", vsic=vsic).key == "invalid-vsic-code-unknown"


def test_load_vsic_keeps_level_4_only(tmp_path: Path) -> None:
    path = tmp_path / "vsic.csv"
    path.write_text('code,level,name_vi\nG,1,BÁN BUÔN VÀ BÁN LẺ\n471,3,Bán lẻ\n4711,4,"Bán lẻ lương thực, thực phẩm"\n47111,5,Siêu thị\n', encoding="utf-8")
    assert load_vsic(path) == {"4711": "Bán lẻ lương thực, thực phẩm"}


# --- money_vnd and positive_int -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("50 triệu", 50_000_000),
        ("50tr", 50_000_000),
        ("50 Triệu đồng", 50_000_000),
        ("1,5 tỷ", 1_500_000_000),
        ("1.5 tỷ", 1_500_000_000),
        ("1,5 tỉ", 1_500_000_000),
        ("1 tỷ 500 triệu", 1_500_000_000),
        ("50.000.000", 50_000_000),
        ("50,000,000", 50_000_000),
        ("50000000", 50_000_000),
        ("50 000 000 đ", 50_000_000),
        ("50.000.000đ", 50_000_000),
        ("50.000.000 VND", 50_000_000),
        ("500 nghìn", 500_000),
        ("500 ngàn", 500_000),
        ("500k", 500_000),
        ("1tr5", 1_500_000),
        ("2 triệu 500", 2_500_000),
        ("2 triệu rưỡi", 2_500_000),
        ("1.500 triệu", 1_500_000_000),
    ],
)
def test_money_amounts_in_figures_and_words(typed: str, amount: int) -> None:
    result = accepted("money_vnd", typed)
    assert result.value == amount
    assert result.display == f"{amount:,}".replace(",", ".") + " đ"


def test_money_display() -> None:
    assert accepted("money_vnd", "50 triệu").display == "50.000.000 đ"


@pytest.mark.parametrize(("typed", "key"), [
    ("0", "invalid-money-positive"),
    ("0 đồng", "invalid-money-positive"),
    ("-5 triệu", "invalid-money-positive"),
    ("", "invalid-money"),
    ("nhiều tiền", "invalid-money"),
    ("1,5", "invalid-money"),  # not a whole number of dong
    ("50 triệu 2 tỷ", "invalid-money"),
    ("triệu", "invalid-money"),
    ("5 6", "invalid-money"),
    ("1.000.000,5", "invalid-money"),
])
def test_money_refused(typed: str, key: str) -> None:
    error = refused("money_vnd", typed)
    assert error.key == key
    assert_valid_example("money_vnd", error)


def test_money_min_and_max() -> None:
    options = {"min": 100_000_000, "max": 2_000_000_000}
    error = refused("money_vnd", "50 triệu", options=options)
    assert error.key == "invalid-money-too-small"
    assert error.params["min"] == "100.000.000 đ"
    assert_valid_example("money_vnd", error, options=options)
    error = refused("money_vnd", "3 tỷ", options=options)
    assert error.key == "invalid-money-too-large"
    assert error.params["max"] == "2.000.000.000 đ"
    assert accepted("money_vnd", "2 tỷ", options=options).value == 2_000_000_000


def test_positive_int() -> None:
    assert accepted("positive_int", " 3 ").value == 3
    assert accepted("positive_int", "0").value == 0
    for typed in ["-1", "2.5", "ba", ""]:
        error = refused("positive_int", typed)
        assert error.key == "invalid-positive-int"
        assert_valid_example("positive_int", error)
    error = refused("positive_int", "11", options={"max": 10})
    assert error == Text("invalid-positive-int-too-large", {"max": 10, "example": "3"})
    assert accepted("positive_int", "10", options={"max": 10}).value == 10


# --- messages -------------------------------------------------------------------------------------


def test_validators_are_the_contracted_ones() -> None:
    assert set(VALIDATORS) == {
        "person_name", "free_text", "address", "date", "date_or_year", "personal_id",
        "phone", "email", "business_name", "vsic_code", "money_vnd", "positive_int",
        "ethnicity", "nationality", "tax_code", "adult_birth_date", "passport_number",
    }


def _keys_used_in_source() -> set[str]:
    """Every literal message key passed to Text(...) in flows/validators.py."""
    tree = ast.parse(VALIDATORS_PY.read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text"
        and node.args and isinstance(node.args[0], ast.Constant)
    }


def _ftl_messages(path: Path) -> dict[str, set[str]]:
    """Message ids of a .ftl file and the variables each uses."""
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    assert not [entry for entry in resource.body if isinstance(entry, fluent_ast.Junk)], f"{path} has syntax errors"
    messages = {}
    for entry in resource.body:
        if isinstance(entry, fluent_ast.Message):
            found: set[str] = set()

            class Variables(Visitor):
                def visit_VariableReference(self, node):  # noqa: N802 - Fluent's naming
                    found.add(node.id.name)  # noqa: B023 - visited at once, inside the loop

            Variables().visit(entry)
            messages[entry.id.name] = found
    return messages


def test_every_message_key_exists_in_both_languages_with_the_same_parameters() -> None:
    used = _keys_used_in_source()
    assert len(used) > 20
    vi, en = _ftl_messages(LOCALES["vi"]), _ftl_messages(LOCALES["en"])
    assert used <= set(vi), f"missing in vi: {sorted(used - set(vi))}"
    assert used <= set(en), f"missing in en: {sorted(used - set(en))}"
    assert set(vi) == set(en)
    for key in vi:
        assert vi[key] == en[key], f"{key}: vi uses {vi[key]}, en uses {en[key]}"


# Inputs that make each validator say each of its messages (with the context that provokes it).
REFUSALS: list[tuple[str, str, dict[str, Any]]] = [
    ("person_name", "A", {}), ("person_name", "An 2", {}),
    ("free_text", "", {}), ("free_text", "xyz", {"options": {"max_length": 2}}),
    ("address", "12", {}), ("address", "12/34/56", {}),
    ("date", "x", {}), ("date", "30/02/2026", {}), ("date", "01/01/2027", {}), ("date", "01/01/1800", {}),
    ("date", "01/01/2027", {"options": {"future_ok": True, "max_future_days": 30}}),
    ("date_or_year", "x", {}), ("date_or_year", "2099", {}),
    ("personal_id", "x", {}), ("personal_id", "1", {}), ("personal_id", "003203012345", {}), ("personal_id", "123456789", {}),
    ("person_name", "như trên", {}), ("address", "nt", {}),
    ("personal_id", "001903012345", {}), ("personal_id", "001299012345", {}),
    ("personal_id", "001203012345", {"options": {"sex": "female"}}),
    ("personal_id", "001203012345", {"options": {"birth_date_from": "b"}, "answers": {"b": "2004"}}),
    ("phone", "1", {}), ("email", "x", {}),
    ("ethnicity", "Sao Hỏa", {}), ("nationality", "123", {}), ("tax_code", "12ab", {}), ("passport_number", "AB-12", {}),
    ("business_name", "", {}), ("business_name", "a" * 101, {}), ("business_name", "A#", {}),
    ("business_name", "Công ty A", {}), ("business_name", "Địt", {}),
    ("business_name", "A", {"business_name_taken": lambda name: True}),
    ("vsic_code", "x", {}), ("vsic_code", "9999", {"vsic": SMALL_VSIC}),
    ("vsic_code", "nhà hàng", {"vsic": SMALL_VSIC}), ("vsic_code", "sửa xe", {"vsic": SMALL_VSIC}),
    ("adult_birth_date", "01/01/2020", {}),
    ("money_vnd", "x", {}), ("money_vnd", "0", {}),
    ("money_vnd", "1", {"options": {"min": 1000}}), ("money_vnd", "1 tỷ", {"options": {"max": 1000}}),
    ("positive_int", "x", {}), ("positive_int", "5", {"options": {"max": 4}}),
]
NO_EXAMPLE = {"invalid-free-text-empty", "invalid-free-text-too-long", "invalid-personal-id-sex-mismatch", "invalid-personal-id-year-mismatch",
              "invalid-birth-date-under-age"}


def test_every_refusal_renders_in_both_languages_and_carries_an_example() -> None:
    keys_seen = set()
    bundles = {}
    for language, path in LOCALES.items():
        bundle = FluentBundle([language], use_isolating=False)
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
        bundles[language] = bundle
    messages = _ftl_messages(LOCALES["vi"])
    outcomes = [(check(v, typed, **kwargs), v) for v, typed, kwargs in REFUSALS]
    outcomes.append((check("date", "01/01/2020", options={"late_after_days": 60}), "date"))
    outcomes.append((check("person_name", "nguyen van an"), "person_name"))
    for outcome, validator in outcomes:
        texts = [outcome.error] if isinstance(outcome, Invalid) else list(outcome.notes) + [t for t in [outcome.confirm] if t]
        assert texts, f"{validator}: nothing to say for {outcome}"
        for text in texts:
            keys_seen.add(text.key)
            assert set(text.params) == messages[text.key], f"{text.key}: params {set(text.params)} vs ftl {messages[text.key]}"
            if text.key.startswith("invalid-") and text.key not in NO_EXAMPLE:
                assert "example" in text.params, text.key
            for language, bundle in bundles.items():
                rendered, errors = bundle.format_pattern(bundle.get_message(text.key).value, text.params)
                assert not errors, (language, text.key, errors)
                assert "{" not in rendered and "$" not in rendered
    assert keys_seen == _keys_used_in_source(), f"not provoked: {sorted(_keys_used_in_source() - keys_seen)}"


def test_sex_mismatch_message_names_both_sexes() -> None:
    bundle = FluentBundle(["vi"], use_isolating=False)
    bundle.add_resource(FluentResource(LOCALES["vi"].read_text(encoding="utf-8")))
    error = refused("personal_id", "001203012345", options={"sex": "female"})
    rendered, _ = bundle.format_pattern(bundle.get_message(error.key).value, error.params)
    assert "của nam" in rendered and "là nữ" in rendered


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@pytest.mark.parametrize(
    ("typed", "official"),
    [("kinh", "Kinh"), ("Tay", "Tày"), ("H'Mông", "Mông"), ("ê-đê", "Ê Đê"), ("Bru Vân Kiều", "Bru - Vân Kiều"), ("khmer", "Khmer")],
)
def test_ethnicity_accepts_the_54_groups_in_common_spellings(typed: str, official: str) -> None:
    result = VALIDATORS["ethnicity"](typed, ctx())
    assert isinstance(result, Valid) and result.value == official


def test_nationality_normalises_viet_nam_and_keeps_others() -> None:
    assert VALIDATORS["nationality"]("viet nam", ctx()).value == "Việt Nam"
    assert VALIDATORS["nationality"]("VN", ctx()).value == "Việt Nam"
    assert VALIDATORS["nationality"]("lào", ctx()).value == "Lào"


def test_passport_number_is_letters_and_digits_upper_cased() -> None:
    assert VALIDATORS["passport_number"]("m 1234 5678", ctx()).value == "M12345678"
    assert VALIDATORS["passport_number"]("C-1234567", ctx()).value == "C1234567"
    for wrong in ("AB-12", "ABCDEFGH", "M1234#567", "1" * 21):
        assert isinstance(VALIDATORS["passport_number"](wrong, ctx()), Invalid), wrong


def test_tax_code_accepts_ten_or_twelve_digits() -> None:
    assert VALIDATORS["tax_code"]("8012345678", ctx()).value == "8012345678"
    assert VALIDATORS["tax_code"]("8012345678-001", ctx()).value == "8012345678-001"
    assert VALIDATORS["tax_code"]("001093012345", ctx()).value == "001093012345"
    assert isinstance(VALIDATORS["tax_code"]("12345", ctx()), Invalid)


# --- what people type (issue 11) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["2026-03-05", "2026/3/5", "5 tháng 3 năm 2026", "ngày 5 tháng 3 năm 2026", "Ngày 05 tháng 03, năm 2026.",
     "ngay 5 thang 3 nam 2026", "ngày 5/3/2026"],
)
def test_dates_as_people_type_them(typed: str) -> None:
    assert accepted("date", typed).value == "05/03/2026"
    assert accepted("date_or_year", typed).value == "05/03/2026"


def test_a_date_in_words_that_is_not_on_the_calendar_says_so() -> None:
    assert refused("date", "30 tháng 2 năm 2026").key == "invalid-date-nonexistent"
    assert refused("date", "2026-02-30").key == "invalid-date-nonexistent"


@pytest.mark.parametrize("typed", ["như trên", "Như trên.", "nt", "NT", "-", "x", "X", "như trên đã khai"])
def test_placeholders_are_refused_for_names_and_addresses(typed: str) -> None:
    name = refused("person_name", typed)
    assert name.key == "invalid-placeholder-name"
    assert_valid_example("person_name", name)
    assert refused("address", typed).key == "invalid-placeholder-address"


def test_a_name_like_a_placeholder_inside_is_still_a_name() -> None:
    assert accepted("person_name", "Như Trên Văn").value == "Như Trên Văn"


def test_a_name_without_diacritics_is_asked_back_in_capitals() -> None:
    result = accepted("person_name", "nguyen van an")
    assert result.value == "Nguyen Van An"
    assert result.confirm == Text("confirm-name-no-diacritics", {"name": "NGUYEN VAN AN"})
    assert accepted("person_name", "nguyễn văn an").confirm is None
    assert accepted("person_name", "Đinh Thi Mai").confirm is None  # đ is a Vietnamese letter


@pytest.mark.parametrize(("typed", "count"), [("2 người", 2), ("2người", 2), ("3 lao động", 3), ("không có", 0), ("0", 0), ("4 nhân viên.", 4)])
def test_counts_as_people_type_them(typed: str, count: int) -> None:
    assert accepted("positive_int", typed).value == count


def test_counts_with_other_words_are_refused() -> None:
    assert refused("positive_int", "2 con mèo").key == "invalid-positive-int"


@pytest.mark.parametrize("code", ["003", "099", "000", "100", "005", "097"])
def test_personal_id_with_an_invented_province_code_is_refused(code: str) -> None:
    error = refused("personal_id", f"{code}203012345")
    assert error.key == "invalid-personal-id-province"
    assert error.params["code"] == code
    assert_valid_example("personal_id", error)


@pytest.mark.parametrize("code", ["001", "079", "096", "038"])
def test_personal_id_with_a_real_province_code_passes(code: str) -> None:
    assert accepted("personal_id", f"{code}203012345").value == f"{code}203012345"


def test_the_province_codes_are_the_63_of_the_reference_file() -> None:
    from flows.validators import load_id_provinces

    codes = load_id_provinces()
    assert len(codes) == 63
    assert {"001", "096"} <= codes and not {"003", "099"} & codes
    assert accepted("personal_id", "003203012345", id_provinces=frozenset({"003"}))  # the list is configuration


def test_a_nine_digit_number_is_the_old_cmnd() -> None:
    error = refused("personal_id", "012 345 678")
    assert error.key == "invalid-personal-id-old-cmnd"
    assert_valid_example("personal_id", error)
