"""The QR code of Vietnamese chip ID cards (CCCD since 2021, thẻ căn cước since July 2024).

The code holds UTF-8 text separated by '|':
``ID number|old 9-digit CMND (may be empty)|full name|date of birth ddmmyyyy|sex|address|issue date ddmmyyyy``
Newer cards add fields after these seven; they are ignored. The code is not signed: what it says only
pre-fills answers that the citizen confirms, it proves nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

FIELD_SEPARATOR = "|"
MIN_FIELDS = 7
ID_NUMBER = re.compile(r"[0-9]{12}")  # not \d: that also matches non-ASCII digits
QR_DATE = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")  # ddmmyyyy
SEX_BY_CARD_TEXT = {"nam": "male", "nữ": "female"}


@dataclass(frozen=True)
class IdCardData:
    """What the ID card QR code says; dates as dd/mm/yyyy, sex as "male" or "female"."""

    id_number: str
    old_id: str
    full_name: str
    birth_date: str  # "dd/mm/yyyy"
    sex: str  # "male" | "female"  (the card says "Nam" / "Nữ")
    address: str
    issue_date: str  # "dd/mm/yyyy"


def _clean(field: str) -> str:
    """NFC-normalised, without surrounding white space."""
    return unicodedata.normalize("NFC", field).strip()


def _date(field: str) -> str | None:
    """A ddmmyyyy calendar date as dd/mm/yyyy, or None when it is not one."""
    match = QR_DATE.fullmatch(field)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{match[1]}/{match[2]}/{match[3]}"


def parse_id_qr(text: str) -> IdCardData | None:
    """The ID card data in a chip ID card's QR text, or None when the text is not such a payload."""
    fields = [_clean(field) for field in _clean(text).lstrip("\ufeff").split(FIELD_SEPARATOR)]
    if len(fields) < MIN_FIELDS:
        return None
    id_number, old_id, full_name, birth_text, sex_text, address, issue_text = fields[:MIN_FIELDS]
    birth_date, issue_date = _date(birth_text), _date(issue_text)
    sex = SEX_BY_CARD_TEXT.get(sex_text.casefold())
    if not ID_NUMBER.fullmatch(id_number) or not full_name or sex is None:
        return None
    if birth_date is None or issue_date is None:
        return None
    return IdCardData(id_number, old_id, full_name, birth_date, sex, address, issue_date)
