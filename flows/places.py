"""Vietnam's administrative units since 1 July 2025: 34 provinces and their communes (xã, phường, đặc khu).

Read once, on first use, from the data file of the ``vietnam-provinces`` package (2025 release), without
importing the package itself (its code tables take half a second to build). Codes are the official ones as
strings: a province "80", a commune "25123". Typed text is compared as ``locales.folding.fold`` does:
without case or diacritics. Data only; nothing here knows about chats.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from locales.folding import fold

PROVINCE_COUNT = 34
KINDS = ("xã", "phường", "đặc khu")
_PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp.", "tp ")
_COMMUNE_PREFIXES = ("dac khu ", "phuong ", "xa ", "p. ", "p.", "x. ")

# Common names citizens type for a province besides its own (already folded).
ALIASES = {
    "hcm": "79", "tphcm": "79", "tp hcm": "79", "sai gon": "79", "saigon": "79", "sg": "79", "ho chi minh": "79",
    "hn": "01", "ha noi": "01", "hue": "46", "thua thien hue": "46", "da nang": "48", "hai phong": "31",
    "can tho": "92",
}


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city: its code, official name and the short name shown on buttons."""

    code: str
    name: str
    short: str


@dataclass(frozen=True)
class Commune:
    """A commune-level unit: code, official name ("Xã Tân Hưng"), kind (xã/phường/đặc khu), its province."""

    code: str
    name: str
    kind: str
    province_code: str

    @property
    def base(self) -> str:
        """The name without its kind ("Tân Hưng")."""
        for kind in KINDS:
            if self.name.lower().startswith(kind + " "):
                return self.name[len(kind) + 1:]
        return self.name


@dataclass(frozen=True)
class Places:
    """Every province, in the package's order, and each province's communes."""

    provinces: tuple[Province, ...]
    communes: dict[str, tuple[Commune, ...]]
    by_code: dict[str, Commune]

    def province(self, code: str) -> Province | None:
        """Return the province with this code, or None."""
        return next((p for p in self.provinces if p.code == code), None)

    def commune(self, code: str) -> Commune | None:
        """Return the commune with this code, or None."""
        return self.by_code.get(code)


def data_path() -> Path:
    """Return the package's nested data file (provinces with their communes)."""
    spec = importlib.util.find_spec("vietnam_provinces")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the vietnam-provinces package is not installed")
    return Path(spec.origin).parent / "data" / "nested-divisions.json"


def read(raw: list[dict]) -> Places:
    """Return the places of the package's nested JSON."""
    provinces, communes = [], {}
    for item in raw:
        code = f"{int(item['code']):02d}"
        name = str(item.get("name") or "").strip()
        short = name[len("Thành phố "):] if name.startswith("Thành phố ") else name
        provinces.append(Province(code, name, short))
        communes[code] = tuple(
            Commune(f"{int(w['code']):05d}", str(w.get("name") or "").strip(), str(w.get("division_type") or ""), code)
            for w in item.get("wards") or ()
        )
    return Places(tuple(provinces), communes, {c.code: c for found in communes.values() for c in found})


@cache
def places() -> Places:
    """Return the 2025 units, read once."""
    return read(json.loads(data_path().read_text(encoding="utf-8")))


def provinces() -> tuple[Province, ...]:
    """Return the 34 provinces."""
    return places().provinces


def province(code: str) -> Province | None:
    """Return a province by its code."""
    return places().province(code)


def communes(province_code: str) -> tuple[Commune, ...]:
    """Return the communes of a province (none for an unknown code)."""
    return places().communes.get(province_code, ())


def commune(code: str) -> Commune | None:
    """Return a commune by its code."""
    return places().commune(code)


def _strip(text: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix):
            return text[len(prefix):].strip()
    return text


def find_province(text: str) -> Province | None:
    """Return the province a typed name means ("tay ninh", "Tỉnh Tây Ninh", "hcm"), or None."""
    typed = fold(text).strip(" .,")
    if typed in ALIASES:
        return province(ALIASES[typed])
    typed = _strip(typed, _PREFIXES)
    if typed in ALIASES:
        return province(ALIASES[typed])
    if not typed:
        return None
    exact = [p for p in provinces() if fold(p.short) == typed]
    if exact:
        return exact[0]
    starting = [p for p in provinces() if fold(p.short).startswith(typed)]
    return starting[0] if len(starting) == 1 and len(typed) >= 3 else None


def search_communes(province_code: str, text: str, limit: int = 8) -> list[Commune]:
    """Return up to ``limit`` communes of a province whose names hold the typed words, best first.

    Exact names come first, then names starting with the words, then names whose words start with each
    typed word, then names merely containing them; ``"xã"``/``"phường"`` in the typed text narrows the kind.
    """
    typed = fold(re.sub(r"[^\w\s.]", " ", text))
    kind = next((k for k, p in (("đặc khu", "dac khu "), ("phường", "phuong "), ("xã", "xa ")) if typed.startswith(p)), None)
    typed = _strip(typed, _COMMUNE_PREFIXES)
    words = typed.split()
    if not words:
        return []
    ranked = []
    for position, item in enumerate(communes(province_code)):
        if kind and item.kind != kind:
            continue
        base = fold(item.base)
        names = base.split()
        if base == typed:
            rank = 0
        elif base.startswith(typed):
            rank = 1
        elif all(any(name.startswith(word) for name in names) for word in words):
            rank = 2
        elif all(any(name.startswith(word) for name in names) or (len(word) >= 3 and word in base) for word in words):
            rank = 3
        else:
            continue
        ranked.append((rank, position, item))
    ranked.sort(key=lambda found: (found[0], found[1]))
    return [item for _, _, item in ranked[:limit]]


def exact(province_code: str, text: str) -> list[Commune]:
    """Return the communes whose name is exactly what was typed (with or without its kind)."""
    typed = fold(text)
    return [c for c in communes(province_code) if typed in (fold(c.name), fold(c.base))]


def province_in(address: str) -> Province | None:
    """Return the province named at the end of a written address ("..., Tỉnh Tây Ninh"), or None."""
    parts = [part.strip() for part in address.split(",") if part.strip()]
    return find_province(parts[-1]) if parts else None


def street_of(address: str) -> str:
    """Return the part of a written address before its commune, district or province ("Thôn 3").

    Units are recognised by their kind ("Xã ...", "Huyện ..."); without any, the last two parts are taken as
    the commune (or district) and the province.
    """
    units = ("xa ", "phuong ", "thi tran ", "huyen ", "quan ", "thi xa ", "thanh pho ", "tinh ", "dac khu ", "tp ")
    parts = [part.strip() for part in address.split(",") if part.strip()]
    named = next((i for i, part in enumerate(parts) if fold(part).startswith(units)), None)
    if named is None:  # no unit named as such: "12 Trần Hưng Đạo, Bình Thủy, Cần Thơ" ends with commune and province
        named = max(len(parts) - 2, 0) if len(parts) >= 3 else max(len(parts) - 1, 0)
    return ", ".join(parts[:named])


def problems(found: Places | None = None) -> list[str]:
    """Return what is wrong with the place data (empty when it is sound): for ``main.py check``."""
    try:
        found = found or places()
    except (OSError, ValueError, KeyError) as error:
        return [f"place data: cannot read the vietnam-provinces data ({error})"]
    errors = []
    if len(found.provinces) != PROVINCE_COUNT:
        errors.append(f"place data: {len(found.provinces)} provinces, expected {PROVINCE_COUNT} (the 2025 units)")
    province_codes = [p.code for p in found.provinces]
    if len(set(province_codes)) != len(province_codes):
        errors.append("place data: province codes are not unique")
    commune_codes = [c.code for cs in found.communes.values() for c in cs]
    if len(set(commune_codes)) != len(commune_codes):
        errors.append("place data: commune codes are not unique")
    for p in found.provinces:
        if not p.name:
            errors.append(f"place data: province {p.code} has no name")
        if not found.communes.get(p.code):
            errors.append(f"place data: province {p.code} {p.name} has no communes")
        for c in found.communes.get(p.code, ()):
            if not c.name:
                errors.append(f"place data: commune {c.code} of {p.name} has no name")
            if c.kind not in KINDS:
                errors.append(f"place data: commune {c.code} {c.name} has an unknown kind {c.kind!r}")
    return errors
