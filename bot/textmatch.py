"""Matching what people type: case, spacing and Vietnamese diacritics ignored."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, trim and strip Vietnamese diacritics ("Đồng ý" -> "dong y"), for matching typed words."""
    text = unicodedata.normalize("NFD", text.strip().casefold()).replace("đ", "d")
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Mn").split())
