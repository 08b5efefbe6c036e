"""The intake: a channel's stored updates (the inbox) processed in order per chat, chats side by side.

A channel stores each update (``receive``) before acknowledging it to the platform, then the intake hands it
to the channel's ``process`` under ``Desk.processing``, so the desk's transaction marks it processed along
with the state it changes. An update that changed nothing stored is marked processed once ``process`` returns;
one that ``process`` holds (an album part waiting for the rest) stays unprocessed until the channel releases
it. On start (``resume``) the updates a previous run stored but did not finish are processed first.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Iterable

from bot.desk import Desk
from storage.records import InboxUpdate as InboxUpdate  # re-exported: what the channels process

log = logging.getLogger(__name__)
Process = Callable[[InboxUpdate], Awaitable[bool]]  # True: held, the channel finishes it later


class Intake:
    """Stores a channel's updates and processes them, each chat's in the order received."""

    def __init__(self, desk: Desk, channel: str, process: Process) -> None:
        self.desk = desk
        self.channel = channel
        self.process = process
        self.held: set[int] = set()
        self.workers: dict[str, asyncio.Task] = {}

    def receive(self, update_id: str, chat: str, payload: dict[str, Any]) -> bool:
        """Store an update (committed when this returns: acknowledge it after) and start processing it."""
        new = self.desk.store_update(self.channel, update_id, chat, payload)
        self.wake(chat)
        return new

    def resume(self) -> int:
        """Start processing what a previous run stored but did not finish; return how many updates wait."""
        waiting = self.desk.waiting_updates(self.channel)
        for chat in dict.fromkeys(update.chat for update in waiting):
            self.wake(chat)
        return len(waiting)

    def wake(self, chat: str) -> None:
        """Make sure a chat's updates are being processed."""
        if chat not in self.workers:
            self.workers[chat] = asyncio.get_running_loop().create_task(self._work(chat))

    def release(self, seqs: Iterable[int]) -> None:
        """The channel finished updates it held: mark them processed (if its transaction did not) and forget them."""
        seqs = list(seqs)
        try:
            self.desk.done(seqs)
        finally:
            self.held.difference_update(seqs)

    async def stop(self) -> None:
        """Stop processing (what is not finished stays in the inbox for the next run)."""
        tasks = list(self.workers.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _work(self, chat: str) -> None:
        try:
            while True:
                waiting = self.desk.waiting_updates(self.channel, chat, self.held)
                if not waiting:
                    return
                update = waiting[0]
                held = False
                try:
                    with self.desk.processing([update.seq]):
                        held = await self.process(update)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a broken update must not block the chat's next ones
                    log.error("%s: processing an update failed (%s)", self.channel, type(exc).__name__)
                if held:
                    self.held.add(update.seq)
                else:
                    self.desk.done([update.seq])
        finally:
            self.workers.pop(chat, None)
