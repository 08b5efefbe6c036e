"""ZaloClient against the sandbox's Zalo Bot API, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from aiohttp import web

from bot.channels.zalo import (
    RetryPolicy,
    ZaloBadUpdate,
    ZaloClient,
    ZaloConnectionError,
    ZaloDownloadError,
    ZaloError,
    ZaloFileTooLarge,
    ZaloPartialSend,
    ZaloQuotaExceeded,
    ZaloUnauthorized,
    retrying,
)
from bot.channels.zalo.updates import EVENT_IMAGE, EVENT_STICKER, EVENT_TEXT, EVENT_UNSUPPORTED
from sandbox.zalo_state import ZaloQuota
from tests.zalo.conftest import BOT_NAME, TOKEN, image_bytes


async def test_get_me(zalo):
    me = await zalo.get_me()
    assert me["id"] == "1234567890" and me["account_name"] == BOT_NAME
    assert TOKEN not in repr(zalo)


async def test_bad_token_is_unauthorized(server):
    async with ZaloClient("999:WRONG", base_url=server.zalo_base_url) as wrong:
        with pytest.raises(ZaloUnauthorized) as caught:
            await wrong.get_me()
    assert caught.value.error_code == 401 and "999:WRONG" not in str(caught.value)


async def test_one_update_per_get_updates_then_none(zalo, sb):
    lan = await sb.user("Nguyễn Thị Lan")
    await lan.send("xin chào")
    await lan.send("đăng ký khai sinh")
    first = await zalo.get_update(timeout=5)
    second = await zalo.get_update(timeout=5)
    assert (first.event_name, first.text, second.text) == (EVENT_TEXT, "xin chào", "đăng ký khai sinh")
    assert first.user_id == first.chat_id == lan.id and first.display_name == "Nguyễn Thị Lan"
    assert first.message_id != second.message_id and first.date_ms > 1_600_000_000_000
    assert await zalo.get_update(timeout=0) is None


async def test_get_update_returns_none_on_408(zalo):
    assert await zalo.get_update(timeout=1) is None


async def test_long_poll_wakes_when_a_message_arrives(zalo, sb):
    lan = await sb.user("Lan")
    poll = asyncio.create_task(zalo.get_update(timeout=30))
    await asyncio.sleep(0.05)
    await lan.send("có ai không?")
    update = await asyncio.wait_for(poll, 15)
    assert update is not None and update.text == "có ai không?"


async def test_sticker_image_and_unsupported_updates(zalo, sb):
    lan = await sb.user("Lan")
    photo = image_bytes()
    await lan.send_sticker()
    await lan.send_photo(photo, caption="CCCD mặt trước")
    await lan.send_unsupported()
    sticker, image, other = [await zalo.get_update(timeout=5) for _ in range(3)]
    assert (sticker.event_name, image.event_name, other.event_name) == (EVENT_STICKER, EVENT_IMAGE, EVENT_UNSUPPORTED)
    assert image.caption == "CCCD mặt trước" and image.photo_url.startswith("http://127.0.0.1:")
    assert await zalo.download(image.photo_url, max_bytes=len(photo), timeout=10) == photo


async def test_download_refuses_oversize_and_expired_links(zalo, sb, clock):
    lan = await sb.user("Lan")
    photo = image_bytes((800, 600))
    await lan.send_photo(photo)
    update = await zalo.get_update(timeout=5)
    with pytest.raises(ZaloFileTooLarge):
        await zalo.download(update.photo_url, max_bytes=len(photo) - 1, timeout=10)
    clock.advance(3600)
    with pytest.raises(ZaloDownloadError) as caught:
        await zalo.download(update.photo_url, max_bytes=len(photo), timeout=10)
    assert caught.value.error_code == 404


async def test_long_message_is_split_into_ordered_parts(zalo, sb):
    lan = await sb.user("Lan")
    lines = [f"{n}. Bước {n}: nộp tờ khai, bản sao giấy tờ tùy thân và chờ cán bộ tiếp nhận hồ sơ." for n in range(60)]
    text = "\n".join(lines)
    assert len(text) > 4000
    results = await zalo.send_message(lan.id, text)
    assert len(results) == 3 and len({r["message_id"] for r in results}) == 3
    sent = [m["text"] for m in await lan.messages() if m["from"]["is_bot"]]
    assert all(len(part) <= 2000 for part in sent)
    assert "\n".join(sent) == text


async def test_the_api_refuses_bad_text(zalo, sb):
    lan = await sb.user("Lan")
    for text in ("", "   ", "x" * 2001):
        with pytest.raises(ZaloError) as caught:
            await zalo.call("sendMessage", {"chat_id": lan.id, "text": text})
        assert caught.value.error_code == 400
    with pytest.raises(ZaloError):
        await zalo.call("sendMessage", {"chat_id": "no-such-person", "text": "hi"})
    with pytest.raises(ValueError):
        await zalo.send_message(lan.id, " \n ")


async def test_chat_action_and_unknown_method(zalo, sb):
    lan = await sb.user("Lan")
    assert await zalo.send_chat_action(lan.id, "typing") is True
    log = await sb.log(lan.id, 0)
    assert [e["kind"] for e in log["events"]] == ["chat_action"]
    with pytest.raises(ZaloError) as caught:
        await zalo.call("sendSticker", {"chat_id": lan.id})
    assert caught.value.error_code == 404


@pytest.fixture
async def photo_host():
    """A web server on 127.0.0.1 serving a photo, as the bot's own public file host would."""
    photo = image_bytes((200, 100), fmt="PNG")

    async def stamp(request: web.Request) -> web.Response:
        return web.Response(body=photo, content_type="image/png")

    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404)

    app = web.Application()
    app.router.add_get("/stamp.png", stamp)
    app.router.add_get("/missing.png", missing)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}", photo
    await runner.cleanup()


async def test_send_photo_by_url(zalo, sb, photo_host):
    base, photo = photo_host
    lan = await sb.user("Lan")
    result = await zalo.send_photo(lan.id, f"{base}/stamp.png", caption="Giấy hẹn")
    remote = await zalo.send_photo(lan.id, "https://photos.example/stamp.jpg")
    assert result["message_id"] and remote["message_id"]
    local_view, remote_view = [m for m in await lan.messages() if m["from"]["is_bot"]]
    assert local_view["caption"] == "Giấy hẹn" and local_view["photo_url"] == f"{base}/stamp.png"
    assert await sb.download(local_view["file_url"]) == photo
    assert remote_view["photo_url"] == "https://photos.example/stamp.jpg" and "file_url" not in remote_view
    with pytest.raises(ZaloError) as caught:
        await zalo.send_photo(lan.id, f"{base}/missing.png")
    assert caught.value.error_code == 400


async def test_quota_gives_429_and_retrying_backs_off(server, zalo, sb, clock):
    lan = await sb.user("Lan")
    server.zalo.set_quota(TOKEN, ZaloQuota(limit=2, period=60.0))
    await zalo.send_message(lan.id, "một")
    await zalo.send_message(lan.id, "hai")
    with pytest.raises(ZaloQuotaExceeded) as caught:
        await zalo.send_message(lan.id, "ba")
    assert caught.value.error_code == 429 and caught.value.retry_after == 60

    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # waiting moves the sandbox's clock instead of the test's
        waits.append(seconds)
        clock.advance(seconds)

    results = await retrying(lambda: zalo.send_message(lan.id, "ba"), RetryPolicy(attempts=3, max_delay=120),
                             sleep=sleep)
    assert len(results) == 1 and waits == [60]
    assert [m["text"] for m in await lan.messages() if m["from"]["is_bot"]] == ["một", "hai", "ba"]


async def test_retrying_gives_up_when_the_hint_is_too_long(server, zalo, sb):
    lan = await sb.user("Lan")
    server.zalo.set_quota(TOKEN, ZaloQuota(limit=0, period=3600.0))
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    with pytest.raises(ZaloQuotaExceeded):
        await retrying(lambda: zalo.send_message(lan.id, "hi"), RetryPolicy(max_delay=30), sleep=sleep)
    assert waits == []


async def test_a_later_part_failing_is_a_partial_send(server, zalo, sb):
    lan = await sb.user("Lan")
    server.zalo.set_quota(TOKEN, ZaloQuota(limit=1, period=3600.0))
    text = "A" * 1500 + "\n" + "B" * 1500
    with pytest.raises(ZaloPartialSend) as caught:
        await zalo.send_message(lan.id, text)
    error = caught.value
    assert len(error.sent) == 1 and error.remaining == ["B" * 1500]
    assert isinstance(error.cause, ZaloQuotaExceeded) and error.error_code == 429


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_connection_errors_before_sending_are_retried():
    calls = 0

    async def flaky() -> str:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise ZaloConnectionError("cannot connect", request_sent=False)
        return "ok"

    async def no_sleep(seconds: float) -> None:
        assert 0 < seconds <= 30

    assert await retrying(flaky, RetryPolicy(attempts=3), sleep=no_sleep) == "ok" and calls == 3


async def test_a_lost_answer_is_not_resent_unless_idempotent():
    calls = 0

    async def lost() -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ZaloConnectionError("no answer", request_sent=True)
        return "ok"

    async def no_sleep(seconds: float) -> None:
        pass

    with pytest.raises(ZaloConnectionError):
        await retrying(lost, sleep=no_sleep)
    assert calls == 1
    assert await retrying(lost, idempotent=True, sleep=no_sleep) == "ok" and calls == 2


async def test_an_unreachable_server_is_a_connection_error_before_sending():
    async with ZaloClient(TOKEN, base_url=f"http://127.0.0.1:{_closed_port()}/zalo", timeout=5) as client:
        with pytest.raises(ZaloConnectionError) as caught:
            await client.send_message("someone", "hi")
    assert caught.value.request_sent is False


async def test_client_retry_policy_never_resends_a_message_whose_answer_was_lost():
    seen: list[str] = []

    def transport(request: httpx.Request) -> httpx.Response:
        method = request.url.path.rsplit("/", 1)[1]
        seen.append(method)
        if seen.count(method) == 1:
            raise (httpx.ConnectError if method == "getWebhookInfo" else httpx.ReadError)("flaky", request=request)
        return httpx.Response(200, json={"ok": True, "result": {"method": method}})

    http = httpx.AsyncClient(transport=httpx.MockTransport(transport))
    async with ZaloClient(TOKEN, http=http, retry=RetryPolicy(attempts=3, base_delay=0.01)) as client:
        assert (await client.get_me())["method"] == "getMe"  # idempotent: a lost answer is retried
        assert (await client.get_webhook_info())["method"] == "getWebhookInfo"  # never sent: retried
        with pytest.raises(ZaloConnectionError) as caught:
            await client.send_message("someone", "hi")  # may have gone through: not retried
    await http.aclose()
    assert caught.value.request_sent is True
    assert seen == ["getMe", "getMe", "getWebhookInfo", "getWebhookInfo", "sendMessage"]


async def test_webhook_mode_blocks_get_updates(zalo):
    await zalo.set_webhook("http://127.0.0.1:9/zalo-webhook", "s3cret-token")
    info = await zalo.get_webhook_info()
    assert info["url"] == "http://127.0.0.1:9/zalo-webhook"
    with pytest.raises(ZaloError) as caught:
        await zalo.get_update(timeout=0)
    assert caught.value.error_code == 409
    await zalo.delete_webhook()
    assert (await zalo.get_webhook_info())["url"] == ""
    assert await zalo.get_update(timeout=0) is None


async def test_set_webhook_validates(zalo):
    with pytest.raises(ZaloError):
        await zalo.set_webhook("http://127.0.0.1:9/hook", "short")
    with pytest.raises(ZaloError):
        await zalo.set_webhook("ftp://127.0.0.1/hook", "long-enough-secret")


async def test_an_unreadable_update_is_a_bad_update(server, zalo, sb):
    lan = await sb.user("Lan")
    await lan.send("hi")
    bot = server.zalo.world.bot_by_token(TOKEN)
    bot.updates[0] = {"event_name": EVENT_TEXT, "message": {"chat": {"id": lan.id}}}
    with pytest.raises(ZaloBadUpdate) as caught:
        await zalo.get_update(timeout=1)
    assert isinstance(caught.value, ValueError) and caught.value.payload["event_name"] == EVENT_TEXT


async def test_concurrent_polls_each_get_a_different_update(zalo, sb):
    lan = await sb.user("Lan")
    polls = [asyncio.create_task(zalo.get_update(timeout=30)) for _ in range(2)]
    await asyncio.sleep(0.05)
    await lan.send("một")
    await lan.send("hai")
    updates = await asyncio.wait_for(asyncio.gather(*polls), 15)
    assert sorted(u.text for u in updates) == ["hai", "một"]
