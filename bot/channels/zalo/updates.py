"""Zalo Bot Platform updates: what ``getUpdates`` returns and what a webhook receives.

An update is ``{event_name, message: {from, chat, message_id, date, text | photo_url | ...}}``.
Deliveries come either bare or wrapped as ``{ok, result}``, and older payloads name the image ``photo``
instead of ``photo_url``; :func:`parse_update` accepts all of these and rejects anything else with a
``ValueError`` that says what is wrong. Ids are strings; ``date`` is in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

EVENT_TEXT = "message.text.received"
EVENT_IMAGE = "message.image.received"
EVENT_STICKER = "message.sticker.received"
EVENT_UNSUPPORTED = "message.unsupported.received"


@dataclass(frozen=True)
class ZaloUpdate:
    """One incoming Zalo event, flattened; ``raw`` keeps the unwrapped payload as received."""

    event_name: str
    message_id: str
    user_id: str
    display_name: str
    chat_id: str
    chat_type: str
    text: str | None
    photo_url: str | None
    caption: str | None
    date_ms: int
    raw: dict[str, Any] = field(compare=False, repr=False)

    @property
    def is_text(self) -> bool:
        """Tell whether this is a text message."""
        return self.event_name == EVENT_TEXT

    @property
    def is_image(self) -> bool:
        """Tell whether this is an image message (``photo_url`` is set)."""
        return self.event_name == EVENT_IMAGE

    @property
    def is_private(self) -> bool:
        """Tell whether the chat is a one-to-one chat with the bot."""
        return self.chat_type.upper() == "PRIVATE"

    @property
    def date(self) -> datetime:
        """Return the message time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.date_ms / 1000, tz=timezone.utc)


def _unwrap(payload: Any) -> dict[str, Any]:
    """Strip an ``{ok, result}`` envelope if there is one."""
    if not isinstance(payload, dict):
        raise ValueError(f"a Zalo update must be a JSON object, not {type(payload).__name__}")
    if ("result" in payload or "ok" in payload) and "event_name" not in payload:
        if payload.get("ok") is False:
            raise ValueError(f"the envelope reports an error: {payload.get('description') or 'no description'}")
        result = payload.get("result")
        if isinstance(result, list):
            if len(result) != 1:
                raise ValueError(f"expected one update in the envelope, got {len(result)}")
            result = result[0]
        if not isinstance(result, dict):
            raise ValueError(f"the envelope's result must be a JSON object, not {type(result).__name__}")
        return result
    return payload


def _id(value: Any, what: str) -> str:
    """Read an id: a non-empty string (a number is accepted and turned into one)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{what} must be a string, got {value!r}")
    text = str(value).strip()
    if not text:
        raise ValueError(f"{what} is empty")
    return text


def _optional_str(message: dict[str, Any], *keys: str) -> str | None:
    """Return the first of ``keys`` holding a string (None when none does)."""
    for key in keys:
        value = message.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"message.{key} must be a string, got {type(value).__name__}")
        return value
    return None


def _date_ms(value: Any) -> int:
    """Read ``date`` in milliseconds (missing means 0)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ValueError(f"message.date must be a number of milliseconds, got {value!r}")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"message.date must be a number of milliseconds, got {value!r}") from None


def parse_update(payload: dict[str, Any]) -> ZaloUpdate:
    """Parse a bare or ``{ok, result}``-wrapped update; raise ValueError on anything malformed."""
    update = _unwrap(payload)
    event_name = update.get("event_name")
    if not isinstance(event_name, str) or not event_name.strip():
        raise ValueError("the update has no event_name")
    message = update.get("message")
    if not isinstance(message, dict):
        raise ValueError(f"the {event_name} update has no message object")
    sender = message.get("from")
    chat = message.get("chat")
    if not isinstance(sender, dict):
        raise ValueError("message.from is missing")
    if not isinstance(chat, dict):
        raise ValueError("message.chat is missing")
    user_id = _id(sender.get("id"), "message.from.id")
    display_name = sender.get("display_name") or sender.get("name") or ""
    chat_type = chat.get("chat_type") or "PRIVATE"
    if not isinstance(display_name, str) or not isinstance(chat_type, str):
        raise ValueError("message.from.display_name and message.chat.chat_type must be strings")
    text = _optional_str(message, "text")
    photo_url = _optional_str(message, "photo_url", "photo")
    if event_name == EVENT_TEXT and text is None:
        raise ValueError(f"a {EVENT_TEXT} update has no message.text")
    if event_name == EVENT_IMAGE and not photo_url:
        raise ValueError(f"a {EVENT_IMAGE} update has no message.photo_url")
    message_id = message.get("message_id")
    return ZaloUpdate(
        event_name=event_name.strip(),
        message_id=_id(message_id, "message.message_id") if message_id is not None else "",
        user_id=user_id,
        display_name=display_name,
        chat_id=_id(chat.get("id"), "message.chat.id"),
        chat_type=chat_type,
        text=text,
        photo_url=photo_url or None,
        caption=_optional_str(message, "caption"),
        date_ms=_date_ms(message.get("date")),
        raw=update,
    )
