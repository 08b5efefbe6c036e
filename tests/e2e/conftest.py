"""End-to-end fixtures: the sandbox server, the real bot under python-telegram-bot connected to it over
HTTP exactly as to Telegram, and handles to act as citizens and officials."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest

import main
from bot.desk import VIETNAM
from bot.settings import Settings
from sandbox import demo
from sandbox.client import SandboxClient, UserHandle
from sandbox.server import SandboxServer

ADMIN_CHAT = -1001
CITIZEN, OTHER_CITIZEN, OFFICIAL, OTHER_OFFICIAL, STRANGER = 1001, 1002, 2001, 2002, 3001


@dataclass
class Running:
    """A running service and the people using it."""

    server: SandboxServer
    client: SandboxClient
    services: main.Services
    application: object
    citizen: UserHandle
    other_citizen: UserHandle
    official: UserHandle
    other_official: UserHandle
    stranger: UserHandle
    data_dir: Path
    settings: Settings

    async def restart_bot(self) -> None:
        """Stop the bot and its database, then start them again on the same data directory."""
        await main.stop_telegram(self.application)
        self.services.db.close()
        self.services = main.build(self.settings, clock=self.services.desk.clock)
        self.application, _ = await main.start_telegram(
            self.services, base_url=self.server.bot_api_url, base_file_url=self.server.file_url, album_wait=0.3
        )


@pytest.fixture
async def service(tmp_path):
    """Start the sandbox and the bot; yield the people; stop everything."""
    server = SandboxServer("127.0.0.1", 0, rate_limits=False)
    server.add_bot(demo.TOKEN, "motcua_bot", "Một cửa")
    await server.start()
    settings = replace(
        Settings(), data_dir=tmp_path / "data", telegram_token=demo.TOKEN, admin_chat_id=ADMIN_CHAT,
        officials=frozenset({OFFICIAL, OTHER_OFFICIAL}),
    )
    clock = lambda: datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)  # noqa: E731 - a fixed Tuesday morning
    services = main.build(settings, clock=clock)
    application, _ = await main.start_telegram(services, base_url=server.bot_api_url, base_file_url=server.file_url, album_wait=0.3)
    client = SandboxClient(server.base_url)
    people = [
        await client.user(CITIZEN, "Chị Lan"), await client.user(OTHER_CITIZEN, "Anh Minh"),
        await client.user(OFFICIAL, "Cán bộ Hòa"), await client.user(OTHER_OFFICIAL, "Cán bộ Tâm"),
        await client.user(STRANGER, "Người lạ"),
    ]
    await client.group(ADMIN_CHAT, "Bộ phận Một cửa – cán bộ", [OFFICIAL, OTHER_OFFICIAL, STRANGER], bot_status="administrator")
    running = Running(server, client, services, application, *people, data_dir=settings.data_dir, settings=settings)
    try:
        yield running
    finally:
        await main.stop_telegram(running.application)
        running.services.db.close()
        await client.close()
        await server.stop()
