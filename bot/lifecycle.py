"""The dossier lifecycle: statuses with their national-portal codes, and the rules of the actions between them.

One ``transitions`` machine, built once and shared by every dossier, holds the rules. Its triggers are the
actions (accept, refuse, start, ...). Each action's conditions say who may take it (an official or the
citizen) and what it needs (a reason, the items to redo, a pickup date); its callbacks say what taking it
changes: the values the dossier stores, the card redrawn, the citizen or the officials told. An action is
tried on a ``Move``, the machine's model for one action on one dossier; the back office stores the move's
values with a version-checked write (the guard against races) and, if it applied, carries out its effects.
Which buttons a dossier card shows is what the machine allows an official from the dossier's state.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from transitions import Machine, MachineError

# state -> status code used with the national public service portal (shared/PROCEDURES.md)
STATUS_CODES = {
    "new": 1,
    "accepted": 2,
    "not_accepted": 3,
    "processing": 4,
    "supplement_requested": 5,
    "supplement_received": 5,  # local sub-state: "Công dân đã gửi bổ sung"
    "payment_requested": 6,
    "withdrawn": 7,
    "stopped": 8,
    "done": 9,
    "handed_over": 10,
}
OPEN = ("new", "accepted", "processing", "supplement_requested", "supplement_received", "payment_requested")
WAITING_FOR_OFFICIALS = ("new", "accepted", "processing", "supplement_received", "payment_requested")

OFFICIAL, CITIZEN = "official", "citizen"  # who takes an action
# What an action may need besides its actor, in the order an official is asked for it.
NEEDS = ("items", "reason", "pickup")
# The officials' actions that cannot be taken back: the back office asks the official to confirm them first.
IRREVERSIBLE = frozenset({"refuse", "stop", "approve", "hand_over"})


class TransitionRefused(Exception):
    """The action is not allowed from the dossier's status, for this actor, or with what was given."""


# -- what a move asks the back office to do once its values are stored ---------------------------------


@dataclass(frozen=True)
class RedrawCard:
    """Show the dossier's card in the admin chat as it is now."""


@dataclass(frozen=True)
class TellCitizen:
    """Tell the citizen their dossier's new status."""


@dataclass(frozen=True)
class TellOfficials:
    """Tell the officials what the citizen did."""

    action: str


LifecycleEffect = RedrawCard | TellCitizen | TellOfficials


@dataclass(eq=False)
class Move:
    """One action on one dossier: who takes it and what they gave; the machine fills in what it changes."""

    state: str  # the dossier's state; the machine moves it
    action: str
    by: str  # OFFICIAL or CITIZEN
    at: str  # when, as an ISO timestamp
    reason: str | None = None
    items: tuple[str, ...] = ()
    pickup: str | None = None  # ISO date the result can be picked up
    fee: int | None = None
    name: str = ""  # who acts, as the card names them (kept with a confirmed payment)
    fee_paid: bool = False  # the dossier's fee is already recorded as paid
    values: dict[str, Any] = field(default_factory=dict)  # the dossier columns the action sets
    effects: list[LifecycleEffect] = field(default_factory=list)

    # -- conditions: who may act, what the action needs -------------------------------------------

    def by_official(self) -> bool:
        """An official takes the action."""
        return self.by == OFFICIAL

    def by_citizen(self) -> bool:
        """The dossier's citizen takes the action."""
        return self.by == CITIZEN

    def has_reason(self) -> bool:
        """A reason the citizen will read is given."""
        return bool(self.reason and self.reason.strip())

    def has_items(self) -> bool:
        """At least one item to redo is given."""
        return bool(self.items)

    def has_pickup(self) -> bool:
        """A date to pick the result up is given."""
        return bool(self.pickup)

    def fee_unpaid(self) -> bool:
        """The dossier's fee is not recorded as paid yet."""
        return not self.fee_paid

    # -- callbacks: what the action changes --------------------------------------------------------

    def keep_reason(self) -> None:
        """Store the reason on the dossier."""
        self.values["reason"] = self.reason

    def keep_items(self) -> None:
        """Store the items the citizen is to redo."""
        self.values["supplement"] = list(self.items)

    def keep_fee(self) -> None:
        """Store the fee the citizen pays."""
        self.values["fee"] = self.fee or 0

    def keep_pickup(self) -> None:
        """Store the pickup date and when the dossier was done."""
        self.values["pickup_on"] = self.pickup
        self.values["done_at"] = self.at

    def keep_payment(self) -> None:
        """Store who confirmed the fee paid and when."""
        self.values["fee_paid_at"] = self.at
        self.values["fee_paid_by"] = self.name

    def keep_handover(self) -> None:
        """Store the day the result was handed over."""
        self.values["handed_over_at"] = self.at

    def keep_state(self) -> None:
        """Store the new state and its portal status code (after every action)."""
        self.values["state"] = self.state
        self.values["status"] = STATUS_CODES[self.state]

    def redraw_card(self) -> None:
        """Have the dossier's card redrawn."""
        self.effects.append(RedrawCard())

    def tell_citizen(self) -> None:
        """Have the citizen told of the new status."""
        self.effects.append(TellCitizen())

    def tell_officials(self) -> None:
        """Have the officials told what the citizen did."""
        self.effects.append(TellOfficials(self.action))


def _official(trigger: str, source: str | list[str], dest: str, needs: tuple[str, ...] = (), keep: tuple[str, ...] = (),
              when: tuple[str, ...] = ()) -> dict:
    return {"trigger": trigger, "source": source, "dest": dest,
            "conditions": ["by_official", *(f"has_{need}" for need in needs), *when],
            "before": list(keep), "after": ["redraw_card", "tell_citizen"]}


def _citizen(trigger: str, source: str | list[str], dest: str) -> dict:
    return {"trigger": trigger, "source": source, "dest": dest,
            "conditions": ["by_citizen"], "after": ["redraw_card", "tell_officials"]}


# The officials' actions come in the order their buttons appear on a card.
TRANSITIONS = [
    _official("accept", "new", "accepted"),
    _official("start", ["accepted", "supplement_received"], "processing"),
    # "Đã nộp phí": the fee requested is paid (processing goes on), or the fee of a done dossier is paid at pickup,
    # also when it is confirmed only after the result was handed over (the dossier stays handed over).
    _official("confirm_payment", "payment_requested", "processing", keep=("keep_fee", "keep_payment"), when=("fee_unpaid",)),
    _official("confirm_payment", "done", "done", keep=("keep_payment",), when=("fee_unpaid",)),
    _official("confirm_payment", "handed_over", "handed_over", keep=("keep_payment",), when=("fee_unpaid",)),
    _official("approve", ["accepted", "processing", "supplement_received", "payment_requested"], "done",
              needs=("pickup",), keep=("keep_fee", "keep_pickup")),
    _official("request_payment", "processing", "payment_requested", keep=("keep_fee",)),
    _official("request_supplement", ["new", "accepted", "processing", "supplement_received"], "supplement_requested",
              needs=("items", "reason"), keep=("keep_reason", "keep_items")),
    _official("hand_over", "done", "handed_over", keep=("keep_handover",)),
    _official("refuse", "new", "not_accepted", needs=("reason",), keep=("keep_reason",)),
    _official("stop", list(OPEN), "stopped", needs=("reason",), keep=("keep_reason",)),
    _citizen("supplied", "supplement_requested", "supplement_received"),
    _citizen("withdraw", ["new", "accepted", "supplement_requested"], "withdrawn"),  # never once processing began
]

logging.getLogger("transitions").setLevel(logging.WARNING)  # it logs every transition and callback at INFO
MACHINE = Machine(model=None, states=list(STATUS_CODES), transitions=TRANSITIONS, initial="new", auto_transitions=False,
                  after_state_change=["keep_state"])


def decide(move: Move) -> Move:
    """Run a move through the machine: its new state, values and effects; raise TransitionRefused if it may not."""
    try:
        moved = MACHINE.events[move.action].trigger(move)
    except (MachineError, KeyError) as exc:
        raise TransitionRefused(f"'{move.action}' is not allowed from '{move.state}'") from exc
    if not moved and move.action not in allowed(move.state, move.by):
        raise TransitionRefused(f"'{move.action}' is not the {move.by}'s to take")
    if not moved:
        raise TransitionRefused(f"'{move.action}' lacks what it needs: {', '.join(needs(move.action))}")
    return move


@cache
def allowed(state: str, by: str = OFFICIAL) -> tuple[str, ...]:
    """Return the actions this actor may take from a state (an official's in the order of the card's buttons)."""
    actor = f"by_{by}"
    return tuple(
        action for action in MACHINE.get_triggers(state)
        if any(actor in _conditions(transition) for transition in MACHINE.events[action].transitions[state])
    )


def irreversible(action: str) -> bool:
    """Tell whether an official must confirm this action before it is taken (it cannot be taken back)."""
    return action in IRREVERSIBLE


@cache
def needs(action: str) -> tuple[str, ...]:
    """Return what an action needs besides its actor (of ``NEEDS``, in that order), as its conditions say."""
    wanted = {name for transition in MACHINE.get_transitions(action) for name in _conditions(transition)}
    return tuple(need for need in NEEDS if f"has_{need}" in wanted)


def _conditions(transition: Any) -> list[str]:
    return [condition.func for condition in transition.conditions]
