"""Conformance of the sandbox's Bot API with what python-telegram-bot sends and parses.

A real ``telegram.Bot`` (and an ``Application`` with polling) talks to a SandboxServer over HTTP on
127.0.0.1; people act through the client API.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import io
import warnings

import httpx
import pytest
from aiohttp import web
from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    KeyboardButton,
    MessageEntity,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from sandbox.ratelimit import BucketSpec, RateLimiter, RateLimits
from sandbox.tests.conftest import CITIZEN, OFFICIAL, TOKEN, image_bytes

ADMIN_CHAT = -100777


async def started(citizen, bot) -> list[Update]:
    """Have the citizen /start the bot and return (and confirm) the updates so far."""
    await citizen.send("/start")
    updates = await bot.get_updates(timeout=5)
    await bot.get_updates(offset=updates[-1].update_id + 1)
    return list(updates)


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# ---------------------------------------------------------------------------------------- identity


async def test_get_me_parses_with_is_bot(bot):
    me = await bot.get_me()
    assert me.is_bot is True
    assert me.id == 123456
    assert me.username == "motcua_test_bot"
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    assert me.supports_inline_queries is False


async def test_wrong_token_is_unauthorized_and_unknown_method_not_found(server):
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=server.bot_api_url) as wrong:
            await wrong.get_me()
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{server.bot_api_url}{TOKEN}/noSuchMethod")
        assert response.status_code == 404
        assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        response = await http.get(f"{server.bot_api_url}999:WRONG/getMe")
        assert response.status_code == 401
        assert response.json()["description"] == "Unauthorized"


async def test_request_formats_and_case_insensitive_methods(server, citizen):
    await citizen.send("hello")
    async with httpx.AsyncClient() as http:
        url = f"{server.bot_api_url}{TOKEN}"
        assert (await http.get(f"{url}/GETME")).json()["result"]["is_bot"] is True
        by_query = await http.get(f"{url}/sendMessage", params={"chat_id": CITIZEN, "text": "q"})
        assert by_query.json()["result"]["text"] == "q"
        by_json = await http.post(f"{url}/sendmessage", json={
            "chat_id": str(CITIZEN), "text": "j",
            "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
        })
        assert by_json.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
        by_form = await http.post(f"{url}/sendMessage", data={
            "chat_id": str(CITIZEN), "text": "f",
            "reply_markup": '{"inline_keyboard": [[{"text": "B", "callback_data": "b"}]]}',
        })
        assert by_form.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "B"
        updates = (await http.get(f"{url}/getUpdates")).json()
        assert updates["ok"] is True and updates["result"][0]["message"]["text"] == "hello"
        error = (await http.post(f"{url}/sendMessage", json={"chat_id": 42, "text": "x"})).json()
        assert error == {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}


# ------------------------------------------------------------------------------------------ updates


async def test_user_message_arrives_and_offset_confirms(bot, citizen):
    await citizen.send("/start")
    await citizen.send("Xin chào")
    updates = await bot.get_updates(timeout=5)
    assert [u.message.text for u in updates] == ["/start", "Xin chào"]
    first = updates[0].message
    assert first.from_user.id == CITIZEN and first.from_user.is_bot is False
    assert first.chat.type == "private" and first.chat.id == CITIZEN
    assert first.entities[0].type == "bot_command" and first.entities[0].length == len("/start")
    assert isinstance(first.date, dtm.datetime) and first.date.year >= 2024  # seconds, not milliseconds
    assert updates[1].update_id == updates[0].update_id + 1
    again = await bot.get_updates()
    assert [u.update_id for u in again] == [u.update_id for u in updates]  # unconfirmed: served again
    rest = await bot.get_updates(offset=updates[0].update_id + 1)
    assert [u.message.text for u in rest] == ["Xin chào"]
    assert await bot.get_updates(offset=updates[1].update_id + 1) == ()
    await citizen.send("một")
    await citizen.send("hai")
    limited = await bot.get_updates(limit=1)
    assert [u.message.text for u in limited] == ["một"]
    last = await bot.get_updates(offset=-1)
    assert [u.message.text for u in last] == ["hai"]


async def test_long_poll_returns_promptly_when_a_message_comes_in(bot, citizen):
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.3)
    assert not poll.done()
    await citizen.send("ping")
    updates = await asyncio.wait_for(poll, timeout=10)
    assert updates[0].message.text == "ping"


async def test_long_poll_times_out_empty(bot):
    assert await bot.get_updates(timeout=1) == ()


async def test_second_get_updates_terminates_the_first(server, bot):
    first = asyncio.create_task(bot.get_updates(timeout=20))
    await asyncio.sleep(0.3)
    async with Bot(TOKEN, base_url=server.bot_api_url) as other:
        assert await other.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="(?i)terminated by other getUpdates"):
        await asyncio.wait_for(first, timeout=10)


async def test_allowed_updates_filters_new_updates(bot, citizen):
    await bot.get_updates(allowed_updates=["callback_query"])
    await citizen.send("not delivered")
    assert await bot.get_updates() == ()
    await bot.get_updates(allowed_updates=[])
    await citizen.send("delivered")
    assert [u.message.text for u in await bot.get_updates()] == ["delivered"]


# -------------------------------------------------------------------------------- sending, keyboards


async def test_inline_keyboard_click_and_answer(bot, citizen):
    await started(citizen, bot)
    keyboard = InlineKeyboardMarkup([
        [InlineKeyboardButton("Khai sinh", callback_data="proc:birth")],
        [InlineKeyboardButton("Hướng dẫn", url="https://dichvucong.gov.vn")],
    ])
    sent = await bot.send_message(CITIZEN, "Chọn thủ tục:", reply_markup=keyboard)
    seen = await citizen.messages()
    buttons = seen[-1]["reply_markup"]["inline_keyboard"]
    assert buttons == [[{"text": "Khai sinh", "callback_data": "proc:birth"}],
                       [{"text": "Hướng dẫn", "url": "https://dichvucong.gov.vn"}]]

    click = asyncio.create_task(citizen.click("Khai sinh", wait_answer=10))
    updates = await bot.get_updates(timeout=10)
    query = updates[-1].callback_query
    assert query is not None
    assert query.chat_instance
    assert query.data == "proc:birth"
    assert query.from_user.id == CITIZEN
    assert query.message.message_id == sent.message_id
    assert query.message.reply_markup == keyboard
    assert await query.answer("Đã chọn: Khai sinh", show_alert=True) is True
    result = await asyncio.wait_for(click, timeout=10)
    assert result["answer"]["text"] == "Đã chọn: Khai sinh"
    assert result["answer"]["show_alert"] is True
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await query.answer("twice")


async def test_callback_data_must_be_1_to_64_bytes(bot, citizen):
    await started(citizen, bot)
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CITIZEN, "x", reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("too long", callback_data="đ" * 33)]]))
    ok = await bot.send_message(CITIZEN, "x", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("exactly 64", callback_data="a" * 64)]]))
    assert ok.reply_markup.inline_keyboard[0][0].callback_data == "a" * 64


async def test_reply_keyboard_shows_then_is_removed(bot, citizen):
    await started(citizen, bot)
    await bot.send_message(CITIZEN, "Chia sẻ số điện thoại", reply_markup=ReplyKeyboardMarkup(
        [[KeyboardButton("Gửi số điện thoại", request_contact=True)], ["Huỷ"]], resize_keyboard=True))
    assert await citizen.reply_keyboard() == [["Gửi số điện thoại"], ["Huỷ"]]
    contact = await citizen.share_contact("+84901234567")
    update = (await bot.get_updates(timeout=5))[-1]
    assert update.message.contact.phone_number == "+84901234567"
    assert update.message.contact.user_id == CITIZEN
    assert contact["contact"]["phone_number"] == "+84901234567"
    await bot.send_message(CITIZEN, "Cảm ơn", reply_markup=ReplyKeyboardRemove())
    assert await citizen.reply_keyboard() is None
    await bot.send_message(CITIZEN, "Lý do?", reply_markup=ForceReply())


async def test_reply_to_message(bot, citizen):
    updates = await started(citizen, bot)
    start_id = updates[0].message.message_id
    reply = await bot.send_message(CITIZEN, "Chào bạn", reply_to_message_id=start_id)
    assert reply.reply_to_message.message_id == start_id
    assert reply.reply_to_message.text == "/start"
    with pytest.raises(BadRequest, match="(?i)message to be replied not found"):
        await bot.send_message(CITIZEN, "x", reply_to_message_id=9999)
    lenient = await bot.send_message(CITIZEN, "x", reply_to_message_id=9999, allow_sending_without_reply=True)
    assert lenient.reply_to_message is None


async def test_plain_text_only_with_the_entities_telegram_detects(bot, citizen):
    await started(citizen, bot)
    plain = await bot.send_message(CITIZEN, "  <b>Nhà 😀 https://dichvucong.gov.vn hoặc gõ /tracuu  ")
    assert plain.text == "<b>Nhà 😀 https://dichvucong.gov.vn hoặc gõ /tracuu"  # trimmed, markup kept as text
    assert [(e.type, plain.parse_entity(e)) for e in plain.entities] == [
        ("url", "https://dichvucong.gov.vn"), ("bot_command", "/tracuu")]  # UTF-16 offsets after the emoji
    seen = (await citizen.messages())[-1]
    assert seen["html"].startswith("&lt;b&gt;Nhà") and '<a href="https://dichvucong.gov.vn">' in seen["html"]
    for mode in (ParseMode.HTML, ParseMode.MARKDOWN_V2):
        with pytest.raises(BadRequest, match="(?i)parse_mode is not supported by the sandbox"):
            await bot.send_message(CITIZEN, "<b>x</b>", parse_mode=mode)
    with pytest.raises(BadRequest, match="(?i)entities are not supported by the sandbox"):
        await bot.send_message(CITIZEN, "x", entities=[MessageEntity("bold", 0, 1)])
    with pytest.raises(BadRequest, match="(?i)parse_mode is not supported by the sandbox"):
        await bot.send_photo(CITIZEN, image_bytes(), caption="<i>x</i>", parse_mode=ParseMode.HTML)


async def test_text_limits(bot, citizen):
    await started(citizen, bot)
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(CITIZEN, "a" * 4097)
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(CITIZEN, "   ")


# ------------------------------------------------------------------------------------- edit, delete


async def test_edit_text_and_not_modified(bot, citizen):
    await started(citizen, bot)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Duyệt", callback_data="ok")]])
    sent = await bot.send_message(CITIZEN, "Đang xử lý", reply_markup=keyboard)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("Đang xử lý", CITIZEN, sent.message_id, reply_markup=keyboard)
    edited = await bot.edit_message_text("Đã duyệt", CITIZEN, sent.message_id)
    assert edited.text == "Đã duyệt" and edited.edit_date is not None
    assert edited.reply_markup is None  # omitting reply_markup removes the keyboard, as on Telegram
    seen = (await citizen.messages())[-1]
    assert seen["text"] == "Đã duyệt" and "reply_markup" not in seen and seen["edit_date"]
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", CITIZEN, 9999)
    with_keyboard = await bot.edit_message_text("Đã duyệt", CITIZEN, sent.message_id, reply_markup=keyboard)
    assert with_keyboard.reply_markup == keyboard


async def test_delete_message_hides_it_from_the_client(bot, citizen):
    await started(citizen, bot)
    sent = await bot.send_message(CITIZEN, "tạm thời")
    assert await bot.delete_message(CITIZEN, sent.message_id) is True
    assert sent.message_id not in [m["message_id"] for m in await citizen.messages()]
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await bot.delete_message(CITIZEN, sent.message_id)


# ---------------------------------------------------------------------------------- errors, limits


async def test_unknown_chat_is_bad_request(bot):
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(424242, "x")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(-100999, "x")


async def test_bot_cannot_initiate_a_conversation(bot, sb):
    await sb.user(3003, "Chưa bắt đầu")
    with pytest.raises(Forbidden, match="(?i)bot can't initiate conversation with a user"):
        await bot.send_message(3003, "xin chào")


async def test_blocked_user_is_forbidden(bot, citizen):
    await started(citizen, bot)
    await citizen.block_bot()
    update = (await bot.get_updates(timeout=5))[-1]
    assert update.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(CITIZEN, "thông báo")
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_chat_action(CITIZEN, ChatAction.TYPING)
    await citizen.unblock_bot()
    assert (await bot.send_message(CITIZEN, "lại rồi")).text == "lại rồi"


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_limit_raises_retry_after(server, bot, citizen):
    await started(citizen, bot)
    server.state.set_rate_limits(RateLimits(private=BucketSpec(rate=0.5, burst=3), per_bot=None))
    for index in range(3):
        await bot.send_message(CITIZEN, f"tin {index}")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CITIZEN, "một tin nữa")
    assert retry_seconds(caught.value) >= 1
    async with httpx.AsyncClient() as http:
        body = (await http.post(f"{server.bot_api_url}{TOKEN}/sendMessage",
                                json={"chat_id": CITIZEN, "text": "x"})).json()
    assert body["error_code"] == 429 and body["parameters"]["retry_after"] >= 1
    assert body["description"].startswith("Too Many Requests: retry after")


def test_token_bucket_refills_with_time():
    now = [0.0]
    limiter = RateLimiter(RateLimits(private=BucketSpec(rate=1.0, burst=2), per_bot=None), clock=lambda: now[0])
    assert limiter.acquire(1, 10, is_group=False) is None
    assert limiter.acquire(1, 10, is_group=False) is None
    assert limiter.acquire(1, 10, is_group=False) == pytest.approx(1.0)
    assert limiter.acquire(1, 11, is_group=False) is None  # another chat has its own bucket
    now[0] = 1.0
    assert limiter.acquire(1, 10, is_group=False) is None
    limiter.configure(RateLimits.disabled())
    assert all(limiter.acquire(1, 10, is_group=False) is None for _ in range(100))


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_group_flood_limit_is_per_chat(server, bot, sb, citizen):
    await started(citizen, bot)
    await sb.user(OFFICIAL, "Cán bộ")
    await sb.group(ADMIN_CHAT, "Bộ phận một cửa", [OFFICIAL])
    server.state.set_rate_limits(RateLimits(group=BucketSpec(rate=20 / 60, burst=2), per_bot=None))
    await bot.send_message(ADMIN_CHAT, "1")
    await bot.send_message(ADMIN_CHAT, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(ADMIN_CHAT, "3")
    assert (await bot.send_message(CITIZEN, "private chats have their own bucket")).message_id


# -------------------------------------------------------------------------------------------- files


async def test_send_photo_upload_is_downloadable_by_the_client(bot, citizen, sb):
    await started(citizen, bot)
    data = image_bytes((1024, 768))
    sent = await bot.send_photo(CITIZEN, data, caption="Giấy hẹn")
    largest = sent.photo[-1]
    assert (largest.width, largest.height) == (1024, 768)
    assert [p.width for p in sent.photo] == sorted(p.width for p in sent.photo)
    assert sent.caption == "Giấy hẹn"
    seen = (await citizen.messages())[-1]
    assert await sb.download(seen["file_url"]) == data
    again = await bot.send_photo(CITIZEN, largest.file_id)
    assert again.photo[-1].file_unique_id == largest.file_unique_id


async def test_send_document_upload_keeps_its_name_and_is_downloadable(bot, citizen, sb):
    await started(citizen, bot)
    data = b"%PDF-1.4 to khai"
    sent = await bot.send_document(CITIZEN, data, filename="to-khai-000.00.59.H80-260310-0001.pdf")
    assert sent.document.file_name == "to-khai-000.00.59.H80-260310-0001.pdf"
    assert sent.document.mime_type == "application/pdf"
    assert sent.document.file_size == len(data)
    seen = (await citizen.messages())[-1]
    assert seen["document"]["file_name"] == "to-khai-000.00.59.H80-260310-0001.pdf"
    assert await sb.download(seen["file_url"]) == data
    again = await bot.send_document(CITIZEN, sent.document.file_id)
    assert again.document.file_unique_id == sent.document.file_unique_id
    with pytest.raises(BadRequest, match="(?i)type of file mismatch"):
        await bot.send_document(CITIZEN, (await bot.send_photo(CITIZEN, image_bytes())).photo[-1].file_id)


async def test_user_photo_downloads_through_get_file(bot, citizen):
    await started(citizen, bot)
    data = image_bytes((800, 600), fmt="PNG")
    await citizen.send_photo(data, caption="CCCD mặt trước", file_name="cccd.png", mime="image/png")
    message = (await bot.get_updates(timeout=5))[-1].message
    assert message.caption == "CCCD mặt trước"
    largest = message.photo[-1]
    assert (largest.width, largest.height) == (800, 600)
    telegram_file = await bot.get_file(largest.file_id)
    assert telegram_file.file_path.startswith(bot.base_file_url)
    buffer = io.BytesIO()
    await telegram_file.download_to_memory(buffer)
    assert buffer.getvalue() == data
    assert bytes(await telegram_file.download_as_bytearray()) == data


async def test_user_album_shares_media_group_id(bot, citizen):
    await started(citizen, bot)
    photos = [image_bytes(color=(i * 40, 0, 0)) for i in range(3)]
    await citizen.send_album(photos)
    updates = await bot.get_updates(timeout=5)
    messages = [u.message for u in updates]
    assert len(messages) == 3 and all(m.photo for m in messages)
    assert len({m.media_group_id for m in messages}) == 1 and messages[0].media_group_id
    for message, data in zip(messages, photos):
        buffer = io.BytesIO()
        await (await bot.get_file(message.photo[-1].file_id)).download_to_memory(buffer)
        assert buffer.getvalue() == data


async def test_send_media_group_with_uploads(bot, citizen, sb):
    await started(citizen, bot)
    photos = [image_bytes(color=(0, i * 60, 0)) for i in range(2)]
    sent = await bot.send_media_group(CITIZEN, [
        InputMediaPhoto(photos[0], caption="Trang 1"), InputMediaPhoto(photos[1], caption="Trang 2"),
    ])
    assert len(sent) == 2 and sent[0].media_group_id == sent[1].media_group_id
    assert [m.caption for m in sent] == ["Trang 1", "Trang 2"]
    seen = (await citizen.messages())[-2:]
    assert [await sb.download(m["file_url"]) for m in seen] == photos
    reused = await bot.send_media_group(CITIZEN, [InputMediaPhoto(m.photo[-1].file_id) for m in sent])
    assert len(reused) == 2
    with pytest.raises(BadRequest, match="(?i)albums of photos only"):
        await bot.send_media_group(CITIZEN, [
            InputMediaDocument(b"%PDF-1.4 a", filename="a.pdf"), InputMediaDocument(b"%PDF-1.4 b", filename="b.pdf"),
        ])
    with pytest.raises(BadRequest):
        await bot.send_media_group(CITIZEN, [InputMediaPhoto(photos[0])])


async def test_invalid_photo_is_rejected(bot, citizen):
    await started(citizen, bot)
    with pytest.raises(BadRequest, match="(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(CITIZEN, b"not an image")


async def test_get_file_unknown_id(bot):
    with pytest.raises(BadRequest, match="(?i)invalid file_id"):
        await bot.get_file("nope")


# ------------------------------------------------------------------------------------------ webhook


async def test_webhook_delivers_with_secret_header_and_retries(server, bot, citizen):
    received: list[tuple[str | None, dict]] = []
    failures = {"left": 2}
    arrived = asyncio.Event()

    async def hook(request: web.Request) -> web.Response:
        if failures["left"] > 0:
            failures["left"] -= 1
            return web.Response(status=500)
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        arrived.set()
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        url = f"http://127.0.0.1:{port}/hook"
        assert await bot.set_webhook(url, secret_token="bi-mat_123") is True
        account = server.state.bot_by_token(TOKEN)
        assert account.webhook.url == url and not account.updates
        with pytest.raises(Conflict, match="(?i)webhook is active"):
            await bot.get_updates()
        await citizen.send("qua webhook")
        await asyncio.wait_for(arrived.wait(), timeout=15)
        secret, update = received[0]
        assert secret == "bi-mat_123"
        parsed = Update.de_json(update, bot)
        assert parsed.message.text == "qua webhook"
        assert not account.updates
        assert "500" in (account.webhook.last_error_message or "")
        assert await bot.delete_webhook() is True
        await citizen.send("lại polling")
        assert [u.message.text for u in await bot.get_updates(timeout=5)] == ["lại polling"]
    finally:
        await runner.cleanup()


async def test_webhook_gives_up_after_bounded_retries(server, bot, citizen):
    server.webhooks.max_attempts = 2
    server.webhooks.base_delay = 0.05
    await bot.set_webhook("http://127.0.0.1:9/unreachable")
    await citizen.send("không tới")
    account = server.state.bot_by_token(TOKEN)
    for _ in range(200):
        if not account.updates and account.webhook.last_error_message:
            break
        await asyncio.sleep(0.05)
    assert not account.updates
    assert account.webhook.last_error_message
    with pytest.raises(BadRequest, match="(?i)bad webhook"):
        await bot.set_webhook("https://example.com/hook")


# -------------------------------------------------------------------------------- chats, commands


async def test_group_privacy_mode_delivers_commands_replies_and_presses(bot, sb, citizen):
    official = await sb.user(OFFICIAL, "Hùng", "Trần")
    await sb.user(2002, "Thực tập")
    await sb.group(ADMIN_CHAT, "Bộ phận một cửa", [2002], admins=[OFFICIAL])
    posted = await bot.send_message(ADMIN_CHAT, "Hồ sơ mới", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("Duyệt", callback_data="approve:1")]]))
    await official.send("chỉ nói chuyện", chat_id=ADMIN_CHAT)  # privacy mode: not delivered
    await official.send("/duyet 1", chat_id=ADMIN_CHAT)
    await official.send("lý do: thiếu giấy", chat_id=ADMIN_CHAT, reply_to=posted.message_id)
    await official.click("Duyệt", chat_id=ADMIN_CHAT, wait_answer=0)
    updates = await bot.get_updates(timeout=5)
    texts = [u.message.text for u in updates if u.message]
    assert texts == ["/duyet 1", "lý do: thiếu giấy"]
    query = [u.callback_query for u in updates if u.callback_query][0]
    assert query.message.chat.id == ADMIN_CHAT and query.from_user.id == OFFICIAL
    assert query.chat_instance


async def test_bot_admin_in_group_reads_everything(bot, sb):
    official = await sb.user(OFFICIAL, "Hùng")
    await sb.group(ADMIN_CHAT, "Bộ phận một cửa", [OFFICIAL], bot_status="administrator")
    await official.send("mọi tin nhắn", chat_id=ADMIN_CHAT)
    assert [u.message.text for u in await bot.get_updates(timeout=5)] == ["mọi tin nhắn"]


async def test_bot_added_to_and_removed_from_a_group(bot, sb):
    await sb.user(OFFICIAL, "Hùng")
    await sb.group(ADMIN_CHAT, "Chưa có bot", [], admins=[OFFICIAL], bots=[])
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(ADMIN_CHAT, "x")
    await sb.add_member(ADMIN_CHAT, 123456)
    updates = await bot.get_updates(timeout=5)
    joined = [u.message for u in updates if u.message][0]
    assert [m.id for m in joined.new_chat_members] == [123456] and joined.from_user.id == OFFICIAL
    change = [u.my_chat_member for u in updates if u.my_chat_member][0]
    assert (change.old_chat_member.status, change.new_chat_member.status) == ("left", "member")
    assert (await bot.send_message(ADMIN_CHAT, "Chào các anh chị")).chat.id == ADMIN_CHAT
    await sb.call("DELETE", f"/groups/{ADMIN_CHAT}/members/123456")
    with pytest.raises(Forbidden, match="(?i)bot is not a member of the group chat"):
        await bot.send_message(ADMIN_CHAT, "x")


async def test_commands_are_set_and_checked(server, bot):
    from telegram import BotCommand

    assert await bot.set_my_commands([BotCommand("start", "Bắt đầu"), BotCommand("tracuu", "Tra cứu hồ sơ")])
    assert await bot.set_my_commands([BotCommand("huy", "Huỷ")], language_code="vi")
    commands = server.state.bot_by_token(TOKEN).commands
    assert [[c["command"] for c in listed] for listed in commands.values()] == [["start", "tracuu"], ["huy"]]
    with pytest.raises(BadRequest, match="(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Tra-Cuu", "x")])


async def test_chat_action(bot, citizen):
    await started(citizen, bot)
    assert await bot.send_chat_action(CITIZEN, ChatAction.UPLOAD_PHOTO) is True
    async with httpx.AsyncClient() as http:
        body = (await http.post(f"{bot.base_url}/sendChatAction", data={"chat_id": CITIZEN, "action": "dancing"})).json()
    assert body == {"ok": False, "error_code": 400, "description": "Bad Request: wrong parameter action in request"}


# ------------------------------------------------------------------------------- PTB Application


async def test_application_polling_end_to_end(server, sb):
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(
            "Xin chào! Chọn thủ tục:",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Khai sinh", callback_data="birth")]]),
        )

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(update.message.text.upper())

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("Đã chọn")
        await update.callback_query.edit_message_text(f"Bạn chọn: {update.callback_query.data}")

    application = (
        Application.builder().token(TOKEN).base_url(server.bot_api_url).base_file_url(server.file_url).build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(CallbackQueryHandler(chosen))
    citizen = await sb.user(CITIZEN, "Lan")
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=5))
        try:
            await citizen.send("/start")
            menu = await citizen.wait_for("Chọn thủ tục")
            assert menu["reply_markup"]["inline_keyboard"][0][0]["text"] == "Khai sinh"
            pressed = await citizen.click("Khai sinh")
            assert pressed["answer"]["text"] == "Đã chọn"
            edited = await citizen.wait_for("Bạn chọn: birth")
            assert edited["message_id"] == menu["message_id"]
            await citizen.send("xin chào")
            assert (await citizen.wait_for("XIN CHÀO"))["text"] == "XIN CHÀO"
        finally:
            await application.updater.stop()
            await application.stop()
    assert server.state.bots[123456].updates == []  # the final getUpdates confirmed everything


async def test_application_webhook_mode_end_to_end(server, sb):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(f"webhook: {update.message.text}")

    application = Application.builder().token(TOKEN).base_url(server.bot_api_url).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    citizen = await sb.user(CITIZEN, "Lan")
    async with application:
        await application.start()
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="tg", secret_token="ptb-secret",
            webhook_url=f"http://127.0.0.1:{port}/tg",
        )
        try:
            await citizen.send("chào")
            assert (await citizen.wait_for("webhook: chào"))["text"] == "webhook: chào"
        finally:
            await application.updater.stop()
            await application.stop()
    info = server.state.bots[123456].webhook
    assert info is not None and info.secret_token == "ptb-secret" and info.last_error_message is None
