"""The Telegram Bot API face of the sandbox, served with aiohttp.

Routes ``/bot{token}/{method}`` (GET or POST; query string, JSON, urlencoded or multipart parameters;
method names case-insensitive) and ``/file/bot{token}/{file_path}``. Answers are always
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": N, "description": ...}`` with the
HTTP status equal to ``error_code``, as Telegram does, so PTB runs against it unmodified.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from sandbox.api_bot import BotMethods
from sandbox.api_common import Described, Handler
from sandbox.api_media import MediaMethods, file_response
from sandbox.api_messages import MessageMethods
from sandbox.api_updates import UpdateMethods
from sandbox.errors import ApiError, bad_request, dumps, not_found, unauthorized
from sandbox.live import Runtime
from sandbox.params import read_params
from sandbox.webhook import WebhookDispatcher

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApiCall:
    """One Bot API call as the sandbox saw it (for tests and debugging)."""

    bot_id: int
    method: str
    ok: bool
    error: str | None = None


def _known_bot_api_methods() -> frozenset[str]:
    """Return the lower-cased names of real Bot API methods, as PTB knows them."""
    try:
        import telegram  # noqa: PLC0415
    except ImportError:  # pragma: no cover - PTB is a dependency of the project
        return frozenset()
    return frozenset(
        name.lower() for name in dir(telegram.Bot)
        if name[:1].islower() and "_" not in name and callable(getattr(telegram.Bot, name))
    )


class BotApi:
    """Dispatches Bot API calls to the method groups."""

    def __init__(self, runtime: Runtime, webhooks: WebhookDispatcher) -> None:
        self.runtime = runtime
        self.world = runtime.world
        self.calls: deque[ApiCall] = deque(maxlen=2000)
        self._methods: dict[str, tuple[str, Handler]] = {}
        groups = (
            BotMethods(self.world),
            MessageMethods(self.world),
            MediaMethods(self.world),
            UpdateMethods(runtime, webhooks),
        )
        for group in groups:
            for name, handler in group.methods().items():
                self._methods[name.lower()] = (name, handler)
        self._real_methods = _known_bot_api_methods()

    def routes(self) -> list[web.RouteDef]:
        """Return the aiohttp routes of the Bot API and its file downloads."""
        return [
            web.route("*", "/bot{token}/{method}", self.handle_call),
            web.get("/file/bot{token}/{file_path:.+}", self.handle_file),
            web.route("*", "/bot{tail:.*}", self.handle_malformed),
            web.route("*", "/file/bot{tail:.*}", self.handle_malformed),
        ]

    async def handle_call(self, request: web.Request) -> web.Response:
        """Run one Bot API method and answer in Telegram's envelope."""
        token = request.match_info["token"]
        method = request.match_info["method"]
        bot = self.world.bot_by_token(token)
        if bot is None:
            return self._error(unauthorized())
        entry = self._methods.get(method.lower())
        if entry is None:
            if method.lower() in self._real_methods:
                error = bad_request(f"method {method} is not implemented by the sandbox")
            else:
                error = not_found()
            self.calls.append(ApiCall(bot.id, method, False, error.description))
            return self._error(error)
        name, handler = entry
        try:
            params = await read_params(request)
            result = await handler(bot, params)
        except ApiError as error:
            self.calls.append(ApiCall(bot.id, name, False, error.description))
            LOGGER.debug("%s -> %s", name, error.description)
            return self._error(error)
        self.calls.append(ApiCall(bot.id, name, True))
        body: dict[str, Any] = {"ok": True}
        if isinstance(result, Described):
            body["result"] = result.result
            body["description"] = result.description
        else:
            body["result"] = result
        return web.json_response(body, dumps=dumps)

    async def handle_file(self, request: web.Request) -> web.StreamResponse:
        """Serve a file by the ``file_path`` getFile gave out."""
        if self.world.bot_by_token(request.match_info["token"]) is None:
            return self._error(not_found())
        return file_response(self.world, file_path=request.match_info["file_path"])

    async def handle_malformed(self, request: web.Request) -> web.Response:
        """Answer a malformed Bot API URL the way Telegram does."""
        return self._error(not_found())

    @staticmethod
    def _error(error: ApiError) -> web.Response:
        return web.json_response(error.to_json(), status=error.code, dumps=dumps)
