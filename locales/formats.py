"""Dates, times and amounts of money as every message shows them, formatted by Babel in Vietnamese style.

One place for "150.000 đ", "05/11/2026" and "14:30 05/11/2026". The Vietnamese locale is used for every
language: these are the figures of Vietnamese administrative documents (the receipt, the pickup slip),
and a citizen reading English sees them as printed on the paper they collect.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

LOCALE = "vi"


def money(amount: int) -> str:
    """Format an amount of dong: 150000 -> "150.000 đ"."""
    return f"{format_decimal(amount, locale=LOCALE)} đ"


def day(value: date | str) -> str:
    """Format a date (or an ISO date or timestamp) as dd/mm/yyyy: "05/11/2026"."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return format_date(value, "dd/MM/yyyy", locale=LOCALE)


def moment(value: datetime | str) -> str:
    """Format a time of day and its date (from a datetime or an ISO timestamp): "14:30 05/11/2026"."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return format_datetime(value, "HH:mm dd/MM/yyyy", locale=LOCALE)
