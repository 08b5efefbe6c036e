"""A citizen's conversation state: the flow they are filing, where they are, and what they answered.

Stored as JSON (never pickled) by storage/sessions.py, converted here to and from its ``StoredSession``;
the engine reads and changes it in memory. What the citizen is in the middle of besides a step (a question
to confirm, a repeat item half filled) is a typed mode, stored as a small JSON object; sessions stored with
the older plain-dict modes still load.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from bot.events import Citizen
from storage.records import StoredSession


# -- pending: a question outside the flow's steps, answered by the citizen's next input ---------------


@dataclass(frozen=True)
class ConfirmingCancel:
    """Asked whether to drop the filing in progress."""

    kind: ClassVar[str] = "cancel"


@dataclass(frozen=True)
class OfferingPrefill:
    """Offered the details read from an ID card photo (step id -> raw value) for the steps they fill."""

    kind: ClassVar[str] = "prefill"
    slot: str
    fields: dict[str, str]


@dataclass(frozen=True)
class ConfirmingAnswer:
    """Asked to confirm an answer before it is stored (a name typed without diacritics)."""

    kind: ClassVar[str] = "confirm"
    step: str
    value: Any
    shown: str


@dataclass(frozen=True)
class AwaitingLookup:
    """Asked for a receipt code (typed or as a QR photo)."""

    kind: ClassVar[str] = "lookup"


@dataclass(frozen=True)
class AwaitingFeedback:
    """Asked for feedback about the service."""

    kind: ClassVar[str] = "feedback"


@dataclass(frozen=True)
class AwaitingComment:
    """Asked for a comment after rating a dossier."""

    kind: ClassVar[str] = "comment"
    dossier: int


Pending = ConfirmingCancel | OfferingPrefill | ConfirmingAnswer | AwaitingLookup | AwaitingFeedback | AwaitingComment
PENDING_KINDS: dict[str, type] = {cls.kind: cls for cls in (ConfirmingCancel, OfferingPrefill, ConfirmingAnswer, AwaitingLookup, AwaitingFeedback, AwaitingComment)}


def pending_to_json(pending: Pending | None) -> dict[str, Any] | None:
    """Return the JSON form of a pending question: {"kind": ..., and its fields}."""
    if pending is None:
        return None
    return {"kind": pending.kind, **asdict(pending)}


def pending_from_json(data: Any) -> Pending | None:
    """Read a pending question back (the same shape the older untyped sessions stored)."""
    if not isinstance(data, dict) or data.get("kind") not in PENDING_KINDS:
        return None
    cls = PENDING_KINDS[data["kind"]]
    try:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name != "kind"})
    except (KeyError, TypeError):
        return None


# -- item: work in progress on the current step -----------------------------------------------------------


@dataclass(frozen=True)
class GroupItem:
    """A repeat group's item being filled: inner step id -> value, and "<id>#shown" -> what the citizen saw."""

    values: dict[str, Any] = field(default_factory=dict)

    def with_answer(self, step_id: str, value: Any, shown: str) -> "GroupItem":
        """Return the item with one more answer."""
        return GroupItem({**self.values, step_id: value, f"{step_id}#shown": shown})

    def answer(self, step_id: str) -> Any:
        """Return the value of an inner step, or None."""
        return self.values.get(step_id)

    def shown(self, step_id: str, default: Any = None) -> Any:
        """Return the answer as the citizen saw it (or its value, or ``default``)."""
        return self.values.get(f"{step_id}#shown", self.values.get(step_id, default))

    def answers(self) -> dict[str, Any]:
        """Return the values without their shown forms."""
        return {k: v for k, v in self.values.items() if "#" not in k}


@dataclass(frozen=True)
class ReplacingPhotos:
    """Editing a photo slot from the review: the first good new photo replaces the old ones."""

    slot: str


@dataclass(frozen=True)
class PickingPlace:
    """Half way through a place step: its stage and what is chosen so far (province, commune, matches)."""

    step: str
    progress: dict[str, Any] = field(default_factory=dict)


Item = GroupItem | ReplacingPhotos | PickingPlace


def item_to_json(item: Item | None) -> dict[str, Any]:
    """Return the JSON form of the item in progress."""
    if isinstance(item, GroupItem):
        return {"mode": "group", "values": item.values}
    if isinstance(item, ReplacingPhotos):
        return {"mode": "replace", "slot": item.slot}
    if isinstance(item, PickingPlace):
        return {"mode": "place", "step": item.step, "progress": item.progress}
    return {}


def item_from_json(data: Any) -> Item | None:
    """Read the item back; older sessions stored {"replace": slot} or the group item's values directly."""
    if not isinstance(data, dict) or not data:
        return None
    if data.get("mode") == "group":
        return GroupItem(dict(data.get("values") or {}))
    if data.get("mode") == "replace":
        return ReplacingPhotos(str(data["slot"]))
    if data.get("mode") == "place":
        return PickingPlace(str(data.get("step") or ""), dict(data.get("progress") or {}))
    if set(data) == {"replace"}:
        return ReplacingPhotos(str(data["replace"]))
    return GroupItem(dict(data))


@dataclass
class Session:
    """Everything the engine needs to continue a citizen's conversation after a restart."""

    citizen: Citizen
    language: str = "vi"
    flow_id: str | None = None
    flow_version: int | None = None
    step: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    pending: Pending | None = None
    editing: bool = False
    prefilled: list[str] = field(default_factory=list)
    item: Item | None = None
    consent: dict[str, Any] | None = None
    supplement: dict[str, Any] | None = None
    refusals: dict[str, int] = field(default_factory=dict)  # step -> answers refused in a row
    version: int = 0
    created_at: str = ""
    updated_at: str = ""

    @property
    def in_flow(self) -> bool:
        return self.flow_id is not None

    @property
    def current_step(self) -> str:
        """The id of the step being filled; asked only while a flow is in progress."""
        if self.step is None:
            raise LookupError("no step: no flow in progress")
        return self.step

    def reset_flow(self) -> None:
        """Forget the filing in progress (the language stays)."""
        self.flow_id = None
        self.flow_version = None
        self.step = None
        self.answers = {}
        self.shown = {}
        self.history = []
        self.pending = None
        self.editing = False
        self.prefilled = []
        self.item = None
        self.consent = None
        self.supplement = None
        self.refusals = {}

    def state(self) -> dict[str, Any]:
        """Return the JSON-ready part that is not a column of its own."""
        return {
            "shown": self.shown,
            "history": self.history,
            "pending": pending_to_json(self.pending),
            "editing": self.editing,
            "prefilled": self.prefilled,
            "item": item_to_json(self.item),
            "consent": self.consent,
            "supplement": self.supplement,
            "refusals": self.refusals,
        }

    def load_state(self, state: dict[str, Any]) -> None:
        """Restore what ``state()`` returned."""
        self.shown = dict(state.get("shown") or {})
        self.history = list(state.get("history") or [])
        self.pending = pending_from_json(state.get("pending"))
        self.editing = bool(state.get("editing"))
        self.prefilled = list(state.get("prefilled") or [])
        self.item = item_from_json(state.get("item"))
        self.consent = state.get("consent")
        self.supplement = state.get("supplement")
        self.refusals = dict(state.get("refusals") or {})

    def photo_hashes(self) -> list[str]:
        """Return the content hashes of every photo in this draft."""
        hashes = []
        for value in self.answers.values():
            if isinstance(value, list):
                hashes += [item["sha256"] for item in value if isinstance(item, dict) and "sha256" in item]
        return hashes

    @classmethod
    def from_stored(cls, citizen: Citizen, stored: StoredSession | None) -> "Session":
        """Return the session a stored row holds (a new one when the citizen never wrote)."""
        if stored is None:
            return cls(citizen=citizen)
        session = cls(
            citizen=citizen, language=stored.language or "vi", flow_id=stored.flow_id, flow_version=stored.flow_version,
            step=stored.step, answers=dict(stored.answers), version=stored.version, created_at=stored.created_at,
            updated_at=stored.updated_at,
        )
        session.load_state(stored.state)
        return session

    def to_stored(self) -> StoredSession:
        """Return the row storage keeps for this session (at its current version)."""
        return StoredSession(
            key=self.citizen.key, channel=self.citizen.channel, user_id=self.citizen.user_id, language=self.language,
            flow_id=self.flow_id, flow_version=self.flow_version, step=self.step, answers=self.answers,
            state=self.state(), version=self.version, created_at=self.created_at, updated_at=self.updated_at,
        )
