"""The flow format: what a procedure file in flows/ may say, as plain dataclasses.

A flow is an ordered list of steps. A step is asked when its ``when`` condition holds for the answers
given so far; otherwise it is skipped. The compiler (flows/compiler.py) reads YAML into these classes,
checks them and builds the state machine. A step's ``kind`` names its kind in the registry the compiler is
given (bot/engine/steps/); the kind-specific fields below are filled by that kind's parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

@dataclass(frozen=True)
class Option:
    """One answer of a choice step: the stored value and the message key of its label."""

    value: str
    label: str


@dataclass(frozen=True)
class Condition:
    """``answers[step] in values`` for every pair; all must hold. ``negate`` turns it into ``unless``."""

    clauses: tuple[tuple[str, tuple[str, ...]], ...]
    negate: bool = False

    def holds(self, answers: dict[str, Any]) -> bool:
        """Tell whether the condition holds for these answers."""
        result = all(str(answers.get(step)) in values for step, values in self.clauses)
        return not result if self.negate else result

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(step for step, _ in self.clauses)


@dataclass(frozen=True)
class Step:
    """One question, photo slot or screen of a flow.

    ``kind`` names the step's kind; its parser fills the fields below that it uses. A new kind with
    settings of its own reads them into ``options`` (free-form), so this class need not change.
    """

    id: str
    kind: str
    prompt: str
    label: str
    conditions: tuple[Condition, ...] = ()
    validator: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    choices: tuple[Option, ...] = ()
    suggest: tuple[str, ...] = ()
    optional: bool = False
    min_photos: int = 1
    max_photos: int = 1
    qr: str | None = None
    prefill: dict[str, str] = field(default_factory=dict)
    steps: tuple["Step", ...] = ()
    min_items: int = 1
    max_items: int = 10
    more_prompt: str = ""
    section: str = ""  # the part of the form it belongs to ("child", "mother"): message "section-<name>"

    def applies(self, answers: dict[str, Any]) -> bool:
        """Tell whether this step is asked, given the answers so far."""
        return all(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class Flow:
    """A procedure: its identity, messages, steps and how the office processes it."""

    id: str
    version: int
    title: str
    messages: str
    consent_version: str
    working_days: int
    cutoff: str | None
    fee: str
    steps: tuple[Step, ...]
    late_fee: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    def step(self, step_id: str) -> Step:
        """Return the step with this id, including steps inside a repeat group."""
        return self.index[step_id]

    @property
    def index(self) -> dict[str, Step]:
        found = self.__dict__.get("_index")
        if found is None:
            found = {}
            for step in self.steps:
                found[step.id] = step
                for inner in step.steps:
                    found[f"{step.id}.{inner.id}"] = inner
            object.__setattr__(self, "_index", found)
        return found
