"""Bot API methods about the bot itself: getMe and setMyCommands."""

from __future__ import annotations

import json
import re
from typing import Any

from sandbox.api_common import Handler
from sandbox.errors import bad_request
from sandbox.models import BotAccount
from sandbox.params import Params
from sandbox.state import World

_SCOPES = frozenset({"default", "all_private_chats", "all_group_chats", "all_chat_administrators",
                     "chat", "chat_administrators", "chat_member"})


class BotMethods:
    """getMe, setMyCommands."""

    def __init__(self, world: World) -> None:
        self.world = world

    def methods(self) -> dict[str, Handler]:
        return {
            "getMe": self.get_me,
            "setMyCommands": self.set_my_commands,
        }

    async def get_me(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Describe the bot itself."""
        return bot.me()

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
