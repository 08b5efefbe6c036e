"""Pieces shared by the Bot API method groups: handler types, formatted text, reply parameters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sandbox import formatting
from sandbox.errors import bad_request
from sandbox.models import BotAccount
from sandbox.params import Params
from sandbox.state import World

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


@dataclass(frozen=True)
class Described:
    """A result that comes with a ``description`` (as setWebhook's "Webhook was set")."""

    result: Any
    description: str


Handler = Callable[[BotAccount, Params], Awaitable[Any]]


def formatted(world: World, text: str, parse_mode: str | None, raw_entities: Any) -> tuple[str, list[dict]]:
    """Turn text plus ``parse_mode`` or explicit entities into Telegram's stored text and entities."""
    if raw_entities is not None:
        plain, entities = text, formatting.check_entities(text, raw_entities)
    else:
        users = {uid: user.to_api() for uid, user in world.users.items()}
        plain, entities = formatting.parse(text, parse_mode, users)
    plain, entities = formatting.strip(plain, entities)
    return plain, formatting.detect_entities(plain, entities)


def message_text(world: World, p: Params) -> dict[str, Any]:
    """Read ``text``/``parse_mode``/``entities`` into message content, enforcing Telegram's limits."""
    text = p.str("text") or ""
    plain, entities = formatted(world, text, p.str("parse_mode"), p.json("entities"))
    if not plain:
        raise bad_request("message text is empty")
    if formatting.utf16_len(plain) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return {"text": plain, "entities": entities or None}


def caption_of(world: World, text: str | None, parse_mode: str | None, raw_entities: Any) -> dict[str, Any]:
    """Turn a caption into ``caption``/``caption_entities`` content (empty when there is none)."""
    if not text:
        return {"caption": None, "caption_entities": None}
    plain, entities = formatted(world, text, parse_mode, raw_entities)
    if formatting.utf16_len(plain) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return {"caption": plain or None, "caption_entities": entities or None}


def message_caption(world: World, p: Params) -> dict[str, Any]:
    """Read ``caption``/``parse_mode``/``caption_entities`` from a call."""
    return caption_of(world, p.str("caption"), p.str("parse_mode"), p.json("caption_entities"))


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
