"""The public-service voice: every Vietnamese message speaks to "Ông/Bà", calls itself "Hệ thống", names the
office as configured, and never asks to tap (Zalo shows no buttons). Read from the catalogs' own messages."""

from __future__ import annotations

import re

import pytest

from locales.catalog import LOCALES_DIR, Catalog
from locales.text import Text

FORBIDDEN = {
    "anh/chị (say Ông/Bà)": re.compile(r"\banh/chị\b", re.IGNORECASE),
    "bot (say Hệ thống)": re.compile(r"\bbot\b", re.IGNORECASE),
    "Bộ phận Một cửa (use the office's name, $office)": re.compile(r"bộ phận một cửa", re.IGNORECASE),
    "chạm/bấm (say chọn: Zalo has no buttons)": re.compile(r"\b(chạm|bấm)\b(?! vào màn hình để lấy nét)", re.IGNORECASE),
}


def vietnamese_sources() -> dict[str, str]:
    """Return each Vietnamese message's source text (its value and attributes), by key."""
    found = {}
    for path in sorted((LOCALES_DIR / "vi").glob("*.ftl")):
        key = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            match = re.match(r"^([a-z][\w-]*) =(.*)$", line)
            if match:
                key = match.group(1)
                found[key] = match.group(2)
            elif key and line[:1].isspace():
                found[key] += "\n" + line
    assert found, f"no messages read from {LOCALES_DIR / 'vi'}"
    return found


@pytest.mark.parametrize("rule", sorted(FORBIDDEN))
def test_no_vietnamese_message_breaks_the_voice(rule):
    offending = [f"{key}: {text.strip()[:80]}" for key, text in vietnamese_sources().items() if FORBIDDEN[rule].search(text)]
    assert offending == [], f"{rule}:\n" + "\n".join(offending)


def test_the_greeting_welcomes_the_citizen_and_names_the_configured_office():
    catalog = Catalog()
    catalog.set_default("office", "Trung tâm Phục vụ hành chính công xã Tân Hưng")
    menu = catalog.render("vi", Text("menu"))
    assert menu.startswith("Kính chào Quý công dân!")
    assert "Trung tâm Phục vụ hành chính công xã Tân Hưng" in menu
    assert "Ông/Bà" in menu


def test_an_office_is_named_even_when_none_is_configured():
    assert "Trung tâm Phục vụ hành chính công" in Catalog().render("vi", Text("consent-declined"))
