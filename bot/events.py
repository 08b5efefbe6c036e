"""Inbound events: what a citizen did, as typed facts, independent of the chat platform.

Channel adapters build these; the engine consumes them. Every event names the citizen it came from
as ``Citizen(channel, user_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citizen:
    """Who a conversation is with: the channel ("telegram", "zalo", "sim") and the user id on it."""

    channel: str
    user_id: str

    @property
    def key(self) -> str:
        return f"{self.channel}:{self.user_id}"


@dataclass(frozen=True)
class PhotoRef:
    """One image the citizen sent, as the platform describes it before it is downloaded."""

    file_ref: str
    size: int = 0
    width: int = 0
    height: int = 0
    mime: str = "image/jpeg"
    file_name: str = ""


@dataclass(frozen=True)
class TextReceived:
    citizen: Citizen
    text: str


@dataclass(frozen=True)
class CommandReceived:
    citizen: Citizen
    command: str
    args: str = ""


@dataclass(frozen=True)
class ButtonPressed:
    citizen: Citizen
    data: str


@dataclass(frozen=True)
class PhotoReceived:
    """One photo, or several sent together as an album (the adapter groups them)."""

    citizen: Citizen
    photos: tuple[PhotoRef, ...]
    album_id: str = ""


@dataclass(frozen=True)
class DocumentReceived:
    """A file that is not an image the engine accepts (a PDF, a video, ...)."""

    citizen: Citizen
    file_name: str
    mime: str
    size: int


@dataclass(frozen=True)
class LocationReceived:
    citizen: Citizen
    latitude: float
    longitude: float


@dataclass(frozen=True)
class PhotoChecked:
    """A photo after the host downloaded, stored and analysed it (see bot/photos.py)."""

    file_ref: str
    sha256: str
    path: str
    size: int
    mime: str
    width: int
    height: int
    brightness: float
    sharpness: float
    qr_text: str | None = None
    error: str | None = None  # "unreadable" (not a decodable JPEG/PNG/HEIC) or "too-many-pixels" (over the cap)


@dataclass(frozen=True)
class PhotosChecked:
    """All photos of one input, checked; fed back to the engine as one transaction."""

    citizen: Citizen
    photos: tuple[PhotoChecked, ...] = field(default_factory=tuple)


Event = (
    TextReceived
    | CommandReceived
    | ButtonPressed
    | PhotoReceived
    | DocumentReceived
    | LocationReceived
    | PhotosChecked
)


@dataclass(frozen=True)
class Official:
    """Someone pressing or writing in an admin chat (not necessarily an official of any office)."""

    user_id: str
    name: str

    @property
    def key(self) -> str:
        return f"official:{self.user_id}"


@dataclass(frozen=True)
class OfficialPressed:
    """A button of the admin chat was pressed (a card's action, a task's choice)."""

    official: Official
    data: str
    chat: int | None = None  # the chat it came from (an office's admin chat, the supervisors' chat)


@dataclass(frozen=True)
class OfficialWrote:
    """An official typed text in the admin chat (the reason or date their task waits for)."""

    official: Official
    text: str
    chat: int | None = None  # the chat it came from


@dataclass(frozen=True)
class OfficialCommanded:
    """An official typed a command in the admin chat (/pending, /find, /stats, /cancel, /help)."""

    official: Official
    command: str
    args: str = ""
    chat: int | None = None  # the chat it came from: its offices are the command's scope


@dataclass(frozen=True)
class CardPosted:
    """A dossier's card was posted in the admin chat as this platform message (so it can be edited later)."""

    dossier_id: int
    message_id: int


OfficialEvent = OfficialPressed | OfficialWrote | OfficialCommanded
