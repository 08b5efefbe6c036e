"""Webhook delivery: POST each pending update of a bot to its webhook URL, in order.

Like Telegram, each update is sent as JSON with the ``X-Telegram-Bot-Api-Secret-Token`` header when a
secret is set; a non-2xx answer or a network error is retried with backoff, a bounded number of times,
after which the update is dropped. The last error shows in ``getWebhookInfo``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp

from bot.sandbox.live import Runtime
from bot.sandbox.models import BotAccount, Webhook

LOGGER = logging.getLogger(__name__)


class WebhookDispatcher:
    """One delivery task per bot that has a webhook."""

    def __init__(self, runtime: Runtime, *, max_attempts: int = 5, base_delay: float = 0.2,
                 timeout: float = 10.0) -> None:
        self.runtime = runtime
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.timeout = timeout
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Open the HTTP client used for deliveries."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))

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
        for bot in self.runtime.world.bots.values():
            task = self._tasks.get(bot.id)
            if bot.webhook is not None and (task is None or task.done()):
                self._tasks[bot.id] = asyncio.create_task(self._run(bot), name=f"sandbox-webhook-{bot.id}")

    async def _run(self, bot: BotAccount) -> None:
        world, pulse = self.runtime.world, self.runtime.pulse
        attempts = 0
        while bot.webhook is not None and not self.runtime.closing:
            if not bot.updates:
                await pulse.wait(None)
                continue
            webhook = bot.webhook
            update = bot.updates[0]
            error = await self._deliver(webhook, update)
            if bot.webhook is not webhook:
                attempts = 0
                continue
            if error is None:
                world.ack_update(bot, update["update_id"])
                attempts = 0
                world.changed()
                continue
            attempts += 1
            webhook.last_error_date = world.now()
            webhook.last_error_message = error
            LOGGER.info("webhook delivery to %s failed (%s), attempt %d", webhook.url, error, attempts)
            if attempts >= self.max_attempts:
                world.ack_update(bot, update["update_id"])
                attempts = 0
                world.changed()
                continue
            await asyncio.sleep(min(self.base_delay * 2 ** (attempts - 1), 5.0))

    async def _deliver(self, webhook: Webhook, update: dict) -> str | None:
        """POST one update; return None on success or the error Telegram would report."""
        assert self._session is not None
        headers = {}
        if webhook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        try:
            async with self._session.post(webhook.url, json=update, headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return None
                return f"Wrong response from the webhook: {response.status} {response.reason}"
        except asyncio.TimeoutError:
            return "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return "Connection refused"
        except aiohttp.ClientError as exc:
            return f"Connection error: {exc.__class__.__name__}"
