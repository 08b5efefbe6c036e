"""Button payloads: every callback data the bot puts on a button, as typed values, and its one wire format.

``encode`` turns a payload into the string a platform carries (Telegram allows 64 bytes of callback data:
checked here, at encode time); ``decode`` reads it back, or returns None for anything unknown or malformed.
Officials' buttons are signed (HMAC) with ``sign`` and checked with ``verify``, so a forged or altered
press is refused. The wire format is "<prefix>:<field>:<field>", as transcripts and old messages carry it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, fields
from typing import ClassVar

MAX_BYTES = 64  # Telegram's callback_data limit


class ButtonTooLong(ValueError):
    """A payload does not fit in a platform's callback data."""


@dataclass(frozen=True)
class Payload:
    """What a button sends back; subclasses name their prefix and fields."""

    prefix: ClassVar[str]


def _yes(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


# -- filing a procedure (the engine) -------------------------------------------------------------------


@dataclass(frozen=True)
class StartFlow(Payload):
    """Begin filing this procedure (the main menu)."""

    prefix: ClassVar[str] = "m"
    flow_id: str


@dataclass(frozen=True)
class SetLanguage(Payload):
    """Speak to me in this language."""

    prefix: ClassVar[str] = "l"
    language: str


@dataclass(frozen=True)
class Answer(Payload):
    """This option of a choice step (or yes/no of the consent step)."""

    prefix: ClassVar[str] = "a"
    step: str
    value: str


@dataclass(frozen=True)
class Suggestion(Payload):
    """Answer a text step with its n-th suggestion."""

    prefix: ClassVar[str] = "s"
    step: str
    index: int


@dataclass(frozen=True)
class Skip(Payload):
    """Leave this optional step empty."""

    prefix: ClassVar[str] = "k"
    step: str


@dataclass(frozen=True)
class PhotosDone(Payload):
    """No more photos for this slot."""

    prefix: ClassVar[str] = "d"
    step: str


@dataclass(frozen=True)
class AddItem(Payload):
    """Add one more item to a repeat group (yes) or stop adding (no)."""

    prefix: ClassVar[str] = "i"
    step: str
    more: bool


@dataclass(frozen=True)
class Back(Payload):
    """Go back from this step to the previous one."""

    prefix: ClassVar[str] = "b"
    step: str


@dataclass(frozen=True)
class PlacePick(Payload):
    """In a place step: this province ("p"), this commune ("c"), or the same place as an earlier step ("s")."""

    prefix: ClassVar[str] = "pl"
    step: str
    part: str
    value: str


@dataclass(frozen=True)
class ConfirmCancel(Payload):
    """Yes, drop the filing in progress (or no, keep it)."""

    prefix: ClassVar[str] = "x"
    yes: bool


@dataclass(frozen=True)
class AcceptPrefill(Payload):
    """Use (or not) the details read from an ID card's QR code."""

    prefix: ClassVar[str] = "q"
    yes: bool


@dataclass(frozen=True)
class ReviewAction(Payload):
    """On the review screen: send, edit, or back from the edit menu."""

    prefix: ClassVar[str] = "r"
    action: str  # "send" | "edit" | "back"


@dataclass(frozen=True)
class EditStep(Payload):
    """From the review screen, answer this step again."""

    prefix: ClassVar[str] = "e"
    step: str


@dataclass(frozen=True)
class EditSection(Payload):
    """From the review's edit menu, list the items of this section of the flow."""

    prefix: ClassVar[str] = "es"
    section: str


@dataclass(frozen=True)
class ConfirmAnswer(Payload):
    """Keep (or retype) an answer the citizen was asked to confirm, such as a name without diacritics."""

    prefix: ClassVar[str] = "c"
    step: str
    yes: bool


@dataclass(frozen=True)
class HelpSkip(Payload):
    """After repeated refusals, leave this step for an officer to complete."""

    prefix: ClassVar[str] = "h"
    step: str


# -- citizen services ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Service(Payload):
    """Open a citizen service (lookup, mine, feedback, ...)."""

    prefix: ClassVar[str] = "svc"
    name: str


@dataclass(frozen=True)
class AskWithdraw(Payload):
    """Withdraw this dossier (asks for confirmation)."""

    prefix: ClassVar[str] = "w"
    dossier_id: int


@dataclass(frozen=True)
class Withdraw(Payload):
    """Yes, withdraw this dossier."""

    prefix: ClassVar[str] = "wy"
    dossier_id: int


@dataclass(frozen=True)
class Rate(Payload):
    """Rate a handed-over dossier from 1 to 5."""

    prefix: ClassVar[str] = "rate"
    dossier_id: int
    score: int


@dataclass(frozen=True)
class StartSupplement(Payload):
    """Redo the items the officials asked for on this dossier."""

    prefix: ClassVar[str] = "sup"
    dossier_id: int


@dataclass(frozen=True)
class Erase(Payload):
    """Yes, erase my drafts (or no, keep them)."""

    prefix: ClassVar[str] = "erase"
    yes: bool


# -- officials (the admin chat) -----------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialAction(Payload):
    """An action on a dossier card at a version of the dossier; travels signed (see ``sign``)."""

    prefix: ClassVar[str] = "o"
    action: str
    dossier_id: int
    version: int


@dataclass(frozen=True)
class ConfirmAction(Payload):
    """Yes, take this irreversible action on the dossier at this version; only this official may press it (signed)."""

    prefix: ClassVar[str] = "oy"
    action: str
    dossier_id: int
    version: int
    official: str


@dataclass(frozen=True)
class DropConfirm(Payload):
    """No, do not take the action the confirmation asked about."""

    prefix: ClassVar[str] = "on"
    dossier_id: int


@dataclass(frozen=True)
class ShowCard(Payload):
    """Post this dossier's card again (a line of /find's list)."""

    prefix: ClassVar[str] = "ocard"
    dossier_id: int


@dataclass(frozen=True)
class PickItem(Payload):
    """Tick or untick the n-th item to redo in a supplement request (of the task on this dossier)."""

    prefix: ClassVar[str] = "os"
    dossier_id: int
    index: int


@dataclass(frozen=True)
class ItemsChosen(Payload):
    """The items to redo are ticked: go on."""

    prefix: ClassVar[str] = "oc"
    dossier_id: int


@dataclass(frozen=True)
class UseDefaultDate(Payload):
    """Take the proposed pickup date."""

    prefix: ClassVar[str] = "od"
    dossier_id: int


@dataclass(frozen=True)
class CancelTask(Payload):
    """Drop the official's task in progress (on this dossier)."""

    prefix: ClassVar[str] = "ox"
    dossier_id: int


PAYLOADS: dict[str, type[Payload]] = {
    cls.prefix: cls
    for cls in (
        StartFlow, SetLanguage, Answer, Suggestion, Skip, PhotosDone, AddItem, Back, PlacePick, ConfirmCancel, AcceptPrefill,
        ReviewAction, EditStep, EditSection, ConfirmAnswer, HelpSkip, Service, AskWithdraw, Withdraw, Rate, StartSupplement, Erase,
        OfficialAction, ConfirmAction, DropConfirm, ShowCard, PickItem, ItemsChosen, UseDefaultDate, CancelTask,
    )
}
STEP_BOUND = (Answer, Suggestion, Skip, PhotosDone, AddItem, Back, HelpSkip, PlacePick)  # buttons of one step of a flow
FILING = STEP_BOUND + (ConfirmCancel, AcceptPrefill, ReviewAction, EditStep, EditSection, ConfirmAnswer)  # buttons of a filing in progress
SERVICES = (Service, AskWithdraw, Withdraw, Rate, StartSupplement, Erase)


def encode(payload: Payload) -> str:
    """Return the callback data for a payload; refuse one longer than Telegram's 64 bytes."""
    parts = [payload.prefix]
    for item in fields(payload):
        value = getattr(payload, item.name)
        parts.append(("yes" if value else "no") if isinstance(value, bool) else str(value))
    data = ":".join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ButtonTooLong(f"button data is {len(data.encode())} bytes, more than {MAX_BYTES}: {data[:20]}...")
    return data


def decode(data: str) -> Payload | None:
    """Read callback data back into its payload; None when it is unknown or malformed."""
    prefix, _, rest = data.partition(":")
    cls = PAYLOADS.get(prefix)
    if cls is None:
        return None
    names = [item for item in fields(cls)]
    raw = rest.split(":", len(names) - 1) if names else []
    if len(raw) != len(names) or (not names and rest):
        return None
    values = []
    for item, text in zip(names, raw, strict=True):
        type_name = item.type if isinstance(item.type, str) else item.type.__name__
        if type_name == "int":
            if not text.isdigit():
                return None
            values.append(int(text))
        elif type_name == "bool":
            yes = _yes(text)
            if yes is None:
                return None
            values.append(yes)
        elif not text:
            return None
        else:
            values.append(text)
    return cls(*values)


def sign(payload: Payload, secret: bytes) -> str:
    """Return the payload's callback data followed by a short HMAC signature."""
    data = encode(payload)
    digest = hmac.new(secret, data.encode(), hashlib.sha256).digest()[:6]
    signed = f"{data}:{base64.urlsafe_b64encode(digest).decode().rstrip('=')}"
    if len(signed.encode()) > MAX_BYTES:
        raise ButtonTooLong(f"signed button data is {len(signed.encode())} bytes, more than {MAX_BYTES}")
    return signed


def verify(data: str, secret: bytes) -> Payload | None:
    """Return the payload of signed callback data, or None if the signature does not match."""
    unsigned, _, _signature = data.rpartition(":")
    payload = decode(unsigned) if unsigned else None
    if payload is None or not hmac.compare_digest(sign(payload, secret), data):
        return None
    return payload
