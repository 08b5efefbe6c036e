"""The sandbox server: a local Telegram Bot API plus a client API, in one aiohttp application.

Point PTB at it with ``base_url=server.bot_api_url`` and ``base_file_url=server.file_url``; act as people
through ``/sandbox/api/`` (see :mod:`sandbox.client_api`). The chat page lives in
``sandbox/static/``: ``/`` serves ``static/index.html`` and ``/static/`` the rest of that folder.
A fake Zalo Bot Platform is mounted too (``zalo_base_url``, ``/sandbox/zalo/api/``; see
:mod:`sandbox.zalo_sandbox`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web

from sandbox.client_api import ClientApi
from sandbox.live import Runtime
from sandbox.ratelimit import RateLimits
from sandbox.state import World
from sandbox.telegram_api import BotApi
from sandbox.webhook import WebhookDispatcher
from sandbox.zalo_sandbox import ZaloSandbox
from sandbox.zalo_state import ZaloQuota

STATIC_DIR = Path(__file__).with_name("static")
MAX_REQUEST_BYTES = 60 * 1024 * 1024
_PLACEHOLDER = (
    "<!doctype html><meta charset='utf-8'><title>motcua sandbox</title>"
    "<p>motcua sandbox is running. The chat page will be served from sandbox/static/index.html.</p>"
)


class SandboxServer:
    """A fake Telegram for tests and demos; all state lives in ``self.state``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, rate_limits: bool | RateLimits = True,
                 webhook_attempts: int = 5) -> None:
        if isinstance(rate_limits, RateLimits):
            limits = rate_limits
        else:
            limits = RateLimits() if rate_limits else RateLimits.disabled()
        self.host = host
        self.port = port
        self.state = World(rate_limits=limits)
        self.runtime = Runtime(self.state)
        self.webhooks = WebhookDispatcher(self.runtime, max_attempts=webhook_attempts)
        self.bot_api = BotApi(self.runtime, self.webhooks)
        self.client_api = ClientApi(self.runtime)
        self.zalo = ZaloSandbox(self.runtime, lambda: self.base_url, webhook_attempts=webhook_attempts)
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------------------ setup

    def add_bot(self, token: str, username: str, first_name: str, *, privacy_mode: bool = True) -> dict[str, Any]:
        """Register a bot and return its user record (as getMe shows it)."""
        return self.state.add_bot(token, username, first_name, privacy_mode=privacy_mode).me()

    def add_zalo_bot(self, token: str, name: str, *, quota: ZaloQuota | None = None) -> dict[str, Any]:
        """Register a Zalo bot (served under ``/zalo/bot{token}/``) and return its getMe record."""
        return self.zalo.add_bot(token, name, quota=quota)

    def build_app(self) -> web.Application:
        """Assemble the aiohttp application (Bot API, client API, page)."""
        app = web.Application(client_max_size=MAX_REQUEST_BYTES, middlewares=[self.client_api.errors])
        app.add_routes(self.bot_api.routes())
        app.add_routes(self.client_api.routes())
        app.add_routes(self.zalo.routes())
        app.router.add_get("/", self._index)
        if STATIC_DIR.is_dir():
            app.router.add_static("/static/", STATIC_DIR)
        return app

    async def _index(self, request: web.Request) -> web.StreamResponse:
        """Serve the chat page, or a placeholder until it exists."""
        page = STATIC_DIR / "index.html"
        if page.is_file():
            return web.FileResponse(page)
        return web.Response(text=_PLACEHOLDER, content_type="text/html")

    # ------------------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Listen on ``host:port`` (port 0 picks a free port, readable afterwards)."""
        if self._runner is not None:
            raise RuntimeError("the sandbox is already running")
        self.runtime.closing = False
        await self.webhooks.start()
        await self.zalo.start()
        runner = web.AppRunner(self.build_app(), handler_cancellation=True, shutdown_timeout=2.0,
                               access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        sockets = [s for s in (runner.addresses or [])]
        if sockets:
            self.port = sockets[0][1]
        self.webhooks.sync()

    async def stop(self) -> None:
        """Stop listening; wakes long polls and event streams so they end."""
        if self._runner is None:
            return
        self.runtime.close()
        await self.webhooks.stop()
        await self.zalo.stop()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> "SandboxServer":
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------------------ addresses

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def bot_api_url(self) -> str:
        """PTB's ``base_url``: requests go to ``{bot_api_url}{token}/{method}``."""
        return self.base_url + "/bot"

    @property
    def zalo_base_url(self) -> str:
        """ZaloClient's ``base_url``: requests go to ``{zalo_base_url}/bot{token}/{method}``."""
        return self.base_url + "/zalo"

    @property
    def file_url(self) -> str:
        """PTB's ``base_file_url``: downloads go to ``{file_url}{token}/{file_path}``."""
        return self.base_url + "/file/bot"
