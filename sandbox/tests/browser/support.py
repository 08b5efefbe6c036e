"""What the chat page's browser tests share, here and in tests/browser: Debian's chromium through
Playwright, servers on an event loop in a background thread, a page opener that fails on JavaScript errors.

Without /usr/bin/chromium the browser tests are skipped, except in CI (``CI`` set), where that is a
failure: CI must run these tests. Conftests import the ``chromium`` and ``artifacts`` fixtures from here.
"""

from __future__ import annotations

import asyncio
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sandbox.client import SandboxClient
from sandbox.server import SandboxServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[3] / "tests" / "artifacts"
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


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
