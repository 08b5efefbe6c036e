"""The Telegram channel: python-telegram-bot updates become desk events; effects become Bot API calls.

Citizens write to the bot in private chats; officials work in one group, the admin chat. Photos and image
documents are fetched with getFile when the engine asks; an album (one ``media_group_id``) is gathered into
one input. Updates of one citizen are processed in order (the desk's lock), different citizens concurrently;
an update id seen before is ignored. Telegram's 429 ``retry_after`` and connection failures are retried
without sending anything twice. Messages are sent as plain text, so whatever a citizen typed (HTML,
Markdown) is shown as typed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from datetime import timedelta
from typing import Any, Awaitable, Callable, Sequence, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes, MessageHandler, TypeHandler, filters

from bot.channels.retry import Failure, RateLimited, RetryPolicy, Verdict, retrying
from bot.channels.text import split_text
from bot.desk import Desk
from bot.dispatch import Dispatcher
from bot.edge import serve, serve_official
from bot.effects import AdminPost, Button, EditCard, EditPressed, Effect, Say, SendPhoto, Toast
from bot.events import (
    ButtonPressed,
    Citizen,
    CommandReceived,
    DocumentReceived,
    Event,
    LocationReceived,
    Official,
    OfficialCommanded,
    OfficialPressed,
    OfficialWrote,
    PhotoReceived,
    PhotoRef,
    TextReceived,
)
from locales.catalog import DEFAULT_LANGUAGE, Catalog

# Durations from PTB (retry_after) as timedelta, PTB's announced behaviour, instead of deprecated ints.
os.environ.setdefault("PTB_TIMEDELTA", "true")
log = logging.getLogger(__name__)
CHANNEL = "telegram"
IMAGE_MIMES = ("image/jpeg", "image/png", "image/jpg", "image/pjpeg", "image/heic", "image/heif")
ALBUM_WAIT = 1.0  # seconds to wait for the rest of an album after its last part
CONCURRENT_UPDATES = 32  # one event loop: more only lengthens queues (photo latency under load)
MESSAGE_LIMIT = 4096  # characters in one sendMessage
RETRY_POLICY = RetryPolicy(attempts=5, max_delay=60.0)
T = TypeVar("T")
_NEVER_SENT = ("ConnectError", "ConnectTimeout", "Connection refused", "PoolTimeout")


def failure(error: BaseException) -> Verdict:
    """Tell the retry helper what a failed Bot API call means: rate limited, never sent, maybe sent, or other."""
    if isinstance(error, RetryAfter):
        delay = error.retry_after
        return RateLimited(delay.total_seconds() if isinstance(delay, timedelta) else float(delay))
    if isinstance(error, TimedOut):
        return Failure.MAYBE_SENT
    if isinstance(error, NetworkError):
        return Failure.NOT_SENT if any(marker in str(error) for marker in _NEVER_SENT) else Failure.MAYBE_SENT
    return None


async def with_retries(
    call: Callable[[], Awaitable[T]], *, idempotent: bool, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> T:
    """Run a Bot API call under the channels' retry rule (429s, unsent requests, lost answers if ``idempotent``)."""
    return await retrying(call, failure, RETRY_POLICY, idempotent=idempotent, sleep=sleep)


def keyboard(catalog: Catalog, language: str, rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """Render rows of buttons as an inline keyboard in a language."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(catalog.render(language, b.label), callback_data=b.data) for b in row] for row in rows if row]
    )


@dataclass
class AlbumBuffer:
    """Gathers the parts of albums (one ``media_group_id``) into one input."""

    wait: float = ALBUM_WAIT
    parts: dict[str, list[PhotoRef]] = field(default_factory=dict)
    timers: dict[str, asyncio.TimerHandle] = field(default_factory=dict)

    def add(self, group_id: str, photo: PhotoRef, flush: Callable[[list[PhotoRef]], None]) -> None:
        """Add a part; ``flush`` gets all parts once no new part came for ``wait`` seconds."""
        self.parts.setdefault(group_id, []).append(photo)
        if group_id in self.timers:
            self.timers[group_id].cancel()
        loop = asyncio.get_running_loop()
        self.timers[group_id] = loop.call_later(self.wait, self._flush, group_id, flush)

    def _flush(self, group_id: str, flush: Callable[[list[PhotoRef]], None]) -> None:
        self.timers.pop(group_id, None)
        flush(self.parts.pop(group_id, []))


class TelegramChannel:
    """Serves citizens in private chats and officials in the admin chat through one bot."""

    name = CHANNEL

    def __init__(
        self,
        desk: Desk,
        catalog: Catalog,
        dispatcher: Dispatcher,
        admin_chat_id: int | None,
        *,
        max_photo_bytes: int = 10 * 1024 * 1024,
        album_wait: float = ALBUM_WAIT,
    ) -> None:
        self.desk = desk
        self.catalog = catalog
        self.dispatcher = dispatcher
        self.admin_chat_id = admin_chat_id
        self.max_photo_bytes = max_photo_bytes
        self.albums = AlbumBuffer(album_wait)
        self.application: Application | None = None
        self.tasks: set[asyncio.Task] = set()

    # -- wiring --------------------------------------------------------------------------------

    def install(self, application: Application) -> None:
        """Register the handlers on a PTB application."""
        self.application = application
        application.add_handler(TypeHandler(Update, self.skip_seen), group=-1)
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(MessageHandler(filters.ChatType.PRIVATE, self.on_citizen_message))
        application.add_handler(MessageHandler(filters.ChatType.GROUPS, self.on_group_message))
        application.add_error_handler(self.on_error)

    @property
    def bot(self):
        return self.application.bot

    # -- updates in ----------------------------------------------------------------------------

    async def skip_seen(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Drop an update whose id was processed before (a redelivery)."""
        from telegram.ext import ApplicationHandlerStop

        if not self.desk.first_time(CHANNEL, str(update.update_id)):
            raise ApplicationHandlerStop

    async def on_citizen_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn a citizen's private message into an event and answer it."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return
        citizen = Citizen(CHANNEL, str(user.id))
        if message.media_group_id and (message.photo or _is_image_document(message)):
            photo = self._photo_ref(message)
            self.albums.add(
                f"{user.id}:{message.media_group_id}", photo,
                lambda parts: self._spawn(self.serve(citizen, PhotoReceived(citizen, tuple(parts), message.media_group_id))),
            )
            return
        event = self._event(citizen, message)
        if event is not None:
            await self.serve(citizen, event)

    def _event(self, citizen: Citizen, message) -> Event | None:
        if message.text:
            text = message.text
            if text.startswith("/"):
                command, _, args = text[1:].partition(" ")
                return CommandReceived(citizen, command.split("@")[0], args.strip())
            return TextReceived(citizen, text)
        if message.photo or _is_image_document(message):
            return PhotoReceived(citizen, (self._photo_ref(message),))
        if message.document:
            document = message.document
            return DocumentReceived(citizen, document.file_name or "", document.mime_type or "", document.file_size or 0)
        if message.location:
            return LocationReceived(citizen, message.location.latitude, message.location.longitude)
        if message.caption:
            return TextReceived(citizen, message.caption)
        return DocumentReceived(citizen, "", "application/octet-stream", 0)

    def _photo_ref(self, message) -> PhotoRef:
        if message.photo:
            largest = message.photo[-1]
            return PhotoRef(largest.file_id, largest.file_size or 0, largest.width, largest.height, "image/jpeg")
        document = message.document
        return PhotoRef(document.file_id, document.file_size or 0, 0, 0, _mime(document.mime_type), document.file_name or "")

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Route a button press: the admin chat's as an official's event, the others as the citizen's."""
        query = update.callback_query
        if query is None or query.message is None:
            return
        chat = query.message.chat
        if self.admin_chat_id is not None and chat.id == self.admin_chat_id:
            official = Official(str(query.from_user.id), query.from_user.full_name)
            event = OfficialPressed(official, query.data or "")
            await serve_official(self.desk, self.dispatcher, event, lambda effects: self.answer_press(effects, query))
            return
        if chat.type != "private":
            await with_retries(lambda: query.answer(), idempotent=True)
            return
        citizen = Citizen(CHANNEL, str(query.from_user.id))
        await with_retries(lambda: query.answer(), idempotent=True)
        await self.serve(citizen, ButtonPressed(citizen, query.data or ""))

    async def on_group_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Take officials' commands and typed answers (reasons, dates) in the admin chat."""
        message = update.effective_message
        if message is None or update.effective_user is None or self.admin_chat_id is None:
            return
        if message.chat.id != self.admin_chat_id or not message.text:
            return
        user = update.effective_user
        official = Official(str(user.id), user.full_name)
        text = message.text
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            event: OfficialCommanded | OfficialWrote = OfficialCommanded(official, command.split("@")[0].lower(), args)
        else:
            event = OfficialWrote(official, text)
        await serve_official(self.desk, self.dispatcher, event, self.answer_official)

    # -- serving a citizen ----------------------------------------------------------------------

    async def serve(self, citizen: Citizen, event: Event) -> None:
        """Run one event through the desk and deliver everything it produced."""
        await serve(self.desk, self.dispatcher, citizen, event, self.fetch, self.send_to_citizen)

    async def fetch(self, ref: PhotoRef) -> bytes:
        """Download a citizen's photo through getFile."""
        if ref.size and ref.size > self.max_photo_bytes:
            raise ValueError("photo larger than allowed")
        file = await with_retries(lambda: self.bot.get_file(ref.file_ref), idempotent=True)
        if file.file_size and file.file_size > self.max_photo_bytes:
            raise ValueError("photo larger than allowed")
        data = await with_retries(lambda: file.download_as_bytearray(), idempotent=True)
        return bytes(data)

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> None:
        """Send messages and photos to a citizen in their language."""
        chat_id = int(user_id)
        for effect in effects:
            try:
                if isinstance(effect, Say):
                    text = self.catalog.render(language, effect.text)
                    markup = keyboard(self.catalog, language, effect.buttons)
                    for part in split_text(text, MESSAGE_LIMIT):
                        await with_retries(lambda p=part, m=markup: self.bot.send_message(chat_id, p, reply_markup=m), idempotent=False)
                elif isinstance(effect, SendPhoto):
                    caption = self.catalog.render(language, effect.caption) if effect.caption else None
                    await with_retries(lambda e=effect, c=caption: self.bot.send_photo(chat_id, Path(e.path).read_bytes(), caption=c), idempotent=False)
            except Forbidden:
                log.info("a citizen blocked the bot; message not delivered")
                return

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log errors PTB caught outside our handlers, without personal data."""
        error = context.error
        log.error("telegram error: %s", type(error).__name__)

    def _spawn(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # -- the admin chat -------------------------------------------------------------------------

    async def answer_press(self, effects: Sequence[Effect], query) -> None:
        """Answer an official's press (a toast or an alert) and edit the message they pressed on."""
        answered = False
        for effect in effects:
            if isinstance(effect, Toast):
                text = self.catalog.render(DEFAULT_LANGUAGE, effect.text)
                await with_retries(lambda e=effect, t=text: query.answer(t[:200], show_alert=e.alert), idempotent=True)
                answered = True
            elif isinstance(effect, EditPressed):
                text = self.catalog.render(DEFAULT_LANGUAGE, effect.text)
                markup = keyboard(self.catalog, DEFAULT_LANGUAGE, effect.buttons)
                await self._edit(query.message.chat.id, query.message.message_id, text, markup)
        if not answered:
            await with_retries(lambda: query.answer(), idempotent=True)

    async def answer_official(self, effects: Sequence[Effect]) -> None:
        """Answer a typed reply or command: nothing to do, everything it produced goes to the admin chat."""

    async def post(self, post: AdminPost) -> int | None:
        """Post in the admin chat: a card's photos as albums, then its text with the action buttons."""
        if self.admin_chat_id is None:
            return None
        chat = self.admin_chat_id
        photos = [p for p in post.photos if Path(p).exists()]
        for start in range(0, len(photos), 10):
            chunk = photos[start:start + 10]
            if len(chunk) == 1:
                await with_retries(lambda c=chunk: self.bot.send_photo(chat, Path(c[0]).read_bytes()), idempotent=False)
            else:
                media = [InputMediaPhoto(Path(p).read_bytes()) for p in chunk]
                await with_retries(lambda m=media: self.bot.send_media_group(chat, m), idempotent=False)
        text = self.catalog.render(DEFAULT_LANGUAGE, post.text)
        markup = keyboard(self.catalog, DEFAULT_LANGUAGE, post.buttons)
        parts = split_text(text, MESSAGE_LIMIT)
        sent = None
        for number, part in enumerate(parts):
            last = number == len(parts) - 1
            sent = await with_retries(lambda p=part, m=(markup if last else None): self.bot.send_message(chat, p, reply_markup=m), idempotent=False)
        return sent.message_id if sent is not None else None

    async def edit_card(self, edit: EditCard) -> None:
        """Edit a dossier's card in place."""
        if self.admin_chat_id is None:
            return
        rendered = split_text(self.catalog.render(DEFAULT_LANGUAGE, edit.text), MESSAGE_LIMIT)[-1]
        await self._edit(self.admin_chat_id, edit.message_id, rendered, keyboard(self.catalog, DEFAULT_LANGUAGE, edit.buttons))

    async def _edit(self, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None) -> None:
        try:
            await with_retries(lambda: self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, reply_markup=markup), idempotent=True)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise


def build_application(
    token: str,
    *,
    base_url: str,
    base_file_url: str,
    request: Any = None,
    get_updates_request: Any = None,
) -> Application:
    """Build the PTB application that talks to Telegram (or a compatible server) at ``base_url``."""
    builder: ApplicationBuilder = (
        Application.builder().token(token).base_url(base_url).base_file_url(base_file_url).concurrent_updates(CONCURRENT_UPDATES)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    return builder.build()


def _is_image_document(message) -> bool:
    document = message.document
    return bool(document and (document.mime_type or "").lower() in IMAGE_MIMES)


def _mime(mime: str | None) -> str:
    mime = (mime or "").lower()
    return "image/jpeg" if mime in ("image/jpg", "image/pjpeg") else mime
