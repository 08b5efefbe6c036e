"""An in-process client for the whole host: citizens and officials chat with the real desk, no HTTP.

``Client`` builds the service as ``main.build`` wires it (a real SQLite file and blob store in a temporary
directory, the real back office and citizen services) and puts a collecting channel where Telegram would be:
it records, chat by chat, what would be sent (citizens' messages with their buttons and photos, the admin
chat's posts, cards and their edits, the toast answering a press). People act through the same edge the real
channels use (``bot.edge.serve`` and ``serve_official`` with the dispatcher), so the lock, the transaction,
the error handler and the routing of notifications and cards are the real ones::

    client = Client(tmp_path)
    lan = client.citizen(1001)
    await lan.send("/start")
    await lan.click("Đăng ký khai sinh")
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("✅ Tiếp nhận", card=code)

The offices are those of bot/offices.yaml (two offices: Phường Tân Ninh, chat -1001, officials 2001 and 2002;
Xã Tân Biên, chat -1002, official 2003; the supervisors' chat -1009), written to a file in the temporary
directory; ``client.admin`` is the first office's chat, ``client.chat("admin:-1002")`` another's. An official
acts in their office's chat unless told another (``client.official(2003, chat=-1001)``).

Each action returns what the actor saw because of it (``Seen``); ``client.chat(...)`` holds every message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

import main
from bot.desk import VIETNAM
from bot.edge import serve, serve_official
from bot.effects import AdminPost, EditCard, EditPressed, Effect, Say, SendPhoto, Toast
from bot.events import (
    ButtonPressed,
    Citizen,
    CommandReceived,
    DocumentReceived,
    Event,
    Official,
    OfficialCommanded,
    OfficialPressed,
    OfficialWrote,
    PhotoReceived,
    PhotoRef,
    TextReceived,
)
from bot.offices import DEFAULT_OFFICES
from bot.sender import Limits
from bot.settings import Settings
from locales.catalog import DEFAULT_LANGUAGE
from tests.transcript import make_image

ADMIN_CHATS = {"A": -1001, "B": -1002, "supervisors": -1009}  # the chats of bot/offices.yaml
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)  # a Tuesday morning


@dataclass
class Message:
    """One message in a chat as a person sees it: rendered text, buttons (label, data), a photo, edits."""

    id: int
    text: str = ""
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)
    photo: str | None = None  # the image file's path
    edits: int = 0
    document: tuple[str, str] | None = None  # a file sent as a document: (its path, the file name shown)

    @property
    def labels(self) -> list[str]:
        return [label for row in self.buttons for label, _ in row]

    def data_of(self, label: str) -> str | None:
        """The data of the button with this label (or this data), if the message has one."""
        for row in self.buttons:
            for shown, data in row:
                if label in (shown, data):
                    return data
        return None


@dataclass
class Seen:
    """What one action made the actor see: new messages in their chat (or the admin chat), messages edited
    there, and the answer to a press."""

    messages: list[Message]
    edited: list[Message] = field(default_factory=list)
    toast: str | None = None
    alert: bool = False

    @property
    def text(self) -> str:
        """Every new message's text, joined by blank lines."""
        return "\n\n".join(m.text for m in self.messages)

    @property
    def last(self) -> Message:
        return self.messages[-1]

    def __contains__(self, fragment: str) -> bool:
        return any(fragment in m.text for m in self.messages + self.edited) or fragment in (self.toast or "")


class CollectingChannel:
    """The edge of one channel, faked: records what would be sent instead of calling a platform."""

    def __init__(self, client: Client, name: str) -> None:
        self.client, self.name = client, name

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> int | None:
        """Record messages and photos for one citizen, rendered in their language; return the last one's id."""
        render = self.client.services.catalog.render
        sent = None
        for effect in effects:
            if isinstance(effect, Say):
                sent = self.client.add(f"{self.name}:{user_id}", render(language, effect.text), self.client.rows(language, effect.buttons))
            elif isinstance(effect, SendPhoto):
                caption = render(language, effect.caption) if effect.caption else ""
                sent = self.client.add(f"{self.name}:{user_id}", caption, photo=effect.path)
        return sent.id if sent is not None else None

    def failure(self, error: Exception) -> tuple[str, float]:
        """A recording never fails for a platform's reasons: whatever failed is refused (and shows in the test)."""
        return "refused", 0.0


class CollectingAdminChat:
    """The admin chat, faked: posts (photos, documents, then the text with its buttons) and edits of cards in place."""

    def __init__(self, client: Client) -> None:
        self.client = client

    async def post(self, post: AdminPost, chat: int | None = None) -> int | None:
        key = admin_key(chat if chat is not None else ADMIN_CHATS["A"])
        render = self.client.services.catalog.render
        captions = [render(DEFAULT_LANGUAGE, c) for c in post.captions] + [""] * len(post.photos)
        for path, caption in zip(post.photos, captions, strict=False):
            self.client.add(key, caption, photo=path)
        for document in post.documents:
            self.client.add(key, "").document = document
        text = self.client.services.catalog.render(DEFAULT_LANGUAGE, post.text)
        return self.client.add(key, text, self.client.rows(DEFAULT_LANGUAGE, post.buttons)).id

    async def edit_card(self, edit: EditCard, chat: int | None = None) -> None:
        text = self.client.services.catalog.render(DEFAULT_LANGUAGE, edit.text)
        self.client.edit(edit.message_id, text, self.client.rows(DEFAULT_LANGUAGE, edit.buttons))


class Client:
    """The real host on a temporary directory, with collecting channels and the people using it."""

    def __init__(self, tmp_path: Path, *, officials: Sequence[int] = (2001, 2002), now: datetime = NOW) -> None:
        self.now = now
        offices = yaml.safe_load(DEFAULT_OFFICES.read_text(encoding="utf-8"))
        offices["offices"][0]["officials"] = list(officials)
        tmp_path.mkdir(parents=True, exist_ok=True)
        (tmp_path / "offices.yaml").write_text(yaml.safe_dump(offices, allow_unicode=True), encoding="utf-8")
        self.settings = replace(Settings(), data_dir=tmp_path / "data", offices_file=tmp_path / "offices.yaml")
        self.chats: dict[str, list[Message]] = {}
        self.files: dict[str, bytes] = {}
        self.next_id = 0
        self.channels = {name: CollectingChannel(self, name) for name in ("telegram", "zalo")}
        self._wire()

    def _wire(self) -> None:
        self.services = main.build(self.settings, clock=lambda: self.now)
        for channel in self.channels.values():
            self.services.dispatcher.register(channel)
        self.services.dispatcher.admin = CollectingAdminChat(self)
        self.services.sender.limits = Limits(per_second=0, per_group_minute=0)  # no flood limits to wait out here

    async def delivered(self) -> None:
        """Let the sender deliver the outbox (started on first use, in the test's event loop)."""
        sender = self.services.sender
        if sender.task is None:
            sender.start()
        sender.wake()
        assert await sender.idle(), "the outbox was not delivered"

    def _stop_sender(self) -> None:
        sender = self.services.sender
        for task in (sender.task, *sender.workers.values()):
            if task is not None:
                task.cancel()

    def close(self) -> None:
        self._stop_sender()
        self.services.db.close()

    def restart(self) -> None:
        """Close the database and wire everything again on the same files, as after a restart."""
        self.close()
        self._wire()

    # -- the people ----------------------------------------------------------------------------

    def citizen(self, user_id: int | str, channel: str = "telegram") -> CitizenHandle:
        return CitizenHandle(self, Citizen(channel, str(user_id)))

    def official(self, user_id: int | str, name: str = "Cán bộ", chat: int | None = None) -> OfficialHandle:
        """Someone in an admin chat: ``chat``, else the chat of the first office they belong to, else office A's."""
        if chat is None:
            mine = self.services.offices.of_official(int(user_id)) if str(user_id).lstrip("-").isdigit() else ()
            chat = mine[0].admin_chat if mine else ADMIN_CHATS["A"]
        return OfficialHandle(self, Official(str(user_id), name), chat)

    # -- the chats -----------------------------------------------------------------------------

    def chat(self, key: str) -> list[Message]:
        """Every message of a chat: ``"telegram:1001"`` for a citizen, ``"admin:-1001"`` for an admin chat."""
        return self.chats.setdefault(key, [])

    @property
    def admin(self) -> list[Message]:
        """The first office's admin chat (Phường Tân Ninh)."""
        return self.chat(admin_key(ADMIN_CHATS["A"]))

    def card(self, code: str) -> Message:
        """A dossier's card, in whichever admin chat it was posted (as edited since)."""
        cards = [m for key, messages in self.chats.items() if key.startswith("admin:") for m in messages
                 if f"Hồ sơ {code}" in m.text and "Trạng thái:" in m.text]
        assert cards, f"no card for {code} in an admin chat"
        return cards[-1]

    def add(self, chat: str, text: str, buttons: list | None = None, photo: str | None = None) -> Message:
        self.next_id += 1
        message = Message(self.next_id, text, buttons or [], photo)
        self.chat(chat).append(message)
        return message

    def edit(self, message_id: int, text: str, buttons: list) -> Message:
        for messages in self.chats.values():
            for message in messages:
                if message.id == message_id:
                    message.text, message.buttons, message.edits = text, buttons, message.edits + 1
                    return message
        raise AssertionError(f"edit of message {message_id}, which was never sent")

    def rows(self, language: str, rows) -> list[list[tuple[str, str]]]:
        render = self.services.catalog.render
        return [[(render(language, b.label), b.data) for b in row] for row in rows if row]

    async def fetch(self, ref: PhotoRef) -> bytes:
        return self.files[ref.file_ref]

    def photo_ref(self, spec: Any, mime: str = "image/jpeg") -> PhotoRef:
        """Store a generated image (a tests.transcript.make_image spec, or raw bytes of ``mime``) as a file to fetch."""
        data, mime = (spec, mime) if isinstance(spec, bytes) else make_image(spec)
        self.next_id += 1
        ref = f"file-{self.next_id}"
        self.files[ref] = data
        return PhotoRef(file_ref=ref, size=len(data), mime=mime)

    def _snapshot(self, key: str) -> tuple[int, dict[int, tuple[str, list]]]:
        messages = self.chat(key)
        return len(messages), {m.id: (m.text, m.buttons) for m in messages}

    def _seen(self, key: str, before: tuple[int, dict]) -> Seen:
        count, versions = before
        messages = self.chat(key)
        edited = [m for m in messages[:count] if versions.get(m.id) != (m.text, m.buttons)]
        return Seen(messages[count:], edited)


@dataclass
class CitizenHandle:
    """A citizen in their private chat."""

    client: Client
    who: Citizen

    @property
    def messages(self) -> list[Message]:
        return self.client.chat(self.who.key)

    async def act(self, event: Event) -> Seen:
        """Serve one event through the edge, as the channel would; return what this citizen saw."""
        client = self.client
        before = client._snapshot(self.who.key)
        services = client.services
        await serve(services.desk, services.dispatcher, self.who, event, client.fetch)
        await client.delivered()
        return client._seen(self.who.key, before)

    async def send(self, text: str) -> Seen:
        """Type a message (a /command when it starts with a slash)."""
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            return await self.act(CommandReceived(self.who, command, args.strip()))
        return await self.act(TextReceived(self.who, text))

    async def click(self, label: str) -> Seen:
        """Press the button with this label (or data) on the newest message offering it."""
        for message in reversed(self.messages):
            data = message.data_of(label)
            if data is not None:
                return await self.act(ButtonPressed(self.who, data))
        raise AssertionError(f"no button {label!r}; offered: {[m.labels for m in self.messages[-3:]]}")

    async def photo(self, spec: Any, mime: str = "image/jpeg") -> Seen:
        """Send one photo (a make_image spec such as ``{"kind": "document", "seed": 1}``, or bytes)."""
        return await self.act(PhotoReceived(self.who, (self.client.photo_ref(spec, mime),)))

    async def album(self, *specs: Any) -> Seen:
        """Send several photos as one album."""
        refs = tuple(self.client.photo_ref(spec) for spec in specs)
        return await self.act(PhotoReceived(self.who, refs, album_id=refs[0].file_ref))

    async def document(self, file_name: str, mime: str, size: int) -> Seen:
        """Send a file that is not a photo."""
        return await self.act(DocumentReceived(self.who, file_name=file_name, mime=mime, size=size))


@dataclass
class OfficialHandle:
    """Someone in the admin chat (an official, or not)."""

    client: Client
    who: Official
    chat: int = ADMIN_CHATS["A"]

    @property
    def key(self) -> str:
        return admin_key(self.chat)

    @property
    def messages(self) -> list[Message]:
        return self.client.chat(self.key)

    async def _serve(self, event, pressed: Message | None = None) -> Seen:
        client = self.client
        before = client._snapshot(self.key)
        answered: list[Effect] = []

        async def answer(effects: Sequence[Effect]) -> None:
            for effect in effects:
                if isinstance(effect, Toast):
                    answered.append(effect)
                elif isinstance(effect, EditPressed) and pressed is not None:
                    client.edit(pressed.id, client.services.catalog.render(DEFAULT_LANGUAGE, effect.text),
                                client.rows(DEFAULT_LANGUAGE, effect.buttons))

        await serve_official(client.services.desk, client.services.dispatcher, event, answer)
        await client.delivered()
        seen = client._seen(self.key, before)
        if answered:
            seen.toast = client.services.catalog.render(DEFAULT_LANGUAGE, answered[-1].text)
            seen.alert = answered[-1].alert
        return seen

    async def click(self, label: str, *, card: str | None = None) -> Seen:
        """Press a button in their admin chat: on a dossier's card (by receipt code, wherever it is), else on the
        newest message offering it."""
        client = self.client
        candidates = [client.card(card)] if card is not None else list(reversed(self.messages))
        for message in candidates:
            data = message.data_of(label)
            if data is not None:
                return await self._serve(OfficialPressed(self.who, data, self.chat), message)
        raise AssertionError(f"no button {label!r} in the admin chat")

    async def press_data(self, data: str, on: Message | None = None) -> Seen:
        """Press a button with these exact data (a forged or outdated one)."""
        return await self._serve(OfficialPressed(self.who, data, self.chat), on)

    async def write(self, text: str) -> Seen:
        """Type text in their admin chat (the reason or date a task waits for)."""
        return await self._serve(OfficialWrote(self.who, text, self.chat))

    async def command(self, command: str, args: str = "") -> Seen:
        """Type a command in their admin chat (``pending``, ``find``, ``stats`` ...)."""
        return await self._serve(OfficialCommanded(self.who, command, args, self.chat))


def admin_key(chat: int) -> str:
    """Return the client's key of an admin chat's messages."""
    return f"admin:{chat}"
