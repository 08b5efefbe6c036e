"""Matching what people type: case, spacing and Vietnamese diacritics ignored."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, trim and strip Vietnamese diacritics ("Đồng ý" -> "dong y"), for matching typed words."""
    text = unicodedata.normalize("NFD", text.strip().casefold()).replace("đ", "d")
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Mn").split())


YES_WORDS = {"co", "có", "yes", "y", "dong y", "đồng ý", "ok", "agree", "1"}
NO_WORDS = {"khong", "không", "no", "n", "2", "tu choi", "từ chối"}
_YES = {fold(word) for word in YES_WORDS}
_NO = {fold(word) for word in NO_WORDS}


def yes_no(text: str) -> str | None:
    """Read a typed yes or no ("có", "không", "ok", "1", "2", ...): "yes", "no", or None."""
    folded = fold(text)
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    return None
