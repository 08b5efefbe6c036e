"""Fixtures of the chat page tests: a live sandbox with a scripted bot, and Debian's chromium via Playwright.

The sandbox and the bot run on their own event loop in a background thread, so the tests can drive the
browser with Playwright's synchronous API. Without /usr/bin/chromium the folder is skipped, except in
CI (``CI`` set), where that is a failure: CI must run these tests.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SandboxServer
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


class LiveSandbox:
    """A SandboxServer and the scripted bot, running on an event loop in a background thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="sandbox-loop", daemon=True)
        self.server = SandboxServer(rate_limits=False)
        self.server.add_bot(TOKEN, BOT_USERNAME, "Một Cửa", privacy_mode=False)
        self.application: Any = None

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 30.0) -> Any:
        """Run a coroutine on the sandbox's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    @property
    def url(self) -> str:
        return self.server.base_url + "/"

    def start(self) -> None:
        self.thread.start()
        self.run(self._start())

    def stop(self) -> None:
        try:
            self.run(self._stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()

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

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Read a chat through the client API (what the page should show)."""
        async def read() -> list[dict[str, Any]]:
            async with SandboxClient(self.server.base_url) as sb:
                return await sb.messages(chat_id)
        return self.run(read())


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
def open_page(chromium: Any, sandbox: LiveSandbox) -> Iterator[Any]:
    """Open the chat page in a new browser context: ``open_page(viewport=..., **context_options)``."""
    contexts = []

    def opener(viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        context = chromium.new_context(viewport=viewport, locale="vi-VN", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(sandbox.url)
        return page

    errors: list[str] = []
    yield opener
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(open_page: Any) -> Any:
    """The chat page on a desktop-sized window."""
    return open_page()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
