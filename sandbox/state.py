"""The sandbox's in-memory world: users, bots, chats, messages, files and per-bot update queues.

Pure bookkeeping with no HTTP. Both faces of the sandbox act on it: the Bot API (what a bot does) and
the client API (what a person does). Rule violations raise :class:`~sandbox.errors.ApiError` with
Telegram's codes and descriptions. Observers registered in ``listeners`` are called after every change
so the HTTP layer can wake long polls, webhook deliveries and event streams.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from sandbox import entities
from sandbox.errors import bad_request, chat_not_found, forbidden, too_many_requests
from sandbox.files import FileStore
from sandbox.markup import inline_buttons, is_inline
from sandbox.models import (
    PRESENT_STATUSES,
    BotAccount,
    CallbackQuery,
    ChatEvent,
    Conversation,
    ConvKey,
    Group,
    StoredMessage,
    User,
    Webhook,
)
from sandbox.ratelimit import RateLimiter, RateLimits

MAX_EVENTS_PER_CHAT = 5000
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
})


class World:
    """Everything the sandbox knows; one instance per server."""

    def __init__(
        self,
        *,
        rate_limits: RateLimits | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self.limiter = RateLimiter(rate_limits or RateLimits())
        self.users: dict[int, User] = {}
        self.bots: dict[int, BotAccount] = {}
        self.groups: dict[int, Group] = {}
        self.conversations: dict[ConvKey, Conversation] = {}
        self.files = FileStore()
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.listeners: list[Callable[[], None]] = []
        self.seq = 0
        self._query_counter = itertools.count(1)
        self._album_counter = itertools.count(1)
        self._user_ids = itertools.count(10001)
        self._group_ids = itertools.count(1)

    # ------------------------------------------------------------------------------ housekeeping

    def now(self) -> int:
        """Return the current time as Telegram dates are given: whole seconds."""
        return int(self.clock())

    def changed(self) -> None:
        """Tell every listener that something changed."""
        for listener in list(self.listeners):
            listener()

    def set_rate_limits(self, limits: RateLimits) -> None:
        """Replace the flood limits (``RateLimits.disabled()`` turns them off)."""
        self.limiter.configure(limits)

    # ---------------------------------------------------------------------------------- registry

    def add_bot(self, token: str, username: str, first_name: str, *, privacy_mode: bool = True) -> BotAccount:
        """Register a bot; its id is the number before the colon of the token when there is one."""
        if token in {bot.token for bot in self.bots.values()}:
            raise ValueError(f"a bot with token {token!r} exists")
        prefix = token.split(":", 1)[0]
        bot_id = int(prefix) if prefix.isdigit() else 7_000_000_000 + len(self.bots) + 1
        if bot_id in self.bots or bot_id in self.users:
            raise ValueError(f"id {bot_id} is taken")
        user = User(id=bot_id, first_name=first_name, username=username.lstrip("@"), is_bot=True)
        bot = BotAccount(token=token, user=user, privacy_mode=privacy_mode)
        self.bots[bot_id] = bot
        self.changed()
        return bot

    def bot_by_token(self, token: str) -> BotAccount | None:
        """Return the bot owning ``token``, if any."""
        for bot in self.bots.values():
            if bot.token == token:
                return bot
        return None

    def resolve_bot(self, ref: int | str | None = None) -> BotAccount:
        """Find a bot by id or username; None means the first bot registered."""
        if ref is None or ref == "":
            if not self.bots:
                raise bad_request("no bot is registered in the sandbox")
            return next(iter(self.bots.values()))
        text = str(ref).lstrip("@")
        for bot in self.bots.values():
            if str(bot.id) == text or (bot.user.username or "").lower() == text.lower():
                return bot
        raise bad_request(f"bot {ref} not found")

    def add_user(
        self,
        first_name: str,
        *,
        user_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> User:
        """Create a person, or update the one with ``user_id``."""
        if user_id is None:
            user_id = next(self._user_ids)
            while user_id in self.users or user_id in self.bots:
                user_id = next(self._user_ids)
        if user_id <= 0:
            raise bad_request("user ids must be positive")
        if user_id in self.bots:
            raise bad_request(f"id {user_id} belongs to a bot")
        user = User(
            id=user_id, first_name=first_name, last_name=last_name,
            username=username.lstrip("@") if username else None, language_code=language_code,
        )
        self.users[user_id] = user
        self.changed()
        return user

    def user(self, user_id: int) -> User:
        """Return a person by id or raise a 400."""
        user = self.users.get(user_id)
        if user is None:
            raise bad_request(f"user {user_id} not found")
        return user

    def account(self, user_id: int) -> User | None:
        """Return a person or a bot's user record."""
        if user_id in self.users:
            return self.users[user_id]
        bot = self.bots.get(user_id)
        return bot.user if bot else None

    def add_group(
        self,
        title: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "group",
        members: Iterable[int] = (),
        admins: Iterable[int] = (),
        owner: int | None = None,
        bots: Iterable[int | str] | None = None,
        bot_status: str = "member",
        username: str | None = None,
    ) -> Group:
        """Create a group chat with people and bots in it (all bots unless ``bots`` is given)."""
        if chat_type not in ("group", "supergroup"):
            raise bad_request("type must be group or supergroup")
        if chat_id is None:
            base = -1_000_000_000_000 if chat_type == "supergroup" else -4_000_000_000
            chat_id = base - next(self._group_ids)
            while chat_id in self.groups:
                chat_id = base - next(self._group_ids)
        if chat_id >= 0:
            raise bad_request("group chat ids must be negative")
        if bot_status not in ("member", "administrator"):
            raise bad_request("bot_status must be member or administrator")
        group = Group(id=chat_id, title=title, type=chat_type, username=username)
        admin_ids = list(admins)
        for member_id in [*members, *admin_ids, *([owner] if owner else [])]:
            self.user(member_id)
            group.members[member_id] = "member"
        for admin_id in admin_ids:
            group.members[admin_id] = "administrator"
        if owner is not None:
            group.members[owner] = "creator"
        chosen = self.bots.values() if bots is None else [self.resolve_bot(ref) for ref in bots]
        for bot in chosen:
            group.members[bot.id] = bot_status
        self.groups[chat_id] = group
        self.conversation((0, chat_id))
        self.changed()
        return group

    def group(self, chat_id: int) -> Group:
        """Return a group by id or raise a 400."""
        group = self.groups.get(chat_id)
        if group is None:
            raise chat_not_found()
        return group

    def set_member(self, chat_id: int, member_id: int, status: str, *, actor_id: int | None = None,
                   announce: bool = True) -> None:
        """Change someone's status in a group (a person or a bot).

        Joins and leaves post Telegram's service messages; a bot whose own status changes gets
        ``my_chat_member``, and administrator bots get the opt-in ``chat_member`` update.
        """
        group = self.group(chat_id)
        account = self.account(member_id)
        if account is None:
            raise bad_request(f"user {member_id} not found")
        if status not in ("creator", "administrator", "member", "restricted", "left", "kicked"):
            raise bad_request(f"unknown member status {status}")
        old_status = group.status(member_id)
        if old_status == status:
            return
        actor = self.account(actor_id) if actor_id is not None else None
        if actor is None:
            managers = [uid for uid, st in group.members.items()
                        if st in ("creator", "administrator") and uid in self.users]
            actor = self.users[managers[0]] if account.is_bot and managers else account
        old_member = self._member_payload(account, old_status)
        group.members[member_id] = status
        new_member = self._member_payload(account, status)
        if announce and (old_status in PRESENT_STATUSES) != (status in PRESENT_STATUSES):
            service = (
                {"new_chat_members": [account.to_api()], "new_chat_member": account.to_api(),
                 "new_chat_participant": account.to_api()}
                if status in PRESENT_STATUSES
                else {"left_chat_member": account.to_api(), "left_chat_participant": account.to_api()}
            )
            message = self._post((0, chat_id), actor, service)
            self._fan_out_group_message(message, service=True)
        change = {"chat": group.to_api(), "from": actor.to_api(), "date": self.now(),
                  "old_chat_member": old_member, "new_chat_member": new_member}
        if account.is_bot:
            self.enqueue(self.bots[member_id], "my_chat_member", change)
        for bot in self.bots.values():
            if bot.id != member_id and group.status(bot.id) in ("administrator", "creator"):
                self.enqueue(bot, "chat_member", change)
        self.changed()

    # ----------------------------------------------------------------------------- conversations

    def conversation(self, key: ConvKey) -> Conversation:
        """Return the conversation for ``key``, creating it on first use."""
        conv = self.conversations.get(key)
        if conv is None:
            conv = Conversation(key=key)
            self.conversations[key] = conv
        return conv

    def chat_json(self, key: ConvKey) -> dict[str, Any]:
        """Render the chat of a conversation as its bot sees it."""
        if key[0] == 0:
            return self.group(key[1]).to_api()
        user = self.users[key[1]]
        data = {"id": user.id, "first_name": user.first_name, "type": "private"}
        if user.last_name:
            data["last_name"] = user.last_name
        if user.username:
            data["username"] = user.username
        return data

    def client_key(self, chat_id: int, bot_ref: int | str | None = None) -> ConvKey:
        """Map a chat id as the client API uses it (user id or group id) to a conversation."""
        if chat_id < 0:
            self.group(chat_id)
            return (0, chat_id)
        self.user(chat_id)
        return (self.resolve_bot(bot_ref).id, chat_id)

    def chat_instance(self, bot_id: int, chat_id: int) -> str:
        """Return the stable ``chat_instance`` of a chat for a bot."""
        digest = hashlib.sha1(f"{bot_id}:{chat_id}".encode()).hexdigest()
        return str(int(digest[:15], 16))

    # ------------------------------------------------------------------------------------ events

    def _emit(self, key: ConvKey, kind: str, payload: dict[str, Any]) -> ChatEvent:
        self.seq += 1
        event = ChatEvent(seq=self.seq, kind=kind, payload=payload)
        events = self.conversation(key).events
        events.append(event)
        if len(events) > MAX_EVENTS_PER_CHAT:
            del events[: len(events) - MAX_EVENTS_PER_CHAT]
        return event

    def events_after(self, key: ConvKey, after: int) -> list[ChatEvent]:
        """Return a conversation's events with ``seq`` greater than ``after``."""
        return [event for event in self.conversation(key).events if event.seq > after]

    # ---------------------------------------------------------------------------------- messages

    def _post(
        self,
        key: ConvKey,
        sender: User,
        content: dict[str, Any],
        *,
        reply_to: int | None = None,
        reply_markup: dict[str, Any] | None = None,
        media_group_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> StoredMessage:
        conv = self.conversation(key)
        message_id = conv.next_message_id
        conv.next_message_id += 1
        data: dict[str, Any] = {
            "message_id": message_id,
            "from": sender.to_api(),
            "chat": self.chat_json(key),
            "date": self.now(),
        }
        if media_group_id:
            data["media_group_id"] = media_group_id
        if extra:
            data.update(extra)
        data.update({k: v for k, v in content.items() if v not in (None, [], "")})
        if is_inline(reply_markup):
            data["reply_markup"] = reply_markup
        message = StoredMessage(key=key, message_id=message_id, sender_id=sender.id, data=data, reply_to=reply_to)
        conv.messages[message_id] = message
        if reply_markup is not None and not is_inline(reply_markup):
            if "keyboard" in reply_markup:
                conv.reply_keyboard, conv.reply_keyboard_hidden = reply_markup, False
            elif reply_markup.get("remove_keyboard"):
                conv.reply_keyboard, conv.reply_keyboard_hidden = None, False
        self._emit(key, "message", {"message": self.render(message)})
        return message

    def render(self, message: StoredMessage, *, nested: bool = False) -> dict[str, Any]:
        """Render a stored message in Bot API form, with ``reply_to_message`` expanded one level."""
        data = dict(message.data)
        if message.reply_to is not None and not nested:
            target = self.find_message(message.key, message.reply_to)
            if target is not None:
                data["reply_to_message"] = self.render(target, nested=True)
        return data

    def find_message(self, key: ConvKey, message_id: int) -> StoredMessage | None:
        """Return a message that exists and was not deleted."""
        message = self.conversations.get(key, Conversation(key=key)).messages.get(message_id)
        if message is None or message.deleted:
            return None
        return message

    def messages(self, key: ConvKey) -> list[StoredMessage]:
        """Return a conversation's live messages, oldest first."""
        return [m for m in self.conversation(key).messages.values() if not m.deleted]

    # ----------------------------------------------------------------------------------- updates

    def enqueue(self, bot: BotAccount, update_type: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for a bot unless its ``allowed_updates`` excludes the type."""
        if not bot.accepts(update_type):
            return None
        update = {"update_id": bot.next_update_id, update_type: payload}
        bot.next_update_id += 1
        bot.updates.append(update)
        return update

    def confirm_updates(self, bot: BotAccount, offset: int | None) -> None:
        """Forget updates confirmed by a getUpdates ``offset`` (negative: keep only the last -offset)."""
        if offset is None or offset == 0:
            return
        if offset < 0:
            del bot.updates[: max(0, len(bot.updates) + offset)]
        else:
            bot.updates[:] = [u for u in bot.updates if u["update_id"] >= offset]

    def ack_update(self, bot: BotAccount, update_id: int) -> None:
        """Drop one update (delivered by webhook, or given up on)."""
        bot.updates[:] = [u for u in bot.updates if u["update_id"] != update_id]

    def set_webhook(self, bot: BotAccount, webhook: Webhook | None, *, drop_pending: bool = False,
                    allowed_updates: list[str] | None = None) -> None:
        """Set or clear a bot's webhook."""
        bot.webhook = webhook
        if allowed_updates is not None:
            bot.allowed_updates = tuple(allowed_updates)
        if drop_pending:
            bot.updates.clear()
        self.changed()

    # ------------------------------------------------------------------------ bot side: chats

    def bot_chat(self, bot: BotAccount, chat_id: int | str, *, sending: bool = False) -> ConvKey:
        """Resolve a ``chat_id`` parameter for a bot; ``sending`` adds the checks for new messages."""
        if isinstance(chat_id, str):
            text = chat_id.strip()
            if re.fullmatch(r"-?\d+", text):
                chat_id = int(text)
            else:
                name = text.lstrip("@").lower()
                for group in self.groups.values():
                    if group.username and group.username.lower() == name:
                        chat_id = group.id
                        break
                else:
                    raise chat_not_found()
        if chat_id < 0:
            group = self.groups.get(chat_id)
            if group is None:
                raise chat_not_found()
            status = group.status(bot.id)
            if status not in PRESENT_STATUSES:
                if bot.id not in group.members:
                    raise chat_not_found()  # the bot never was in this group: it cannot see it
                kind = "supergroup" if group.type == "supergroup" else "group"
                if status == "kicked":
                    raise forbidden(f"bot was kicked from the {kind} chat")
                raise forbidden(f"bot is not a member of the {kind} chat")
            return (0, chat_id)
        if chat_id in self.bots:
            if sending:
                raise forbidden("bot can't send messages to bots")
            raise chat_not_found()
        if chat_id not in self.users or chat_id not in bot.started_by:
            if sending and chat_id in self.users:
                raise forbidden("bot can't initiate conversation with a user")
            raise chat_not_found()
        if sending and chat_id in bot.blocked_by:
            raise forbidden("bot was blocked by the user")
        return (bot.id, chat_id)

    def spend(self, bot: BotAccount, key: ConvKey, amount: int = 1) -> None:
        """Charge ``amount`` messages against the flood limits or raise a 429."""
        wait = self.limiter.acquire(bot.id, key[1], is_group=key[0] == 0, amount=amount)
        if wait is not None:
            raise too_many_requests(wait)

    def reply_target(self, key: ConvKey, reply_parameters: dict[str, Any] | None) -> int | None:
        """Resolve ``reply_parameters`` to a message id in the same chat (or None)."""
        if not reply_parameters:
            return None
        try:
            message_id = int(reply_parameters["message_id"])
        except (KeyError, TypeError, ValueError):
            raise bad_request("can't parse reply parameters JSON object") from None
        other_chat = reply_parameters.get("chat_id")
        same_chat = other_chat is None or str(other_chat) == str(key[1])
        if same_chat and self.find_message(key, message_id) is not None:
            return message_id
        if reply_parameters.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")

    def bot_send(
        self,
        bot: BotAccount,
        key: ConvKey,
        content: dict[str, Any],
        *,
        reply_to: int | None = None,
        reply_markup: dict[str, Any] | None = None,
        media_group_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> StoredMessage:
        """Post a bot's message (checks and flood limits are the caller's, see :meth:`spend`)."""
        message = self._post(
            key, bot.user, content, reply_to=reply_to, reply_markup=reply_markup,
            media_group_id=media_group_id, extra=extra,
        )
        self.changed()
        return message

    def new_media_group_id(self) -> str:
        """Return a fresh ``media_group_id``."""
        return str(13_000_000_000_000_000 + next(self._album_counter))

    def bot_message(self, bot: BotAccount, key: ConvKey, message_id: int, *, verb: str) -> StoredMessage:
        """Find a message a bot wants to act on; ``verb`` words the not-found error ("edit", "delete")."""
        message = self.find_message(key, message_id)
        if message is None:
            raise bad_request(f"message to {verb} not found")
        return message

    def bot_edit(self, bot: BotAccount, key: ConvKey, message_id: int, changes: dict[str, Any],
                 reply_markup: dict[str, Any] | None) -> StoredMessage:
        """Apply an edit of text or caption and inline keyboard, as editMessage* do."""
        message = self.bot_message(bot, key, message_id, verb="edit")
        if message.sender_id != bot.id:
            raise bad_request("message can't be edited")
        data = message.data
        current = {k: data.get(k) or None for k in changes}
        current_markup = data.get("reply_markup")
        wanted = {k: v or None for k, v in changes.items()}
        if current == wanted and current_markup == reply_markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message"
            )
        for k, v in wanted.items():
            if v is None:
                data.pop(k, None)
            else:
                data[k] = v
        if reply_markup is None:
            data.pop("reply_markup", None)
        else:
            data["reply_markup"] = reply_markup
        data["edit_date"] = self.now()
        self._emit(key, "edited", {"message": self.render(message)})
        self.changed()
        return message

    def delete_message(self, bot: BotAccount, key: ConvKey, message_id: int) -> None:
        """Delete a message for everyone, within what a bot may delete."""
        message = self.bot_message(bot, key, message_id, verb="delete")
        if key[0] == 0 and message.sender_id != bot.id:
            group = self.group(key[1])
            if group.status(bot.id) not in ("administrator", "creator"):
                raise bad_request("message can't be deleted")
        message.deleted = True
        self._emit(key, "deleted", {"message_id": message_id})
        self.changed()

    def chat_action(self, bot: BotAccount, key: ConvKey, action: str) -> None:
        """Show a chat action (typing...) to the people in the chat."""
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self._emit(key, "chat_action", {"action": action, "bot_id": bot.id})
        self.changed()

    def answer_callback(self, bot: BotAccount, query_id: str, answer: dict[str, Any]) -> CallbackQuery:
        """Record a bot's answer to a button press so the client can show it."""
        query = self.callback_queries.get(query_id)
        if query is None or query.bot_id != bot.id or query.answer is not None:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        query.answer = answer
        self._emit(query.key, "callback_answer", {
            "callback_query_id": query.id, "message_id": query.message_id, "user_id": query.user_id,
            **answer,
        })
        self.changed()
        return query

    @staticmethod
    def _member_payload(account: User, status: str) -> dict[str, Any]:
        member: dict[str, Any] = {"status": status, "user": account.to_api()}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update({
                "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                "can_delete_messages": True, "can_manage_video_chats": True, "can_restrict_members": True,
                "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
                "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False,
                "can_pin_messages": True,
            })
        elif status == "kicked":
            member["until_date"] = 0
        elif status == "restricted":
            member.update({
                "is_member": True, "can_send_messages": False, "can_send_audios": False,
                "can_send_documents": False, "can_send_photos": False, "can_send_videos": False,
                "can_send_video_notes": False, "can_send_voice_notes": False, "can_send_polls": False,
                "can_send_other_messages": False, "can_add_web_page_previews": False,
                "can_change_info": False, "can_invite_users": False, "can_pin_messages": False,
                "can_manage_topics": False, "until_date": 0,
            })
        return member

    # ------------------------------------------------------------------------ client side: people

    def user_send(
        self,
        user_id: int,
        key: ConvKey,
        content: dict[str, Any],
        *,
        reply_to: int | None = None,
        media_group_id: str | None = None,
    ) -> StoredMessage:
        """Post a person's message and deliver it to the bot(s) that would see it."""
        user = self.user(user_id)
        if key[0] != 0:
            if key[1] != user_id:
                raise bad_request("a private chat with the bot can only be written to by its user")
            bot = self.bots[key[0]]
            if user_id in bot.blocked_by:
                raise bad_request("the user has blocked this bot; unblock it first")
        else:
            if self.group(key[1]).status(user_id) not in PRESENT_STATUSES:
                raise bad_request(f"user {user_id} is not a member of chat {key[1]}")
        if reply_to is not None and self.find_message(key, reply_to) is None:
            raise bad_request("message to be replied not found")
        conv = self.conversation(key)
        if conv.reply_keyboard and conv.reply_keyboard.get("one_time_keyboard"):
            conv.reply_keyboard_hidden = True
        message = self._post(key, user, content, reply_to=reply_to, media_group_id=media_group_id)
        if key[0] != 0:
            bot = self.bots[key[0]]
            bot.started_by.add(user_id)
            self.enqueue(bot, "message", self.render(message))
        else:
            self._fan_out_group_message(message)
        self.changed()
        return message

    def _fan_out_group_message(self, message: StoredMessage, *, service: bool = False,
                               update_type: str = "message") -> None:
        group = self.group(message.key[1])
        for bot in self.bots.values():
            if bot.id == message.sender_id or group.status(bot.id) not in PRESENT_STATUSES:
                continue
            if message.sender_id in self.bots:
                continue  # bots never see other bots' messages
            if service or self._bot_reads(bot, group, message):
                self.enqueue(bot, update_type, self.render(message))

    def _bot_reads(self, bot: BotAccount, group: Group, message: StoredMessage) -> bool:
        """Apply privacy mode: which group messages reach a bot."""
        if not bot.privacy_mode or group.status(bot.id) in ("administrator", "creator"):
            return True
        if message.reply_to is not None:
            target = self.find_message(message.key, message.reply_to)
            if target is not None and target.sender_id == bot.id:
                return True
        text = message.data.get("text") or message.data.get("caption") or ""
        match = re.match(r"^/[A-Za-z0-9_]{1,64}(?:@([A-Za-z0-9_]{3,32}))?(?![\w/])", text)
        if match:
            target_name = match.group(1)
            return target_name is None or target_name.lower() == (bot.user.username or "").lower()
        return False

    def user_edit(self, user_id: int, key: ConvKey, message_id: int, text: str) -> StoredMessage:
        """Edit a person's own text message and send ``edited_message`` to the bots that saw it."""
        message = self.find_message(key, message_id)
        if message is None or message.sender_id != user_id:
            raise bad_request("message to edit not found")
        if "text" not in message.data:
            raise bad_request("there is no text in the message to edit")
        message.data["text"] = text
        found = entities.detect_entities(text)
        if found:
            message.data["entities"] = found
        else:
            message.data.pop("entities", None)
        message.data["edit_date"] = self.now()
        self._emit(key, "edited", {"message": self.render(message)})
        if key[0] != 0:
            self.enqueue(self.bots[key[0]], "edited_message", self.render(message))
        else:
            self._fan_out_group_message(message, update_type="edited_message")
        self.changed()
        return message

    def user_click(self, user_id: int, key: ConvKey, message_id: int, data: str, *, forged: bool = False) -> CallbackQuery:
        """Press an inline button with ``callback_data``; queue the ``callback_query`` update.

        ``forged`` sends data no button carries, as a modified client can: bots must not trust it."""
        user = self.user(user_id)
        if key[0] == 0 and self.group(key[1]).status(user_id) not in PRESENT_STATUSES:
            raise bad_request(f"user {user_id} is not a member of chat {key[1]}")
        if key[0] != 0 and key[1] != user_id:
            raise bad_request("a private chat with the bot can only be used by its user")
        message = self.find_message(key, message_id)
        if message is None:
            raise bad_request(f"message {message_id} not found")
        bot = self.bots.get(message.sender_id)
        if bot is None:
            raise bad_request("only bot messages have inline buttons")
        if not forged and not any(b.get("callback_data") == data for b in inline_buttons(message.data.get("reply_markup"))):
            raise bad_request(f"message {message_id} has no button with callback_data {data!r}")
        query = CallbackQuery(
            id=str(4_000_000_000_000_000_000 + next(self._query_counter) * 7919),
            bot_id=bot.id, user_id=user_id, key=key, message_id=message_id, data=data,
            chat_instance=self.chat_instance(bot.id, key[1]),
        )
        self.callback_queries[query.id] = query
        self.enqueue(bot, "callback_query", {
            "id": query.id, "from": user.to_api(), "message": self.render(message),
            "chat_instance": query.chat_instance, "data": data,
        })
        self.changed()
        return query

    def set_blocked(self, user_id: int, bot: BotAccount, blocked: bool) -> None:
        """Block or unblock a bot as a person; the bot gets a ``my_chat_member`` update."""
        user = self.user(user_id)
        if (user_id in bot.blocked_by) == blocked:
            return
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        if blocked:
            bot.blocked_by.add(user_id)
        else:
            bot.blocked_by.discard(user_id)
        if user_id in bot.started_by:
            self.enqueue(bot, "my_chat_member", {
                "chat": self.chat_json((bot.id, user_id)), "from": user.to_api(), "date": self.now(),
                "old_chat_member": self._member_payload(bot.user, old),
                "new_chat_member": self._member_payload(bot.user, new),
            })
        self.changed()
