"""Money, dates and folding look and compare the same wherever they are used (locales/formats, locales/folding)."""

from __future__ import annotations

from datetime import date, datetime

from locales.folding import fold
from locales.formats import day, moment, money


def test_money_is_written_the_vietnamese_way():
    assert [money(0), money(1000), money(150_000), money(50_000_000)] == ["0 đ", "1.000 đ", "150.000 đ", "50.000.000 đ"]


def test_dates_and_times_read_day_first():
    assert day(date(2026, 11, 5)) == day("2026-11-05") == day("2026-11-05T23:59:00") == "05/11/2026"
    assert moment(datetime(2026, 11, 5, 7, 3)) == moment("2026-11-05T07:03:00+07:00") == "07:03 05/11/2026"


def test_folding_ignores_case_spacing_and_diacritics_unless_asked_to_keep_them():
    assert fold("  Đồng   Ý ") == fold("dong y") == "dong y"
    assert fold("Nguyễn Thị Ánh") == "nguyen thi anh"
    assert fold("Hộ kinh doanh Hòa", diacritics=True) == fold("hộ  KINH doanh hòa", diacritics=True)
    assert fold("Hòa", diacritics=True) != fold("Hoa", diacritics=True)
