"""The one error handler at the edge: serve an event (a citizen's or an official's), and if anything fails,
keep the state as it was, answer the person with a case id in their language and tell the admin chat the
case id — never a dump of personal data."""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Awaitable, Callable, Sequence

from bot.desk import Desk, Fetcher
from bot.dispatch import Dispatcher
from bot.effects import AdminPost, Effect, Say, Text, Toast
from bot.events import Citizen, Event, OfficialEvent, OfficialPressed

log = logging.getLogger(__name__)
Sender = Callable[[str, Sequence[Effect], str], Awaitable[None]]
Answer = Callable[[Sequence[Effect]], Awaitable[None]]


async def serve(desk: Desk, dispatcher: Dispatcher, citizen: Citizen, event: Event, fetch: Fetcher, send: Sender) -> None:
    """Run a citizen's event through the desk and deliver what it produced, or apologise if it failed."""
    try:
        effects = await desk.handle(event, fetch)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: the citizen's state is as before
        case = _log_case(exc, f"a {citizen.channel} citizen")
        try:
            await dispatcher.route([AdminPost(Text("admin-error", {"case": case}))])
            await send(citizen.user_id, [Say(Text("sorry", {"case": case}))], desk.language(citizen))
        except Exception:  # noqa: BLE001 - never let the apology itself crash the loop
            log.error("case %s: could not deliver the apology", case)
        return
    remaining = await dispatcher.route(effects)
    await send(citizen.user_id, remaining, desk.language(citizen))


async def serve_official(desk: Desk, dispatcher: Dispatcher, event: OfficialEvent, answer: Answer) -> None:
    """Run an admin-chat event through the desk; ``answer`` carries out what is for the presser (toast, edit),
    the dispatcher the rest (admin chat posts, card edits, citizens' notifications)."""
    try:
        effects = await desk.handle_official(event)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: the dossier is as before
        case = _log_case(exc, "an official")
        try:
            await answer([Toast(Text("admin-sorry", {"case": case}), alert=True)] if isinstance(event, OfficialPressed) else [])
            await dispatcher.route([AdminPost(Text("admin-sorry", {"case": case}))])
        except Exception:  # noqa: BLE001
            log.error("case %s: could not deliver the apology", case)
        return
    await answer(effects)  # first: the platform wants a press answered quickly
    await dispatcher.route(effects)


def _log_case(exc: Exception, whom: str) -> str:
    case = uuid.uuid4().hex[:8]
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("case %s: %s while serving %s\n%s", case, type(exc).__name__, whom, frames)
    return case
