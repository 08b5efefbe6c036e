"""What every step kind offers, with the defaults most kinds keep.

A kind is one object holding everything about that kind of step: its YAML fields and load-time checks
(for the compiler), its message keys, the question it asks (text and buttons), how it takes an answer,
its line on the review screen and on the officials' card. The engine calls these; it never asks a
step which kind it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.buttons import Payload
from bot.effects import Button, Effect, Text
from bot.events import Event
from bot.session import Session
from flows.compiler import CompiledFlow
from flows.definition import Step
from flows.kinds import StepSource

if TYPE_CHECKING:
    from bot.engine.core import Context, Engine

Rows = list[tuple[Button, ...]]
ORIGIN = "_origin"  # answers["_origin"]: step -> where its answer came from (ORIGIN_QR, or the step it was copied from)
ORIGIN_QR = "qr"


class StepKind:
    """A kind of step; subclasses override what differs."""

    name = ""
    answers = False  # holds a citizen's answer: personal data, on the review screen and the card, editable
    in_group = False  # may stand inside a repeat group
    grants_consent = False  # the consent step
    required = False  # every flow has exactly one
    last = False  # the flow's last step
    always_asked = False  # never skipped as already answered (editing) or prefilled
    shows_current = False  # when asked again, the question shows the current answer
    has_back = True  # the question offers a back button
    summarises = False  # the review screen (where /review goes)
    holds_photos = False  # the answer is a list of stored photos, filed as attachments
    holds_place = False  # the answer is a place with a commune code: it may decide the office (flow ``office:``)

    # -- the flow file --------------------------------------------------------------------------------

    def parse(self, source: StepSource) -> dict[str, Any]:
        """Return this kind's own Step fields read from the YAML."""
        return {}

    def check(self, step: Step, where: str, earlier: dict[str, Step], validators: set[str]) -> list[str]:
        """Return this kind's own problems with a step."""
        return []

    def keys(self, step: Step) -> list[str]:
        """Return the message keys the step uses."""
        return ([step.label] if self.answers else []) + [step.prompt]

    def values(self, step: Step) -> tuple[str, ...] | None:
        """Return every answer the step can hold, when they are few; None when any text may come."""
        return None

    # -- the conversation -----------------------------------------------------------------------------

    def enter(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step, ctx: Context) -> list[Effect]:
        """Do what arriving at the step means, then ask it."""
        return engine.ask(session, compiled)

    def question(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step) -> tuple[Text, Rows]:
        """Return the question and its rows of buttons."""
        return Text(step.prompt), []

    def handle(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step, event: Event,
               pressed: Payload | None, ctx: Context) -> list[Effect]:
        """Take one input at this step (``pressed`` is the decoded button, if one was pressed)."""
        return engine.ask(session, compiled)

    def back(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step) -> list[Effect] | None:
        """Go back within the step (a step asked in parts); None leaves it for the previous step."""
        return None

    def after(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step, ctx: Context) -> list[Effect]:
        """Go on once the citizen answered an offer to prefill from this step (photos: move on when full)."""
        return engine.ask(session, compiled)

    def answered(self, session: Session, step: Step) -> bool:
        """Tell whether the step holds a complete answer."""
        return step.id in session.answers

    def display(self, engine: Engine, session: Session, step: Step) -> str | Text | list[Text]:
        """Return the answer as the review screen shows it."""
        value = session.answers.get(step.id)
        if value in (None, "") and not session.shown.get(step.id):  # a shown text without a value: "needs help"
            return Text("review-empty")
        return session.shown.get(step.id, str(value))

    def card_value(self, step: Step, answers: dict[str, Any], shown: dict[str, str], photos: int) -> Any:
        """Return the answer as the officials' card shows it, or None when it has none."""
        return None

    def prefill(self, engine: Engine, session: Session, compiled: CompiledFlow, step: Step, raw: str,
                ctx: Context) -> tuple[Any, str] | None:
        """Return (value, shown) for a value read from a document, or None if it does not fit the step."""
        return None

    def offer(self, step: Step, value: str) -> str | Text:
        """Return a value read from a document as the prefill offer shows it."""
        return value
