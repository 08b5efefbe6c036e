"""Effects: what the engine wants done, as data. The host and the channel adapters carry them out.

Messages are message keys with parameters, rendered in the citizen's language at the edge. A parameter
may itself be a ``Text`` (rendered first) or a list of them (rendered and joined by new lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from locales.text import Button as Button, Text as Text  # re-exported: the effects speak this vocabulary


@dataclass(frozen=True)
class Say:
    """Send a message to the citizen, with rows of buttons."""

    text: Text
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True)
class Fetch:
    """Download these photos, store and check them, then feed back ``PhotosChecked``."""

    photos: tuple  # tuple[PhotoRef, ...]
    slot: str
    decode_qr: bool = False  # look for a QR code (ID card slots, receipt lookups): costs time on big photos


@dataclass(frozen=True)
class Submit:
    """Create a dossier from a finished filing."""

    flow_id: str
    flow_version: int
    answers: dict[str, Any]
    attachments: dict[str, list[str]]  # slot -> content hashes, in the order received
    consent: dict[str, Any]
    shown: dict[str, str]  # step -> the answer as the citizen saw it on the review screen
    supplement_of: int | None = None  # the dossier this completes, when it answers a supplement request


@dataclass(frozen=True)
class SendPhoto:
    """Send an image from the blob store (a receipt QR code, a document photo) with a caption."""

    path: str
    caption: Text | None = None


@dataclass(frozen=True)
class Forget:
    """Delete these draft photos (content hashes) unless a submitted dossier holds them."""

    hashes: tuple[str, ...]


@dataclass(frozen=True)
class Scrub:
    """Once this input is committed, make what it erased unreadable in the database files too (storage/erasure.py)."""


@dataclass(frozen=True)
class Notify:
    """Send a message to a citizen other than the one who caused it (on whichever channel they used)."""

    channel: str
    user_id: str
    text: Text
    buttons: tuple[tuple[Button, ...], ...] = ()
    qr: str = ""  # a QR code to draw and send after the text (a fee request's VietQR payload)
    qr_caption: Text | None = None


@dataclass(frozen=True)
class AdminPost:
    """Post in the officials' admin chat; with a dossier id it is that dossier's card (with its photos, then its
    documents: the declaration PDF, drawn when the post is sent)."""

    text: Text
    buttons: tuple[tuple[Button, ...], ...] = ()
    photos: tuple[str, ...] = ()
    dossier_id: int | None = None
    office: str | None = None  # the unit code of the office whose admin chat it goes to (None: the chat that asked)
    captions: tuple[Text, ...] = ()  # one per photo (its document), in the order of ``photos``
    prompt_for: str | None = None  # the official whose task this prompt asks for (its message id is kept on the task)
    documents: tuple[tuple[str, str], ...] = ()  # files to attach: (path in the blob store, file name shown)
    declaration: int | None = None  # the dossier whose declaration PDF the sender draws and attaches to the documents


@dataclass(frozen=True)
class EditCard:
    """Edit a dossier's card in the admin chat in place (the admin chat's message id) to show this."""

    message_id: int
    text: Text
    buttons: tuple[tuple[Button, ...], ...] = ()
    office: str | None = None  # the unit code of the office whose admin chat holds the card


@dataclass(frozen=True)
class Toast:
    """Answer the button press that caused this (a short notice, or an alert the presser must close)."""

    text: Text
    alert: bool = False


@dataclass(frozen=True)
class EditPressed:
    """Replace the text and buttons of the message whose button was just pressed."""

    text: Text
    buttons: tuple[tuple[Button, ...], ...] = ()


Effect = Say | Fetch | Submit | SendPhoto | Forget | Scrub | Notify | AdminPost | EditCard | Toast | EditPressed
