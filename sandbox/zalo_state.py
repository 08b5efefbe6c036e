"""The Zalo side of the sandbox, in memory: Zalo bots, people, private chats, messages, files, updates.

Pure bookkeeping with no HTTP, like :mod:`sandbox.state` for Telegram. Ids are strings, dates are
milliseconds, a private chat's id is the person's id. What a person sends becomes one pending update
for the bot (``{event_name, message}``); images are stored here and the update's ``photo_url`` points
at ``/sandbox/zalo/files/<id>``, which expires after ``photo_ttl`` seconds as Zalo's CDN links do.
Rule violations raise :class:`ZaloApiError`; ``listeners`` are called after every change.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.models import ChatEvent

TEXT_LIMIT = 2000
FILES_PREFIX = "/sandbox/zalo/files"
DEFAULT_PHOTO_TTL = 600.0
MAX_EVENTS_PER_CHAT = 5000
EVENT_TEXT = "message.text.received"
EVENT_IMAGE = "message.image.received"
EVENT_STICKER = "message.sticker.received"
EVENT_UNSUPPORTED = "message.unsupported.received"
CHAT_ACTIONS = frozenset({"typing", "upload_photo"})


class ZaloApiError(Exception):
    """A refused Zalo call; ``code`` is both ``error_code`` and the HTTP status."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def to_json(self) -> dict[str, Any]:
        """Render the Zalo error body."""
        return {"ok": False, "error_code": self.code, "description": self.description}


def bad_request(description: str) -> ZaloApiError:
    """Build a 400 error."""
    return ZaloApiError(400, description)


@dataclass(frozen=True)
class ZaloQuota:
    """At most ``limit`` messages (sendMessage/sendPhoto) per ``period`` seconds, per bot."""

    limit: int
    period: float


@dataclass
class ZaloUser:
    """A Zalo account that talks to bots."""

    id: str
    display_name: str

    def to_api(self) -> dict[str, Any]:
        """Render as the ``from`` of a message."""
        return {"id": self.id, "display_name": self.display_name, "is_bot": False}


@dataclass
class ZaloWebhook:
    """A bot's webhook and its delivery record."""

    url: str
    secret_token: str
    updated_at: int
    last_error: str | None = None
    last_error_date: int | None = None


@dataclass
class ZaloBot:
    """A Zalo bot: token, account, pending updates, webhook and quota."""

    token: str
    id: str
    name: str
    updates: deque[dict[str, Any]] = field(default_factory=deque)
    webhook: ZaloWebhook | None = None
    quota: ZaloQuota | None = None
    sent_at: deque[float] = field(default_factory=deque)

    def me(self) -> dict[str, Any]:
        """Render the ``getMe`` result."""
        return {"id": self.id, "account_name": self.name, "display_name": self.name,
                "account_type": "BASIC", "can_join_groups": False}

    def sender(self) -> dict[str, Any]:
        """Render as the ``from`` of its messages."""
        return {"id": self.id, "display_name": self.name, "is_bot": True}


@dataclass
class ZaloFile:
    """Bytes kept by the sandbox: an image a person sent, or a photo a bot sent from 127.0.0.1."""

    id: str
    data: bytes
    mime_type: str
    expires_at: float | None = None


@dataclass
class ZaloMessage:
    """A message in a private chat, from the person or from the bot."""

    message_id: str
    chat_id: str
    sender: dict[str, Any]
    date: int
    kind: str
    text: str | None = None
    photo_url: str | None = None
    file_id: str | None = None
    caption: str | None = None
    sticker: str | None = None
    event_name: str | None = None

    def view(self) -> dict[str, Any]:
        """Render for the client API and the page (``file_url`` is page-relative)."""
        data: dict[str, Any] = {
            "message_id": self.message_id, "chat": {"id": self.chat_id, "chat_type": "PRIVATE"},
            "from": {**self.sender, "first_name": self.sender["display_name"]},
            "date": self.date, "kind": self.kind,
        }
        if self.event_name:
            data["event_name"] = self.event_name
        if self.text is not None:
            data["text"] = self.text
            data["html"] = html.escape(self.text)
        if self.photo_url:
            data["photo_url"] = self.photo_url
        if self.file_id:
            data["file_url"] = f"{FILES_PREFIX}/{self.file_id}"
        if self.caption:
            data["caption"] = self.caption
            data["caption_html"] = html.escape(self.caption)
        if self.sticker:
            data["sticker"] = self.sticker
        return data


@dataclass
class ZaloChat:
    """The private chat of one bot with one person."""

    bot_id: str
    user_id: str
    messages: list[ZaloMessage] = field(default_factory=list)
    events: list[ChatEvent] = field(default_factory=list)


def _hex_id(kind: str, number: int, length: int) -> str:
    """Make a stable Zalo-looking hex id."""
    return hashlib.sha1(f"sandbox-zalo-{kind}:{number}".encode()).hexdigest()[:length]


class ZaloWorld:
    """Everything the Zalo side of the sandbox knows; ``base_url()`` makes absolute file URLs."""

    def __init__(self, base_url: Callable[[], str], *, clock: Callable[[], float] = time.time,
                 photo_ttl: float = DEFAULT_PHOTO_TTL, webhook_envelope: bool = True) -> None:
        self.base_url = base_url
        self.clock = clock
        self.photo_ttl = photo_ttl
        self.webhook_envelope = webhook_envelope
        self.bots: dict[str, ZaloBot] = {}
        self.users: dict[str, ZaloUser] = {}
        self.chats: dict[tuple[str, str], ZaloChat] = {}
        self.files: dict[str, ZaloFile] = {}
        self.listeners: list[Callable[[], None]] = []
        self.seq = 0
        self._counter = itertools.count(1)

    def now_ms(self) -> int:
        """Return the current time in milliseconds."""
        return int(self.clock() * 1000)

    def changed(self) -> None:
        """Tell every listener that something changed."""
        for listener in list(self.listeners):
            listener()

    # ------------------------------------------------------------------------------ registry

    def add_bot(self, token: str, name: str, *, quota: ZaloQuota | None = None) -> ZaloBot:
        """Register a bot; its id is the token's part before ':' when there is one."""
        if not token or "/" in token:
            raise ValueError("a Zalo bot token is required and cannot contain '/'")
        prefix = token.split(":", 1)[0] if ":" in token else ""
        bot_id = prefix or _hex_id("bot", next(self._counter), 16)
        bot = ZaloBot(token=token, id=bot_id, name=name, quota=quota)
        self.bots[bot_id] = bot
        self.changed()
        return bot

    def bot_by_token(self, token: str) -> ZaloBot | None:
        """Return the bot with this token, if any."""
        return next((bot for bot in self.bots.values() if bot.token == token), None)

    def resolve_bot(self, ref: str | None = None) -> ZaloBot:
        """Pick a bot by id or name; with no ref, the only bot."""
        if ref:
            for bot in self.bots.values():
                if ref in (bot.id, bot.name):
                    return bot
            raise ZaloApiError(404, f"no Zalo bot {ref!r}")
        if len(self.bots) == 1:
            return next(iter(self.bots.values()))
        raise bad_request("several Zalo bots: say which one with 'bot'" if self.bots else "no Zalo bot yet")

    def set_quota(self, bot: ZaloBot, quota: ZaloQuota | None) -> None:
        """Change a bot's quota and forget what it has spent."""
        bot.quota = quota
        bot.sent_at.clear()

    def add_user(self, display_name: str, user_id: str | None = None) -> ZaloUser:
        """Create a person (or rename one) and return them."""
        display_name = display_name.strip()
        if not display_name:
            raise bad_request("display_name is required")
        user_id = (user_id or "").strip() or _hex_id("user", next(self._counter), 20)
        if user_id in self.bots:
            raise bad_request("this id belongs to a bot")
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = ZaloUser(user_id, display_name)
        user.display_name = display_name
        self.changed()
        return user

    def user(self, user_id: str) -> ZaloUser:
        """Return a person or raise 404."""
        user = self.users.get(str(user_id))
        if user is None:
            raise ZaloApiError(404, f"no Zalo user {user_id!r}")
        return user

    def chat(self, bot: ZaloBot, user_id: str) -> ZaloChat:
        """Return (creating it) the private chat of a bot with a person."""
        key = (bot.id, user_id)
        chat = self.chats.get(key)
        if chat is None:
            chat = self.chats[key] = ZaloChat(bot.id, user_id)
        return chat

    # ------------------------------------------------------------------------------ events

    def _emit(self, chat: ZaloChat, kind: str, payload: dict[str, Any]) -> ChatEvent:
        self.seq += 1
        event = ChatEvent(seq=self.seq, kind=kind, payload=payload)
        chat.events.append(event)
        if len(chat.events) > MAX_EVENTS_PER_CHAT:
            del chat.events[: len(chat.events) - MAX_EVENTS_PER_CHAT]
        return event

    def events_after(self, chat: ZaloChat, after: int) -> list[ChatEvent]:
        """Return a chat's events with ``seq`` greater than ``after``."""
        return [event for event in chat.events if event.seq > after]

    def _post(self, chat: ZaloChat, message: ZaloMessage) -> ZaloMessage:
        chat.messages.append(message)
        self._emit(chat, "message", {"message": message.view()})
        return message

    def _message_id(self) -> str:
        return _hex_id("message", next(self._counter), 32)

    # ------------------------------------------------------------------------------ files

    def store_file(self, data: bytes, mime_type: str, *, ttl: float | None = None) -> ZaloFile:
        """Keep bytes under a new id, expiring after ``ttl`` seconds when given."""
        stored = ZaloFile(id=_hex_id("file", next(self._counter), 24), data=data, mime_type=mime_type,
                          expires_at=self.clock() + ttl if ttl is not None else None)
        self.files[stored.id] = stored
        return stored

    def file(self, file_id: str) -> ZaloFile | None:
        """Return a stored file, or None when unknown or expired."""
        stored = self.files.get(file_id)
        if stored is None or (stored.expires_at is not None and self.clock() >= stored.expires_at):
            return None
        return stored

    def file_url(self, file_id: str) -> str:
        """Return the absolute URL of a stored file, as updates carry it."""
        return f"{self.base_url()}{FILES_PREFIX}/{file_id}"

    # ------------------------------------------------------------------------------ a person acts

    def _user_message(self, bot: ZaloBot, user_id: str, event_name: str, kind: str,
                      content: dict[str, Any]) -> ZaloMessage:
        user = self.user(user_id)
        chat = self.chat(bot, user.id)
        message = ZaloMessage(message_id=self._message_id(), chat_id=user.id, sender=user.to_api(),
                              date=self.now_ms(), kind=kind, event_name=event_name, **content)
        self._post(chat, message)
        body: dict[str, Any] = {
            "from": {"id": user.id, "display_name": user.display_name, "is_bot": False},
            "chat": {"id": user.id, "chat_type": "PRIVATE"},
            "message_id": message.message_id, "date": message.date,
        }
        for key in ("text", "photo_url", "caption", "sticker"):
            if getattr(message, key):
                body[key] = getattr(message, key)
        bot.updates.append({"event_name": event_name, "message": body})
        self.changed()
        return message

    def user_text(self, bot: ZaloBot, user_id: str, text: str) -> ZaloMessage:
        """Send text to a bot as a person."""
        text = text.strip()
        if not text:
            raise bad_request("text is empty")
        if len(text) > TEXT_LIMIT:
            raise bad_request(f"text is longer than {TEXT_LIMIT} characters")
        return self._user_message(bot, user_id, EVENT_TEXT, "text", {"text": text})

    def user_photo(self, bot: ZaloBot, user_id: str, data: bytes, mime_type: str,
                   caption: str = "") -> ZaloMessage:
        """Send an image to a bot as a person; the update links to it until it expires."""
        stored = self.store_file(data, mime_type, ttl=self.photo_ttl)
        return self._user_message(bot, user_id, EVENT_IMAGE, "photo", {
            "photo_url": self.file_url(stored.id), "file_id": stored.id, "caption": caption.strip() or None,
        })

    def user_sticker(self, bot: ZaloBot, user_id: str, sticker: str) -> ZaloMessage:
        """Send a sticker to a bot as a person."""
        return self._user_message(bot, user_id, EVENT_STICKER, "sticker", {"sticker": sticker or "sticker"})

    def user_unsupported(self, bot: ZaloBot, user_id: str) -> ZaloMessage:
        """Send something the Bot API does not describe (a voice note, a file...) as a person."""
        return self._user_message(bot, user_id, EVENT_UNSUPPORTED, "unsupported", {})

    # ------------------------------------------------------------------------------ the bot acts

    def bot_chat(self, bot: ZaloBot, chat_id: Any) -> ZaloChat:
        """Return the chat a bot addresses by ``chat_id`` (a person's id)."""
        if not isinstance(chat_id, (str, int)) or isinstance(chat_id, bool) or not str(chat_id).strip():
            raise bad_request("chat_id is required")
        user = self.users.get(str(chat_id).strip())
        if user is None:
            raise bad_request("chat not found")
        return self.chat(bot, user.id)

    def spend(self, bot: ZaloBot) -> None:
        """Count one message against the bot's quota, or raise 429 with the seconds to wait."""
        if bot.quota is None:
            return
        now = self.clock()
        while bot.sent_at and bot.sent_at[0] <= now - bot.quota.period:
            bot.sent_at.popleft()
        if len(bot.sent_at) >= bot.quota.limit:
            wait = bot.sent_at[0] + bot.quota.period - now if bot.sent_at else bot.quota.period
            raise ZaloApiError(429, "Quota exceeded", retry_after=max(1, int(wait + 0.999)))
        bot.sent_at.append(now)

    def bot_text(self, bot: ZaloBot, chat: ZaloChat, text: str) -> ZaloMessage:
        """Post the bot's text message (the caller has validated and spent)."""
        message = ZaloMessage(message_id=self._message_id(), chat_id=chat.user_id, sender=bot.sender(),
                              date=self.now_ms(), kind="text", text=text)
        self._post(chat, message)
        self.changed()
        return message

    def bot_photo(self, bot: ZaloBot, chat: ZaloChat, url: str, caption: str | None,
                  stored: ZaloFile | None) -> ZaloMessage:
        """Post the bot's photo: by URL, with the bytes when the sandbox could fetch them."""
        message = ZaloMessage(message_id=self._message_id(), chat_id=chat.user_id, sender=bot.sender(),
                              date=self.now_ms(), kind="photo", photo_url=url,
                              file_id=stored.id if stored else None, caption=caption or None)
        self._post(chat, message)
        self.changed()
        return message

    def chat_action(self, bot: ZaloBot, chat: ZaloChat, action: str) -> None:
        """Show a chat action (typing...) to the person."""
        if action not in CHAT_ACTIONS:
            raise bad_request(f"unknown action {action!r}")
        self._emit(chat, "chat_action", {"action": action, "bot_id": bot.id})
        self.changed()

    # ------------------------------------------------------------------------------ updates

    def pop_update(self, bot: ZaloBot) -> dict[str, Any] | None:
        """Take the bot's oldest pending update (getUpdates has no offset: taking is acknowledging)."""
        update = bot.updates.popleft() if bot.updates else None
        if update is not None:
            self.changed()
        return update

    def set_webhook(self, bot: ZaloBot, webhook: ZaloWebhook | None) -> None:
        """Set or remove a bot's webhook."""
        bot.webhook = webhook
        self.changed()
