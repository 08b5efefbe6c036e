"""Fixtures the sandbox's conformance tests share: a running server with one bot, a PTB bot on it,
the client API, and a citizen."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from telegram import Bot

from sandbox.client import SandboxClient
from sandbox.server import SandboxServer

TOKEN = "123456:SANDBOX-TEST-TOKEN"
CITIZEN = 1001
OFFICIAL = 2001


def image_bytes(size: tuple[int, int] = (640, 480), fmt: str = "JPEG", color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """Return a plain image of this size and format."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
async def server():
    """Start a sandbox with one bot (rate limits off)."""
    srv = SandboxServer(rate_limits=False)
    srv.add_bot(TOKEN, "motcua_test_bot", "Một Cửa")
    await srv.start()
    try:
        yield srv
    finally:
        await srv.stop()


@pytest.fixture
async def bot(server):
    """Return python-telegram-bot's Bot connected to the sandbox."""
    async with Bot(TOKEN, base_url=server.bot_api_url, base_file_url=server.file_url) as ptb_bot:
        yield ptb_bot


@pytest.fixture
async def sb(server):
    """Return a client of the sandbox's client API."""
    async with SandboxClient(server.base_url) as client:
        yield client


@pytest.fixture
async def citizen(sb):
    """Return a citizen who can talk to the bot."""
    return await sb.user(CITIZEN, "Lan", "Nguyễn", username="lan_nguyen")
