"""A citizen's conversation state: the flow they are filing, where they are, and what they answered.

Stored as JSON (never pickled) by storage/sessions.py, converted here to and from its ``StoredSession``;
the engine reads and changes it in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.events import Citizen
from storage.records import StoredSession


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
    pending: dict[str, Any] | None = None
    editing: bool = False
    prefilled: list[str] = field(default_factory=list)
    item: dict[str, Any] = field(default_factory=dict)
    consent: dict[str, Any] | None = None
    supplement: dict[str, Any] | None = None
    version: int = 0
    created_at: str = ""
    updated_at: str = ""

    @property
    def in_flow(self) -> bool:
        return self.flow_id is not None

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
        self.item = {}
        self.consent = None
        self.supplement = None

    def state(self) -> dict[str, Any]:
        """Return the JSON-ready part that is not a column of its own."""
        return {
            "shown": self.shown,
            "history": self.history,
            "pending": self.pending,
            "editing": self.editing,
            "prefilled": self.prefilled,
            "item": self.item,
            "consent": self.consent,
            "supplement": self.supplement,
        }

    def load_state(self, state: dict[str, Any]) -> None:
        """Restore what ``state()`` returned."""
        self.shown = dict(state.get("shown") or {})
        self.history = list(state.get("history") or [])
        self.pending = state.get("pending")
        self.editing = bool(state.get("editing"))
        self.prefilled = list(state.get("prefilled") or [])
        self.item = dict(state.get("item") or {})
        self.consent = state.get("consent")
        self.supplement = state.get("supplement")

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
