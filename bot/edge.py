"""The one error handler at the edge: serve a citizen's event, and if anything fails, keep their state,
apologise in their language and tell the admin chat a case id — never a dump of personal data."""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Awaitable, Callable, Sequence

from bot.desk import Desk, Fetcher
from bot.dispatch import Dispatcher
from bot.effects import AdminPost, Effect, Say, Text
from bot.events import Citizen, Event

log = logging.getLogger(__name__)
Sender = Callable[[str, Sequence[Effect]], Awaitable[None]]


async def serve(desk: Desk, dispatcher: Dispatcher, citizen: Citizen, event: Event, fetch: Fetcher, send: Sender) -> None:
    """Run one event through the desk and deliver what it produced, or apologise if it failed."""
    try:
        effects = await desk.handle(event, fetch)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: the citizen's state is as before
        case = uuid.uuid4().hex[:8]
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("case %s: %s while serving a %s citizen\n%s", case, type(exc).__name__, citizen.channel, frames)
        try:
            await dispatcher.route([AdminPost(Text("admin-error", {"case": case}))])
            await send(citizen.user_id, [Say(Text("sorry", {"case": case}))])
        except Exception:  # noqa: BLE001 - never let the apology itself crash the loop
            log.error("case %s: could not deliver the apology", case)
        return
    remaining = await dispatcher.route(effects)
    await send(citizen.user_id, remaining)
