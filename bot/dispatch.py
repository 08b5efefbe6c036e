"""Route effects to the channels that carry them out.

A citizen hears back on the channel they used (Telegram, Zalo, ...); officials are in Telegram admin chats
(each office's group, the supervisors' group): an admin post's outbox row names its chat id as the target. An effect produced while serving one person may be for another (a status notification caused by an
official's button, a new dossier card caused by a citizen): the sender (bot/sender.py) takes each from the
outbox and the dispatcher hands it to the channel where it belongs, returning the platform's message id.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Literal, Protocol, Sequence

from bot.effects import AdminPost, EditCard, Effect, Say, SendPhoto

log = logging.getLogger(__name__)
Failure = Literal["refused", "not_sent", "unknown"]
ADMIN = "admin"  # the outbox channel of admin chats' rows; each chat's rows are "admin:<chat id>"


def admin_chat_key(chat_id: int | None) -> str:
    """Return the outbox's chat key for an admin chat: each group is ordered and rate-limited on its own."""
    return ADMIN if chat_id is None else f"{ADMIN}:{chat_id}"


class CitizenChannel(Protocol):
    """What a channel offers the dispatcher: sending effects to one of its citizens."""

    name: str

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> int | None:
        """Carry out effects (messages, photos) for one citizen of this channel; return the last message id."""

    def failure(self, error: Exception) -> tuple[Failure, float]:
        """Say what a failed send means: refused for good, surely not sent (retry after so many seconds), or unknown."""


class AdminChannel(Protocol):
    """Where officials work: posting to and editing cards in the admin chats."""

    async def post(self, post: AdminPost, chat: int | None = None) -> int | None:
        """Post a message (or a dossier card with its photos) in an admin chat; return its message id."""

    async def edit_card(self, edit: EditCard, chat: int | None = None) -> None:
        """Edit a dossier's card in place (in the admin chat that holds it) to show its current status and actions."""


class Undeliverable(Exception):
    """There is no channel for this effect (a channel switched off since it was queued)."""


@dataclass
class Dispatcher:
    """Knows every channel by name and the admin chat; ``wake`` tells the sender there is something to send."""

    channels: dict[str, CitizenChannel] = field(default_factory=dict)
    admin: AdminChannel | None = None
    wake: Callable[[], None] = lambda: None

    def register(self, channel: CitizenChannel) -> None:
        """Make a channel reachable for messages and notifications."""
        self.channels[channel.name] = channel

    async def deliver(self, channel: str, target: str, effect: Say | SendPhoto | AdminPost | EditCard, language: str) -> int | None:
        """Carry out one effect on its channel; return the platform's message id when there is one."""
        if isinstance(effect, (AdminPost, EditCard)):
            if self.admin is None:
                raise Undeliverable("no admin chat")
            chat = int(target) if target else None  # rows queued before per-office chats name none: the first office's
            if isinstance(effect, AdminPost):
                return await self.admin.post(effect, chat)
            await self.admin.edit_card(effect, chat)
            return None
        carrier = self.channels.get(channel)
        if carrier is None:
            raise Undeliverable(f"no channel {channel!r}")
        return await carrier.send_to_citizen(target, [effect], language)

    def failure(self, channel: str, error: Exception) -> tuple[Failure, float]:
        """Ask the channel (the admin chat's is Telegram's) what a failed send means."""
        if isinstance(error, Undeliverable):  # its channel is not started (yet): keep it for when it is
            return "not_sent", 5.0
        carrier = self.channels.get("telegram" if channel == ADMIN else channel)
        if carrier is None or not hasattr(carrier, "failure"):
            return "refused", 0.0
        return carrier.failure(error)
