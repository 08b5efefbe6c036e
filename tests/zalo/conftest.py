"""Fixtures for the Zalo tests: a running sandbox with one Zalo bot, a ZaloClient and a sandbox client."""

from __future__ import annotations

import io
import time
from collections.abc import AsyncIterator

import pytest
from PIL import Image

from bot.channels.zalo.client import ZaloClient
from sandbox.server import SandboxServer
from sandbox.zalo_client import ZaloSandboxClient

TOKEN = "1234567890:SANDBOX-ZALO-TOKEN"
BOT_NAME = "Một Cửa Zalo"


def image_bytes(size: tuple[int, int] = (320, 240), color: tuple[int, int, int] = (10, 120, 200),
                fmt: str = "JPEG") -> bytes:
    """Return an encoded test image."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


class FakeClock:
    """A wall clock that tests move forward by hand."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
async def server() -> AsyncIterator[SandboxServer]:
    srv = SandboxServer(rate_limits=False, webhook_attempts=2)
    srv.add_zalo_bot(TOKEN, BOT_NAME)
    await srv.start()
    try:
        yield srv
    finally:
        await srv.stop()


@pytest.fixture
def clock(server: SandboxServer) -> FakeClock:
    fake = FakeClock()
    server.zalo.world.clock = fake
    return fake


@pytest.fixture
async def zalo(server: SandboxServer) -> AsyncIterator[ZaloClient]:
    async with ZaloClient(TOKEN, base_url=server.zalo_base_url, timeout=10.0) as client:
        yield client


@pytest.fixture
async def sb(server: SandboxServer) -> AsyncIterator[ZaloSandboxClient]:
    async with ZaloSandboxClient(server.base_url) as client:
        yield client
