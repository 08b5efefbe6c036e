"""What the compiler needs of a step kind, and what it hands a kind to parse a step.

The kinds themselves (consent, text, choice, photos, repeat, review, submit) live with the engine, in
bot/engine/steps/, one module each; the bot passes their registry to ``load_flows``. This module only
states the contract, so that flows/ never imports bot/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol

from flows.definition import Step


@dataclass(frozen=True)
class StepSource:
    """One step's YAML mapping and what parsing it needs: its full id, message prefix, and where it is."""

    raw: Mapping[str, Any]
    prefix: str
    full_id: str
    path: str
    where: str
    parse_steps: Callable[[Any, str], tuple[Step, ...]]  # (raw list, what) -> the steps of a group

    def key(self, suffix: str = "") -> str:
        """Return the default message key of this step ("<prefix>-<step-id><suffix>")."""
        return f"{self.prefix}-{self.full_id.replace('_', '-').replace('.', '-')}{suffix}"


class StepRules(Protocol):
    """A step kind as the compiler sees it."""

    name: str
    answers: bool  # holds a citizen's answer: personal data (after consent), on the review and the card
    in_group: bool  # may stand inside a repeat group
    grants_consent: bool  # the consent step: steps holding answers must come after it
    required: bool  # every flow has exactly one such step
    last: bool  # it must be the flow's last step
    holds_place: bool  # its answer is a place with a commune code: it may decide the office (flow ``office:``)

    def parse(self, source: StepSource) -> dict[str, Any]:
        """Return the kind's own Step fields read from the YAML (refusing mistakes with FlowError)."""

    def check(self, step: Step, where: str, earlier: dict[str, Step], validators: set[str]) -> list[str]:
        """Return the kind's own problems with a step (validators, bounds, ...)."""

    def keys(self, step: Step) -> list[str]:
        """Return the message keys the step uses (each must exist in every language)."""

    def values(self, step: Step) -> tuple[str, ...] | None:
        """Return every answer the step can hold, when there are few (for conditions and reachability)."""


Kinds = Mapping[str, StepRules]
