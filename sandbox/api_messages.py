"""Bot API methods about text messages: send, edit, delete, callback answers, chat actions."""

from __future__ import annotations

from typing import Any

from sandbox import markup
from sandbox.api_common import Handler, message_text, reply_parameters
from sandbox.errors import bad_request
from sandbox.models import BotAccount
from sandbox.params import Params
from sandbox.state import World


class MessageMethods:
    """sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery, sendChatAction."""

    def __init__(self, world: World) -> None:
        self.world = world

    def methods(self) -> dict[str, Handler]:
        return {
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendChatAction": self.send_chat_action,
        }

    async def send_message(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a plain text message with an optional keyboard and reply."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        content = message_text(p)
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
        content = message_text(p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"), inline_only=True)
        edited = world.bot_edit(bot, key, message_id, content, reply_markup)
        return world.render(edited)

    async def edit_message_reply_markup(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Replace only a message's inline keyboard (omitting ``reply_markup`` removes it)."""
        key, message_id = self._edit_target(bot, p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"), inline_only=True)
        return self.world.render(self.world.bot_edit(bot, key, message_id, {}, reply_markup))

    async def delete_message(self, bot: BotAccount, p: Params) -> bool:
        """Delete one message."""
        key = self.world.bot_chat(bot, p.chat_id())
        self.world.delete_message(bot, key, p.int("message_id", required=True))  # type: ignore[arg-type]
        return True

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
