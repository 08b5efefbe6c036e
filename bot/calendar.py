"""Working days of a Vietnamese commune office: when a dossier received at a given moment is due.

Public holidays (Tết, Hùng Kings, 30/4, 1/5, 2/9, ... and their observed or swapped days) come from the
``holidays`` package, country "VN". A Saturday the Government declares a make-up working day (làm bù, in
``holidays``' ``weekend_workdays``) counts as a working day. Times are the office's local time
(Asia/Ho_Chi_Minh); the caller converts before calling.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=None)
def _vn_holidays(year: int) -> holidays.HolidayBase:
    """Return Vietnam's public holidays of one year (built once per year)."""
    return holidays.country_holidays("VN", years=year)


def is_working_day(d: date) -> bool:
    """Tell whether the office works on this day: Monday to Friday, not a public holiday (or a make-up day)."""
    return _vn_holidays(d.year).is_working_day(d)


def next_working_day(d: date) -> date:
    """Return the first working day after ``d``."""
    d += timedelta(days=1)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def working_day_from(d: date) -> date:
    """Return ``d`` if the office works that day, else the first working day after it."""
    return d if is_working_day(d) else next_working_day(d)


def day_off_name(d: date, language: str = "vi") -> str | None:
    """Return the name of the public holiday (or swapped day off) on ``d`` in this language, None if it is none."""
    return _named_holidays(d.year, "en_US" if language == "en" else "vi").get(d)


@lru_cache(maxsize=None)
def _named_holidays(year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language=language)


def reception_day(start: datetime, cutoff: time | None = None) -> date:
    """Return the working day a filing made at ``start`` counts as received (the next one after ``cutoff``)."""
    d = start.date()
    if not is_working_day(d) or (cutoff is not None and start.time() > cutoff):
        return next_working_day(d)
    return d


def add_working_days(start: datetime, days: int, cutoff: time | None = None) -> date:
    """Return the day a filing made at ``start`` is due: ``days`` working days after its reception day."""
    if days < 0:
        raise ValueError(f"days must be 0 or more, not {days}")
    d = reception_day(start, cutoff)
    for _ in range(days):
        d = next_working_day(d)
    return d
