"""Fixtures of the chat page tests: Debian's chromium via Playwright, and what the page talks to — a live
sandbox with a scripted bot (``sandbox``, ``open_page``), or the real service started as ``python
main.py`` starts it without a token (``service``, ``open_service_page``).

The servers and bots run on their own event loop in a background thread, so the tests can drive the
browser with Playwright's synchronous API. Without /usr/bin/chromium the folder is skipped, except in
CI (``CI`` set), where that is a failure: CI must run these tests.
"""

from __future__ import annotations

import asyncio
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import main
from bot.settings import load_settings
from sandbox.client import SandboxClient
from sandbox.server import SandboxServer
from tests.browser.scripted_bot import build_application

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TOKEN = "424242:BROWSER-PAGE-TOKEN"
BOT_USERNAME = "motcua_page_bot"
CITIZENS = {1001: "Chị Lan", 1002: "Anh Minh"}
OFFICIAL = 2001
OFFICIAL_NAME = "Cán bộ Hòa"
ADMIN_GROUP = -1001
ADMIN_GROUP_TITLE = "Bộ phận Một cửa – cán bộ"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs chromium)", pytrace=False)
    pytest.skip(f"{reason}; skipping the browser tests (they are required only when CI is set)")


class BackgroundLoop(ABC):
    """Servers and bots running on an event loop in a background thread; ``_start``/``_stop`` say which."""

    server: SandboxServer

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="sandbox-loop", daemon=True)

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 30.0) -> Any:
        """Run a coroutine on the sandbox's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    @property
    def url(self) -> str:
        return self.server.base_url + "/"

    def start(self) -> None:
        self.thread.start()
        try:
            self.run(self._start(), timeout=60.0)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        try:
            self.run(self._stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()

    @abstractmethod
    async def _start(self) -> None:
        """Start what runs in the background loop."""

    @abstractmethod
    async def _stop(self) -> None:
        """Stop it."""

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Read a chat through the client API (what the page should show)."""
        async def read() -> list[dict[str, Any]]:
            async with SandboxClient(self.server.base_url) as sb:
                return await sb.messages(chat_id)
        return self.run(read())


class LiveSandbox(BackgroundLoop):
    """A SandboxServer and the scripted bot."""

    def __init__(self) -> None:
        super().__init__()
        self.server = SandboxServer(rate_limits=False)
        self.server.add_bot(TOKEN, BOT_USERNAME, "Một Cửa", privacy_mode=False)
        self.application: Any = None

    async def _start(self) -> None:
        await self.server.start()
        async with SandboxClient(self.server.base_url) as sb:
            for user_id, name in CITIZENS.items():
                await sb.user(user_id, name)
            await sb.user(OFFICIAL, OFFICIAL_NAME)
            await sb.group(ADMIN_GROUP, ADMIN_GROUP_TITLE, [OFFICIAL], bot_status="administrator")
        self.application = build_application(TOKEN, self.server.bot_api_url, self.server.file_url)
        await self.application.initialize()
        await self.application.start()
        await self.application.updater.start_polling(poll_interval=0.0, timeout=1)

    async def _stop(self) -> None:
        if self.application is not None:
            if self.application.updater.running:
                await self.application.updater.stop()
            if self.application.running:
                await self.application.stop()
            await self.application.shutdown()
        await self.server.stop()


class LiveService(BackgroundLoop):
    """The real service as ``python main.py`` runs it without a token: the sandbox with its people, the bot
    on Telegram and on Zalo, data in ``data_dir`` (sandbox and media server on free ports)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        settings = load_settings(environ={"DATA_DIR": str(data_dir)}, dotenv=data_dir / "no.env")
        self.settings = replace(settings, sandbox_port=0, web_port=0)
        self.services: main.Services | None = None
        self.application: Any = None
        self.zalo: tuple[Any, Any, Any] | None = None

    async def _start(self) -> None:
        self.server, settings = await main.start_sandbox(self.settings)
        self.settings = settings
        self.services = main.build(settings)
        self.application, _ = await main.start_telegram(
            self.services, base_url=self.server.bot_api_url, base_file_url=self.server.file_url)
        self.zalo = await main.start_zalo(self.services, base_url=self.server.zalo_base_url)

    async def _stop(self) -> None:
        if self.zalo is not None:
            await main.stop_zalo(*self.zalo)
        if self.application is not None:
            await main.stop_telegram(self.application)
        if getattr(self, "server", None) is not None:
            await self.server.stop()
        if self.services is not None:
            self.services.db.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's chromium through Playwright, once per test module: the sync API keeps an event loop set
    while it runs, which must be gone before other folders' asyncio tests start."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def sandbox(chromium: Any) -> Iterator[LiveSandbox]:
    """A fresh sandbox with two citizens, one official, the admin group and the scripted bot."""
    live = LiveSandbox()
    live.start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def service(chromium: Any, tmp_path: Path) -> Iterator[LiveService]:
    """The real service (sandbox, bot on Telegram and Zalo) with a fresh data directory."""
    live = LiveService(tmp_path / "data")
    live.start()
    try:
        yield live
    finally:
        live.stop()


@contextmanager
def page_opener(chromium: Any, url: str, timeout_ms: int = 10_000) -> Iterator[Callable[..., Any]]:
    """Yield ``opener(viewport=..., **context_options)`` opening ``url`` in new browser contexts; on exit
    close them and fail on any JavaScript error the pages raised."""
    contexts = []
    errors: list[str] = []

    def opener(viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        options.setdefault("timezone_id", "Asia/Ho_Chi_Minh")  # the times the bot writes in its messages
        context = chromium.new_context(viewport=viewport, locale="vi-VN", **options)
        context.set_default_timeout(timeout_ms)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def open_page(chromium: Any, sandbox: LiveSandbox) -> Iterator[Any]:
    """Open the chat page of the scripted bot's sandbox: ``open_page(viewport=..., **context_options)``."""
    with page_opener(chromium, sandbox.url) as opener:
        yield opener


@pytest.fixture
def open_service_page(chromium: Any, service: LiveService) -> Iterator[Any]:
    """Open the chat page of the real service (a generous default timeout: the real bot checks photos)."""
    with page_opener(chromium, service.url, timeout_ms=30_000) as opener:
        yield opener


@pytest.fixture
def page(open_page: Any) -> Any:
    """The chat page on a desktop-sized window."""
    return open_page()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
