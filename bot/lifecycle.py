"""The dossier lifecycle: statuses with their national-portal codes, and the actions that move between them.

A second ``transitions`` machine, shared by all dossiers (model-less, like the flows). Which actions an
official sees on a dossier card is exactly what this machine allows from the dossier's state.
"""

from __future__ import annotations

from dataclasses import dataclass

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

TRANSITIONS = [
    ("accept", "new", "accepted"),
    ("refuse", "new", "not_accepted"),
    ("start", ["accepted", "supplement_received"], "processing"),
    ("request_supplement", ["new", "accepted", "processing", "supplement_received"], "supplement_requested"),
    ("supplied", "supplement_requested", "supplement_received"),
    ("request_payment", "processing", "payment_requested"),
    ("approve", ["accepted", "processing", "supplement_received", "payment_requested"], "done"),
    ("hand_over", "done", "handed_over"),
    ("withdraw", ["new", "accepted", "supplement_requested"], "withdrawn"),
    ("stop", list(OPEN), "stopped"),
]
# Actions an official starts from a card button, in the order the buttons appear.
OFFICIAL_ACTIONS = ("accept", "start", "approve", "request_payment", "request_supplement", "hand_over", "refuse", "stop")
NEEDS_REASON = ("refuse", "stop", "request_supplement")
CITIZEN_ACTIONS = ("supplied", "withdraw")


class TransitionRefused(Exception):
    """The action is not allowed from the dossier's current status."""


@dataclass
class _Holder:
    state: str


MACHINE = Machine(
    model=None,
    states=list(STATUS_CODES),
    transitions=[{"trigger": t, "source": s, "dest": d} for t, s, d in TRANSITIONS],
    initial="new",
    auto_transitions=False,
)


def next_state(state: str, action: str) -> str:
    """Return the state an action leads to from ``state``, or raise TransitionRefused."""
    holder = _Holder(state)
    try:
        MACHINE.events[action].trigger(holder)
    except (MachineError, KeyError) as exc:
        raise TransitionRefused(f"'{action}' is not allowed from '{state}'") from exc
    return holder.state


def allowed(state: str, actions: tuple[str, ...] = OFFICIAL_ACTIONS) -> list[str]:
    """Return the actions (of those given) allowed from a state, in the given order."""
    possible = set(MACHINE.get_triggers(state))
    return [action for action in actions if action in possible]
