"""The step kinds, one module each, and their registry (which the compiler is given to check flows).

A new kind is one module here plus one line in ``KINDS``.
"""

from __future__ import annotations

from typing import Any

from bot.effects import Text
from bot.engine.steps.base import StepKind
from bot.engine.steps.choice import Choice
from bot.engine.steps.consent import Consent
from bot.engine.steps.photos import Photos
from bot.engine.steps.place import PlaceStep
from bot.engine.steps.repeat import Repeat
from bot.engine.steps.review import Review
from bot.engine.steps.submit import SubmitStep
from bot.engine.steps.text import TextStep
from flows.definition import Step

KINDS: dict[str, StepKind] = {kind.name: kind for kind in (Consent(), TextStep(), Choice(), PlaceStep(), Photos(), Repeat(), Review(), SubmitStep())}


def card_line(step: Step, answers: dict[str, Any], shown: dict[str, str], photos: int = 0) -> Text | None:
    """Return the step's line on the officials' dossier card, or None when it has nothing to show."""
    value = KINDS[step.kind].card_value(step, answers, shown, photos)
    return None if value is None else Text("card-line", {"label": Text(step.label), "value": value})

