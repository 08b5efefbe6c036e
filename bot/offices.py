"""The offices a deployment serves, from a YAML file: a province's communes, each its own desk.

Each office (a commune People's Committee and its public service centre) has its unit code (receipt codes and
daily sequences), its commune code from the 2025 administrative units (the place answers of the flows), its name,
address, phone, hours, fee table, payment details (for fee requests), its officials' admin chat and the Telegram
user ids of its officials. The file may also name the province, the national public service portal (where a
citizen of a commune this deployment does not serve can file) and a supervisors' chat. ``problems`` lists what
``main.py check`` refuses; ``load_offices`` refuses a file it cannot use at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

import yaml

DEFAULT_OFFICES = Path(__file__).parent / "offices.yaml"
DEFAULT_PORTAL = "https://dichvucong.gov.vn"


class OfficeError(Exception):
    """The offices file is missing, unreadable or incomplete."""


@dataclass(frozen=True)
class Payment:
    """Where a citizen pays an office's fees by bank transfer (shown with a VietQR code in a fee request)."""

    bank_bin: str  # the bank's 6-digit BIN of the Napas list (VietQR), e.g. "970436"
    bank_name: str  # as citizens know it, e.g. "Vietcombank"
    account_number: str
    account_name: str  # the account holder, as the bank shows it
    deadline_days: int = 0  # working days a citizen has to pay after a fee request (0: no deadline is set)


@dataclass(frozen=True)
class Office:
    """One receiving office."""

    code: str  # unit code, the first part of its receipt codes
    name: str
    address: str
    hours: str
    fees: dict[str, int] = field(default_factory=dict)
    phone: str = ""  # offered to a citizen who cannot get past a question
    centre: str = ""  # its public service centre as citizens know it ("Trung tâm Phục vụ hành chính công xã ...")
    commune: str = ""  # its commune code in the 2025 administrative units (flows.places)
    admin_chat: int | None = None  # the officials' group chat
    officials: frozenset[int] = frozenset()  # Telegram user ids of the officials who may act on its dossiers
    payment: Payment | None = None

    @property
    def desk_name(self) -> str:
        """Return the name messages give the office: its public service centre, else its own name."""
        return self.centre or self.name

    def fee(self, key: str) -> int:
        """Return the fee for a fee key (0 when the table does not list it)."""
        return int(self.fees.get(key, 0))


@dataclass(frozen=True)
class Offices:
    """Every office of a deployment, found by unit code, commune, admin chat or official."""

    offices: tuple[Office, ...]
    province: str = ""  # the province's name, for messages to supervisors
    portal: str = DEFAULT_PORTAL  # where a citizen files when no office here is competent
    supervisors_chat: int | None = None  # optional: daily counts per office, overdue dossiers first

    def __iter__(self) -> Iterator[Office]:
        return iter(self.offices)

    def __len__(self) -> int:
        return len(self.offices)

    def __getitem__(self, index: int) -> Office:
        return self.offices[index]

    @property
    def default(self) -> Office:
        """Return the office named before any answer decides one (the first in the file)."""
        return self.offices[0]

    def by_code(self, code: str) -> Office | None:
        """Return the office with this unit code."""
        return next((office for office in self.offices if office.code == code), None)

    def for_commune(self, commune_code: str) -> Office | None:
        """Return the office serving this commune (2025 code), or None when this deployment does not serve it."""
        return next((office for office in self.offices if commune_code and office.commune == commune_code), None)

    def in_chat(self, chat_id: int) -> tuple[Office, ...]:
        """Return the offices whose admin chat this is (usually one; small communes may share a group)."""
        return tuple(office for office in self.offices if office.admin_chat == chat_id)

    def of_official(self, user_id: int) -> tuple[Office, ...]:
        """Return the offices an official belongs to."""
        return tuple(office for office in self.offices if user_id in office.officials)

    def replaced(self, office: Office) -> Offices:
        """Return these offices with the one of the same unit code replaced (a changed fee table, say)."""
        return replace(self, offices=tuple(office if old.code == office.code else old for old in self.offices))

    def admin_chats(self) -> tuple[int, ...]:
        """Return every office's admin chat, once each."""
        return tuple(dict.fromkeys(office.admin_chat for office in self.offices if office.admin_chat is not None))


def _payment(item: Any, where: str) -> Payment | None:
    if not item:
        return None
    missing = [key for key in ("bank_bin", "bank_name", "account_number", "account_name") if not item.get(key)]
    if missing:
        raise OfficeError(f"{where}: payment lacks {', '.join(missing)}")
    return Payment(str(item["bank_bin"]), str(item["bank_name"]), str(item["account_number"]), str(item["account_name"]),
                   _integer(item.get("deadline_days") or 0, f"{where}: payment deadline_days"))


def _integer(value: Any, what: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise OfficeError(f"{what} must be a whole number, got {value!r}") from None


def load_offices(path: Path = DEFAULT_OFFICES) -> Offices:
    """Read the offices file; raise OfficeError if it cannot be used at all (``problems`` checks the rest)."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise OfficeError(f"OFFICES_FILE {path}: cannot read it: {exc}") from exc
    offices = []
    for number, item in enumerate(raw.get("offices") or [], start=1):
        where = f"OFFICES_FILE {path}: office #{number}"
        missing = [key for key in ("code", "name", "address", "hours") if not item.get(key)]
        if missing:
            raise OfficeError(f"{where} lacks {', '.join(missing)}")
        fees = {str(k): _integer(v, f"{where}: fee {k}") for k, v in (item.get("fees") or {}).items()}
        chat = item.get("admin_chat")
        offices.append(Office(
            code=str(item["code"]), name=str(item["name"]), address=str(item["address"]), hours=str(item["hours"]),
            fees=fees, phone=str(item.get("phone") or ""), centre=str(item.get("centre") or ""),
            commune=str(item.get("commune") or ""),
            admin_chat=None if chat in (None, "") else _integer(chat, f"{where}: admin_chat"),
            officials=frozenset(_integer(user, f"{where}: official") for user in item.get("officials") or ()),
            payment=_payment(item.get("payment"), where),
        ))
    if not offices:
        raise OfficeError(f"OFFICES_FILE {path}: lists no office")
    chat = raw.get("supervisors_chat")
    return Offices(
        offices=tuple(offices), province=str(raw.get("province") or ""), portal=str(raw.get("portal") or DEFAULT_PORTAL),
        supervisors_chat=None if chat in (None, "") else _integer(chat, f"OFFICES_FILE {path}: supervisors_chat"),
    )


def problems(offices: Offices, communes: dict[str, str]) -> list[str]:
    """Return what makes a deployment's offices unusable: an unknown or repeated commune code, a repeated unit
    code, an office without an admin chat or without officials. ``communes`` maps the known commune codes to
    their names (flows.places)."""
    found: list[str] = []
    seen_codes: set[str] = set()
    seen_communes: dict[str, str] = {}
    for office in offices:
        label = f"office {office.code} ({office.name})"
        if office.code in seen_codes:
            found.append(f"{label}: unit code {office.code} is used by another office")
        seen_codes.add(office.code)
        if not office.commune:
            found.append(f"{label}: no commune code (the 2025 administrative units)")
        elif office.commune not in communes:
            found.append(f"{label}: unknown commune code {office.commune}")
        elif office.commune in seen_communes:
            found.append(f"{label}: commune {office.commune} is already served by office {seen_communes[office.commune]}")
        else:
            seen_communes[office.commune] = office.code
        if office.admin_chat is None:
            found.append(f"{label}: no admin_chat (the officials' group chat id)")
        if not office.officials:
            found.append(f"{label}: no officials (Telegram user ids allowed to act on its dossiers)")
    return found
