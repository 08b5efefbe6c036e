"""Records of the sandbox world: people, bots, groups, files, messages, callback queries, chat events.

Plain dataclasses with ``to_api`` renderings in Bot API shape; the behaviour lives in ``state.World``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ConvKey = tuple[int, int]
"""A conversation: ``(bot_id, user_id)`` for a private chat, ``(0, chat_id)`` for a group."""

ALL_UPDATE_TYPES = (
    "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
    "business_message", "edited_business_message", "deleted_business_messages", "message_reaction",
    "message_reaction_count", "inline_query", "chosen_inline_result", "callback_query",
    "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer",
    "my_chat_member", "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
)
OPT_IN_UPDATE_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
PRESENT_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})


@dataclass
class User:
    """A Telegram account, human or bot."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        """Render as a Bot API ``User``."""
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass
class Webhook:
    """A bot's webhook registration and its delivery record."""

    url: str
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class BotAccount:
    """A bot: its token, its user record and its server-side state (updates, commands, webhook)."""

    token: str
    user: User
    privacy_mode: bool = True
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: list[dict[str, Any]] = field(default_factory=list)
    next_update_id: int = 1
    allowed_updates: tuple[str, ...] = ()
    webhook: Webhook | None = None
    blocked_by: set[int] = field(default_factory=set)
    started_by: set[int] = field(default_factory=set)
    poll_generation: int = 0

    @property
    def id(self) -> int:
        return self.user.id

    def accepts(self, update_type: str) -> bool:
        """Tell whether the bot's ``allowed_updates`` setting lets this kind of update through."""
        if self.allowed_updates:
            return update_type in self.allowed_updates
        return update_type not in OPT_IN_UPDATE_TYPES

    def me(self) -> dict[str, Any]:
        """Render the ``getMe`` answer."""
        return {
            **self.user.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }


@dataclass
class Group:
    """A group chat ("group" or "supergroup") with member statuses keyed by user id."""

    id: int
    title: str
    type: str = "group"
    username: str | None = None
    members: dict[int, str] = field(default_factory=dict)

    def status(self, user_id: int) -> str:
        return self.members.get(user_id, "left")

    def to_api(self) -> dict[str, Any]:
        """Render as a Bot API ``Chat``."""
        data: dict[str, Any] = {"id": self.id, "title": self.title, "type": self.type}
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class StoredFile:
    """An uploaded file: its identifiers, bytes and metadata."""

    file_id: str
    file_unique_id: str
    data: bytes
    mime_type: str
    file_path: str
    kind: str
    file_name: str | None = None
    width: int | None = None
    height: int | None = None

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class StoredMessage:
    """A message in a conversation; ``data`` is its Bot API form without ``reply_to_message``."""

    key: ConvKey
    message_id: int
    sender_id: int
    data: dict[str, Any]
    reply_to: int | None = None
    deleted: bool = False


@dataclass
class ChatEvent:
    """Something that happened in a conversation, numbered by a world-wide sequence."""

    seq: int
    kind: str
    payload: dict[str, Any]

    def to_api(self) -> dict[str, Any]:
        return {"seq": self.seq, "kind": self.kind, **self.payload}


@dataclass
class Conversation:
    """A chat as one bot shares it with one user (private) or everyone (group)."""

    key: ConvKey
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    events: list[ChatEvent] = field(default_factory=list)
    reply_keyboard: dict[str, Any] | None = None
    reply_keyboard_hidden: bool = False

    @property
    def is_group(self) -> bool:
        return self.key[0] == 0

    @property
    def chat_id(self) -> int:
        return self.key[1]


@dataclass
class CallbackQuery:
    """A button press and, once the bot answers it, the answer the client shows."""

    id: str
    bot_id: int
    user_id: int
    key: ConvKey
    message_id: int
    data: str | None
    chat_instance: str
    answer: dict[str, Any] | None = None

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "bot_id": self.bot_id,
            "user_id": self.user_id,
            "chat_id": self.key[1],
            "message_id": self.message_id,
            "data": self.data,
            "answer": self.answer,
        }
