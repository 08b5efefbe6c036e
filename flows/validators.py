"""Answer validators: turn what a citizen typed into a normalised value, or say what is expected.

Each validator is a pure function ``(text, ctx) -> Valid | Invalid``: no I/O, no clock (``ctx.today`` is
"now"), and sees the typed text only after ``flows.text_hygiene.clean_text`` (NFC, no hidden or reordering
characters, no stacks of combining marks). Messages are ``Text`` keys rendered later from ``locales/<lang>/validators.ftl``; every rejection
says what is expected and, where sensible, carries an ``example`` of a valid answer. The rules follow
shared/PROCEDURES.md (personal ID numbers, household business names, VSIC 2018 codes). They take what people
type: dates as 5/11/2026, 2026-11-05 or "ngày 5 tháng 11 năm 2026", counts as "2 người"; they refuse
placeholders ("như trên", "nt", "x") where a name or an address must be written out, and ask to confirm a name
typed without diacritics (``Valid.confirm``), since it goes on a legal document as shown.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Mapping

from locales.folding import fold
from locales import formats
from locales.text import Text
from flows.ethnicities import ALIASES, ETHNIC_GROUPS
from flows.text_hygiene import clean_text
from flows.vsic import as_index, load_vsic  # noqa: F401 - load_vsic is re-exported: main.py and tests read the list here

# --- constant tables ------------------------------------------------------------------------------

MIN_YEAR = 1900
PERSON_NAME_MIN, PERSON_NAME_MAX = 2, 100
ADDRESS_MIN, ADDRESS_MAX = 5, 250
BUSINESS_NAME_MAX = 100
EMAIL_MAX = 254

EXAMPLE_PERSON_NAME = "Nguyễn Văn An"
EXAMPLE_ADDRESS = "Số 12, thôn Phú Mỹ, xã Hòa Phong"
EXAMPLE_PERSONAL_ID = "001203012345"
EXAMPLE_PHONE = "0912345678"
EXAMPLE_EMAIL = "ten@example.com"
EXAMPLE_BUSINESS_NAME = "Tạp hóa Minh Anh"
EXAMPLE_VSIC = "4711"
EXAMPLE_MONEY = 50_000_000
EXAMPLE_MONEY_TEXT = "50 triệu"
EXAMPLE_COUNT = 3

REFERENCE_DIR = Path(__file__).parent / "reference"
ID_PROVINCE_CODES_FILE = REFERENCE_DIR / "id_province_codes.txt"
OLD_ID_LENGTH = 9  # the old identity card (CMND)

# What people type instead of an answer, compared folded and without trailing dots: refused for names and
# addresses, which go on the document as written.
PLACEHOLDERS = frozenset({"nhu tren", "nt", "n/t", "nhu tren da khai", "nhu cu", "-", "--", "x", "xx", "...", "?", "nhu nhau"})
# Words a count may carry after its number ("2 người"), folded.
COUNT_UNITS = ("nguoi lao dong", "lao dong", "nhan vien", "nguoi", "thanh vien", "ca nhan")
NONE_WORDS = frozenset({"khong", "khong co", "chua co", "none", "no"})

BUSINESS_PREFIX = "Hộ kinh doanh"
BUSINESS_SYMBOLS = frozenset("&-.,'()/ ")
# Words the law keeps out of a household business's name (PROCEDURES.md §2), as their folded letters run
# together, so that spacing and punctuation tricks are caught ("C.ty", "công  ty", "cong-ty", "CTY", "D.N"),
# with the written form the message shows.
BUSINESS_FORBIDDEN = {"congty": "công ty", "cty": "công ty", "doanhnghiep": "doanh nghiệp", "dn": "doanh nghiệp",
                      "dntn": "doanh nghiệp"}
BUSINESS_FORBIDDEN_WORDS = 4  # a forbidden word may be spread over this many pieces ("c.t.y")
# Words of their own that fold to "ty" ("tỷ", a billion; "Tý", a name): not the "ty" of "công ty".
NOT_TY = frozenset({"tý", "tỷ", "tỳ", "tỹ", "tỵ"})
OFFENSIVE_FILE = Path(__file__).parent / "reference" / "offensive_words.txt"
ADULT_AGE = 18

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
# The Vietnamese alphabet with every tone, plus F, J, W, Z (PROCEDURES.md §2): all of a-z, đ and the toned vowels.
VIETNAMESE_LETTERS = frozenset(
    set("abcdefghijklmnopqrstuvwxyzđ")
    | {unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in _TONES}
)

APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}

MONEY_UNITS = {
    "tỷ": 10**9, "tỉ": 10**9, "ty": 10**9,
    "triệu": 10**6, "trieu": 10**6, "tr": 10**6,
    "nghìn": 10**3, "ngàn": 10**3, "nghin": 10**3, "ngan": 10**3, "k": 10**3,
}
MONEY_HALF = frozenset({"rưỡi", "ruoi"})
MONEY_CURRENCY = frozenset({"đ", "đồng", "dong", "vnd", "vnđ"})

SEX_WORDS = {"male": "male", "nam": "male", "female": "female", "nữ": "female", "nu": "female"}

_DATE_RE = re.compile(r"([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})")
_ISO_DATE_RE = re.compile(r"([0-9]{4})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})")
# "5 tháng 11 năm 2026", "ngày 05 tháng 11, năm 2026", matched on the folded text (no diacritics).
_WORDS_DATE_RE = re.compile(r"([0-9]{1,2})\s*thang\s*([0-9]{1,2})\s*,?\s*nam\s*([0-9]{4})")
_YEAR_RE = re.compile(r"[0-9]{4}")
_STORED_DATE_RE = re.compile(r"(?:[0-9]{2}/[0-9]{2}/)?([0-9]{4})")
_EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)


# --- contract -------------------------------------------------------------------------------------


def _no_name_taken(name: str) -> bool:
    """Say no business name is taken (the default when the host gives no lookup)."""
    return False


@dataclass(frozen=True)
class ValidationContext:
    """What a validator may know besides the typed text: today, earlier answers, step options, lookups."""

    today: date
    answers: Mapping[str, Any]
    options: Mapping[str, Any]
    business_name_taken: Callable[[str], bool] = _no_name_taken
    vsic: Mapping[str, str] = field(default_factory=dict)
    id_provinces: frozenset[str] = field(default_factory=lambda: _default_id_provinces())


@dataclass(frozen=True)
class Valid:
    """An accepted answer: the stored value, how to show it back, and notes to tell the citizen.

    ``confirm``, when set, is a question the citizen must answer yes to before the answer is stored.
    """

    value: Any
    display: str
    notes: tuple[Text, ...] = ()
    confirm: Text | None = None


@dataclass(frozen=True)
class Invalid:
    """A refused answer and the message saying what is expected; ``offers`` are answers to pick, (value, label)."""

    error: Text
    offers: tuple[tuple[str, str], ...] = ()


Result = Valid | Invalid
Validator = Callable[[str, ValidationContext], Result]


def _hygienic(multiline: bool = False) -> Callable[[Validator], Validator]:
    """Make a validator see the text only after ``clean_text``, and refuse what it refuses (flows/text_hygiene.py)."""

    def wrap(validator: Validator) -> Validator:
        @functools.wraps(validator)
        def checked(text: str, ctx: ValidationContext) -> Result:
            cleaned = clean_text(text, multiline=multiline)
            if isinstance(cleaned, Text):
                return Invalid(cleaned)
            return validator(cleaned, ctx)

        return checked

    return wrap


# --- helpers --------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Return the text in NFC with typographic apostrophes unified and whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    for odd, plain in APOSTROPHES.items():
        text = text.replace(odd, plain)
    return " ".join(text.split())


def _unique(chars: list[str]) -> str:
    """Join distinct characters in the order met, for a message."""
    return " ".join(dict.fromkeys(chars))


def _capitalize(word: str) -> str:
    """Upper-case the first letter of a word and of each part after a hyphen or apostrophe."""
    out, upper_next = [], True
    for char in word.lower():
        out.append(char.upper() if upper_next and char.isalpha() else char)
        if char.isalpha():
            upper_next = False
        elif char in "-'":
            upper_next = True
    return "".join(out)


def _capitalize_first(word: str) -> str:
    """Upper-case the first letter of a word, leaving the rest as typed."""
    for i, char in enumerate(word):
        if char.isalpha():
            return word[:i] + char.upper() + word[i + 1:]
    return word


def is_placeholder(text: str) -> bool:
    """Tell whether the text stands for an answer instead of giving one ("như trên", "nt", "-", "x")."""
    folded = fold(text)
    return bool(folded) and (folded in PLACEHOLDERS or folded.rstrip(". ") in PLACEHOLDERS)


def _without_diacritics(name: str) -> bool:
    """Tell whether a name is written only in plain a-z letters (no Vietnamese diacritics, no đ)."""
    return all(c.isascii() for c in name)


def _sex(value: Any) -> str | None:
    """Read "male"/"female" (or Nam/Nữ) from an option or an answer; None when unknown."""
    if not isinstance(value, str):
        return None
    return SEX_WORDS.get(_clean(value).lower())


# --- validators -----------------------------------------------------------------------------------


@_hygienic()
def person_name(text: str, ctx: ValidationContext) -> Result:
    """Accept a Vietnamese full name and title-case it: "nguyễn văn an" -> "Nguyễn Văn An"."""
    name = _clean(text)
    if is_placeholder(name):
        return Invalid(Text("invalid-placeholder-name", {"example": EXAMPLE_PERSON_NAME}))
    if not PERSON_NAME_MIN <= len(name) <= PERSON_NAME_MAX:
        return Invalid(Text("invalid-person-name-length",
                            {"min": PERSON_NAME_MIN, "max": PERSON_NAME_MAX, "example": EXAMPLE_PERSON_NAME}))
    bad = [c for c in name if not (unicodedata.category(c)[0] in "LM" or c in " -'")]
    if bad:
        return Invalid(Text("invalid-person-name-chars", {"chars": _unique(bad), "example": EXAMPLE_PERSON_NAME}))
    words = name.split(" ")
    if not all(any(unicodedata.category(c).startswith("L") for c in word) for word in words):
        return Invalid(Text("invalid-person-name-chars",
                            {"chars": _unique([c for c in name if c in "-'"]), "example": EXAMPLE_PERSON_NAME}))
    value = unicodedata.normalize("NFC", " ".join(_capitalize(word) for word in words))
    if _without_diacritics(value):
        return Valid(value, value, confirm=Text("confirm-name-no-diacritics", {"name": value.upper()}))
    return Valid(value, value)


@_hygienic(multiline=True)
def free_text(text: str, ctx: ValidationContext) -> Result:
    """Accept any non-empty text up to ``max_length`` characters (default 200)."""
    value = unicodedata.normalize("NFC", text or "").strip()
    limit = int(ctx.options.get("max_length", 200))
    if not value:
        return Invalid(Text("invalid-free-text-empty"))
    if len(value) > limit:
        return Invalid(Text("invalid-free-text-too-long", {"max": limit, "length": len(value)}))
    return Valid(value, value)


@_hygienic()
def address(text: str, ctx: ValidationContext) -> Result:
    """Accept an address of 5-250 characters that contains at least one letter."""
    value = _clean(text)
    if is_placeholder(value):
        return Invalid(Text("invalid-placeholder-address", {"example": EXAMPLE_ADDRESS}))
    if not ADDRESS_MIN <= len(value) <= ADDRESS_MAX:
        return Invalid(Text("invalid-address-length", {"min": ADDRESS_MIN, "max": ADDRESS_MAX, "example": EXAMPLE_ADDRESS}))
    if not any(c.isalpha() for c in value):
        return Invalid(Text("invalid-address", {"example": EXAMPLE_ADDRESS}))
    return Valid(value, value)


def _check_date_range(d: date, ctx: ValidationContext, example: str) -> Invalid | None:
    """Refuse a date before 1900 or later than allowed by ``future_ok``/``max_future_days``."""
    if d.year < MIN_YEAR:
        return Invalid(Text("invalid-date-too-early", {"min_year": str(MIN_YEAR), "example": example}))
    future_days = int(ctx.options.get("max_future_days", 0)) if ctx.options.get("future_ok") else 0
    latest = ctx.today + timedelta(days=future_days)
    if d > latest:
        if future_days == 0:
            return Invalid(Text("invalid-date-future", {"today": formats.day(ctx.today), "example": example}))
        return Invalid(Text("invalid-date-too-late", {"latest": formats.day(latest), "days": future_days, "example": example}))
    return None


def _late_notes(d: date, ctx: ValidationContext) -> tuple[Text, ...]:
    """Note a late registration when the date is more than ``late_after_days`` days ago."""
    limit = ctx.options.get("late_after_days")
    if limit is None:
        return ()
    days_old = (ctx.today - d).days
    if days_old > int(limit):
        return (Text("note-late-registration", {"days": days_old, "limit": int(limit)}),)
    return ()


def _parse_date(value: str, ctx: ValidationContext, invalid: Text) -> Result:
    """Parse d/m/yyyy (separators / - .), yyyy-mm-dd or "ngày d tháng m năm yyyy" and apply the range options;
    ``invalid`` is the format error."""
    words = re.sub(r"^ngay\s*", "", fold(value).rstrip("."))
    if match := _DATE_RE.fullmatch(words) or _WORDS_DATE_RE.fullmatch(words):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE_RE.fullmatch(words):
        year, month, day = (int(part) for part in match.groups())
    else:
        return Invalid(invalid)
    example = formats.day(ctx.today)
    try:
        d = date(year, month, day)
    except ValueError:
        return Invalid(Text("invalid-date-nonexistent", {"input": f"{day:02d}/{month:02d}/{year}", "example": example}))
    refused = _check_date_range(d, ctx, example)
    if refused:
        return refused
    return Valid(formats.day(d), formats.day(d), _late_notes(d, ctx))


@_hygienic()
def date_(text: str, ctx: ValidationContext) -> Result:
    """Accept a date as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, "5 tháng 11 năm 2026");
    value "dd/mm/yyyy"."""
    return _parse_date(_clean(text), ctx, Text("invalid-date", {"example": formats.day(ctx.today)}))


@_hygienic()
def date_or_year(text: str, ctx: ValidationContext) -> Result:
    """Accept a date like ``date`` or a bare 4-digit year (value "yyyy")."""
    value = _clean(text)
    example, example_year = formats.day(ctx.today), str(ctx.today.year)
    if _YEAR_RE.fullmatch(value):
        year = int(value)
        if year < MIN_YEAR:
            return Invalid(Text("invalid-date-too-early", {"min_year": str(MIN_YEAR), "example": example_year}))
        future_days = int(ctx.options.get("max_future_days", 0)) if ctx.options.get("future_ok") else 0
        if year > (ctx.today + timedelta(days=future_days)).year:
            return Invalid(Text("invalid-year-future", {"year": value, "example": example_year}))
        return Valid(value, value)
    return _parse_date(value, ctx, Text("invalid-date-or-year", {"example": example, "example_year": example_year}))


@_hygienic()
def personal_id(text: str, ctx: ValidationContext) -> Result:
    """Accept a 12-digit personal ID number: a real province code (flows/reference/id_province_codes.txt), and
    digits 4-6 agreeing with the stated sex and birth year. A 9-digit number is an old CMND: ask for the new one."""
    digits = re.sub(r"[\s.\-]", "", unicodedata.normalize("NFC", text or ""))
    if not re.fullmatch(r"[0-9]+", digits):
        return Invalid(Text("invalid-personal-id", {"example": EXAMPLE_PERSONAL_ID}))
    if len(digits) == OLD_ID_LENGTH:
        return Invalid(Text("invalid-personal-id-old-cmnd", {"example": EXAMPLE_PERSONAL_ID}))
    if len(digits) != 12:
        return Invalid(Text("invalid-personal-id-length", {"length": len(digits), "example": EXAMPLE_PERSONAL_ID}))
    province, century = digits[:3], int(digits[3])
    if province not in ctx.id_provinces:
        return Invalid(Text("invalid-personal-id-province", {"code": province, "example": EXAMPLE_PERSONAL_ID}))
    if century > 5:
        return Invalid(Text("invalid-personal-id-century", {"digit": str(century), "example": EXAMPLE_PERSONAL_ID}))
    id_year = 1900 + 100 * (century // 2) + int(digits[4:6])
    id_sex = "male" if century % 2 == 0 else "female"
    if id_year > ctx.today.year:
        return Invalid(Text("invalid-personal-id-future-year", {"year": str(id_year), "example": EXAMPLE_PERSONAL_ID}))

    birth = ctx.answers.get(ctx.options["birth_date_from"]) if "birth_date_from" in ctx.options else None
    stored = _STORED_DATE_RE.fullmatch(birth) if isinstance(birth, str) else None
    if stored and int(stored.group(1)) != id_year:
        return Invalid(Text("invalid-personal-id-year-mismatch", {"id_year": str(id_year), "stated_year": stored.group(1)}))

    if "sex" in ctx.options:
        stated_sex = _sex(ctx.options["sex"])
    elif "sex_from" in ctx.options:
        stated_sex = _sex(ctx.answers.get(ctx.options["sex_from"]))
    else:
        stated_sex = None
    if stated_sex and stated_sex != id_sex:
        return Invalid(Text("invalid-personal-id-sex-mismatch", {"id_sex": id_sex, "stated_sex": stated_sex}))
    return Valid(digits, digits)


@_hygienic()
def phone(text: str, ctx: ValidationContext) -> Result:
    """Accept a Vietnamese mobile (10 digits) or landline (11 digits, 02x) number; value "0XXXXXXXXX"."""
    invalid = Invalid(Text("invalid-phone", {"example": EXAMPLE_PHONE}))
    number = re.sub(r"[\s.\-()]", "", unicodedata.normalize("NFC", text or ""))
    if number.startswith("+"):
        number = number[1:]
        if not number.startswith("84"):
            return invalid
    elif number.startswith("0084"):
        number = number[2:]
    if not re.fullmatch(r"[0-9]+", number):
        return invalid
    if number.startswith("84") and len(number) >= 11:
        number = "0" + number[2:].removeprefix("0")
    if re.fullmatch(r"0[35789][0-9]{8}", number) or re.fullmatch(r"02[0-9]{9}", number):
        return Valid(number, number)
    return invalid


@_hygienic()
def email(text: str, ctx: ValidationContext) -> Result:
    """Accept a plausible e-mail address; the domain is lower-cased."""
    value = (text or "").strip()
    if len(value) > EMAIL_MAX or not _EMAIL_RE.fullmatch(value):
        return Invalid(Text("invalid-email", {"example": EXAMPLE_EMAIL}))
    local, domain = value.rsplit("@", 1)
    value = f"{local}@{domain.lower()}"
    return Valid(value, value)


def _pieces(text: str) -> list[tuple[str, str]]:
    """Return the name's pieces between spaces and punctuation: (lower case with diacritics, folded)."""
    pieces = re.findall(r"[^\W_]+", text.lower())
    return [(piece, piece if piece in NOT_TY else fold(piece).replace("0", "o")) for piece in pieces]


def _runs(words: list[str], longest: int) -> set[str]:
    """Return every run of up to ``longest`` consecutive words, written together and with spaces."""
    runs = set()
    for start in range(len(words)):
        for end in range(start + 1, min(start + longest, len(words)) + 1):
            runs.add("".join(words[start:end]))
            runs.add(" ".join(words[start:end]))
    return runs


@functools.cache
def offensive_words(path: Path = OFFENSIVE_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """Read the offensive-word list: (compared folded, compared with diacritics), letters run together."""
    folded, marked = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("="):
            marked.add("".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", entry[1:].lower()))))
        else:
            folded.add("".join(re.findall(r"[^\W_]+", fold(entry))))
    return frozenset(folded), frozenset(marked)


def forbidden_word(name: str) -> str | None:
    """Return the written form of a word the law forbids in the name ("công ty"), however spaced; None if clean."""
    runs = _runs([folded for _, folded in _pieces(name)], BUSINESS_FORBIDDEN_WORDS)
    return next((written for letters, written in BUSINESS_FORBIDDEN.items() if letters in runs), None)


def is_offensive(name: str, path: Path = OFFENSIVE_FILE) -> bool:
    """Tell whether the name holds a word of the offensive-word list (however spaced or punctuated)."""
    folded, marked = offensive_words(path)
    pieces = _pieces(name)
    longest = 1 + max((len(entry) for entry in folded | marked), default=1)  # "d.i.t m.e": one letter a piece
    return bool(_runs([f for _, f in pieces], longest) & folded or _runs([m for m, _ in pieces], longest) & marked)


@_hygienic()
def business_name(text: str, ctx: ValidationContext) -> Result:
    """Accept a household business name; value is always "Hộ kinh doanh <Proper Name>".

    Refused: "công ty" or "doanh nghiệp" in any spelling ("Cty", "C.ty", "cong ty", "DN"), offensive words,
    and a name the office already approved (compared by the host without case or diacritics).
    """
    example = EXAMPLE_BUSINESS_NAME
    name = _clean(text)
    by_character = "".join(fold(char)[:1] or char for char in name)  # positions in it are positions in the name
    prefix = re.match(r"(?:ho kinh doanh|hkd)(?![a-z0-9])[\s:.\-]*", by_character)
    proper = name[prefix.end():].strip() if prefix else name
    if not any(c.isalnum() for c in proper):
        return Invalid(Text("invalid-business-name", {"example": example}))
    if len(proper) > BUSINESS_NAME_MAX:
        return Invalid(Text("invalid-business-name-length", {"max": BUSINESS_NAME_MAX, "example": example}))
    bad = [c for c in proper if not (c.lower() in VIETNAMESE_LETTERS or c in "0123456789" or c in BUSINESS_SYMBOLS)]
    if bad:
        return Invalid(Text("invalid-business-name-chars", {"chars": _unique(bad), "example": example}))
    written = forbidden_word(proper)
    if written:
        return Invalid(Text("invalid-business-name-forbidden", {"word": written, "example": example}))
    if is_offensive(proper):
        return Invalid(Text("invalid-business-name-offensive", {"example": example}))
    proper = " ".join(word if word != word.lower() else _capitalize_first(word) for word in proper.split(" "))
    value = f"{BUSINESS_PREFIX} {proper}"
    if ctx.business_name_taken(value):
        return Invalid(Text("invalid-business-name-taken", {"name": value, "example": example}))
    return Valid(value, value)


@_hygienic()
def vsic_code(text: str, ctx: ValidationContext) -> Result:
    """Accept a 4-digit VSIC 2018 code (leading digits of "4711 bán lẻ"), checked against ``ctx.vsic``.

    Anything else is searched in the list by words ("bán tạp hóa"), accent-insensitive (flows/vsic.py); the
    codes found are offered to pick (options ``offers``: how many, ``neighbours``: how many codes next to
    the best match).
    """
    example = EXAMPLE_VSIC if not ctx.vsic or EXAMPLE_VSIC in ctx.vsic else min(ctx.vsic)
    typed = _clean(text)
    match = re.match(r"([0-9]{4})(?![0-9])", typed)
    if not match:
        if not ctx.vsic:
            return Invalid(Text("invalid-vsic-code", {"example": example}))
        index = as_index(ctx.vsic)
        found = index.search(typed, limit=int(ctx.options.get("offers", 6)), neighbours=int(ctx.options.get("neighbours", 3)))
        query = typed if len(typed) <= 40 else typed[:39] + "…"
        if not found:
            return Invalid(Text("vsic-search-none", {"query": query, "example": example}))
        lines = "\n".join(f"{code} – {index[code]}" for code in found)  # the full names; the buttons carry the codes
        return Invalid(Text("vsic-search-found", {"query": query, "count": len(found), "lines": lines}),
                       offers=tuple((code, code) for code in found))
    code = match.group(1)
    if not ctx.vsic:
        return Valid(code, code)
    if code not in ctx.vsic:
        return Invalid(Text("invalid-vsic-code-unknown", {"code": code, "example": example}))
    return Valid(code, f"{code} – {ctx.vsic[code]}")


def full_years(born: date, today: date) -> int:
    """Return a person's age in full years on ``today`` (born 29/02: a year is full on 01/03)."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@_hygienic()
def adult_birth_date(text: str, ctx: ValidationContext) -> Result:
    """Accept a date of birth like ``date`` for someone aged ``min_age`` (default 18) or more, in full years today.

    ``id_answer`` names the person's ID number answer, which may already be there though asked later (read from
    the ID card's QR code): a birth year other than the one the number encodes is refused.
    """
    result = date_(text, ctx)
    if isinstance(result, Invalid):
        return result
    born = _stored_date(result.value)
    id_number = ctx.answers.get(ctx.options["id_answer"]) if "id_answer" in ctx.options else None
    if born is not None and isinstance(id_number, str) and re.fullmatch(r"[0-9]{12}", id_number) and int(id_number[3]) <= 5:
        id_year = 1900 + 100 * (int(id_number[3]) // 2) + int(id_number[4:6])
        if id_year != born.year:
            return Invalid(Text("invalid-personal-id-year-mismatch", {"id_year": str(id_year), "stated_year": str(born.year)}))
    min_age = int(ctx.options.get("min_age", ADULT_AGE))
    if born is not None and full_years(born, ctx.today) < min_age:
        adult_on = _add_years(born, min_age)
        return Invalid(Text("invalid-birth-date-under-age", {
            "min_age": min_age, "age": full_years(born, ctx.today), "date": formats.day(adult_on)}))
    return result


def _stored_date(value: Any) -> date | None:
    """Read a date stored as "dd/mm/yyyy" back; None for anything else."""
    match = re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", str(value))
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_years(born: date, years: int) -> date:
    """Return the day someone born on ``born`` turns ``years`` (29/02 -> 01/03 in a common year)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


def _parse_number(token: str) -> Decimal | None:
    """Read 50000000, 50.000.000, 50,000,000 (groups of three) or 1,5 / 1.5 (a decimal)."""
    if re.fullmatch(r"[0-9]+", token):
        return Decimal(token)
    grouped = re.fullmatch(r"[0-9]{1,3}([.,])[0-9]{3}(?:\1[0-9]{3})*", token)
    if grouped:
        return Decimal(token.replace(grouped.group(1), ""))
    if re.fullmatch(r"[0-9]+[.,][0-9]+", token):
        return Decimal(token.replace(",", "."))
    return None


def parse_vnd(text: str) -> int | None:
    """Read an amount of dong ("50 triệu", "1,5 tỷ", "1tr5", "500k", "50.000.000 đ"); None if unreadable."""
    value = _clean(text).lower().rstrip(".!")
    value = re.sub(r"(?<=[0-9]) (?=[0-9]{3}(?![0-9]))", "", value)  # "50 000 000" -> "50000000"
    tokens = re.findall(r"[0-9][0-9.,]*[0-9]|[0-9]|[^\W\d_]+|\S", value)
    while tokens and tokens[-1] in MONEY_CURRENCY:
        tokens.pop()
    if not tokens:
        return None
    total, pending, last_unit = Decimal(0), None, None
    for position, token in enumerate(tokens):
        if token[0] in "0123456789":
            if pending is not None:
                return None
            pending = token
        elif token in MONEY_UNITS:
            unit = MONEY_UNITS[token]
            number = _parse_number(pending) if pending is not None else None
            if number is None or (last_unit is not None and unit >= last_unit):
                return None
            total, pending, last_unit = total + number * unit, None, unit
        elif token in MONEY_HALF:  # "2 triệu rưỡi": half of the unit just named, and nothing after
            if pending is not None or last_unit is None or position != len(tokens) - 1:
                return None
            total += Decimal(last_unit) / 2
        else:
            return None
    if pending is not None:
        if last_unit is None:
            number = _parse_number(pending)
            if number is None:
                return None
            total += number
        elif re.fullmatch(r"[0-9]", pending):  # "1tr5" = 1,5 triệu
            total += Decimal(pending) * last_unit / 10
        elif re.fullmatch(r"[0-9]{3}", pending):  # "2 triệu 500" = 2.500.000
            total += Decimal(pending) * last_unit / 1000
        else:
            return None
    if total != total.to_integral_value():
        return None
    return int(total)


@_hygienic()
def money_vnd(text: str, ctx: ValidationContext) -> Result:
    """Accept a positive amount of VND in figures or words; value is an int, display "50.000.000 đ"."""
    low, high = ctx.options.get("min"), ctx.options.get("max")
    example_amount = EXAMPLE_MONEY
    if low is not None:
        example_amount = max(example_amount, int(low))
    if high is not None:
        example_amount = min(example_amount, int(high))
    example = EXAMPLE_MONEY_TEXT if example_amount == EXAMPLE_MONEY else formats.money(example_amount)
    cleaned = _clean(text)
    if cleaned.startswith("-"):
        return Invalid(Text("invalid-money-positive", {"example": example}))
    amount = parse_vnd(cleaned)
    if amount is None:
        return Invalid(Text("invalid-money", {"example": example}))
    if amount <= 0:
        return Invalid(Text("invalid-money-positive", {"example": example}))
    if low is not None and amount < int(low):
        return Invalid(Text("invalid-money-too-small", {"min": formats.money(int(low)), "example": example}))
    if high is not None and amount > int(high):
        return Invalid(Text("invalid-money-too-large", {"max": formats.money(int(high)), "example": example}))
    return Valid(amount, formats.money(amount))


@_hygienic()
def positive_int(text: str, ctx: ValidationContext) -> Result:
    """Accept a whole number 0 or more (e.g. expected employees; "2 người", "không có" = 0), at most option ``max``."""
    high = ctx.options.get("max")
    example = str(EXAMPLE_COUNT if high is None else min(EXAMPLE_COUNT, int(high)))
    value = fold(_clean(text)).rstrip(".")
    if value in NONE_WORDS:
        value = "0"
    units = "|".join(re.escape(unit) for unit in COUNT_UNITS)
    match = re.fullmatch(rf"([0-9]+)(?:\s*(?:{units}))?", value)
    if not match:
        return Invalid(Text("invalid-positive-int", {"example": example}))
    number = int(match.group(1))
    if high is not None and number > int(high):
        return Invalid(Text("invalid-positive-int-too-large", {"max": int(high), "example": example}))
    return Valid(number, str(number))


@_hygienic()
def ethnicity(text: str, ctx: ValidationContext) -> Result:
    """Accept one of Vietnam's 54 ethnic groups (diacritics and hyphens optional); value is its official name."""
    wanted = fold(_clean(text)).replace("-", " ").replace("'", "")
    names = {**{name: name for name in ETHNIC_GROUPS}, **ALIASES}
    for written, official in names.items():
        if " ".join(fold(written).replace("-", " ").replace("'", "").split()) == " ".join(wanted.split()):
            return Valid(official, official)
    return Invalid(Text("invalid-ethnicity", {"example": "Kinh"}))


@_hygienic()
def nationality(text: str, ctx: ValidationContext) -> Result:
    """Accept a nationality; "Việt Nam" in any common spelling is normalised, others must be letters."""
    value = _clean(text)
    if fold(value).replace(" ", "") in ("vietnam", "vn", "viet", "quoctichvietnam"):
        return Valid("Việt Nam", "Việt Nam")
    if 2 <= len(value) <= 60 and all(ch.isalpha() or ch in " -'" for ch in value):
        name = " ".join(_capitalize_first(word) for word in value.split())
        return Valid(name, name)
    return Invalid(Text("invalid-nationality", {"example": "Việt Nam"}))


@_hygienic()
def passport_number(text: str, ctx: ValidationContext) -> Result:
    """Accept a passport or other travel document number (a foreign parent's): 5-20 letters and digits, upper-cased."""
    value = re.sub(r"[\s.\-]", "", _clean(text)).upper()
    if re.fullmatch(r"[A-Z0-9]{5,20}", value) and any(ch.isdigit() for ch in value):
        return Valid(value, value)
    return Invalid(Text("invalid-passport-number", {"example": "C1234567"}))


@_hygienic()
def tax_code(text: str, ctx: ValidationContext) -> Result:
    """Accept a personal tax code: 10 digits (optionally -3 digits) or, since 2025, the 12-digit ID number."""
    value = re.sub(r"[\s.]", "", _clean(text))
    if re.fullmatch(r"[0-9]{10}(-[0-9]{3})?|[0-9]{12}", value):
        return Valid(value, value)
    return Invalid(Text("invalid-tax-code", {"example": "8012345678"}))


VALIDATORS: dict[str, Callable[[str, ValidationContext], Result]] = {
    "person_name": person_name,
    "free_text": free_text,
    "address": address,
    "date": date_,
    "date_or_year": date_or_year,
    "personal_id": personal_id,
    "phone": phone,
    "email": email,
    "business_name": business_name,
    "vsic_code": vsic_code,
    "adult_birth_date": adult_birth_date,
    "money_vnd": money_vnd,
    "positive_int": positive_int,
    "ethnicity": ethnicity,
    "nationality": nationality,
    "tax_code": tax_code,
    "passport_number": passport_number,
}


@functools.cache
def load_id_provinces(path: Path = ID_PROVINCE_CODES_FILE) -> frozenset[str]:
    """Read the province codes a personal ID number may start with (three digits each; ``#`` starts a comment)."""
    codes = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        for code in line.split("#", 1)[0].split():
            if not re.fullmatch(r"[0-9]{3}", code):
                raise ValueError(f"{path}: '{code}' is not a three-digit province code")
            codes.add(code)
    if not codes:
        raise ValueError(f"{path}: lists no province code")
    return frozenset(codes)


def _default_id_provinces() -> frozenset[str]:
    """Return the province codes of the shipped reference file."""
    return load_id_provinces(ID_PROVINCE_CODES_FILE)
