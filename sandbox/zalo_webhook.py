"""Zalo webhook delivery: POST each pending update of a Zalo bot to its webhook URL, in order.

Each update goes as JSON (wrapped as ``{ok, result}`` when the world's ``webhook_envelope`` is set, bare
otherwise) with the ``X-Bot-Api-Secret-Token`` header. A non-2xx answer or a network error is retried
with backoff a bounded number of times, then the update is dropped; the last error shows in
``getWebhookInfo`` and every attempt is recorded in ``deliveries`` (for tests).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass
from typing import Any

import aiohttp

from sandbox.delivery import DeliveryTasks
from sandbox.live import Runtime
from sandbox.zalo_state import ZaloBot, ZaloWebhook, ZaloWorld

LOGGER = logging.getLogger(__name__)
SECRET_HEADER = "X-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Delivery:
    """One delivery attempt: to which bot and URL, the HTTP status (None without one), the error."""

    bot_id: str
    url: str
    status: int | None
    error: str | None


class ZaloWebhookDispatcher(DeliveryTasks):
    """One delivery task per Zalo bot that has a webhook."""

    task_prefix = "sandbox-zalo-webhook"

    def __init__(self, runtime: Runtime, world: ZaloWorld, *, max_attempts: int = 5, base_delay: float = 0.2,
                 timeout: float = 10.0) -> None:
        super().__init__(runtime, max_attempts=max_attempts, base_delay=base_delay, timeout=timeout)
        self.world = world
        self.deliveries: deque[Delivery] = deque(maxlen=1000)

    def bots(self):
        """Return the Zalo bots."""
        return self.world.bots.values()

    async def _run(self, bot: ZaloBot) -> None:
        attempts = 0
        while bot.webhook is not None and not self.runtime.closing:
            if not bot.updates:
                await self.runtime.pulse.wait(None)
                continue
            webhook = bot.webhook
            update = bot.updates[0]
            status, error = await self._deliver(webhook, update)
            self.deliveries.append(Delivery(bot.id, webhook.url, status, error))
            if bot.webhook is not webhook or not bot.updates or bot.updates[0] is not update:
                attempts = 0
                continue
            if error is None:
                self.world.pop_update(bot)
                attempts = 0
                continue
            attempts += 1
            webhook.last_error = error
            webhook.last_error_date = self.world.now_ms()
            LOGGER.info("Zalo webhook delivery to %s failed (%s), attempt %d", webhook.url, error, attempts)
            if attempts >= self.max_attempts:
                self.world.pop_update(bot)
                attempts = 0
                continue
            await asyncio.sleep(min(self.base_delay * 2 ** (attempts - 1), 5.0))

    async def _deliver(self, webhook: ZaloWebhook, update: dict[str, Any]) -> tuple[int | None, str | None]:
        """POST one update; return the status and None on success, or the error."""
        assert self._session is not None
        body = {"ok": True, "result": update} if self.world.webhook_envelope else update
        headers = {SECRET_HEADER: webhook.secret_token}
        try:
            async with self._session.post(webhook.url, json=body, headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return response.status, None
                return response.status, f"Wrong response from the webhook: {response.status} {response.reason}"
        except asyncio.TimeoutError:
            return None, "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return None, "Connection refused"
        except aiohttp.ClientError as exc:
            return None, f"Connection error: {exc.__class__.__name__}"
