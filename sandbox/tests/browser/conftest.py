"""Fixtures of the chat page tests: a live sandbox with a scripted bot (``sandbox``, ``open_page``,
``page``), driven through Debian's chromium (see support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sandbox.client import SandboxClient
from sandbox.server import SandboxServer
from sandbox.tests.browser import support
from sandbox.tests.browser.scripted_bot import build_application
from sandbox.tests.browser.support import BackgroundLoop, page_opener

TOKEN = "424242:BROWSER-PAGE-TOKEN"
BOT_USERNAME = "motcua_page_bot"
CITIZENS = {1001: "Chị Lan", 1002: "Anh Minh"}
OFFICIAL = 2001
OFFICIAL_NAME = "Cán bộ Hòa"
ADMIN_GROUP = -1001
ADMIN_GROUP_TITLE = "Bộ phận Một cửa – cán bộ"

chromium = support.chromium  # the shared fixtures, registered in this folder
artifacts = support.artifacts


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
    """Open the chat page of the scripted bot's sandbox: ``open_page(viewport=..., **context_options)``."""
    with page_opener(chromium, sandbox.url) as opener:
        yield opener


@pytest.fixture
def page(open_page: Any) -> Any:
    """The chat page on a desktop-sized window."""
    return open_page()
