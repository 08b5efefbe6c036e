"""The entities Telegram adds to plain text by itself (commands, e-mails, links, mentions, hashtags), and
their rendering as safe HTML for the chat page.

The sandbox takes plain text only (a ``parse_mode`` or explicit entities are refused, see README.md), so
every entity is one of these. Offsets and lengths are in UTF-16 code units, as in the real Bot API; a
command needs its ``bot_command`` entity for python-telegram-bot's CommandHandler to see it.
"""

from __future__ import annotations

import html
import re
from typing import Any

Entity = dict[str, Any]


def utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units."""
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


def utf16_to_index(text: str, offset: int) -> int:
    """Convert a UTF-16 offset into ``text`` to a Python string index."""
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


_AUTO_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("bot_command", re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")),
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@])")),
    ("url", re.compile(
        r"(?<![\w@/.])(?:https?://[^\s<>\"]+|(?:[A-Za-z0-9-]+\.)+(?:com|net|org|vn|io|info|edu|gov)"
        r"(?::\d+)?(?:/[^\s<>\"]*)?)(?![\w@])",
        re.IGNORECASE,
    )),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}(?![\w@])")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
]


def detect_entities(text: str) -> list[Entity]:
    """Return the entities Telegram detects in plain text (commands, links, mentions...), in order."""
    found: list[Entity] = []
    units_at = [0]
    for ch in text:
        units_at.append(units_at[-1] + (2 if ord(ch) > 0xFFFF else 1))
    taken: list[tuple[int, int]] = []
    for kind, pattern in _AUTO_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if kind == "url":
                while end > start and text[end - 1] in ".,;:!?)'\"":
                    end -= 1
            begin16, end16 = units_at[start], units_at[end]
            if any(b < end16 and begin16 < e for b, e in taken):
                continue
            taken.append((begin16, end16))
            found.append({"type": kind, "offset": begin16, "length": end16 - begin16})
    return sorted(found, key=lambda e: (e["offset"], -e["length"]))


# ------------------------------------------------------------------------------ rendering for the page


def to_html(text: str, entities: list[Entity] | None) -> str:
    """Render plain text plus its entities as safe HTML (links as <a>, the others as spans) for display."""
    if not entities:
        return html.escape(text)
    parts: list[str] = []
    position = 0
    for entity in entities:
        start = utf16_to_index(text, entity["offset"])
        end = utf16_to_index(text, entity["offset"] + entity["length"])
        if start < position:
            continue
        parts.append(html.escape(text[position:start]))
        piece = html.escape(text[start:end])
        kind = entity["type"]
        if kind in ("url", "email"):
            target = text[start:end]
            if kind == "email":
                target = "mailto:" + target
            elif not re.match(r"^[a-z]+://", target, re.IGNORECASE):
                target = "http://" + target
            parts.append(f'<a href="{html.escape(target, quote=True)}">{piece}</a>')
        else:
            parts.append(f'<span class="tg-{kind.replace("_", "-")}">{piece}</span>')
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)
