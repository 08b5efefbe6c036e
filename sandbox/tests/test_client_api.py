"""The sandbox's client API: acting as people, reading chats as they see them, following chats live."""

from __future__ import annotations

import asyncio
import base64
import json

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from sandbox.client import SandboxApiError
from sandbox.tests.conftest import CITIZEN, OFFICIAL, image_bytes

ADMIN_CHAT = -100888


@pytest.fixture
async def http(server):
    async with httpx.AsyncClient(base_url=server.base_url, timeout=15) as client:
        yield client


async def test_placeholder_page_and_bot_listing(http):
    page = await http.get("/")
    assert page.status_code == 200 and "sandbox" in page.text
    bots = (await http.get("/sandbox/api/bots")).json()["result"]
    assert bots[0]["username"] == "motcua_test_bot" and bots[0]["is_bot"] is True


async def test_create_and_list_users_and_groups(http):
    created = (await http.post("/sandbox/api/users", json={"id": 5, "first_name": "Minh", "language_code": "vi"})).json()
    assert created["ok"] and created["result"]["id"] == 5
    auto = (await http.post("/sandbox/api/users", json={"first_name": "Tự động"})).json()["result"]
    assert auto["id"] > 0
    users = (await http.get("/sandbox/api/users")).json()["result"]
    assert {u["first_name"] for u in users} == {"Minh", "Tự động"}
    group = (await http.post("/sandbox/api/groups", json={
        "id": ADMIN_CHAT, "title": "Bộ phận một cửa", "members": [auto["id"]], "admins": [5],
    })).json()["result"]
    assert group["type"] == "group" and group["members"]["5"] == "administrator"
    assert group["members"]["123456"] == "member"
    added = await http.post(f"/sandbox/api/groups/{ADMIN_CHAT}/members", json={"user_id": 5, "status": "creator"})
    assert added.json()["ok"]
    error = await http.post("/sandbox/api/users", json={})
    assert error.status_code == 400 and error.json()["ok"] is False and "first_name" in error.json()["description"]


async def test_command_reaches_the_bot_with_entity(bot, citizen):
    sent = await citizen.send("/start ho_so_123")
    assert sent["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    message = (await bot.get_updates(timeout=5))[-1].message
    assert message.text == "/start ho_so_123"
    assert message.parse_entity(message.entities[0]) == "/start"


async def test_photo_by_base64_and_multipart(bot, http, citizen):
    data = image_bytes()
    by_json = (await http.post(f"/sandbox/api/chats/{CITIZEN}/photos", json={
        "user_id": CITIZEN, "data_base64": base64.b64encode(data).decode(), "caption": "ảnh 1",
    })).json()["result"]["message"]
    assert by_json["caption"] == "ảnh 1" and by_json["photo"][-1]["width"] == 640
    assert (await http.get(by_json["file_url"])).content == data
    by_form = await citizen.send_photo(data, caption="ảnh 2")
    assert by_form["photo"][-1]["height"] == 480
    as_doc = await citizen.send_photo(data, as_document=True, file_name="scan.jpg")
    assert as_doc["document"]["file_name"] == "scan.jpg" and as_doc["document"]["mime_type"] == "image/jpeg"
    updates = await bot.get_updates(timeout=5)
    assert [bool(u.message.photo) for u in updates] == [True, True, False]
    assert updates[2].message.document.file_name == "scan.jpg"
    bad = await http.post(f"/sandbox/api/chats/{CITIZEN}/photos", json={
        "user_id": CITIZEN, "data_base64": base64.b64encode(b"not an image").decode()})
    assert bad.status_code == 400 and "IMAGE_PROCESS_FAILED" in bad.json()["description"]


async def test_pdf_document_reaches_the_bot(bot, citizen, sb):
    pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
    sent = await citizen.send_document(pdf, file_name="don_de_nghi.pdf", mime="application/pdf", caption="Đơn")
    assert sent["document"]["mime_type"] == "application/pdf"
    message = (await bot.get_updates(timeout=5))[-1].message
    assert message.document.file_name == "don_de_nghi.pdf" and message.caption == "Đơn"
    assert bytes(await (await bot.get_file(message.document.file_id)).download_as_bytearray()) == pdf
    assert await sb.download(sent["file_url"]) == pdf


async def test_album_is_one_update_per_photo(bot, citizen):
    messages = await citizen.send_album([image_bytes(color=(i * 50, 0, 0)) for i in range(4)], caption="Hồ sơ")
    assert len({m["media_group_id"] for m in messages}) == 1
    assert messages[0]["caption"] == "Hồ sơ" and "caption" not in messages[1]
    updates = await bot.get_updates(timeout=5)
    assert len(updates) == 4 and len({u.message.media_group_id for u in updates}) == 1


async def test_click_records_the_answer(bot, http, citizen):
    await citizen.send("/start")
    await bot.send_message(CITIZEN, "Chọn", reply_markup=InlineKeyboardMarkup([
        [InlineKeyboardButton("Có", callback_data="yes"), InlineKeyboardButton("Không", callback_data="no")],
    ]))
    pressed = await citizen.click("no", wait_answer=0)  # by callback_data, without waiting for the answer
    assert pressed["answer"] is None
    query = [u.callback_query for u in await bot.get_updates(timeout=5) if u.callback_query][0]
    assert query.data == "no"
    await query.answer("Đã huỷ")
    stored = (await http.get(f"/sandbox/api/callbacks/{query.id}")).json()["result"]
    assert stored["answer"]["text"] == "Đã huỷ" and stored["answer"]["show_alert"] is False
    with pytest.raises(AssertionError, match="no button"):
        await citizen.click("Không tồn tại")
    with pytest.raises(SandboxApiError, match="no button with callback_data"):
        await sb_press(http, citizen.id, query.message.message_id, "forged")


async def sb_press(http: httpx.AsyncClient, user_id: int, message_id: int, data: str) -> None:
    response = await http.post(f"/sandbox/api/chats/{user_id}/callbacks",
                               json={"user_id": user_id, "message_id": message_id, "data": data})
    body = response.json()
    if not body["ok"]:
        raise SandboxApiError(response.status_code, body["description"])


async def test_wait_for_walks_forward_and_sees_edits(bot, citizen):
    await citizen.send("/start")
    first = await bot.send_message(CITIZEN, "Bước 1")
    await bot.send_message(CITIZEN, "Bước 2")
    assert (await citizen.wait_for("Bước"))["text"] == "Bước 1"
    assert (await citizen.wait_for("Bước"))["text"] == "Bước 2"
    await bot.edit_message_text("Bước 1 (đã sửa)", CITIZEN, first.message_id)
    edited = await citizen.wait_for(lambda m: m.get("edit_date") is not None)
    assert edited["message_id"] == first.message_id and edited["text"] == "Bước 1 (đã sửa)"


async def test_wait_for_timeout_shows_the_transcript(bot, citizen):
    await citizen.send("/start")
    await bot.send_message(CITIZEN, "Xin chào", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("Tiếp", callback_data="next")]]))
    with pytest.raises(AssertionError) as caught:
        await citizen.wait_for("không bao giờ", timeout=0.5)
    report = str(caught.value)
    assert "Xin chào" in report and "/start" in report and "Tiếp" in report


async def test_sse_stream_emits_new_edited_and_deleted(server, bot, http, citizen):
    await citizen.send("/start")
    start_seq = (await http.get(f"/sandbox/api/chats/{CITIZEN}/messages")).json()["result"]["seq"]
    events: list[tuple[str, dict]] = []
    connected = asyncio.Event()

    async def follow() -> None:
        async with http.stream("GET", f"/sandbox/api/chats/{CITIZEN}/events",
                               params={"after": start_seq, "user_id": CITIZEN}) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            connected.set()
            kind = None
            async for line in response.aiter_lines():
                if line.startswith("event: "):
                    kind = line[len("event: "):]
                elif line.startswith("data: "):
                    events.append((kind, json.loads(line[len("data: "):])))
                    if len(events) == 4:
                        return

    task = asyncio.create_task(follow())
    await asyncio.wait_for(connected.wait(), timeout=10)
    sent = await bot.send_message(CITIZEN, "<b>Mới https://a.vn")
    await bot.send_chat_action(CITIZEN, "typing")
    await bot.edit_message_text("Đã sửa", CITIZEN, sent.message_id)
    await bot.delete_message(CITIZEN, sent.message_id)
    await asyncio.wait_for(task, timeout=10)
    assert [kind for kind, _ in events] == ["message", "chat_action", "edited", "deleted"]
    assert events[0][1]["message"]["html"] == '&lt;b&gt;Mới <a href="https://a.vn">https://a.vn</a>'
    assert events[2][1]["message"]["text"] == "Đã sửa"
    assert events[3][1]["message_id"] == sent.message_id
    assert [e[1]["seq"] for e in events] == sorted(e[1]["seq"] for e in events)


async def test_a_reconnecting_event_stream_resumes_after_its_last_event_id(bot, http, citizen):
    await citizen.send("một")
    await bot.send_message(CITIZEN, "hai")
    log = (await http.get(f"/sandbox/api/chats/{CITIZEN}/log", params={"after": 0})).json()["result"]
    first, second = [event["seq"] for event in log["events"]]
    # A browser's EventSource reconnects to the same URL (still ``after=0``) with the last id it saw.
    resumed = await http.get(f"/sandbox/api/chats/{CITIZEN}/log", params={"after": 0},
                             headers={"Last-Event-ID": str(first)})
    assert [event["seq"] for event in resumed.json()["result"]["events"]] == [second]
    async with http.stream("GET", f"/sandbox/api/chats/{CITIZEN}/events", params={"after": 0},
                           headers={"Last-Event-ID": str(first)}) as response:
        async for line in response.aiter_lines():
            if line.startswith("id: "):
                assert int(line[len("id: "):]) == second
                break


async def test_event_log_long_polls(bot, sb, citizen):
    await citizen.send("/start")
    seq = (await sb.chat(CITIZEN))["seq"]
    waiting = asyncio.create_task(sb.log(CITIZEN, seq, timeout=20))
    await asyncio.sleep(0.2)
    assert not waiting.done()
    await bot.send_message(CITIZEN, "đến rồi")
    log = await asyncio.wait_for(waiting, timeout=10)
    assert [e["message"]["text"] for e in log["events"]] == ["đến rồi"]


async def test_people_only_read_their_own_chats(http, sb, citizen):
    await sb.user(OFFICIAL, "Hùng")
    await sb.group(ADMIN_CHAT, "Bộ phận một cửa", [OFFICIAL])
    other = await http.get(f"/sandbox/api/chats/{CITIZEN}/messages", params={"user_id": OFFICIAL})
    assert other.status_code == 403
    outsider = await http.get(f"/sandbox/api/chats/{ADMIN_CHAT}/messages", params={"user_id": CITIZEN})
    assert outsider.status_code == 403
    with pytest.raises(SandboxApiError, match="not a member"):
        await citizen.send("chen vào", chat_id=ADMIN_CHAT)
    chats = (await http.get("/sandbox/api/chats", params={"user_id": OFFICIAL})).json()["result"]
    assert [c["type"] for c in chats] == ["private", "group"]
    missing = await http.get("/sandbox/files/nope")
    assert missing.status_code == 404


async def test_block_and_unblock(bot, http, citizen):
    await citizen.send("/start")
    await citizen.block_bot()
    info = (await http.get(f"/sandbox/api/users/{CITIZEN}")).json()["result"]
    assert info["blocked"] == [123456] and info["started"] == [123456]
    with pytest.raises(SandboxApiError, match="blocked"):
        await citizen.send("xin chào")
    await citizen.unblock_bot()
    await citizen.send("xin chào")
    kinds = [u.effective_message.text if u.message else u.my_chat_member.new_chat_member.status
             for u in await bot.get_updates(timeout=5)]
    assert kinds == ["/start", "kicked", "member", "xin chào"]


async def test_group_join_and_user_edit(bot, sb, citizen):
    official = await sb.user(OFFICIAL, "Hùng")
    await sb.group(ADMIN_CHAT, "Bộ phận một cửa", [OFFICIAL], bot_status="administrator")
    await sb.add_member(ADMIN_CHAT, CITIZEN)
    joined = (await bot.get_updates(timeout=5))[-1].message
    assert [u.id for u in joined.new_chat_members] == [CITIZEN]
    sent = await official.send("sai chính tả", chat_id=ADMIN_CHAT)
    await sb.call("PATCH", f"/chats/{ADMIN_CHAT}/messages/{sent['message_id']}",
                  json={"user_id": OFFICIAL, "text": "đúng chính tả"})
    updates = await bot.get_updates(timeout=5)
    edited = [u.edited_message for u in updates if u.edited_message]
    assert edited and edited[0].text == "đúng chính tả" and edited[0].edit_date is not None
