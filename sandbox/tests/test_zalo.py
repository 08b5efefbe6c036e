"""The Zalo sandbox's client API: people, chats, images, stickers, live events, several bots."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from PIL import Image

from sandbox.server import SandboxServer
from sandbox.zalo_client import ZaloSandboxClient, ZaloSandboxError

TOKEN = "1234567890:SANDBOX-ZALO-TOKEN"
BOT_NAME = "Một Cửa Zalo"
API = "/sandbox/zalo/api"


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


class ZaloBot:
    """The bot's side of the Zalo Bot API, as plain HTTP calls (``POST /bot{token}/{method}``, JSON)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def call(self, method: str, params: dict[str, Any] | None = None) -> Any:
        response = await self.http.post(f"/bot{TOKEN}/{method}", json=params or {})
        body = response.json()
        assert body["ok"] is True, body
        return body["result"]

    async def get_update(self, timeout: int) -> dict[str, Any]:
        return await self.call("getUpdates", {"timeout": timeout})

    async def send_message(self, chat_id: str, text: str) -> Any:
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": chat_id, "action": action})


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
async def zalo(server: SandboxServer) -> AsyncIterator[ZaloBot]:
    async with httpx.AsyncClient(base_url=server.zalo_base_url, timeout=15) as http:
        yield ZaloBot(http)


@pytest.fixture
async def sb(server: SandboxServer) -> AsyncIterator[ZaloSandboxClient]:
    async with ZaloSandboxClient(server.base_url) as client:
        yield client


@pytest.fixture
async def http(server):
    async with httpx.AsyncClient(base_url=server.base_url, timeout=15) as client:
        yield client


async def test_people_and_bots(sb, http):
    lan = await sb.user("Nguyễn Thị Lan", user_id="lan-01")
    auto = await sb.user("Trần Văn Minh")
    assert lan.id == "lan-01" and len(auto.id) == 20 and auto.id != lan.id
    renamed = await sb.user("Lan Nguyễn", user_id="lan-01")
    assert renamed.display_name == "Lan Nguyễn"
    assert {u["display_name"] for u in await sb.users()} == {"Lan Nguyễn", "Trần Văn Minh"}
    assert (await sb.bots())[0]["id"] == "1234567890"
    missing = await http.get(f"{API}/users/nobody")
    assert missing.status_code == 404 and missing.json()["ok"] is False
    nameless = await http.post(f"{API}/users", json={"id": "x"})
    assert nameless.status_code == 400
    chats = (await http.get(f"{API}/chats", params={"user_id": "lan-01"})).json()["result"]
    assert chats == [{"id": "lan-01", "chat_type": "PRIVATE", "title": "Một Cửa Zalo", "bot_id": "1234567890",
                      "last_message": None}]


async def test_updates_have_zalo_shape(zalo, sb):
    lan = await sb.user("Lan", user_id="lan-01")
    await lan.send("xin chào")
    await lan.send_sticker("bfe458bf")
    await lan.send_unsupported()
    text, sticker, other = [await zalo.call("getUpdates", {"timeout": 5}) for _ in range(3)]
    assert text["event_name"] == "message.text.received"
    message = text["message"]
    assert message["from"] == {"id": "lan-01", "display_name": "Lan", "is_bot": False}
    assert message["chat"] == {"id": "lan-01", "chat_type": "PRIVATE"}
    assert message["text"] == "xin chào" and isinstance(message["message_id"], str)
    assert isinstance(message["date"], int)
    assert sticker["event_name"] == "message.sticker.received" and sticker["message"]["sticker"] == "bfe458bf"
    assert other["event_name"] == "message.unsupported.received" and "text" not in other["message"]


async def test_client_side_limits(sb, http):
    lan = await sb.user("Lan")
    for text in ("", "x" * 2001):
        with pytest.raises(ZaloSandboxError) as caught:
            await lan.send(text)
        assert caught.value.status == 400
    not_image = await http.post(f"{API}/chats/{lan.id}/photos",
                                json={"data_base64": base64.b64encode(b"plain text").decode()})
    assert not_image.status_code == 400
    other = await sb.user("Minh")
    forbidden = await http.post(f"{API}/chats/{lan.id}/messages", json={"user_id": other.id, "text": "hi"})
    assert forbidden.status_code == 403


async def test_images_by_base64_are_served_until_they_expire(zalo, sb, http, clock):
    lan = await sb.user("Lan")
    photo = image_bytes(fmt="PNG")
    sent = await http.post(f"{API}/chats/{lan.id}/photos", json={
        "data_base64": "data:image/png;base64," + base64.b64encode(photo).decode(), "caption": "sổ hộ khẩu"})
    view = sent.json()["result"]["message"]
    assert view["kind"] == "photo" and view["caption"] == "sổ hộ khẩu"
    assert await sb.download(view["file_url"]) == photo
    update = await zalo.get_update(timeout=5)
    assert update["message"]["photo_url"].endswith(view["file_url"])
    clock.advance(601)
    expired = await http.get(view["file_url"])
    assert expired.status_code == 404


async def test_bot_replies_are_awaited_and_the_chat_reads_both_ways(zalo, sb):
    lan = await sb.user("Lan")
    await lan.send("thủ tục khai sinh")
    update = await zalo.get_update(timeout=5)

    async def reply_later() -> None:
        await asyncio.sleep(0.05)
        await zalo.send_chat_action(update["message"]["chat"]["id"])
        await zalo.send_message(update["message"]["chat"]["id"], "Chọn thủ tục:\n1. Khai sinh")

    replying = asyncio.create_task(reply_later())
    reply = await lan.wait_for("Chọn thủ tục", timeout=10)
    await replying
    assert reply["from"]["is_bot"] and reply["from"]["display_name"] == "Một Cửa Zalo"
    assert [m["text"] for m in await lan.messages()] == ["thủ tục khai sinh", "Chọn thủ tục:\n1. Khai sinh"]
    await zalo.send_message(update["message"]["chat"]["id"], "Cảm ơn")
    thanks = await lan.wait_for(lambda m: m.get("text") == "Cảm ơn", timeout=10)
    assert thanks["kind"] == "text"
    with pytest.raises(AssertionError, match="Cảm ơn"):
        await lan.wait_for("không bao giờ", timeout=0.3)


async def test_live_events_as_server_sent_events(zalo, sb, http):
    lan = await sb.user("Lan")
    await lan.send("một")
    events: list[tuple[str, str, dict]] = []
    async with http.stream("GET", f"{API}/chats/{lan.id}/events", params={"after": 0}) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        block: dict[str, str] = {}
        async for line in stream.aiter_lines():
            if line.startswith(("id:", "event:", "data:")):
                key, _, value = line.partition(":")
                block[key] = value.strip()
            elif not line and "data" in block:
                events.append((block["id"], block["event"], json.loads(block["data"])))
                block = {}
                if len(events) == 1:
                    await zalo.send_message(lan.id, "hai")
                else:
                    break
    (first_id, first_kind, first), (second_id, second_kind, second) = events
    assert first_kind == second_kind == "message" and int(second_id) > int(first_id)
    assert first["seq"] == int(first_id) and first["message"]["text"] == "một"
    assert second["message"]["text"] == "hai" and second["message"]["from"]["is_bot"] is True


async def test_a_reconnecting_event_stream_resumes_after_its_last_event_id(zalo, sb, http):
    lan = await sb.user("Lan")
    await lan.send("một")
    await zalo.send_message(lan.id, "hai")
    log = (await http.get(f"{API}/chats/{lan.id}/log", params={"after": 0})).json()["result"]
    first, second = [event["seq"] for event in log["events"]]
    # A browser's EventSource reconnects to the same URL (still ``after=0``) with the last id it saw.
    resumed = await http.get(f"{API}/chats/{lan.id}/log", params={"after": 0}, headers={"Last-Event-ID": str(first)})
    assert [event["seq"] for event in resumed.json()["result"]["events"]] == [second]
    async with http.stream("GET", f"{API}/chats/{lan.id}/events", params={"after": 0},
                           headers={"Last-Event-ID": str(first)}) as stream:
        async for line in stream.aiter_lines():
            if line.startswith("id:"):
                assert int(line.partition(":")[2]) == second
                break


async def test_several_bots_need_a_bot_reference(server, sb, http):
    server.add_zalo_bot("2222:SECOND-BOT", "Bot Hộ tịch")
    lan = await sb.user("Lan")
    with pytest.raises(ZaloSandboxError) as caught:
        await lan.send("hi")
    assert caught.value.status == 400
    async with ZaloSandboxClient(server.base_url, bot="2222") as second:
        handle = await second.user("Lan", user_id=lan.id)
        await handle.send("hi")
        assert [m["text"] for m in await handle.messages()] == ["hi"]
    quota = await http.post(f"{API}/bots/2222/quota", json={"limit": 5, "period": 60})
    assert quota.json()["result"]["quota"] == {"limit": 5, "period": 60.0}
    bots = {b["id"]: b for b in await sb.bots()}
    assert bots["2222"]["pending_update_count"] == 1 and bots["1234567890"]["quota"] is None
    assert not server.zalo.world.bot_by_token(TOKEN).updates
