"""Bot API methods about the bot and chats: getMe, getChat, members, commands and profile settings."""

from __future__ import annotations

import json
import re
from typing import Any

from sandbox.api_common import Handler
from sandbox.errors import bad_request
from sandbox.models import PRESENT_STATUSES, BotAccount
from sandbox.params import Params
from sandbox.state import World

_SCOPES = frozenset({"default", "all_private_chats", "all_group_chats", "all_chat_administrators",
                     "chat", "chat_administrators", "chat_member"})


class ChatMethods:
    """getMe, getChat, getChatMember, getChatAdministrators, getChatMemberCount, *MyCommands, profile."""

    def __init__(self, world: World) -> None:
        self.world = world

    def methods(self) -> dict[str, Handler]:
        return {
            "getMe": self.get_me,
            "getChat": self.get_chat,
            "getChatMember": self.get_chat_member,
            "getChatAdministrators": self.get_chat_administrators,
            "getChatMemberCount": self.get_chat_member_count,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "setMyDescription": self.accept,
            "setMyShortDescription": self.accept,
            "setMyName": self.accept,
            "setChatMenuButton": self.accept,
            "setMyDefaultAdministratorRights": self.accept,
            "getMyName": self.get_my_name,
            "getMyDescription": self.get_my_description,
            "getMyShortDescription": self.get_my_short_description,
            "getChatMenuButton": self.get_chat_menu_button,
            "logOut": self.accept,
            "close": self.accept,
        }

    async def get_me(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Describe the bot itself."""
        return bot.me()

    async def get_chat(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Describe a chat in full (``ChatFullInfo``)."""
        key = self.world.bot_chat(bot, p.chat_id())
        info = {
            **self.world.chat_json(key),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                "premium_subscription": False, "gifts_from_channels": False,
            },
        }
        if key[0] == 0:
            info["permissions"] = {"can_send_messages": True, "can_send_photos": True, "can_send_documents": True}
        return info

    async def get_chat_member(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Tell someone's status in a chat (creator, administrator, member, left...)."""
        key = self.world.bot_chat(bot, p.chat_id())
        return self.world.member_json(key, p.int("user_id", required=True))  # type: ignore[arg-type]

    async def get_chat_administrators(self, bot: BotAccount, p: Params) -> list[dict[str, Any]]:
        """List a group's creator and administrators."""
        key = self.world.bot_chat(bot, p.chat_id())
        if key[0] != 0:
            return []
        group = self.world.group(key[1])
        return [self.world.member_json(key, uid) for uid, status in group.members.items()
                if status in ("creator", "administrator")]

    async def get_chat_member_count(self, bot: BotAccount, p: Params) -> int:
        """Count the members of a chat."""
        key = self.world.bot_chat(bot, p.chat_id())
        if key[0] != 0:
            return 2
        return sum(1 for status in self.world.group(key[1]).members.values() if status in PRESENT_STATUSES)

    @staticmethod
    def _scope_key(p: Params) -> str:
        scope = p.json("scope", what="BotCommandScope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
            raise bad_request("can't parse BotCommandScope JSON object")
        language = p.str("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad_request("invalid language code specified")
        return json.dumps(scope, sort_keys=True) + "|" + language

    async def set_my_commands(self, bot: BotAccount, p: Params) -> bool:
        """Set the command menu for a scope and language."""
        commands = p.json("commands", what="commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        checked = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("can't parse BotCommand JSON object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name.lstrip("/")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise bad_request("command description is empty" if not description else "BOT_COMMAND_DESCRIPTION_INVALID")
            checked.append({"command": name.lstrip("/"), "description": description})
        key = self._scope_key(p)
        if checked:
            bot.commands[key] = checked
        else:
            bot.commands.pop(key, None)
        self.world.changed()
        return True

    async def get_my_commands(self, bot: BotAccount, p: Params) -> list[dict[str, Any]]:
        """Return the commands set for exactly this scope and language."""
        return [dict(command) for command in bot.commands.get(self._scope_key(p), [])]

    async def delete_my_commands(self, bot: BotAccount, p: Params) -> bool:
        """Remove the commands of a scope and language."""
        bot.commands.pop(self._scope_key(p), None)
        self.world.changed()
        return True

    async def accept(self, bot: BotAccount, p: Params) -> bool:
        """Accept a profile setting the sandbox does not model."""
        return True

    async def get_my_name(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Return the bot's name."""
        return {"name": bot.user.first_name}

    async def get_my_description(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Return an empty description."""
        return {"description": ""}

    async def get_my_short_description(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Return an empty short description."""
        return {"short_description": ""}

    async def get_chat_menu_button(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Return the default menu button."""
        return {"type": "default"}
