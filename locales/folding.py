"""How typed Vietnamese is compared: one folding of case, spacing and diacritics, for every layer.

It lives here, at the bottom (it imports nothing of ours), so that flows/, storage/ and the bot share it.
"""

from __future__ import annotations

import unicodedata


def fold(text: str, *, diacritics: bool = False) -> str:
    """Lower-case, trim, collapse spaces and strip diacritics, đ as d ("  Đồng  Ý " -> "dong y").

    With ``diacritics=True`` the marks stay ("Hòa" and "Hoa" differ), for names that must be unique
    ignoring only case and spacing.
    """
    text = unicodedata.normalize("NFC" if diacritics else "NFD", text.casefold())
    if not diacritics:
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").replace("đ", "d")
    return " ".join(text.split())
