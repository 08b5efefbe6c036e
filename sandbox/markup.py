"""Validation of ``reply_markup``: inline keyboards, reply keyboards, keyboard removal, force reply.

Returns the markup in the canonical form Telegram echoes back (buttons as objects with only the fields
that were set) and raises the errors Telegram raises, e.g. ``BUTTON_DATA_INVALID`` for callback data
outside 1-64 bytes.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.errors import bad_request

INLINE_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)
MAX_BUTTONS = 100
_PARSE_ERROR = "can't parse reply keyboard markup JSON object"


def _rows(raw: Any) -> list[list[Any]]:
    if not isinstance(raw, list) or not all(isinstance(row, list) for row in raw):
        raise bad_request(_PARSE_ERROR)
    if sum(len(row) for row in raw) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    return raw


def _inline_button(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Field \"text\" must be of type String")
    actions = [key for key in INLINE_ACTIONS if raw.get(key) is not None]
    if not actions:
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise bad_request("can't parse inline keyboard button: Can't find field \"text\"")
    if not raw["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    button = {"text": raw["text"]}
    for key, value in raw.items():
        if key != "text" and value is not None:
            button[key] = value
    data = button.get("callback_data")
    if data is not None:
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
            raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and (not isinstance(url, str) or not re.match(r"^(https?|tg)://\S+$", url, re.IGNORECASE)):
        raise bad_request("BUTTON_URL_INVALID")
    return button


def _reply_button(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise bad_request("can't parse keyboard button: Field \"text\" must be of type String")
    if not raw["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    return {key: value for key, value in raw.items() if value is not None}


def normalize(raw: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate a decoded ``reply_markup`` and return its canonical form (None if absent)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request(_PARSE_ERROR)
    if "inline_keyboard" in raw:
        rows = [[_inline_button(button) for button in row] for row in _rows(raw["inline_keyboard"])]
        return {"inline_keyboard": rows}
    if inline_only:
        raise bad_request("inline keyboard expected")
    options = {key: value for key, value in raw.items() if value is not None}
    if "keyboard" in raw:
        rows = [[_reply_button(button) for button in row] for row in _rows(raw["keyboard"])]
        return {**options, "keyboard": rows}
    if "remove_keyboard" in raw:
        if raw["remove_keyboard"] is not True:
            raise bad_request(_PARSE_ERROR)
        return options
    if "force_reply" in raw:
        if raw["force_reply"] is not True:
            raise bad_request(_PARSE_ERROR)
        return options
    raise bad_request(_PARSE_ERROR)


def is_inline(markup: dict[str, Any] | None) -> bool:
    """Tell whether a normalized markup is an inline keyboard."""
    return bool(markup) and "inline_keyboard" in markup  # type: ignore[operator]


def inline_buttons(markup: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Flatten an inline keyboard into its buttons (empty for anything else)."""
    if not is_inline(markup):
        return []
    return [button for row in markup["inline_keyboard"] for button in row]  # type: ignore[index]
