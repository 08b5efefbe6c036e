"""Hostile webhook bodies over real HTTP against the bot's own web server: 413 or 400, never 500, never processed."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import httpx
import pytest

import main
from bot.channels.zalo import SECRET_HEADER
from bot.settings import Settings
from sandbox.server import SandboxServer
from sandbox.zalo_client import ZaloSandboxClient
from tests.zalo.conftest import BOT_NAME, TOKEN

SECRET = "a-long-webhook-secret"
MAX_BODY = 1024 * 1024  # bot.channels.zalo.webhook.MAX_BODY_BYTES


class Bot:
    """The bot's Zalo channel started as in production, its webhook on the bot's web server."""

    def __init__(self, server: SandboxServer, services: main.Services, url: str, citizen) -> None:
        self.server, self.services, self.url, self.citizen = server, services, url, citizen

    def update(self, text: str, message_id: str) -> dict:
        return {"event_name": "message.text.received", "message": {
            "from": {"id": self.citizen.id, "display_name": "Chị Hoa"}, "chat": {"id": self.citizen.id, "chat_type": "PRIVATE"},
            "text": text, "message_id": message_id, "date": 1773111600000}}

    def seen(self, message_id: str) -> int:
        return self.services.db.execute("SELECT COUNT(*) FROM inbox WHERE update_id LIKE ?", (f"%{message_id}",)).fetchone()[0]


@pytest.fixture
async def bot(tmp_path, unused_tcp_port):
    server = SandboxServer("127.0.0.1", 0, rate_limits=False)
    server.add_zalo_bot(TOKEN, BOT_NAME)
    await server.start()
    base = f"http://127.0.0.1:{unused_tcp_port}"
    settings = replace(Settings(), data_dir=tmp_path / "data", zalo_token=TOKEN, zalo_webhook_url=f"{base}/zalo/webhook",
                       zalo_webhook_secret=SECRET, public_base_url=base)
    services = main.build(settings)
    channel, client, runner = await main.start_zalo(services, base_url=server.zalo_base_url, web_port=unused_tcp_port)
    sandbox = ZaloSandboxClient(server.base_url)
    citizen = await sandbox.user("Chị Hoa", user_id="zalo-77")
    try:
        yield Bot(server, services, settings.zalo_webhook_url, citizen)
    finally:
        await sandbox.close()
        await main.stop_zalo(channel, client, runner)
        services.db.close()
        await server.stop()


async def post(url: str, content: bytes, secret: str = SECRET, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as http:
        return await http.post(url, content=content, headers={SECRET_HEADER: secret, "Content-Type": "application/json", **headers})


async def test_hostile_bodies_get_413_or_400_and_nothing_is_processed(bot):
    nested = b"[" * 100_000 + b"]" * 100_000  # 200 KB: raised an unhandled RecursionError (HTTP 500)
    deep_object = json.dumps(bot.update("/help", "deep-1")).encode()[:-1] + b', "x": ' + b"[" * 40 + b"]" * 40 + b"}"
    cases = {
        "nested 200 KB": (nested, 400),
        "nested inside an update": (deep_object, 400),
        "not JSON": (b"{not json", 400),
        "not UTF-8": (b'{"text": "\xff"}', 400),
        "a JSON array": (json.dumps([bot.update("/help", "array-1")]).encode(), 400),
        "a JSON string": (b'"hello"', 400),
        "NaN": (b'{"event_name": NaN}', 400),
        "oversized": (json.dumps({**bot.update("/help", "big-1"), "pad": "x" * (MAX_BODY + 1)}).encode(), 413),
    }
    for name, (body, status) in cases.items():
        response = await post(bot.url, body)
        assert response.status_code == status, (name, response.status_code, response.text)
        assert response.json()["ok"] is False, name
    wrong = await post(bot.url, json.dumps(bot.update("/help", "forged-1")).encode(), secret="guess-the-secret")
    assert wrong.status_code == 403
    await asyncio.sleep(0.3)
    assert [bot.seen(m) for m in ("deep-1", "array-1", "big-1", "forged-1")] == [0, 0, 0, 0]
    assert await bot.citizen.messages() == [], "no hostile body was answered"


async def test_an_oversized_chunked_body_without_a_length_gets_413(bot):
    async def chunks():
        for _ in range(20):
            yield b" " * 64 * 1024
        yield json.dumps(bot.update("/help", "chunked-1")).encode()

    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(bot.url, content=chunks(), headers={SECRET_HEADER: SECRET})
    assert response.status_code == 413
    assert bot.seen("chunked-1") == 0


async def test_a_good_body_is_still_processed(bot):
    response = await post(bot.url, json.dumps(bot.update("/help", "good-1")).encode())
    assert response.status_code == 200 and response.json() == {"ok": True}
    await bot.citizen.wait_for("Cách dùng", timeout=15)
    assert bot.seen("good-1") == 1
