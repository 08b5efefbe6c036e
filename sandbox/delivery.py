"""What both webhook deliverers (Telegram and Zalo) share: one delivery task per bot with a webhook,
and an HTTP client opened at start and closed at stop."""

from __future__ import annotations

import asyncio
import contextlib
from abc import ABC, abstractmethod
from typing import Any, Iterable

import aiohttp

from sandbox.live import Runtime


class DeliveryTasks(ABC):
    """Keeps a delivery task running for every bot that has a webhook; subclasses deliver."""

    task_prefix = "sandbox-webhook"

    def __init__(self, runtime: Runtime, *, max_attempts: int = 5, base_delay: float = 0.2, timeout: float = 10.0) -> None:
        self.runtime = runtime
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.timeout = timeout
        self._tasks: dict[Any, asyncio.Task[None]] = {}
        self._session: aiohttp.ClientSession | None = None

    @abstractmethod
    def bots(self) -> Iterable[Any]:
        """Return the bots whose webhooks this deliverer serves."""

    @abstractmethod
    async def _run(self, bot: Any) -> None:
        """Deliver a bot's updates to its webhook until it is removed."""

    async def start(self) -> None:
        """Open the HTTP client used for deliveries and start pending ones."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        self.sync()

    async def stop(self) -> None:
        """Cancel deliveries and close the HTTP client."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def sync(self) -> None:
        """Start a delivery task for every bot with a webhook that lacks one."""
        if self._session is None:
            return
        for bot in self.bots():
            task = self._tasks.get(bot.id)
            if bot.webhook is not None and (task is None or task.done()):
                self._tasks[bot.id] = asyncio.create_task(self._run(bot), name=f"{self.task_prefix}-{bot.id}")
