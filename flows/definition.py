"""The flow format: what a procedure file in flows/ may say, as plain dataclasses.

A flow is an ordered list of steps. A step is asked when its ``when`` condition holds for the answers
given so far; otherwise it is skipped. The compiler (flows/compiler.py) reads YAML into these classes,
checks them and builds the state machine. A step's ``kind`` names its kind in the registry the compiler is
given (bot/engine/steps/); the kind-specific fields below are filled by that kind's parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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
class Default:
    """An answer set from an earlier one when the conditions hold (``default: [{when, from, note}]``).

    The engine copies ``source``'s answer into the step instead of asking it (the review shows it and
    lets it be changed); ``note`` is the message that tells the citizen so.
    """

    source: str
    conditions: tuple[Condition, ...] = ()
    note: str = ""

    def applies(self, answers: dict[str, Any]) -> bool:
        """Tell whether this default is used, given the answers so far (the source must be answered)."""
        return answers.get(self.source) not in (None, "") and all(c.holds(answers) for c in self.conditions)


@dataclass(frozen=True)
class Alert:
    """A contradiction the officials should see, raised but never refused (``warnings:`` of a flow).

    Raised when the conditions hold and either the personal ID number in ``sex_of`` has the sex ``sex``
    (its 4th digit: even = male), or the answers named in ``differ`` are all given and not all equal.
    """

    message: str  # told to the citizen
    card: str  # shown on the officials' card
    conditions: tuple[Condition, ...] = ()
    sex_of: str = ""
    sex: str = ""
    differ: tuple[str, ...] = ()

    @property
    def steps(self) -> tuple[str, ...]:
        named = [name for condition in self.conditions for name in condition.steps]
        return tuple(named + ([self.sex_of] if self.sex_of else []) + list(self.differ))

    def raised(self, answers: dict[str, Any]) -> bool:
        """Tell whether the answers contradict each other as this warning describes."""
        if not all(condition.holds(answers) for condition in self.conditions):
            return False
        if self.sex_of:
            return id_sex(answers.get(self.sex_of)) == self.sex
        values = [answers.get(name) for name in self.differ]
        return all(values) and len(set(map(str, values))) > 1


def id_sex(value: Any) -> str | None:
    """Return the sex a 12-digit personal ID number encodes in its 4th digit (even = male), or None."""
    text = str(value or "")
    if len(text) != 12 or not text.isdigit():
        return None
    return "male" if int(text[3]) % 2 == 0 else "female"


@dataclass(frozen=True)
class Timing:
    """A longer processing time when the conditions hold (``processing.longer``), and its note for the receipt."""

    working_days: int
    conditions: tuple[Condition, ...] = ()
    note: str = ""

    def applies(self, answers: dict[str, Any]) -> bool:
        """Tell whether this processing time applies to these answers."""
        return all(condition.holds(answers) for condition in self.conditions)


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
    defaults: tuple[Default, ...] = ()

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
    longer: tuple[Timing, ...] = ()
    result: str = ""  # message key: what the citizen receives (the receipt and the result notice say it)
    warnings: tuple[Alert, ...] = ()
    office: tuple[str, ...] = ()  # place steps whose commune decides the receiving office, first served wins

    def timings(self, answers: dict[str, Any]) -> list[Timing]:
        """Return the longer processing times that apply to these answers."""
        return [timing for timing in self.longer if timing.applies(answers)]

    def working_days_for(self, answers: dict[str, Any]) -> int:
        """Return the processing time in working days for these answers (the longest that applies)."""
        return max([self.working_days] + [timing.working_days for timing in self.timings(answers)])

    def raised(self, answers: dict[str, Any]) -> list[Alert]:
        """Return the warnings these answers raise."""
        return [warning for warning in self.warnings if warning.raised(answers)]

    def late_days(self, answers: dict[str, Any], filed: date) -> int | None:
        """Return how many days after the event this is filed when that makes it late (``late_fee``), else None."""
        if not self.late_fee:
            return None
        try:
            event = datetime.strptime(str(answers.get(self.late_fee["answer"]) or ""), "%d/%m/%Y").date()
        except ValueError:
            return None
        days = (filed - event).days
        return days if days > int(self.late_fee["days"]) else None

    def fee_key(self, answers: dict[str, Any], filed: date) -> str:
        """Return the key of the fee in the office's fee table (the late fee for a late filing)."""
        return str(self.late_fee["fee"]) if self.late_days(answers, filed) is not None else self.fee

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
