"""The Telegram channel: python-telegram-bot updates become desk events; effects become Bot API calls.

Citizens write to the bot in private chats; officials work in groups, the admin chats (each office's, and the
supervisors'); an official's event carries the chat it came from. Photos and image
documents are fetched with getFile when the engine asks; an album (one ``media_group_id``) is gathered into
one input. Every update is stored in the inbox before it is acknowledged: our own polling loop asks for the
next offset only once the updates before it are stored, and the webhook answers 200 only after the insert
commits. Stored updates of one citizen are processed in order, different citizens concurrently (bot/intake.py);
an update id seen before is stored and applied once. What is sent comes from the outbox (bot/sender.py);
Telegram's 429 ``retry_after`` and connection failures are retried without sending anything twice. Messages are sent as plain text, so whatever a citizen typed (HTML,
Markdown) is shown as typed.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from datetime import timedelta
from typing import Any, Awaitable, Callable, Iterable, Sequence, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ApplicationBuilder

from bot.channels.retry import Failure, RateLimited, RetryPolicy, Verdict, retrying
from bot.channels.text import split_text
from bot.channels.webhook_body import read_json
from bot.desk import Desk, current_updates
from bot.dispatch import Dispatcher
from bot.dispatch import Failure as Delivery
from bot.edge import serve, serve_official
from bot.effects import AdminPost, Button, EditCard, EditPressed, Effect, Say, SendPhoto, Toast
from bot.intake import InboxUpdate, Intake
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
POLL_TIMEOUT = 10  # seconds a getUpdates call waits for updates
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_WEBHOOK_BODY = 1024 * 1024
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
    parts: dict[str, list[tuple[PhotoRef, tuple[int, ...]]]] = field(default_factory=dict)
    timers: dict[str, asyncio.TimerHandle] = field(default_factory=dict)

    def add(self, group_id: str, photo: PhotoRef, seqs: tuple[int, ...], flush: Callable[[list[tuple[PhotoRef, tuple[int, ...]]]], None]) -> None:
        """Add a part (and its inbox rows); ``flush`` gets all parts once no new part came for ``wait`` seconds."""
        self.parts.setdefault(group_id, []).append((photo, seqs))
        if group_id in self.timers:
            self.timers[group_id].cancel()
        loop = asyncio.get_running_loop()
        self.timers[group_id] = loop.call_later(self.wait, self._flush, group_id, flush)

    def _flush(self, group_id: str, flush: Callable[[list[tuple[PhotoRef, tuple[int, ...]]]], None]) -> None:
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
        admin_chats: Iterable[int] = (),
        *,
        max_photo_bytes: int = 10 * 1024 * 1024,
        album_wait: float = ALBUM_WAIT,
    ) -> None:
        self.desk = desk
        self.catalog = catalog
        self.dispatcher = dispatcher
        self.admin_chats = tuple(admin_chats)  # every office's admin chat and the supervisors' chat
        self.max_photo_bytes = max_photo_bytes
        self.albums = AlbumBuffer(album_wait)
        self.application: Application | None = None
        self.tasks: set[asyncio.Task] = set()
        self.keyboards: dict[int, int] = {}  # chat -> the last message sent to it with buttons
        self.intake = Intake(desk, CHANNEL, self.process)
        self.polling: asyncio.Task | None = None
        self.webhook_secret = ""

    # -- wiring --------------------------------------------------------------------------------

    def install(self, application: Application) -> None:
        """Use a PTB application for its bot (updates come through our own intake, not PTB's handlers)."""
        self.application = application

    @property
    def bot(self):
        return self.application.bot

    # -- updates in: stored first ----------------------------------------------------------------

    def receive(self, update: Update) -> bool:
        """Store an update in the inbox (committed on return) and start processing it; False for a redelivery."""
        user = update.effective_user
        chat = f"{CHANNEL}:{user.id}" if user is not None else f"{CHANNEL}:-"
        return self.intake.receive(str(update.update_id), chat, update.to_dict())

    def start_polling(self, timeout: int = POLL_TIMEOUT) -> None:
        """Process what a previous run stored, then poll getUpdates in the background."""
        self.intake.resume()
        self.polling = asyncio.get_running_loop().create_task(self._poll(timeout))

    async def _poll(self, timeout: int) -> None:
        """Ask for updates past the last stored one: Telegram forgets an update only once we ask past it."""
        offset: int | None = None
        failures = 0
        while True:
            try:
                updates = await self.bot.get_updates(offset=offset, timeout=timeout, allowed_updates=Update.ALL_TYPES)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - network or API trouble: back off and poll again
                failures += 1
                log.warning("telegram polling failed (%s); retrying", type(exc).__name__)
                await asyncio.sleep(min(30.0, 0.5 * 2 ** min(failures, 6)))
                continue
            for update in updates:
                try:
                    self.receive(update)
                except Exception as exc:  # noqa: BLE001 - not stored: do not move past it, ask again
                    log.error("telegram: could not store an update (%s)", type(exc).__name__)
                    await asyncio.sleep(1.0)
                    break
                offset = update.update_id + 1

    async def webhook(self, request):
        """Take an update POSTed by Telegram: check the secret, read the body safely, store it, then answer 200."""
        from aiohttp import web

        secret = self.webhook_secret.encode()
        received = request.headers.get(SECRET_HEADER, "").encode()
        if secret and not hmac.compare_digest(received, secret):
            return web.Response(status=403)
        payload = await read_json(request, max_bytes=MAX_WEBHOOK_BODY)  # 413 or 400 is raised, nothing stored
        try:
            update = Update.de_json(payload, self.bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            update = None
        if update is None:
            return web.json_response({"ok": False, "description": "Body is not a Telegram update"}, status=400)
        self.receive(update)
        return web.Response(status=200)

    async def stop(self) -> None:
        """Stop polling and processing (what is stored and not finished waits for the next run)."""
        if self.polling is not None:
            self.polling.cancel()
            await asyncio.gather(self.polling, return_exceptions=True)
        await self.intake.stop()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def process(self, stored: InboxUpdate) -> bool:
        """Process one stored update; True when it is held (an album part waiting for the rest)."""
        update = Update.de_json(stored.payload, self.bot)
        if update.callback_query is not None:
            await self.on_button(update, None)
        elif update.effective_message is not None and update.effective_chat is not None:
            if update.effective_chat.type == "private":
                return await self.on_citizen_message(update, None)
            await self.on_group_message(update, None)
        return False

    async def on_citizen_message(self, update: Update, context: object) -> bool:
        """Turn a citizen's private message into an event and answer it; True if it waits for its album."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return False
        citizen = Citizen(CHANNEL, str(user.id))
        if message.media_group_id and (message.photo or _is_image_document(message)):
            photo = self._photo_ref(message)
            group = message.media_group_id
            self.albums.add(
                f"{user.id}:{group}", photo, current_updates.get(),
                lambda parts: self._spawn(self._serve_album(citizen, group, parts)),
            )
            return True
        event = self._event(citizen, message)
        if event is not None:
            await self.serve(citizen, event)
        return False

    async def _serve_album(self, citizen: Citizen, group: str, parts: list[tuple[PhotoRef, tuple[int, ...]]]) -> None:
        """Serve an album's parts as one input; its transaction marks every part's update processed."""
        seqs = tuple(seq for _, part_seqs in parts for seq in part_seqs)
        try:
            with self.desk.processing(seqs):
                await self.serve(citizen, PhotoReceived(citizen, tuple(photo for photo, _ in parts), group))
        finally:
            self.intake.release(seqs)
            self.intake.wake(f"{CHANNEL}:{citizen.user_id}")

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

    async def on_button(self, update: Update, context: object) -> None:
        """Route a button press: an admin chat's as an official's event, the others as the citizen's."""
        query = update.callback_query
        if query is None or query.message is None:
            return
        chat = query.message.chat
        if chat.id in self.admin_chats:
            official = Official(str(query.from_user.id), query.from_user.full_name)
            event = OfficialPressed(official, query.data or "", chat.id)
            await serve_official(self.desk, self.dispatcher, event, lambda effects: self.answer_press(effects, query))
            return
        if chat.type != "private":
            await _answer_quietly(query)
            return
        citizen = Citizen(CHANNEL, str(query.from_user.id))
        await _answer_quietly(query)
        await self.serve(citizen, ButtonPressed(citizen, query.data or ""))

    async def on_group_message(self, update: Update, context: object) -> None:
        """Take officials' commands and typed answers (reasons, dates) in the admin chats."""
        message = update.effective_message
        if message is None or update.effective_user is None:
            return
        if message.chat.id not in self.admin_chats or not message.text:
            return
        user = update.effective_user
        official = Official(str(user.id), user.full_name)
        text = message.text
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            event: OfficialCommanded | OfficialWrote = OfficialCommanded(official, command.split("@")[0].lower(), args, message.chat.id)
        else:
            event = OfficialWrote(official, text, message.chat.id)
        await serve_official(self.desk, self.dispatcher, event, self.answer_official)

    # -- serving a citizen ----------------------------------------------------------------------

    async def serve(self, citizen: Citizen, event: Event) -> None:
        """Run one event through the desk and deliver everything it produced."""
        await serve(self.desk, self.dispatcher, citizen, event, self.fetch)

    async def fetch(self, ref: PhotoRef) -> bytes:
        """Download a citizen's photo through getFile."""
        if ref.size and ref.size > self.max_photo_bytes:
            raise ValueError("photo larger than allowed")
        file = await with_retries(lambda: self.bot.get_file(ref.file_ref), idempotent=True)
        if file.file_size and file.file_size > self.max_photo_bytes:
            raise ValueError("photo larger than allowed")
        data = await with_retries(lambda: file.download_as_bytearray(), idempotent=True)
        return bytes(data)

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> int | None:
        """Send messages and photos to a citizen in their language; return the last message's id."""
        chat_id = int(user_id)
        sent = None
        for effect in effects:
            if isinstance(effect, Say):
                text = self.catalog.render(language, effect.text)
                markup = keyboard(self.catalog, language, effect.buttons)
                for part in split_text(text, MESSAGE_LIMIT):
                    sent = await with_retries(lambda p=part, m=markup: self.bot.send_message(chat_id, p, reply_markup=m), idempotent=False)
                if markup is not None and sent is not None:
                    self._replace_keyboard(chat_id, sent.message_id)
            elif isinstance(effect, SendPhoto):
                caption = self.catalog.render(language, effect.caption) if effect.caption else None
                sent = await with_retries(lambda e=effect, c=caption: self.bot.send_photo(chat_id, Path(e.path).read_bytes(), caption=c), idempotent=False)
        return sent.message_id if sent is not None else None

    def _replace_keyboard(self, chat_id: int, message_id: int) -> None:
        """A new question's buttons replace the last ones: take the buttons off the earlier message, so a question
        already answered offers nothing to press (best effort; a press on a button left by a restart is still
        answered "already answered" by the engine)."""
        earlier = self.keyboards.get(chat_id)
        self.keyboards[chat_id] = message_id
        if earlier is not None and earlier != message_id:
            self._spawn(self._remove_keyboard(chat_id, earlier))

    async def _remove_keyboard(self, chat_id: int, message_id: int) -> None:
        try:
            await self.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
        except Exception as exc:  # noqa: BLE001 - cosmetic: the message may be gone or already bare
            log.debug("telegram: could not take the buttons off a message (%s)", type(exc).__name__)

    def failure(self, error: Exception) -> tuple[Delivery, float]:
        """Say what a failed Bot API call means for the outbox: refused, surely not sent, or maybe sent."""
        if isinstance(error, Forbidden):
            log.info("a citizen blocked the bot; message not delivered")
            return "refused", 0.0
        if isinstance(error, BadRequest) or isinstance(error, OSError):
            return "refused", 0.0
        if isinstance(error, RetryAfter):
            delay = error.retry_after
            return "not_sent", delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
        if isinstance(error, TimedOut):
            return "unknown", 1.0
        if isinstance(error, NetworkError):
            return ("not_sent", 1.0) if any(marker in str(error) for marker in _NEVER_SENT) else ("unknown", 1.0)
        return "refused", 0.0

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
        """Answer a typed reply or command: nothing to do, everything it produced goes to an admin chat (the
        outbox addresses each post to its office's chat, a reply to the chat that asked)."""

    async def post(self, post: AdminPost, chat: int | None = None) -> int | None:
        """Post in an admin chat (the first office's when none is named): a card's photos as albums, its documents
        (the declaration PDF), then its text with the action buttons."""
        chat = chat if chat is not None else next(iter(self.admin_chats), None)
        if chat is None:
            return None
        captions = [self.catalog.render(DEFAULT_LANGUAGE, c)[:1024] for c in post.captions]
        captions += [None] * (len(post.photos) - len(captions))
        photos = [(p, c) for p, c in zip(post.photos, captions, strict=False) if Path(p).exists()]
        for start in range(0, len(photos), 10):
            chunk = photos[start:start + 10]
            if len(chunk) == 1:
                await with_retries(lambda c=chunk: self.bot.send_photo(chat, Path(c[0][0]).read_bytes(), caption=c[0][1]), idempotent=False)
            else:
                media = [InputMediaPhoto(Path(p).read_bytes(), caption=c) for p, c in chunk]
                await with_retries(lambda m=media: self.bot.send_media_group(chat, m), idempotent=False)
        for path, name in post.documents:
            if Path(path).exists():
                await with_retries(lambda p=path, n=name: self.bot.send_document(chat, Path(p).read_bytes(), filename=n), idempotent=False)
        text = self.catalog.render(DEFAULT_LANGUAGE, post.text)
        markup = keyboard(self.catalog, DEFAULT_LANGUAGE, post.buttons)
        parts = split_text(text, MESSAGE_LIMIT)
        sent = None
        for number, part in enumerate(parts):
            last = number == len(parts) - 1
            sent = await with_retries(lambda p=part, m=(markup if last else None): self.bot.send_message(chat, p, reply_markup=m), idempotent=False)
        return sent.message_id if sent is not None else None

    async def edit_card(self, edit: EditCard, chat: int | None = None) -> None:
        """Edit a dossier's card in place, in the admin chat that holds it."""
        chat = chat if chat is not None else next(iter(self.admin_chats), None)
        if chat is None:
            return
        rendered = split_text(self.catalog.render(DEFAULT_LANGUAGE, edit.text), MESSAGE_LIMIT)[-1]
        await self._edit(chat, edit.message_id, rendered, keyboard(self.catalog, DEFAULT_LANGUAGE, edit.buttons))

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


async def _answer_quietly(query) -> None:
    """Answer a citizen's press (stops the spinner); a press too old to answer (after a restart) is still served."""
    try:
        await with_retries(lambda: query.answer(), idempotent=True)
    except (BadRequest, NetworkError) as exc:
        log.info("could not answer a press (%s)", type(exc).__name__)


def _is_image_document(message) -> bool:
    document = message.document
    return bool(document and (document.mime_type or "").lower() in IMAGE_MIMES)


def _mime(mime: str | None) -> str:
    mime = (mime or "").lower()
    return "image/jpeg" if mime in ("image/jpg", "image/pjpeg") else mime
