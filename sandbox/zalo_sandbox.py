"""The Zalo side of the sandbox in one object, mounted by :class:`~sandbox.server.SandboxServer`.

It shares the server's :class:`~sandbox.live.Runtime` (its pulse wakes Zalo long polls, webhook
deliveries and event streams too, and its closing flag ends them) but keeps its own world. Routes:
the Zalo Bot API under ``/zalo/bot{token}/{method}`` (:mod:`sandbox.zalo_api`), the client API
under ``/sandbox/zalo/api/`` and files under ``/sandbox/zalo/files/`` (:mod:`sandbox.zalo_client_api`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from sandbox.live import Runtime
from sandbox.zalo_api import ZaloBotApi
from sandbox.zalo_client_api import ZaloClientApi
from sandbox.zalo_state import DEFAULT_PHOTO_TTL, ZaloQuota, ZaloWorld
from sandbox.zalo_webhook import ZaloWebhookDispatcher


class ZaloSandbox:
    """Zalo bots, people and chats, with their HTTP faces."""

    def __init__(self, runtime: Runtime, base_url: Callable[[], str], *, photo_ttl: float = DEFAULT_PHOTO_TTL,
                 webhook_envelope: bool = True, webhook_attempts: int = 5) -> None:
        self.runtime = runtime
        self.world = ZaloWorld(base_url, photo_ttl=photo_ttl, webhook_envelope=webhook_envelope)
        self.world.listeners.append(runtime.pulse.fire)
        self.webhooks = ZaloWebhookDispatcher(runtime, self.world, max_attempts=webhook_attempts)
        self.bot_api = ZaloBotApi(runtime, self.world, self.webhooks)
        self.client_api = ZaloClientApi(runtime, self.world)

    def add_bot(self, token: str, name: str, *, quota: ZaloQuota | None = None) -> dict[str, Any]:
        """Register a Zalo bot and return its getMe record."""
        return self.world.add_bot(token, name, quota=quota).me()

    def set_quota(self, token: str, quota: ZaloQuota | None) -> None:
        """Set (or with None, lift) a bot's message quota."""
        bot = self.world.bot_by_token(token)
        if bot is None:
            raise KeyError("no Zalo bot with this token")
        self.world.set_quota(bot, quota)

    def routes(self) -> list[web.RouteDef]:
        """Return every Zalo route."""
        return [*self.bot_api.routes(), *self.client_api.routes()]

    async def start(self) -> None:
        """Open the HTTP clients (webhook deliveries, photo fetches)."""
        await self.bot_api.start()
        await self.webhooks.start()

    async def stop(self) -> None:
        """Stop deliveries and close the HTTP clients."""
        await self.webhooks.stop()
        await self.bot_api.stop()
