"""Working days: when a dossier received at a given moment is due, on real Vietnamese calendars (2026, 2027)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.calendar import add_working_days, is_working_day, next_working_day, reception_day

CUTOFF = time(15, 0)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # New Year
        date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19), date(2026, 2, 20),  # Tết 2026
        date(2026, 4, 27),  # Hùng Kings (26/4 is a Sunday; observed on Monday)
        date(2026, 4, 30), date(2026, 5, 1),  # Reunification Day, Labour Day
        date(2026, 9, 1), date(2026, 9, 2),  # National Day
        date(2027, 2, 4), date(2027, 2, 5), date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 10),  # Tết 2027
        date(2027, 4, 30),
        date(2027, 5, 3),  # 1/5/2027 is a Saturday; observed on Monday
        date(2027, 9, 2), date(2027, 9, 3),
    ],
)
def test_public_holidays_are_not_working_days(day: date) -> None:
    assert not is_working_day(day)


def test_ordinary_weekdays_work_and_weekends_do_not() -> None:
    assert is_working_day(date(2026, 3, 5))  # Thursday
    assert is_working_day(date(2026, 2, 13))  # Friday before Tết
    assert is_working_day(date(2026, 2, 23))  # Monday after Tết
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday


def test_swapped_days_follow_the_government_schedule() -> None:
    # 2/9/2026: Monday 31/8 is a day off, made up by working on Saturday 22/8.
    assert not is_working_day(date(2026, 8, 31))
    assert is_working_day(date(2026, 8, 22))


def test_same_day_when_received_before_the_cutoff() -> None:
    assert add_working_days(datetime(2026, 3, 5, 9, 30), 0, CUTOFF) == date(2026, 3, 5)
    assert add_working_days(datetime(2026, 3, 5, 15, 0), 0, CUTOFF) == date(2026, 3, 5)


def test_friday_after_the_cutoff_completes_on_monday() -> None:
    assert add_working_days(datetime(2026, 3, 6, 15, 1), 0, CUTOFF) == date(2026, 3, 9)
    assert add_working_days(datetime(2026, 3, 6, 16, 30), 0) == date(2026, 3, 6)  # no cutoff given


def test_weekend_filing_is_received_on_the_next_working_day() -> None:
    assert reception_day(datetime(2026, 3, 7, 9, 0), CUTOFF) == date(2026, 3, 9)
    assert add_working_days(datetime(2026, 3, 8, 9, 0), 3, CUTOFF) == date(2026, 3, 12)


def test_filing_just_before_tet_2026() -> None:
    # Friday 13/2/2026 is the last working day before the break (16-20/2); Monday 23/2 is the first after.
    assert add_working_days(datetime(2026, 2, 13, 10, 0), 0, CUTOFF) == date(2026, 2, 13)
    assert add_working_days(datetime(2026, 2, 13, 16, 0), 0, CUTOFF) == date(2026, 2, 23)
    assert add_working_days(datetime(2026, 2, 13, 10, 0), 3, CUTOFF) == date(2026, 2, 25)
    assert add_working_days(datetime(2026, 2, 17, 10, 0), 0, CUTOFF) == date(2026, 2, 23)


def test_filing_just_before_tet_2027() -> None:
    # Tết 2027 closes the office from Thursday 4/2 to Wednesday 10/2.
    assert add_working_days(datetime(2027, 2, 3, 15, 30), 0, CUTOFF) == date(2027, 2, 11)
    assert add_working_days(datetime(2027, 2, 3, 9, 0), 1, CUTOFF) == date(2027, 2, 11)


def test_three_working_days_over_30_4_and_1_5() -> None:
    # Received Tuesday 28/4/2026: Wed 29 (1), Thu 30/4 and Fri 1/5 off, weekend, Mon 4/5 (2), Tue 5/5 (3).
    assert add_working_days(datetime(2026, 4, 28, 9, 0), 3, CUTOFF) == date(2026, 5, 5)
    assert add_working_days(datetime(2026, 4, 29, 16, 0), 0, CUTOFF) == date(2026, 5, 4)


def test_national_day_2026() -> None:
    # Friday 28/8 after the cutoff: Mon 31/8, Tue 1/9 and Wed 2/9 are off, so reception is Thursday 3/9.
    assert add_working_days(datetime(2026, 8, 28, 15, 30), 0, CUTOFF) == date(2026, 9, 3)


def test_across_the_new_year() -> None:
    assert next_working_day(date(2026, 12, 31)) == date(2027, 1, 4)  # 1/1/2027 Friday off, then a weekend


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(datetime(2026, 3, 5, 9, 0), -1)


def test_a_day_off_is_named_and_the_next_working_day_found() -> None:
    from bot.calendar import day_off_name, working_day_from

    assert day_off_name(date(2026, 9, 2)) == "Quốc khánh" and day_off_name(date(2026, 9, 2), "en") == "National Day"
    assert day_off_name(date(2026, 3, 14)) is None  # an ordinary Saturday is no holiday
    assert working_day_from(date(2026, 3, 14)) == date(2026, 3, 16)  # Saturday -> Monday
    assert working_day_from(date(2026, 9, 1)) == date(2026, 9, 3)  # National Day (1-2/9) -> Thursday
    assert working_day_from(date(2026, 3, 16)) == date(2026, 3, 16)
