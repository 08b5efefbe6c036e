"""Fixtures of the browser journeys through the real service, started as ``python main.py`` starts it
without a token (``service``, ``open_service_page``); chromium and the background loop come from the
sandbox's browser test support (sandbox/tests/browser/support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import main
from bot.settings import load_settings
from sandbox.tests.browser import support
from sandbox.tests.browser.support import BackgroundLoop, page_opener

chromium = support.chromium  # the shared fixtures, registered in this folder
artifacts = support.artifacts


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


@pytest.fixture
def service(chromium: Any, tmp_path: Path) -> Iterator[LiveService]:
    """The real service (sandbox, bot on Telegram and Zalo) with a fresh data directory."""
    live = LiveService(tmp_path / "data")
    live.start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def open_service_page(chromium: Any, service: LiveService) -> Iterator[Any]:
    """Open the chat page of the real service (a generous default timeout: the real bot checks photos)."""
    with page_opener(chromium, service.url, timeout_ms=30_000) as opener:
        yield opener
