"""The one error handler at the edge: serve an event (a citizen's or an official's), and if anything fails,
keep the state as it was, answer the person with a case id in their language and tell the admin chat the
case id — never a dump of personal data.

What an event causes to be sent is in the outbox once the desk's transaction commits (the apology too); the
edge then wakes the sender. Only the answer to an official's press (a toast, the pressed message's edit) is
carried out here at once: it is worth nothing later.
"""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Awaitable, Callable, Sequence

from bot.desk import Desk, Fetcher
from bot.dispatch import Dispatcher
from bot.effects import Effect, Text, Toast
from bot.events import Citizen, Event, OfficialEvent, OfficialPressed

log = logging.getLogger(__name__)
Answer = Callable[[Sequence[Effect]], Awaitable[None]]


async def serve(desk: Desk, dispatcher: Dispatcher, citizen: Citizen, event: Event, fetch: Fetcher) -> None:
    """Run a citizen's event through the desk and have what it produced sent, or apologise if it failed."""
    try:
        await desk.handle(event, fetch)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: the citizen's state is as before
        case = _log_case(exc, f"a {citizen.channel} citizen")
        try:
            desk.apologise(citizen, case)
        except Exception:  # noqa: BLE001 - never let the apology itself crash the loop
            log.error("case %s: could not queue the apology", case)
    dispatcher.wake()


async def serve_official(desk: Desk, dispatcher: Dispatcher, event: OfficialEvent, answer: Answer) -> None:
    """Run an admin-chat event through the desk; ``answer`` carries out what is for the presser (toast, edit),
    the sender the rest (admin chat posts, card edits, citizens' notifications)."""
    try:
        effects = await desk.handle_official(event)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: the dossier is as before
        case = _log_case(exc, "an official")
        try:
            desk.apologise(None, case, event.chat)
            await answer([Toast(Text("admin-sorry", {"case": case}), alert=True)] if isinstance(event, OfficialPressed) else [])
        except Exception:  # noqa: BLE001
            log.error("case %s: could not deliver the apology", case)
        dispatcher.wake()
        return
    dispatcher.wake()
    try:
        await answer(effects)  # the platform wants a press answered quickly
    except Exception as exc:  # noqa: BLE001 - a press too old to answer: the decision is stored and its messages queued
        log.warning("could not answer an official's press: %s", type(exc).__name__)


def _log_case(exc: Exception, whom: str) -> str:
    case = uuid.uuid4().hex[:8]
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("case %s: %s while serving %s\n%s", case, type(exc).__name__, whom, frames)
    return case
