"""End-to-end fixtures: the sandbox server, the real bot under python-telegram-bot connected to it over
HTTP exactly as to Telegram, and handles to act as citizens and officials.

The offices are those of bot/offices.yaml: Phường Tân Ninh (chat -1001, officials 2001 and 2002), Xã Tân Biên
(chat -1002, official 2003), the supervisors' chat -1009 (a supervisor 2009). Tân Biên's official is also a
member of Tân Ninh's group (a neighbour added by mistake): he sees its cards but may not act on them."""

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

ADMIN_CHAT, OFFICE_B_CHAT, SUPERVISORS_CHAT = -1001, -1002, -1009
CITIZEN, OTHER_CITIZEN, OFFICIAL, OTHER_OFFICIAL, STRANGER = 1001, 1002, 2001, 2002, 3001
OFFICIAL_B, SUPERVISOR = 2003, 2009


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
    official_b: UserHandle | None = None  # Xã Tân Biên's official
    supervisor: UserHandle | None = None

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
    settings = replace(Settings(), data_dir=tmp_path / "data", telegram_token=demo.TOKEN)  # bot/offices.yaml
    clock = lambda: datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)  # noqa: E731 - a fixed Tuesday morning
    services = main.build(settings, clock=clock)
    application, _ = await main.start_telegram(services, base_url=server.bot_api_url, base_file_url=server.file_url, album_wait=0.3)
    client = SandboxClient(server.base_url)
    people = [
        await client.user(CITIZEN, "Chị Lan"), await client.user(OTHER_CITIZEN, "Anh Minh"),
        await client.user(OFFICIAL, "Cán bộ Hòa"), await client.user(OTHER_OFFICIAL, "Cán bộ Tâm"),
        await client.user(STRANGER, "Người lạ"),
    ]
    official_b, supervisor = await client.user(OFFICIAL_B, "Cán bộ Phúc"), await client.user(SUPERVISOR, "Giám sát viên Thành")
    await client.group(ADMIN_CHAT, "Phường Tân Ninh – cán bộ", [OFFICIAL, OTHER_OFFICIAL, STRANGER, OFFICIAL_B], bot_status="administrator")
    await client.group(OFFICE_B_CHAT, "Xã Tân Biên – cán bộ", [OFFICIAL_B], bot_status="administrator")
    await client.group(SUPERVISORS_CHAT, "Tây Ninh – giám sát", [SUPERVISOR], bot_status="administrator")
    running = Running(server, client, services, application, *people, data_dir=settings.data_dir, settings=settings,
                      official_b=official_b, supervisor=supervisor)
    try:
        yield running
    finally:
        await main.stop_telegram(running.application)
        running.services.db.close()
        await client.close()
        await server.stop()
