"""Household business names and owners (ND 168/2025, PROCEDURES.md §2): company words however spelled,
offensive words from the data file, duplicates without diacritics, and the owner's age in full years."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flows.validators import VALIDATORS, Invalid, Valid, ValidationContext, full_years, is_offensive, offensive_words
from storage import dossiers
from storage.database import open_database

TODAY = date(2026, 3, 5)


def check(validator: str, text: str, options: dict[str, Any] | None = None, **extra: Any) -> Valid | Invalid:
    return VALIDATORS[validator](text, ValidationContext(today=TODAY, answers={}, options=options or {}, **extra))


@pytest.mark.parametrize(
    "typed",
    ["Cty Minh Anh", "C.ty Minh Anh", "C.TY Minh Anh", "c ty minh anh", "c.t.y Minh Anh", "Minh Anh Cty.",
     "công  ty Minh Anh", "Công-ty Minh Anh", "côngty Minh Anh", "CONGTY MINH ANH", "Cong Ty Minh Anh",
     "C0ng ty Minh Anh", "Hộ kinh doanh Cty Minh Anh", "HKD C.ty Minh Anh"],
)
def test_company_in_any_spelling_is_refused(typed: str) -> None:
    result = check("business_name", typed)
    assert isinstance(result, Invalid) and result.error.key == "invalid-business-name-forbidden", (typed, result)
    assert result.error.params["word"] == "công ty"


@pytest.mark.parametrize("typed", ["DN Minh Anh", "Minh Anh D.N", "Doanh-nghiệp Minh Anh", "doanhnghiep minh anh", "DNTN Minh Anh"])
def test_enterprise_and_dn_as_a_word_are_refused(typed: str) -> None:
    result = check("business_name", typed)
    assert isinstance(result, Invalid) and result.error.key == "invalid-business-name-forbidden", (typed, result)
    assert result.error.params["word"] == "doanh nghiệp"


@pytest.mark.parametrize(
    "typed",
    ["Thành Công Tý", "Vàng Bạc Công Tỷ", "Dnặng Store", "Công Thành", "Cà phê Tý Ty", "Đông Nam", "Bánh canh Dũng Nga",
     "Tạp hóa Công Danh", "Mỹ phẩm Doanh"],
)
def test_ordinary_words_near_company_words_pass(typed: str) -> None:
    assert isinstance(check("business_name", typed), Valid), typed


@pytest.mark.parametrize(
    "typed",
    ["Quán Đ.M", "Quán ĐM", "Quán d m", "tiệm đéo bán", "Fuck Shop", "F.u.c.k Shop", "Quán Dit Me", "Quán ĐỊT",
     "Shop v.c.l", "Quán L.ồ.n", "Tiệm cặc", "Quán Đù Má"],
)
def test_offensive_words_are_refused_however_spaced(typed: str) -> None:
    result = check("business_name", typed)
    assert isinstance(result, Invalid) and result.error.key == "invalid-business-name-offensive", (typed, result)


@pytest.mark.parametrize(
    "typed",
    ["Bia lon Minh", "Quán các món ngon", "Bưởi Năm Roi", "Buổi Sáng", "Đèo Ngang", "Bánh dẻo Cô Ba", "Đi Đâu Cũng Nhớ",
     "Cá Lóc", "Điểm Hẹn", "Cứu hộ xe"],
)
def test_ordinary_words_that_fold_like_offensive_ones_pass(typed: str) -> None:
    assert isinstance(check("business_name", typed), Valid), typed


def test_the_offensive_list_is_a_data_file_read_folded_or_with_diacritics(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# a comment\nxau xa\n=đần\n", encoding="utf-8")
    folded, marked = offensive_words(words)
    assert folded == {"xauxa"} and marked == {"đần"}
    assert is_offensive("Quán Xấu Xa", words) and is_offensive("Quán X.A.U X.A", words)
    assert is_offensive("Quán Đần", words) and not is_offensive("Quán Dần", words)
    shipped_folded, shipped_marked = offensive_words()
    assert len(shipped_folded) + len(shipped_marked) >= 40


def test_duplicates_are_found_without_case_diacritics_or_punctuation(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    for status, name in ((10, "Hộ kinh doanh Phở Hà Nội"), (3, "Hộ kinh doanh Bún Chả")):
        dossiers.create_dossier(
            db, office_code="X", channel="test", user_id="u", flow_id="household_business", flow_version=2,
            answers={"business_name": name}, shown={}, consent={}, submitted_at=__import__("datetime").datetime(2026, 3, 1),
            expected_on=TODAY, status=status,
        )
    for same in ("Hộ kinh doanh Phở Hà Nội", "Hộ kinh doanh PHO HA NOI", "Hộ kinh doanh Phở Hà-Nội", "Hộ kinh doanh Phố Hà Nội"):
        assert dossiers.business_name_taken(db, "X", same), same
    assert not dossiers.business_name_taken(db, "X", "Hộ kinh doanh Phở Hà Nội 2")
    assert not dossiers.business_name_taken(db, "Y", "Hộ kinh doanh Phở Hà Nội")  # another office's
    assert not dossiers.business_name_taken(db, "X", "Hộ kinh doanh Bún Chả")  # not approved


@pytest.mark.parametrize(
    ("born", "today", "years"),
    [(date(2008, 3, 5), date(2026, 3, 5), 18), (date(2008, 3, 6), date(2026, 3, 5), 17),
     (date(2008, 2, 29), date(2026, 2, 28), 17), (date(2008, 2, 29), date(2026, 3, 1), 18)],
)
def test_full_years(born: date, today: date, years: int) -> None:
    assert full_years(born, today) == years


def test_the_owner_must_be_18_in_full_years_today() -> None:
    assert check("adult_birth_date", "05/03/2008", {"min_age": 18}).value == "05/03/2008"  # 18 today
    refused = check("adult_birth_date", "06/03/2008", {"min_age": 18})
    assert isinstance(refused, Invalid) and refused.error.key == "invalid-birth-date-under-age"
    assert refused.error.params == {"min_age": 18, "age": 17, "date": "06/03/2026"}
    born_2020 = check("adult_birth_date", "01/01/2020")
    assert isinstance(born_2020, Invalid) and born_2020.error.params["age"] == 6
    prefilled_id = {"min_age": 18, "id_answer": "owner_id"}
    answers = {"owner_id": "001210012345"}  # read from the QR code: born in 2010
    typed = VALIDATORS["adult_birth_date"]("05/03/2008", ValidationContext(today=TODAY, answers=answers, options=prefilled_id))
    assert isinstance(typed, Invalid) and typed.error.key == "invalid-personal-id-year-mismatch"
    assert typed.error.params == {"id_year": "2010", "stated_year": "2008"}
    assert isinstance(check("adult_birth_date", "05/03/2008", prefilled_id), Valid)  # no ID number yet: asked later, checked then
    assert check("adult_birth_date", "x").error.key == "invalid-date"  # type: ignore[union-attr]
    assert check("adult_birth_date", "01/01/2027").error.key == "invalid-date-future"  # type: ignore[union-attr]
