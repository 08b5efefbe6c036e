"""webhook_handler: the sandbox delivers to it over HTTP; wrong or missing secrets process nothing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import pytest
from aiohttp import web

from bot.channels.zalo import SECRET_HEADER, ZaloUpdate, webhook_handler
from bot.channels.zalo.webhook import WebhookHandler
from tests.zalo.conftest import TOKEN, image_bytes

SECRET = "webhook-secret-123"


async def eventually(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait until ``condition()`` holds (generous timeout, no timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


class Receiver:
    """An aiohttp app on 127.0.0.1 running the handler, recording what it processes."""

    def __init__(self) -> None:
        self.processed: list[ZaloUpdate] = []
        self.release = asyncio.Event()
        self.release.set()
        self.handler = WebhookHandler(SECRET, self.on_update)
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def on_update(self, update: ZaloUpdate) -> None:
        await self.release.wait()
        self.processed.append(update)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/zalo/webhook", self.handler.handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/zalo/webhook"

    async def stop(self) -> None:
        self.release.set()
        await self.handler.drain(5)
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
async def receiver():
    rec = Receiver()
    await rec.start()
    yield rec
    await rec.stop()


@pytest.mark.parametrize("envelope", [True, False])
async def test_the_sandbox_delivers_updates_to_the_handler(server, zalo, sb, receiver, envelope):
    server.zalo.world.webhook_envelope = envelope
    await zalo.set_webhook(receiver.url, SECRET)
    lan = await sb.user("Lan")
    await lan.send("một")
    await lan.send_photo(image_bytes())
    await eventually(lambda: len(receiver.processed) == 2)
    text, image = receiver.processed
    assert text.text == "một" and text.user_id == lan.id and image.photo_url
    info = await zalo.get_webhook_info()
    assert info["url"] == receiver.url and info["pending_update_count"] == 0
    assert all(d.status == 200 for d in server.zalo.webhooks.deliveries)


async def test_a_wrong_secret_is_refused_and_nothing_processed(server, zalo, sb, receiver):
    await zalo.set_webhook(receiver.url, "not-the-right-secret")
    lan = await sb.user("Lan")
    await lan.send("một")
    await eventually(lambda: len(server.zalo.webhooks.deliveries) >= 2)  # both attempts refused, then dropped
    assert {d.status for d in server.zalo.webhooks.deliveries} == {403}
    info = await zalo.get_webhook_info()
    assert "403" in info["last_error_message"]
    await eventually(lambda: not server.zalo.world.bot_by_token(TOKEN).updates)
    assert receiver.processed == []


async def test_missing_secret_bad_json_and_unreadable_updates(receiver):
    async with httpx.AsyncClient(timeout=10) as http:
        missing = await http.post(receiver.url, json={"event_name": "message.text.received"})
        wrong = await http.post(receiver.url, json={}, headers={SECRET_HEADER: SECRET + "x"})
        bad_json = await http.post(receiver.url, content=b"{not json", headers={SECRET_HEADER: SECRET})
        unreadable = await http.post(receiver.url, json={"hello": "world"}, headers={SECRET_HEADER: SECRET})
    assert (missing.status_code, wrong.status_code, bad_json.status_code) == (403, 403, 400)
    assert unreadable.status_code == 200
    await asyncio.sleep(0.05)
    assert receiver.processed == []


async def test_the_handler_answers_only_once_the_update_is_stored(receiver):
    receiver.release.clear()
    update = {"event_name": "message.text.received", "message": {
        "from": {"id": "u1", "display_name": "Lan"}, "chat": {"id": "u1", "chat_type": "PRIVATE"},
        "message_id": "m1", "date": 1750316131602, "text": "hi"}}
    async with httpx.AsyncClient(timeout=10) as http:
        posting = asyncio.create_task(http.post(receiver.url, json={"ok": True, "result": update},
                                                headers={SECRET_HEADER: SECRET}))
        await asyncio.sleep(0.3)
        assert not posting.done() and receiver.processed == []  # not acknowledged while not stored
        receiver.release.set()
        response = await posting
    assert response.status_code == 200
    assert [u.text for u in receiver.processed] == ["hi"]


async def test_an_update_that_cannot_be_stored_is_not_acknowledged(receiver):
    async def boom(update: ZaloUpdate) -> None:
        raise RuntimeError("boom")

    handle = webhook_handler(SECRET, boom)
    app = web.Application()
    app.router.add_post("/hook", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    update = {"event_name": "message.unsupported.received", "message": {
        "from": {"id": "u1"}, "chat": {"id": "u1"}, "message_id": "m1", "date": 1}}
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            for _ in range(2):
                response = await http.post(url, json=update, headers={SECRET_HEADER: SECRET})
                assert response.status_code == 500  # Zalo delivers it again
        await handle.__self__.drain(5)
    finally:
        await runner.cleanup()


def test_an_empty_secret_is_refused():
    async def ignore(update: ZaloUpdate) -> None:
        pass

    with pytest.raises(ValueError):
        webhook_handler("", ignore)
