"""Webhook delivery: POST each pending update of a bot to its webhook URL, in order.

Like Telegram, each update is sent as JSON with the ``X-Telegram-Bot-Api-Secret-Token`` header when a
secret is set; a non-2xx answer or a network error is retried with backoff, a bounded number of times,
after which the update is dropped. The last error shows in ``getWebhookInfo``.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp

from sandbox.delivery import DeliveryTasks
from sandbox.models import BotAccount, Webhook

LOGGER = logging.getLogger(__name__)


class WebhookDispatcher(DeliveryTasks):
    """One delivery task per bot that has a webhook."""

    def bots(self):
        """Return the Telegram bots."""
        return self.runtime.world.bots.values()

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
