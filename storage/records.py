"""Typed records that storage returns: one frozen dataclass per kind of stored row, never a bare dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Dossier:
    """A submitted filing, its lifecycle state and what the officials decided."""

    id: int
    receipt_code: str
    office_code: str
    flow_id: str
    flow_version: int
    channel: str
    user_id: str
    status: int
    state: str
    version: int
    answers: dict[str, Any]
    shown: dict[str, str]
    consent: dict[str, Any]
    submitted_at: str
    expected_on: str
    updated_at: str
    pickup_on: str | None = None
    fee: int | None = None
    reason: str | None = None
    supplement: list[str] | None = None
    last_actor: str | None = None
    last_action: str | None = None
    last_action_at: str | None = None
    admin_message_id: int | None = None
    done_at: str | None = None
    rating: int | None = None
    comment: str | None = None
    fee_paid_at: str | None = None  # when an official confirmed the fee paid
    fee_paid_by: str | None = None  # that official, as the card names them
    handed_over_at: str | None = None  # when the result was handed over
    before_supplement: dict[str, Any] | None = None  # answers, shown and replaced photo slots before the last supplement


@dataclass(frozen=True)
class Attachment:
    """A stored photo: a citizen's draft (``dossier_id`` None) or part of a dossier."""

    id: int
    sha256: str
    size: int
    mime: str
    width: int
    height: int
    path: str
    owner: str
    slot: str
    dossier_id: int | None
    created_at: str


@dataclass(frozen=True)
class OfficialTask:
    """An official's action waiting for what they type next (a reason, the items, a pickup date)."""

    official_id: str
    dossier_id: int
    code: str  # the dossier's receipt code
    action: str
    version: int  # the dossier's version when the task started
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    """One line of the append-only audit log."""

    at: str
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class StoredSession:
    """A citizen's session row: the columns, and the rest of the conversation state as JSON-ready data."""

    key: str
    channel: str
    user_id: str
    language: str | None
    flow_id: str | None
    flow_version: int | None
    step: str | None
    answers: dict[str, Any]
    state: dict[str, Any]
    version: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class IdleDraft:
    """A session with a filing in progress that nobody touched for a while."""

    channel: str
    user_id: str
    updated_at: str
    reminded_at: str | None


@dataclass(frozen=True)
class Count:
    """How many dossiers share one value (a state, a procedure)."""

    value: str
    count: int


@dataclass(frozen=True)
class DossierStats:
    """Counts by state and procedure, average processing hours and satisfaction."""

    total: int
    by_state: tuple[Count, ...]
    by_flow: tuple[Count, ...]
    average_hours: float | None
    average_rating: float | None
    ratings: int


@dataclass(frozen=True)
class OfficeCounts:
    """One office's day at a glance: dossiers received today, waiting for officials, and of those overdue."""

    office_code: str
    received_today: int
    waiting: int
    overdue: int


@dataclass(frozen=True)
class LookupCounts:
    """Lookups of codes that were not the looker's own: one account's recent ones, and the service's in a window."""

    account_times: tuple[int, ...]  # when this account looked up, oldest first (seconds since the epoch)
    service_used: int  # how many the whole service answered in the current window


@dataclass(frozen=True)
class InboxUpdate:
    """A platform update as stored in the inbox, waiting to be processed."""

    seq: int
    channel: str
    update_id: str
    chat: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class OutboxRow:
    """Something to send, as stored in the outbox: the effect as JSON, rendered at send time."""

    id: int
    chat: str
    channel: str
    target: str
    effect: dict[str, Any]
    language: str
    dossier_id: int | None
    state: str
    attempts: int
    not_before: float
