"""The sender: delivers the outbox, each chat's rows in order, different chats side by side.

A row is marked ``sending`` (committed) before its platform call and ``sent`` with the platform's message id
after it; a card's message id is stored on its dossier in that same transaction. Within Telegram's limits
(30 messages a second per bot, 20 a minute per group: each office's admin chat is its own outbox chat), waiting out 429s, retrying what surely was not sent.

After a crash a row may be left ``sending``: the call may or may not have reached the platform. It is sent
again (a possible duplicate rather than a lost reply: a citizen who never gets the next question is stuck),
except a dossier's card whose message id is already known. A call that fails in a way that may have reached
the platform (a timeout) is repeated at most ``UNCERTAIN_ATTEMPTS`` times in all, not blindly forever.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import replace
from typing import Awaitable, Callable

from sqlite_utils import Database

from bot.dispatch import ADMIN, Dispatcher
from bot.effects import AdminPost, SendPhoto
from bot.outgoing import QrImage, ReceiptImage, decode
from storage import outbox
from storage.database import transaction
from storage.records import OutboxRow

log = logging.getLogger(__name__)
UNCERTAIN_ATTEMPTS = 2
POLL_SECONDS = 1.0  # look for rows to retry at least this often


class Limits:
    """Telegram's flood limits as sliding windows: ``per_second`` messages in any second for the bot,
    ``per_group_minute`` in any minute for each group (bursts within them go out at once)."""

    def __init__(self, per_second: int = 30, per_group_minute: int = 20) -> None:
        self.per_second = per_second
        self.per_group_minute = per_group_minute
        self.sent: deque[float] = deque()
        self.group_sent: dict[str, deque[float]] = {}

    async def wait(self, messages: int, group: str | bool | None) -> None:
        """Wait until ``messages`` more may be sent (to the group named by ``group``, if any), and count them."""
        if group and self.per_group_minute:
            key = str(group)
            await _window(self.group_sent.setdefault(key, deque()), self.per_group_minute, 60.0, messages)
        if self.per_second:
            await _window(self.sent, self.per_second, 1.0, messages)


async def _window(sent: deque[float], limit: int, seconds: float, messages: int) -> None:
    while True:
        now = time.monotonic()
        while sent and sent[0] <= now - seconds:
            sent.popleft()
        if len(sent) + messages <= limit or not sent:
            break
        await asyncio.sleep(sent[0] + seconds - now)
    sent.extend([time.monotonic()] * messages)


class Sender:
    """Delivers the outbox through the dispatcher until stopped; resumes whatever a crash left."""

    def __init__(
        self, db: Database, dispatcher: Dispatcher, draw_receipt: Callable[[str], SendPhoto],
        report_card: Callable[[int, int], None], limits: Limits | None = None,
        draw_qr: Callable[[QrImage], SendPhoto] | None = None,
        report_prompt: Callable[[str, int], None] | None = None,
        draw_declaration: Callable[[int], Awaitable[tuple[str, str] | None]] | None = None,
    ) -> None:
        self.db = db
        self.dispatcher = dispatcher
        self.draw_receipt = draw_receipt
        self.report_card = report_card
        self.draw_qr = draw_qr
        self.report_prompt = report_prompt
        self.limits = limits or Limits()
        self.draw_declaration = draw_declaration  # a card's declaration PDF, drawn when the card is sent
        self.workers: dict[str, asyncio.Task] = {}
        self.signal = asyncio.Event()
        self.task: asyncio.Task | None = None

    def start(self) -> None:
        """Start delivering (what a previous run left first) and answer the dispatcher's wake-ups."""
        self.dispatcher.wake = self.wake
        self.task = asyncio.get_running_loop().create_task(self._run())

    def wake(self) -> None:
        """Something was queued: look at once."""
        self.signal.set()

    async def stop(self) -> None:
        """Stop delivering (rows not sent yet stay in the outbox for the next run)."""
        tasks = [t for t in (self.task, *self.workers.values()) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def idle(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is waiting to be sent now; tell whether that happened in time (for tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.workers and not outbox.chats_waiting(self.db):
                return True
            await asyncio.sleep(0.02)
        return False

    async def _run(self) -> None:
        while True:
            self.signal.clear()
            try:
                for chat in outbox.chats_waiting(self.db):
                    if chat not in self.workers:
                        self.workers[chat] = asyncio.get_running_loop().create_task(self._work(chat))
            except Exception as exc:  # noqa: BLE001 - a locked database now and then: look again soon
                log.warning("outbox: could not look for rows (%s)", type(exc).__name__)
            try:  # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancel that races its timeout
                async with asyncio.timeout(POLL_SECONDS):
                    await self.signal.wait()
            except TimeoutError:
                pass

    async def _work(self, chat: str) -> None:
        try:
            while True:
                row = outbox.next_for(self.db, chat)
                if row is None:
                    return
                wait = row.not_before - time.time()
                if wait > 0:
                    await asyncio.sleep(min(wait, 60.0))
                    continue
                await self._send(row)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the run loop starts this chat again
            log.error("outbox: delivering to a chat failed (%s)", type(exc).__name__)
            await asyncio.sleep(POLL_SECONDS)
        finally:
            self.workers.pop(chat, None)

    async def _send(self, row: OutboxRow) -> None:
        effect = decode(row.effect)
        if row.state == "sending" and isinstance(effect, AdminPost) and effect.dossier_id is not None:
            known = outbox.message_id_of_card(self.db, effect.dossier_id)
            if known is not None:  # the card was posted before the crash: do not post it twice
                with transaction(self.db):
                    outbox.mark_sent(self.db, row.id, known)
                return
        if isinstance(effect, ReceiptImage):
            effect = self.draw_receipt(effect.code)
        if isinstance(effect, QrImage):
            if self.draw_qr is None:
                raise TypeError("this sender cannot draw QR images")
            effect = self.draw_qr(effect)
        if isinstance(effect, AdminPost) and effect.declaration is not None:
            effect = await self._with_declaration(effect)
        messages = 1 + (len(effect.photos) + 9) // 10 + len(effect.documents) if isinstance(effect, AdminPost) else 1
        await self.limits.wait(messages, group=row.chat if row.channel == ADMIN and isinstance(effect, AdminPost) else None)
        with transaction(self.db):
            outbox.mark_sending(self.db, row.id)
        try:
            message_id = await self.dispatcher.deliver(row.channel, row.target, effect, row.language)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - decided below by what the failure means
            self._failed(row, exc)
            return
        with transaction(self.db):
            outbox.mark_sent(self.db, row.id, message_id)
            if isinstance(effect, AdminPost) and effect.dossier_id is not None and message_id is not None:
                self.report_card(effect.dossier_id, message_id)
            if isinstance(effect, AdminPost) and effect.prompt_for is not None and message_id is not None and self.report_prompt:
                self.report_prompt(effect.prompt_for, message_id)

    async def _with_declaration(self, post: AdminPost) -> AdminPost:
        """Draw the post's declaration PDF and add it to its documents (the card goes without it if that fails)."""
        if self.draw_declaration is None or post.declaration is None:
            return post
        try:
            drawn = await self.draw_declaration(post.declaration)
        except Exception as exc:  # noqa: BLE001 - a card without its PDF beats a card never posted
            log.error("outbox: could not draw a declaration (%s)", type(exc).__name__)
            return post
        return replace(post, documents=post.documents + (drawn,)) if drawn else post

    def _failed(self, row: OutboxRow, error: Exception) -> None:
        kind, delay = self.dispatcher.failure(row.channel, error)
        attempts = row.attempts + 1
        with transaction(self.db):
            if kind == "not_sent":
                outbox.retry_later(self.db, row.id, max(delay, min(30.0, 0.5 * 2 ** min(attempts, 6))))
            elif kind == "unknown" and attempts < UNCERTAIN_ATTEMPTS:
                outbox.retry_later(self.db, row.id, max(delay, 1.0))
            else:
                outbox.mark_failed(self.db, row.id)
        log.warning("outbox: a %s send failed (%s, %s)", row.channel, type(error).__name__, kind)
