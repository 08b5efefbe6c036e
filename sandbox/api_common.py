"""Pieces shared by the Bot API method groups: handler types, plain text and captions, reply parameters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sandbox import entities
from sandbox.errors import bad_request
from sandbox.models import BotAccount
from sandbox.params import Params

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


@dataclass(frozen=True)
class Described:
    """A result that comes with a ``description`` (as setWebhook's "Webhook was set")."""

    result: Any
    description: str


Handler = Callable[[BotAccount, Params], Awaitable[Any]]


def plain_text(text: str, p: Params | dict[str, Any], entities_field: str) -> tuple[str, list[dict[str, Any]]]:
    """Trim text as Telegram does and add the entities it detects; refuse ``parse_mode`` and explicit entities.

    The sandbox emulates plain text only: formatted text is answered with a Bad Request instead of being
    shown differently from Telegram.
    """
    values = p.values if isinstance(p, Params) else p
    if values.get("parse_mode") not in (None, ""):
        raise bad_request("parse_mode is not supported by the sandbox: send plain text")
    if values.get(entities_field) not in (None, ""):
        raise bad_request(f"{entities_field} are not supported by the sandbox: send plain text")
    plain = text.strip()
    return plain, entities.detect_entities(plain)


def message_text(p: Params) -> dict[str, Any]:
    """Read ``text`` into message content, enforcing Telegram's limits."""
    plain, found = plain_text(p.str("text") or "", p, "entities")
    if not plain:
        raise bad_request("message text is empty")
    if entities.utf16_len(plain) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return {"text": plain, "entities": found or None}


def caption_of(text: str | None, p: Params | dict[str, Any]) -> dict[str, Any]:
    """Turn a caption into ``caption``/``caption_entities`` content (empty when there is none)."""
    plain, found = plain_text(text or "", p, "caption_entities")
    if entities.utf16_len(plain) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return {"caption": plain or None, "caption_entities": found or None}


def reply_parameters(p: Params) -> dict[str, Any] | None:
    """Read ``reply_parameters`` or the older ``reply_to_message_id``."""
    params = p.json("reply_parameters", what="reply parameters")
    if params is not None:
        if not isinstance(params, dict):
            raise bad_request("can't parse reply parameters JSON object")
        return params
    message_id = p.int("reply_to_message_id")
    if message_id:
        return {"message_id": message_id, "allow_sending_without_reply": p.bool("allow_sending_without_reply")}
    return None
