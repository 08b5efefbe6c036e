"""Reading a typed yes or no, with case, spacing and Vietnamese diacritics ignored (locales.folding)."""

from __future__ import annotations

from locales.folding import fold

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
