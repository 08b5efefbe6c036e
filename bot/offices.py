"""Offices (commune People's Committees) from a YAML file: name, unit code, address, hours, phone and fees."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_OFFICES = Path(__file__).parent / "offices.yaml"


class OfficeError(Exception):
    """The offices file is missing, unreadable or incomplete."""


@dataclass(frozen=True)
class Office:
    """One receiving office."""

    code: str
    name: str
    address: str
    hours: str
    fees: dict[str, int] = field(default_factory=dict)
    phone: str = ""  # offered to a citizen who cannot get past a question
    centre: str = ""  # its public service centre as citizens know it ("Trung tâm Phục vụ hành chính công xã ...")

    @property
    def desk_name(self) -> str:
        """Return the name messages give the office: its public service centre, else its own name."""
        return self.centre or self.name

    def fee(self, key: str) -> int:
        """Return the fee for a fee key (0 when the table does not list it)."""
        return int(self.fees.get(key, 0))


def load_offices(path: Path = DEFAULT_OFFICES) -> list[Office]:
    """Read and check the offices file."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise OfficeError(f"OFFICES_FILE {path}: cannot read it: {exc}") from exc
    offices = []
    for number, item in enumerate(raw.get("offices") or [], start=1):
        missing = [key for key in ("code", "name", "address", "hours") if not item.get(key)]
        if missing:
            raise OfficeError(f"OFFICES_FILE {path}: office #{number} lacks {', '.join(missing)}")
        fees = {str(k): int(v) for k, v in (item.get("fees") or {}).items()}
        offices.append(Office(str(item["code"]), str(item["name"]), str(item["address"]), str(item["hours"]), fees,
                              str(item.get("phone") or ""), str(item.get("centre") or "")))
    if not offices:
        raise OfficeError(f"OFFICES_FILE {path}: lists no office")
    return offices
