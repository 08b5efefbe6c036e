"""The Zalo Bot Platform API face of the sandbox: ``/zalo/bot{token}/{method}``.

Methods take a JSON body (or a form or query string) and answer ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": N, "description": ...}`` with HTTP status N: 401 for an unknown token,
404 for an unknown method, 400 for bad parameters (text empty or over 2000 characters...), 408 when
getUpdates had nothing within ``timeout`` seconds (it hands out one update per call), 429 (with
``Retry-After``) when the bot's quota is used up. ``sendPhoto`` takes a URL: one on 127.0.0.1 is fetched
at once and kept so the chat page can show it; any other is only recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from sandbox import media
from sandbox.errors import dumps
from sandbox.live import Runtime
from sandbox.streams import json_object
from sandbox.zalo_state import TEXT_LIMIT, ZaloApiError, ZaloBot, ZaloWebhook, ZaloWorld, bad_request
from sandbox.zalo_webhook import ZaloWebhookDispatcher

LOGGER = logging.getLogger(__name__)
PREFIX = "/zalo"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
DEFAULT_POLL_SECONDS = 30.0
MAX_POLL_SECONDS = 60.0
PHOTO_LIMIT = 10 * 1024 * 1024
PHOTO_FETCH_SECONDS = 10.0

Params = dict[str, Any]
Method = Callable[[ZaloBot, Params], Awaitable[Any]]


@dataclass(frozen=True)
class ZaloCall:
    """One Zalo API call as the sandbox saw it (for tests and debugging)."""

    bot_id: str
    method: str
    ok: bool
    error: str | None = None


def error_response(error: ZaloApiError) -> web.Response:
    """Render a Zalo error with its HTTP status (and Retry-After for a 429)."""
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return web.json_response(error.to_json(), status=error.code, headers=headers, dumps=dumps)


async def read_params(request: web.Request) -> Params:
    """Read call parameters from the query string and a JSON or form body."""
    params: Params = dict(request.query)
    if not request.can_read_body:
        return params
    if request.content_type == "application/json":
        params.update(await json_object(request, bad_request))
    else:
        params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    return params


def _text(params: Params, name: str, *, required: bool) -> str:
    """Read a text parameter, enforcing Zalo's 1-2000 characters."""
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise bad_request(f"{name} is empty")
        return ""
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a string")
    if required and not value.strip():
        raise bad_request(f"{name} is empty")
    if len(value) > TEXT_LIMIT:
        raise bad_request(f"{name} is longer than {TEXT_LIMIT} characters")
    return value


class ZaloBotApi:
    """Dispatches Zalo Bot API calls."""

    def __init__(self, runtime: Runtime, world: ZaloWorld, webhooks: ZaloWebhookDispatcher) -> None:
        self.runtime = runtime
        self.world = world
        self.webhooks = webhooks
        self.calls: deque[ZaloCall] = deque(maxlen=2000)
        self._session: aiohttp.ClientSession | None = None
        self._methods: dict[str, tuple[str, Method]] = {
            name.lower(): (name, handler) for name, handler in {
                "getMe": self.get_me,
                "getUpdates": self.get_updates,
                "setWebhook": self.set_webhook,
                "deleteWebhook": self.delete_webhook,
                "getWebhookInfo": self.get_webhook_info,
                "sendMessage": self.send_message,
                "sendPhoto": self.send_photo,
                "sendChatAction": self.send_chat_action,
            }.items()
        }

    async def start(self) -> None:
        """Open the HTTP client that fetches photos bots send from 127.0.0.1."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=PHOTO_FETCH_SECONDS))

    async def stop(self) -> None:
        """Close that HTTP client."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def routes(self) -> list[web.RouteDef]:
        """Return the aiohttp routes of the Zalo Bot API."""
        return [
            web.route("*", f"{PREFIX}/bot{{token}}/{{method}}", self.handle_call),
            web.route("*", f"{PREFIX}/{{tail:.*}}", self.handle_malformed),
        ]

    async def handle_call(self, request: web.Request) -> web.Response:
        """Run one method and answer in Zalo's envelope."""
        bot = self.world.bot_by_token(request.match_info["token"])
        if bot is None:
            return error_response(ZaloApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        entry = self._methods.get(method.lower())
        if entry is None:
            self.calls.append(ZaloCall(bot.id, method, False, "Not Found"))
            return error_response(ZaloApiError(404, "Not Found"))
        name, handler = entry
        try:
            result = await handler(bot, await read_params(request))
        except ZaloApiError as error:
            self.calls.append(ZaloCall(bot.id, name, False, error.description))
            return error_response(error)
        self.calls.append(ZaloCall(bot.id, name, True))
        return web.json_response({"ok": True, "result": result}, dumps=dumps)

    async def handle_malformed(self, request: web.Request) -> web.Response:
        """Answer a URL that names no token and method."""
        return error_response(ZaloApiError(404, "Not Found"))

    # ------------------------------------------------------------------------------ methods

    async def get_me(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Describe the bot."""
        return bot.me()

    async def get_updates(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Hand out the oldest pending update, long-polling up to ``timeout`` seconds (408 if none)."""
        if bot.webhook is not None:
            raise ZaloApiError(409, "webhook is active; call deleteWebhook before getUpdates")
        try:
            timeout = float(params.get("timeout", DEFAULT_POLL_SECONDS))
        except (TypeError, ValueError):
            raise bad_request("timeout must be a number of seconds") from None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(MAX_POLL_SECONDS, max(0.0, timeout))
        while True:
            if bot.webhook is not None:
                raise ZaloApiError(409, "webhook is active; call deleteWebhook before getUpdates")
            update = self.world.pop_update(bot)
            if update is not None:
                return update
            remaining = deadline - loop.time()
            if remaining <= 0 or self.runtime.closing:
                raise ZaloApiError(408, "Request timeout")
            await self.runtime.pulse.wait(remaining)

    async def set_webhook(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Register a webhook URL (127.0.0.1 only here) and its secret token (8-256 characters)."""
        url = params.get("url")
        if not isinstance(url, str) or not url.strip():
            raise bad_request("url is required")
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise bad_request("url must be an http(s) URL")
        if parts.hostname not in LOOPBACK_HOSTS:
            raise bad_request("the sandbox delivers webhooks to 127.0.0.1 only")
        secret = params.get("secret_token")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            raise bad_request("secret_token must be 8-256 characters")
        webhook = ZaloWebhook(url=url.strip(), secret_token=secret, updated_at=self.world.now_ms())
        self.world.set_webhook(bot, webhook)
        self.webhooks.sync()
        return {"url": webhook.url, "updated_at": webhook.updated_at}

    async def delete_webhook(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Remove the webhook (getUpdates works again)."""
        self.world.set_webhook(bot, None)
        return {"url": "", "updated_at": self.world.now_ms()}

    async def get_webhook_info(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Describe the webhook and how many updates wait."""
        webhook = bot.webhook
        info: dict[str, Any] = {"url": webhook.url if webhook else "",
                                "updated_at": webhook.updated_at if webhook else None,
                                "pending_update_count": len(bot.updates)}
        if webhook is not None and webhook.last_error:
            info["last_error_date"] = webhook.last_error_date
            info["last_error_message"] = webhook.last_error
        return info

    async def send_message(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Send 1-2000 characters of text to a person."""
        chat = self.world.bot_chat(bot, params.get("chat_id"))
        text = _text(params, "text", required=True)
        self.world.spend(bot)
        message = self.world.bot_text(bot, chat, text)
        return {"message_id": message.message_id, "date": message.date}

    async def send_photo(self, bot: ZaloBot, params: Params) -> dict[str, Any]:
        """Send a photo by URL with an optional caption."""
        chat = self.world.bot_chat(bot, params.get("chat_id"))
        url = params.get("photo")
        if not isinstance(url, str) or urlsplit(url.strip()).scheme not in ("http", "https"):
            raise bad_request("photo must be an http(s) URL")
        url = url.strip()
        caption = _text(params, "caption", required=False)
        stored = None
        if urlsplit(url).hostname in LOOPBACK_HOSTS:
            data = await self._fetch(url)
            try:
                mime = media.inspect_image(data).mime_type
            except media.NotAnImage:
                raise bad_request("photo is not an image") from None
            stored = self.world.store_file(data, mime)
        self.world.spend(bot)
        message = self.world.bot_photo(bot, chat, url, caption, stored)
        return {"message_id": message.message_id, "date": message.date}

    async def send_chat_action(self, bot: ZaloBot, params: Params) -> bool:
        """Show "typing..." to the person."""
        chat = self.world.bot_chat(bot, params.get("chat_id"))
        action = params.get("action") or "typing"
        self.world.chat_action(bot, chat, str(action))
        return True

    async def _fetch(self, url: str) -> bytes:
        """Download a photo URL on 127.0.0.1 (at most 10 MB)."""
        if self._session is None:
            raise ZaloApiError(500, "the sandbox is not running")
        try:
            async with self._session.get(url) as response:
                if response.status != 200:
                    raise bad_request(f"photo could not be fetched: HTTP {response.status}")
                data = bytearray()
                async for chunk in response.content.iter_chunked(64 * 1024):
                    data += chunk
                    if len(data) > PHOTO_LIMIT:
                        raise bad_request("photo is larger than 10 MB")
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise bad_request(f"photo could not be fetched: {exc.__class__.__name__}") from None
        return bytes(data)
