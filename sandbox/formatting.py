"""Text formatting as the Bot API does it: HTML, MarkdownV2 and Markdown into plain text plus entities.

The parsers follow TDLib's rules (``td/telegram/MessageEntity.cpp``) closely enough that text Telegram
rejects is rejected here with the same kind of message, e.g. ``Unsupported start tag "br" at byte
offset 5`` or ``Character '.' is reserved and must be escaped with the preceding '\\'``. Entity offsets
and lengths are in UTF-16 code units, as in the real API. Also: detection of the entities Telegram
adds by itself (commands, mentions, hashtags, links, e-mails), whitespace trimming, and rendering of
text plus entities back to HTML for the chat page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import ApiError, bad_request, can_t_parse_entities

Entity = dict[str, Any]

HTML_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji",
     "span", "pre", "code", "blockquote"}
)
_HTML_SIMPLE = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "tg-spoiler": "spoiler",
    "span": "spoiler",
}
MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!"
ENTITY_TYPES = frozenset(
    {"mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
     "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre",
     "text_link", "text_mention", "custom_emoji", "date_time"}
)
_TD_TYPE_NAMES = {
    "bold": "Bold", "italic": "Italic", "underline": "Underline", "strikethrough": "Strikethrough",
    "spoiler": "Spoiler", "code": "Code", "pre": "Pre", "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji", "blockquote": "BlockQuote",
}


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


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _sort(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


@dataclass
class _Out:
    """Accumulates parsed plain text while counting UTF-16 units."""

    chars: list[str] = field(default_factory=list)
    units: int = 0

    def add(self, text: str) -> None:
        self.chars.append(text)
        self.units += utf16_len(text)

    def text(self) -> str:
        return "".join(self.chars)


def _valid_url(url: str) -> str | None:
    """Return the URL Telegram would keep for a text link, or None if it would drop it."""
    url = url.strip()
    if not url:
        return None
    if re.match(r"^(https?|tg|ton)://\S+$", url, re.IGNORECASE):
        return url
    if re.match(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?$", url):
        return "http://" + url + ("" if "/" in url else "/")
    return None


def _link_entity(offset: int, length: int, url: str, users: dict[int, dict] | None) -> Entity | None:
    match = re.match(r"^tg://user\?id=(\d+)$", url.strip())
    if match:
        user = (users or {}).get(int(match.group(1)))
        if user is None:
            return None
        return {"type": "text_mention", "offset": offset, "length": length, "user": user}
    checked = _valid_url(url)
    if checked is None:
        return None
    return {"type": "text_link", "offset": offset, "length": length, "url": checked}


# ---------------------------------------------------------------------------------------- HTML


def _decode_html_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode ``&...;`` at ``pos``; return (character, next position) or None if it is no entity."""
    n = len(text)
    end = pos + 1
    code = 0
    if end < n and text[end] == "#":
        end += 1
        if end < n and text[end] == "x":
            end += 1
            while end < n and text[end] in "0123456789abcdefABCDEF":
                code = code * 16 + int(text[end], 16)
                end += 1
                if code >= 0x10FFFF:
                    return None
        else:
            while end < n and text[end].isdigit() and text[end].isascii():
                code = code * 10 + int(text[end])
                end += 1
                if code >= 0x10FFFF:
                    return None
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1:end]
        char = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}.get(name, "")
        if not char:
            return None
    if end < n and text[end] == ";":
        end += 1
    return char, end


def parse_html(text: str, users: dict[int, dict] | None = None) -> tuple[str, list[Entity]]:
    """Parse Bot API HTML into plain text and entities, raising ApiError like Telegram."""
    out = _Out()
    entities: list[Entity] = []
    stack: list[tuple[str, str, int]] = []  # tag, argument, utf16 offset
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "&":
            decoded = _decode_html_entity(text, i)
            if decoded is not None:
                out.add(decoded[0])
                i = decoded[1]
                continue
        if ch != "<":
            out.add(ch)
            i += 1
            continue
        begin = i
        i += 1
        if i < n and text[i] == "/":
            if not stack:
                raise can_t_parse_entities(f"Unexpected end tag at byte offset {_byte_offset(text, begin)}")
            j = i + 1
            while j < n and not text[j].isspace() and text[j] != ">":
                j += 1
            end_name = text[i + 1:j]
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise can_t_parse_entities(f"Unclosed end tag at byte offset {_byte_offset(text, begin)}")
            tag, argument, offset = stack.pop()
            if end_name and end_name.lower() != tag:
                raise can_t_parse_entities(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{tag}>", found "</{end_name}>"'
                )
            i = j + 1
            length = out.units - offset
            if length > 0:
                entity = _html_entity(tag, argument, offset, length, out, entities, users)
                if entity is not None:
                    entities.append(entity)
            continue
        tag_end = i
        while tag_end < n and not text[tag_end].isspace() and text[tag_end] != ">":
            tag_end += 1
        if tag_end >= n:
            raise can_t_parse_entities(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        tag = text[i:tag_end].lower()
        if tag not in HTML_TAGS:
            raise can_t_parse_entities(
                f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, begin)}'
            )
        i = tag_end
        argument = ""
        while True:
            while i < n and text[i].isspace():
                i += 1
            if i >= n:
                raise can_t_parse_entities(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            if text[i] == ">":
                break
            name_begin = i
            while i < n and not text[i].isspace() and text[i] not in "=>":
                i += 1
            attribute = text[name_begin:i].lower()
            if not attribute:
                raise can_t_parse_entities(
                    f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, begin)}'
                )
            while i < n and text[i].isspace():
                i += 1
            if tag == "blockquote" and attribute == "expandable" and (i >= n or text[i] != "="):
                argument = "1"  # <blockquote expandable> takes no value
                continue
            if i >= n or text[i] != "=":
                raise can_t_parse_entities(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {_byte_offset(text, begin)}"
                )
            i += 1
            while i < n and text[i].isspace():
                i += 1
            if i >= n:
                raise can_t_parse_entities(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            if text[i] not in "'\"":
                token_begin = i
                while i < n and (text[i].isascii() and text[i].isalnum() or text[i] in ".-"):
                    i += 1
                value = text[token_begin:i].lower()
                if i >= n or (not text[i].isspace() and text[i] != ">"):
                    raise can_t_parse_entities(
                        f"Unexpected end of name token at byte offset {_byte_offset(text, token_begin)}"
                    )
            else:
                quote = text[i]
                i += 1
                chars: list[str] = []
                while i < n and text[i] != quote:
                    if text[i] == "&":
                        decoded = _decode_html_entity(text, i)
                        if decoded is not None:
                            chars.append(decoded[0])
                            i = decoded[1]
                            continue
                    chars.append(text[i])
                    i += 1
                if i < n:
                    i += 1
                value = "".join(chars)
            if tag == "a" and attribute == "href":
                argument = value
            elif tag == "code" and attribute == "class" and value.startswith("language-"):
                argument = value[len("language-"):]
            elif tag == "span" and attribute == "class" and value.startswith("tg-"):
                argument = value[len("tg-"):]
            elif tag == "tg-emoji" and attribute == "emoji-id":
                argument = value
            elif tag == "blockquote" and attribute == "expandable":
                argument = "1"
        i += 1  # the closing '>'
        if tag == "span" and argument != "spoiler":
            raise can_t_parse_entities(
                f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, begin)}'
            )
        stack.append((tag, argument, out.units))
    if stack:
        raise can_t_parse_entities(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return out.text(), _sort(entities)


def _html_entity(
    tag: str, argument: str, offset: int, length: int, out: _Out, entities: list[Entity],
    users: dict[int, dict] | None,
) -> Entity | None:
    if tag in _HTML_SIMPLE:
        return {"type": _HTML_SIMPLE[tag], "offset": offset, "length": length}
    if tag == "tg-emoji":
        if not argument.isdigit():
            raise can_t_parse_entities("Invalid custom emoji identifier specified")
        return {"type": "custom_emoji", "offset": offset, "length": length, "custom_emoji_id": argument}
    if tag == "a":
        url = argument
        if not url:
            url = _tail(out, length)
        return _link_entity(offset, length, url, users)
    if tag == "blockquote":
        kind = "expandable_blockquote" if argument else "blockquote"
        return {"type": kind, "offset": offset, "length": length}
    last = entities[-1] if entities else None
    same_span = last is not None and last["offset"] == offset and last["length"] == length
    if tag == "pre":
        if same_span and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
            return None
        return {"type": "pre", "offset": offset, "length": length}
    if tag == "code":
        if same_span and last["type"] == "pre":
            if argument:
                last["language"] = argument
            return None
        entity: Entity = {"type": "code", "offset": offset, "length": length}
        if argument:
            entity["language"] = argument
        return entity
    return None


def _tail(out: _Out, units: int) -> str:
    """Return the last ``units`` UTF-16 units of the parsed text."""
    text = out.text()
    taken = 0
    index = len(text)
    while index > 0 and taken < units:
        index -= 1
        taken += 2 if ord(text[index]) > 0xFFFF else 1
    return text[index:]


# ---------------------------------------------------------------------------------- MarkdownV2


def _reserved(ch: str) -> ApiError:
    return can_t_parse_entities(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")


def parse_markdown_v2(text: str, users: dict[int, dict] | None = None) -> tuple[str, list[Entity]]:
    """Parse MarkdownV2 into plain text and entities, raising ApiError like Telegram."""
    out = _Out()
    entities: list[Entity] = []
    # (type, argument, utf16 offset, byte position of the opening, index into output chars)
    stack: list[tuple[str, str, int, int, int]] = []
    quote_start: int | None = None
    n = len(text)
    i = 0

    def at(k: int) -> str:
        return text[k] if 0 <= k < n else ""

    while i < n:
        ch = text[i]
        in_code = bool(stack) and stack[-1][0] in ("code", "pre")
        line_start = i == 0 or text[i - 1] == "\n"
        if ch == "\\" and at(i + 1) and 0 < ord(at(i + 1)) <= 126:
            out.add(at(i + 1))
            i += 2
            continue
        if ch == ">" and line_start and not in_code:
            if quote_start is None:
                quote_start = out.units
            i += 1
            continue
        if ch == "\n" and quote_start is not None and at(i + 1) != ">":
            if out.units > quote_start:
                entities.append({"type": "blockquote", "offset": quote_start, "length": out.units - quote_start})
            quote_start = None
        reserved = "`" if in_code else MARKDOWN_V2_RESERVED
        if ch not in reserved:
            out.add(ch)
            i += 1
            continue
        closing = False
        if stack:
            kind = stack[-1][0]
            closing = {
                "bold": ch == "*",
                "italic": ch == "_" and at(i + 1) != "_",
                "code": ch == "`",
                "pre": ch == "`" and at(i + 1) == "`" and at(i + 2) == "`",
                "text_link": ch == "]",
                "underline": ch == "_" and at(i + 1) == "_",
                "strikethrough": ch == "~",
                "spoiler": ch == "|" and at(i + 1) == "|",
                "custom_emoji": ch == "]",
            }[kind]
        if not closing:
            begin = i
            argument = ""
            if ch == "_":
                if at(i + 1) == "_":
                    kind = "underline"
                    i += 1
                else:
                    kind = "italic"
            elif ch == "*":
                kind = "bold"
            elif ch == "~":
                kind = "strikethrough"
            elif ch == "|":
                if at(i + 1) != "|":
                    raise _reserved(ch)
                kind = "spoiler"
                i += 1
            elif ch == "[":
                kind = "text_link"
            elif ch == "`":
                if at(i + 1) == "`" and at(i + 2) == "`":
                    i += 3
                    kind = "pre"
                    language_end = i
                    while language_end < n and not text[language_end].isspace() and text[language_end] != "`":
                        language_end += 1
                    if i != language_end and language_end < n and text[language_end] != "`":
                        argument = text[i:language_end]
                        i = language_end
                    if at(i) in ("\n", "\r"):
                        if at(i + 1) in ("\n", "\r") and at(i) != at(i + 1):
                            i += 2
                        else:
                            i += 1
                    i -= 1
                else:
                    kind = "code"
            elif ch == "!":
                if at(i + 1) != "[":
                    raise _reserved(ch)
                kind = "custom_emoji"
                i += 1
            else:
                raise _reserved(ch)
            stack.append((kind, argument, out.units, _byte_offset(text, begin), len(out.chars)))
            i += 1
            continue
        kind, argument, offset, _, chars_at = stack.pop()
        skip = out.units == offset
        entity: Entity | None = None
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
        elif kind in ("text_link", "custom_emoji"):
            url_chars: list[str] = []
            if at(i + 1) != "(":
                if kind == "custom_emoji":
                    raise can_t_parse_entities("Custom emoji entity must contain a tg://emoji URL")
                url = "".join(out.chars[chars_at:])
            else:
                i += 2
                url_begin = i
                while i < n and text[i] != ")":
                    if text[i] == "\\" and at(i + 1) and 0 < ord(at(i + 1)) <= 126:
                        url_chars.append(text[i + 1])
                        i += 2
                        continue
                    url_chars.append(text[i])
                    i += 1
                if at(i) != ")":
                    raise can_t_parse_entities(f"Can't find end of a URL at byte offset {_byte_offset(text, url_begin)}")
                url = "".join(url_chars)
            if not skip:
                if kind == "custom_emoji":
                    match = re.match(r"^tg://emoji\?id=(\d+)$", url)
                    if not match:
                        raise can_t_parse_entities("Custom emoji URL must have an emoji identifier")
                    entity = {"type": "custom_emoji", "offset": offset, "length": out.units - offset,
                              "custom_emoji_id": match.group(1)}
                else:
                    entity = _link_entity(offset, out.units - offset, url, users)
                    skip = entity is None
        if not skip:
            if entity is None:
                entity = {"type": kind, "offset": offset, "length": out.units - offset}
                if kind == "pre" and argument:
                    entity["language"] = argument
            entities.append(entity)
        i += 1
    if stack:
        kind, _, _, byte_pos, _ = stack[-1]
        raise can_t_parse_entities(
            f"Can't find end of {_TD_TYPE_NAMES.get(kind, kind)} entity at byte offset {byte_pos}"
        )
    if quote_start is not None and out.units > quote_start:
        entities.append({"type": "blockquote", "offset": quote_start, "length": out.units - quote_start})
    return out.text(), _sort(entities)


# ------------------------------------------------------------------------------- Markdown (legacy)


def parse_markdown(text: str, users: dict[int, dict] | None = None) -> tuple[str, list[Entity]]:
    """Parse legacy Markdown (``*bold*``, ``_italic_``, ``[link](url)``, backticks) like Telegram."""
    out = _Out()
    entities: list[Entity] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            out.add(text[i + 1])
            i += 2
            continue
        if ch not in "_*`[":
            out.add(ch)
            i += 1
            continue
        begin = i
        end_char = "]" if ch == "[" else ch
        is_pre = False
        language = ""
        i += 1
        if ch == "`" and text[i:i + 2] == "``":
            i += 2
            is_pre = True
            language_end = i
            while language_end < n and not text[language_end].isspace() and text[language_end] != "`":
                language_end += 1
            if i != language_end and language_end < n and text[language_end] != "`":
                language = text[i:language_end]
                i = language_end
            if i < n and text[i] in "\r\n":
                i += 2 if i + 1 < n and text[i + 1] in "\r\n" and text[i] != text[i + 1] else 1
        offset = out.units
        inner_start = len(out.chars)
        while i < n and (text[i] != end_char or (is_pre and text[i + 1:i + 3] != "``")):
            out.add(text[i])
            i += 1
        if i >= n:
            raise can_t_parse_entities(f"Can't find end of the entity starting at byte offset {_byte_offset(text, begin)}")
        length = out.units - offset
        if length > 0:
            if ch == "_":
                entities.append({"type": "italic", "offset": offset, "length": length})
            elif ch == "*":
                entities.append({"type": "bold", "offset": offset, "length": length})
            elif ch == "`":
                entity: Entity = {"type": "pre" if is_pre else "code", "offset": offset, "length": length}
                if language:
                    entity["language"] = language
                entities.append(entity)
            elif ch == "[":
                url = "".join(out.chars[inner_start:])
                if i + 1 < n and text[i + 1] == "(":
                    close = text.find(")", i + 2)
                    if close != -1:
                        url = text[i + 2:close]
                        i = close
                link = _link_entity(offset, length, url, users)
                if link is not None:
                    entities.append(link)
        if is_pre:
            i += 2
        i += 1
    return out.text(), _sort(entities)


# ------------------------------------------------------------------------------ parse entry point


def parse(text: str, parse_mode: str | None, users: dict[int, dict] | None = None) -> tuple[str, list[Entity]]:
    """Parse ``text`` under ``parse_mode`` (None for plain text); raise ApiError on bad markup."""
    if not parse_mode:
        return text, []
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text, users)
    if mode == "markdownv2":
        return parse_markdown_v2(text, users)
    if mode == "markdown":
        return parse_markdown(text, users)
    raise bad_request("unsupported parse_mode")


def check_entities(text: str, entities: Any) -> list[Entity]:
    """Validate explicitly passed entities (the ``entities`` / ``caption_entities`` parameters)."""
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    total = utf16_len(text)
    checked: list[Entity] = []
    for raw in entities:
        if not isinstance(raw, dict) or raw.get("type") not in ENTITY_TYPES:
            raise bad_request("can't parse MessageEntity JSON object")
        try:
            offset, length = int(raw["offset"]), int(raw["length"])
        except (KeyError, TypeError, ValueError):
            raise bad_request("can't parse MessageEntity JSON object") from None
        if offset < 0 or length <= 0 or offset >= total:
            continue
        entity = dict(raw, offset=offset, length=min(length, total - offset))
        if entity["type"] == "text_link" and not _valid_url(str(entity.get("url", ""))):
            raise bad_request("can't parse entities: wrong HTTP URL specified")
        checked.append(entity)
    return _sort(checked)


# ----------------------------------------------------------------- what Telegram adds or trims itself


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


def detect_entities(text: str, existing: list[Entity]) -> list[Entity]:
    """Add the entities Telegram detects in any text (commands, links, mentions...) to ``existing``."""
    blocked: list[tuple[int, int]] = [
        (e["offset"], e["offset"] + e["length"])
        for e in existing
        if e["type"] in ("code", "pre", "text_link", "text_mention", "url", "email", "custom_emoji")
    ]
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
            span = (begin16, end16)
            if any(b < end16 and begin16 < e for b, e in blocked + taken):
                continue
            taken.append(span)
            found.append({"type": kind, "offset": begin16, "length": end16 - begin16})
    return _sort(existing + found)


def strip(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Trim leading and trailing whitespace as Telegram does, shifting and clipping entities."""
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return "", []
    lead16 = utf16_len(text[:lead])
    total16 = utf16_len(stripped)
    result: list[Entity] = []
    for entity in entities:
        begin = max(0, entity["offset"] - lead16)
        end = min(total16, entity["offset"] + entity["length"] - lead16)
        if end > begin:
            result.append(dict(entity, offset=begin, length=end - begin))
    return stripped, _sort(result)


# ------------------------------------------------------------------------------ rendering for the page


_HTML_OPEN = {
    "bold": "<b>", "italic": "<i>", "underline": "<u>", "strikethrough": "<s>",
    "spoiler": '<span class="tg-spoiler">', "code": "<code>", "pre": "<pre>",
    "blockquote": "<blockquote>", "expandable_blockquote": "<blockquote>",
}
_HTML_CLOSE = {
    "bold": "</b>", "italic": "</i>", "underline": "</u>", "strikethrough": "</s>", "spoiler": "</span>",
    "code": "</code>", "pre": "</pre>", "blockquote": "</blockquote>", "expandable_blockquote": "</blockquote>",
}


def to_html(text: str, entities: list[Entity] | None) -> str:
    """Render plain text plus entities as safe HTML (links as <a>, newlines kept) for display."""
    if not entities:
        return html.escape(text)
    opens: dict[int, list[Entity]] = {}
    for entity in _sort(entities):
        opens.setdefault(utf16_to_index(text, entity["offset"]), []).append(entity)
    parts: list[str] = []
    stack: list[tuple[int, str]] = []  # (end index, closing tag)
    for index in range(len(text) + 1):
        while stack and stack[-1][0] <= index:
            parts.append(stack.pop()[1])
        if index == len(text):
            break
        for entity in opens.get(index, []):
            end = utf16_to_index(text, entity["offset"] + entity["length"])
            kind = entity["type"]
            if kind in ("text_link", "url", "email"):
                target = entity.get("url") or text[index:end]
                if kind == "email":
                    target = "mailto:" + target
                elif kind == "url" and not re.match(r"^[a-z]+://", target, re.IGNORECASE):
                    target = "http://" + target
                opening, closing = f'<a href="{html.escape(target, quote=True)}">', "</a>"
            elif kind in _HTML_OPEN:
                opening, closing = _HTML_OPEN[kind], _HTML_CLOSE[kind]
            else:
                opening, closing = f'<span class="tg-{kind.replace("_", "-")}">', "</span>"
            parts.append(opening)
            stack.append((end, closing))
        parts.append(html.escape(text[index]))
    while stack:
        parts.append(stack.pop()[1])
    return "".join(parts)
