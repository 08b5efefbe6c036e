"""Receiving Zalo updates by webhook, as an aiohttp handler.

Zalo POSTs each update with the ``X-Bot-Api-Secret-Token`` header given to ``setWebhook``. The handler
checks it in constant time (a wrong or missing secret gets 403 and nothing is read further), reads the
body with ``bot.channels.webhook_body.read_json`` (413 when oversized; 400 when not JSON, nested too deeply
or not an object), and otherwise hands the update to ``on_update``, which stores it in the inbox (a
millisecond) and processes it in the background, and answers 200 only once it returned: an update is
acknowledged only once it is stored. If storing fails the answer is 500 and Zalo delivers it again. JSON
that is not a readable update is logged and acknowledged with 200: redelivering it would not make it readable.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.channels.webhook_body import read_json
from bot.channels.zalo.updates import ZaloUpdate, parse_update

LOGGER = logging.getLogger(__name__)
SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1024 * 1024

UpdateCallback = Callable[[ZaloUpdate], Awaitable[None]]


class WebhookHandler:
    """Webhook state: ``handle`` is the aiohttp handler, ``tasks`` the updates being processed."""

    def __init__(self, secret: str, on_update: UpdateCallback, *, max_body: int = MAX_BODY_BYTES) -> None:
        if not secret:
            raise ValueError("a webhook secret is required")
        self._secret = secret.encode()
        self._on_update = on_update
        self.max_body = max_body
        self.tasks: set[asyncio.Task[None]] = set()

    async def handle(self, request: web.Request) -> web.Response:
        """Check the secret, read the update, schedule it and answer."""
        received = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(received, self._secret):
            LOGGER.warning("Zalo webhook: refused a request with a %s secret",
                           "wrong" if received else "missing")
            return web.json_response({"ok": False, "description": "Forbidden"}, status=403)
        payload = await read_json(request, max_bytes=self.max_body)  # 413 or 400 is raised, nothing processed
        try:
            update = parse_update(payload)
        except ValueError as exc:
            LOGGER.warning("Zalo webhook: ignored an unreadable update: %s", exc)
            return web.json_response({"ok": True})
        try:
            await self._on_update(update)
        except Exception:  # noqa: BLE001 - not stored: let Zalo deliver it again
            LOGGER.exception("Zalo webhook: storing %s %s failed", update.event_name, update.message_id)
            return web.json_response({"ok": False, "description": "Not stored"}, status=500)
        return web.json_response({"ok": True})

    async def _process(self, update: ZaloUpdate) -> None:
        """Run the callback, logging (not raising) its failures."""
        try:
            await self._on_update(update)
        except Exception:  # noqa: BLE001 - a failing update must not kill the others
            LOGGER.exception("Zalo webhook: processing %s %s failed", update.event_name, update.message_id)

    async def drain(self, timeout: float | None = None) -> None:
        """Wait for the updates being processed (for a graceful shutdown)."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)


def webhook_handler(secret: str, on_update: UpdateCallback) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Build an aiohttp handler that feeds authenticated Zalo updates to ``on_update``.

    It is ``WebhookHandler(secret, on_update).handle``; its ``__self__`` can ``drain()`` at shutdown.
    """
    return WebhookHandler(secret, on_update).handle
