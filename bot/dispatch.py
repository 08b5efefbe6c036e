"""Route effects to the channels that carry them out.

A citizen hears back on the channel they used (Telegram, Zalo, ...); officials are in the Telegram admin
chat. An effect produced while serving one person may be for another (a status notification caused by an
official's button, a new dossier card caused by a citizen): the dispatcher sends each where it belongs.
When a dossier's card is posted, the platform's message id goes back to the host as ``CardPosted``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Protocol, Sequence

from bot.effects import AdminPost, EditCard, Effect, Notify, Say
from bot.events import CardPosted, Citizen

log = logging.getLogger(__name__)


class CitizenChannel(Protocol):
    """What a channel offers the dispatcher: sending effects to one of its citizens."""

    name: str

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> None:
        """Carry out effects (messages, photos) for one citizen of this channel, in their language."""


class AdminChannel(Protocol):
    """Where officials work: posting to and editing cards in the admin chat."""

    async def post(self, post: AdminPost) -> int | None:
        """Post a message (or a dossier card with its photos) in the admin chat; return its message id."""

    async def edit_card(self, edit: EditCard) -> None:
        """Edit a dossier's card in place to show its current status and actions."""


@dataclass
class Dispatcher:
    """Knows every channel by name and the admin chat, and where to report posted cards and ask languages."""

    channels: dict[str, CitizenChannel] = field(default_factory=dict)
    admin: AdminChannel | None = None
    report: Callable[[CardPosted], None] | None = None
    language: Callable[[Citizen], str] = lambda citizen: "vi"

    def register(self, channel: CitizenChannel) -> None:
        """Make a channel reachable for notifications."""
        self.channels[channel.name] = channel

    async def route(self, effects: Sequence[Effect]) -> list[Effect]:
        """Send the effects meant for others (notifications, admin chat); return the rest for the caller."""
        remaining: list[Effect] = []
        for effect in effects:
            if isinstance(effect, Notify):
                await self.notify(effect)
            elif isinstance(effect, AdminPost):
                if self.admin is not None:
                    message_id = await self.admin.post(effect)
                    if effect.dossier_id is not None and message_id is not None and self.report is not None:
                        self.report(CardPosted(effect.dossier_id, message_id))
            elif isinstance(effect, EditCard):
                if self.admin is not None:
                    await self.admin.edit_card(effect)
            else:
                remaining.append(effect)
        return remaining

    async def notify(self, notify: Notify) -> None:
        """Deliver a notification on the citizen's own channel, in their language."""
        channel = self.channels.get(notify.channel)
        if channel is None:
            log.warning("no channel %r to notify a citizen; notification dropped", notify.channel)
            return
        language = self.language(Citizen(notify.channel, notify.user_id))
        await channel.send_to_citizen(notify.user_id, [Say(notify.text, notify.buttons)], language)
