"""Splitting long text into messages a platform accepts (Telegram: 4096 characters, Zalo: 2000).

:func:`split_text` cuts text longer than the limit at the last line
break that fits, else at the last space or tab of an over-long line (the space stays at the end of the
earlier part), and only cuts inside a word when a single word is longer than the limit. The line
breaks at a cut (the whole run, so no part starts or ends with a blank line) are consumed; no other
character is ever dropped: joining the parts with the consumed breaks restores the text exactly.
"""

from __future__ import annotations

import unicodedata

_SPACES = " \t\u00a0\u3000"


def _hard_cut(rest: str, limit: int) -> int:
    """Return a cut position at most ``limit`` that does not strand a combining mark."""
    cut = limit
    while cut > 1 and unicodedata.combining(rest[cut]):
        cut -= 1
    return cut


def _space_cut(rest: str, limit: int) -> int:
    """Return the length of a part ending just after the last space within ``limit``, or 0 if none."""
    for index in range(limit - 1, 0, -1):
        if rest[index] in _SPACES and rest[:index].strip():
            return index + 1
    return 0


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters, preferring line then word boundaries."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    if not text:
        return []
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        newline = rest.rfind("\n", 1, limit + 1)  # a break right after a full part counts too
        head = rest[:newline].rstrip("\n") if newline > 0 else ""
        if head:
            parts.append(head)
            rest = rest[newline:].lstrip("\n")
            continue
        cut = _space_cut(rest, limit) or _hard_cut(rest, limit)
        parts.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        parts.append(rest)
    return parts
