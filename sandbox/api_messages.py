"""Bot API methods about text messages: send, edit, delete, forward, copy, callback answers, actions."""

from __future__ import annotations

from typing import Any

from sandbox import markup
from sandbox.api_common import (
    Handler,
    caption_of,
    message_caption,
    message_text,
    reply_parameters,
)
from sandbox.errors import bad_request
from sandbox.models import BotAccount
from sandbox.params import Params
from sandbox.state import World


class MessageMethods:
    """sendMessage, editMessage*, deleteMessage(s), forwardMessage, copyMessage, answerCallbackQuery,
    sendChatAction, sendLocation, sendContact, (un)pinChatMessage."""

    def __init__(self, world: World) -> None:
        self.world = world

    def methods(self) -> dict[str, Handler]:
        return {
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageCaption": self.edit_message_caption,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "deleteMessages": self.delete_messages,
            "forwardMessage": self.forward_message,
            "copyMessage": self.copy_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendChatAction": self.send_chat_action,
            "sendLocation": self.send_location,
            "sendContact": self.send_contact,
            "pinChatMessage": self.pin_chat_message,
            "unpinChatMessage": self.unpin_chat_message,
            "unpinAllChatMessages": self.unpin_all_chat_messages,
        }

    async def send_message(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a text message with optional formatting, keyboard and reply."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        content = message_text(world, p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"))
        reply_to = world.reply_target(key, reply_parameters(p))
        world.spend(bot, key)
        message = world.bot_send(bot, key, content, reply_to=reply_to, reply_markup=reply_markup)
        return world.render(message)

    def _edit_target(self, bot: BotAccount, p: Params) -> tuple[tuple[int, int], int]:
        if p.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        key = self.world.bot_chat(bot, p.chat_id())
        message_id = p.int("message_id", required=True)
        return key, message_id  # type: ignore[return-value]

    async def edit_message_text(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Replace a message's text (and its inline keyboard: omitting it removes the keyboard)."""
        world = self.world
        key, message_id = self._edit_target(bot, p)
        message = world.bot_message(bot, key, message_id, verb="edit")
        if "text" not in message.data:
            raise bad_request("there is no text in the message to edit")
        content = message_text(world, p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"), inline_only=True)
        edited = world.bot_edit(bot, key, message_id, content, reply_markup)
        return world.render(edited)

    async def edit_message_caption(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Replace a media message's caption (and inline keyboard)."""
        world = self.world
        key, message_id = self._edit_target(bot, p)
        message = world.bot_message(bot, key, message_id, verb="edit")
        if "text" in message.data:
            raise bad_request("there is no caption in the message to edit")
        content = message_caption(world, p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"), inline_only=True)
        edited = world.bot_edit(bot, key, message_id, content, reply_markup)
        return world.render(edited)

    async def edit_message_reply_markup(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Replace (or, when omitted, remove) a message's inline keyboard."""
        world = self.world
        key, message_id = self._edit_target(bot, p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"), inline_only=True)
        edited = world.bot_edit(bot, key, message_id, {}, reply_markup)
        return world.render(edited)

    async def delete_message(self, bot: BotAccount, p: Params) -> bool:
        """Delete one message."""
        key = self.world.bot_chat(bot, p.chat_id())
        self.world.delete_message(bot, key, p.int("message_id", required=True))  # type: ignore[arg-type]
        return True

    async def delete_messages(self, bot: BotAccount, p: Params) -> bool:
        """Delete several messages, skipping those that cannot be found."""
        key = self.world.bot_chat(bot, p.chat_id())
        ids = p.json("message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids must contain 1-100 message identifiers")
        for message_id in ids:
            if self.world.find_message(key, int(message_id)) is not None:
                self.world.delete_message(bot, key, int(message_id))
        return True

    def _source(self, bot: BotAccount, p: Params, verb: str):
        world = self.world
        source_key = world.bot_chat(bot, p.chat_id("from_chat_id"))
        message_id = p.int("message_id", required=True)
        message = world.find_message(source_key, message_id)  # type: ignore[arg-type]
        if message is None:
            raise bad_request(f"message to {verb} not found")
        return message

    async def forward_message(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Forward a message, keeping its content and naming its origin."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        original = self._source(bot, p, "forward")
        origin = {"type": "user", "sender_user": original.data["from"], "date": original.data["date"]}
        world.spend(bot, key)
        message = world.bot_send(bot, key, world.copy_content(original), extra={"forward_origin": origin})
        return world.render(message)

    async def copy_message(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Copy a message without a link to the original; returns only the new message id."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        original = self._source(bot, p, "copy")
        content = world.copy_content(original)
        if p.values.get("caption") is not None and "text" not in content:
            content.update(caption_of(world, p.str("caption"), p.str("parse_mode"), p.json("caption_entities")))
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"))
        reply_to = world.reply_target(key, reply_parameters(p))
        world.spend(bot, key)
        message = world.bot_send(bot, key, content, reply_to=reply_to, reply_markup=reply_markup)
        return {"message_id": message.message_id}

    async def answer_callback_query(self, bot: BotAccount, p: Params) -> bool:
        """Answer a button press; the text shows as a toast (or an alert) on the client."""
        text = p.str("text") or ""
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        answer = {
            "text": text or None,
            "show_alert": p.bool("show_alert"),
            "url": p.str("url"),
            "cache_time": p.int("cache_time", default=0),
        }
        self.world.answer_callback(bot, p.str("callback_query_id", required=True), answer)  # type: ignore[arg-type]
        return True

    async def send_chat_action(self, bot: BotAccount, p: Params) -> bool:
        """Show "typing..." or another chat action."""
        key = self.world.bot_chat(bot, p.chat_id(), sending=True)
        self.world.chat_action(bot, key, p.str("action", required=True))  # type: ignore[arg-type]
        return True

    async def _send_simple(self, bot: BotAccount, p: Params, content: dict[str, Any]) -> dict[str, Any]:
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"))
        reply_to = world.reply_target(key, reply_parameters(p))
        world.spend(bot, key)
        message = world.bot_send(bot, key, content, reply_to=reply_to, reply_markup=reply_markup)
        return world.render(message)

    async def send_location(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a point on the map (e.g. the commune office)."""
        latitude, longitude = p.float("latitude"), p.float("longitude")
        if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request("wrong latitude or longitude specified")
        return await self._send_simple(bot, p, {"location": {"latitude": latitude, "longitude": longitude}})

    async def send_contact(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a phone contact."""
        contact = {"phone_number": p.str("phone_number", required=True),
                   "first_name": p.str("first_name", required=True)}
        if p.str("last_name"):
            contact["last_name"] = p.str("last_name")
        return await self._send_simple(bot, p, {"contact": contact})

    async def pin_chat_message(self, bot: BotAccount, p: Params) -> bool:
        """Pin a message; the chat gets Telegram's "pinned a message" service message."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id())
        target = world.find_message(key, p.int("message_id", required=True))  # type: ignore[arg-type]
        if target is None:
            raise bad_request("message to pin not found")
        world.conversation(key).pinned = target.message_id
        world.bot_send(bot, key, {"pinned_message": world.render(target, nested=True)})
        return True

    async def unpin_chat_message(self, bot: BotAccount, p: Params) -> bool:
        """Unpin a message (or the latest pinned one)."""
        key = self.world.bot_chat(bot, p.chat_id())
        self.world.conversation(key).pinned = None
        self.world.changed()
        return True

    async def unpin_all_chat_messages(self, bot: BotAccount, p: Params) -> bool:
        """Unpin every message of a chat."""
        return await self.unpin_chat_message(bot, p)
