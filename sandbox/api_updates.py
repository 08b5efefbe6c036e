"""Bot API methods about receiving updates: getUpdates (long polling) and the webhook methods."""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import urlsplit

from sandbox.api_common import Described, Handler
from sandbox.errors import bad_request, conflict
from sandbox.live import Runtime
from sandbox.models import ALL_UPDATE_TYPES, BotAccount, Webhook
from sandbox.params import Params
from sandbox.webhook import WebhookDispatcher

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_WEBHOOK_ACTIVE = "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
_TERMINATED = "terminated by other getUpdates request; make sure that only one bot instance is running"


class UpdateMethods:
    """getUpdates, setWebhook, deleteWebhook."""

    def __init__(self, runtime: Runtime, webhooks: WebhookDispatcher) -> None:
        self.runtime = runtime
        self.world = runtime.world
        self.webhooks = webhooks

    def methods(self) -> dict[str, Handler]:
        return {
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
        }

    @staticmethod
    def _allowed_updates(p: Params) -> list[str] | None:
        allowed = p.json("allowed_updates")
        if allowed is None:
            return None
        if not isinstance(allowed, list) or not all(isinstance(kind, str) for kind in allowed):
            raise bad_request("can't parse allowed_updates JSON object")
        return [kind for kind in allowed if kind in ALL_UPDATE_TYPES]

    async def get_updates(self, bot: BotAccount, p: Params) -> list[dict[str, Any]]:
        """Confirm updates below ``offset`` and return pending ones, long-polling up to ``timeout``."""
        if bot.webhook is not None:
            raise conflict(_WEBHOOK_ACTIVE)
        offset = p.int("offset")
        limit = min(100, max(1, p.int("limit", default=100) or 100))
        timeout = max(0.0, p.float("timeout", default=0.0) or 0.0)
        allowed = self._allowed_updates(p)
        if allowed is not None:
            bot.allowed_updates = tuple(allowed)
        self.world.confirm_updates(bot, offset)
        bot.poll_generation += 1
        generation = bot.poll_generation
        self.world.changed()  # an older poll still waiting now ends with 409
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if bot.webhook is not None:
                raise conflict(_WEBHOOK_ACTIVE)
            if bot.poll_generation != generation:
                raise conflict(_TERMINATED)
            if bot.updates or self.runtime.closing:
                break
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            await self.runtime.pulse.wait(remaining)
        return [dict(update) for update in bot.updates[:limit]]

    async def set_webhook(self, bot: BotAccount, p: Params) -> Described:
        """Register a webhook URL (loopback only in the sandbox); updates are then POSTed to it."""
        url = (p.str("url") or "").strip()
        if not url:
            return await self.delete_webhook(bot, p)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        if parts.hostname not in LOOPBACK_HOSTS:
            raise bad_request("bad webhook: the sandbox delivers webhooks to 127.0.0.1 only")
        secret = p.str("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("secret token contains unallowed characters")
        max_connections = p.int("max_connections", default=40) or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be 1-100")
        same = bot.webhook is not None and bot.webhook.url == url
        webhook = Webhook(url=url, secret_token=secret, max_connections=max_connections,
                          ip_address=p.str("ip_address"))
        self.world.set_webhook(bot, webhook, drop_pending=p.bool("drop_pending_updates"),
                               allowed_updates=self._allowed_updates(p))
        self.webhooks.sync()
        return Described(True, "Webhook is already set" if same else "Webhook was set")

    async def delete_webhook(self, bot: BotAccount, p: Params) -> Described:
        """Remove the webhook so getUpdates works again."""
        had = bot.webhook is not None
        self.world.set_webhook(bot, None, drop_pending=p.bool("drop_pending_updates"))
        return Described(True, "Webhook was deleted" if had else "Webhook is already deleted")
