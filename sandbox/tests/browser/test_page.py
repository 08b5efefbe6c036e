"""The sandbox chat page in a real browser: citizens and an official chatting with a scripted bot.

Each test gets a fresh sandbox (see conftest.py); screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import io
import re
from typing import Any

from PIL import Image
from playwright.sync_api import expect

from sandbox.tests.browser.conftest import ADMIN_GROUP_TITLE, OFFICIAL
from sandbox.tests.browser.support import PHONE

LAN, MINH = 1001, 1002


def png(size: tuple[int, int], color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def citizen_pane(page: Any) -> Any:
    return page.locator("#pane-citizen")


def group_pane(page: Any) -> Any:
    return page.locator("#pane-group")


def send(pane: Any, text: str) -> None:
    box = pane.get_by_role("textbox", name="Tin nhắn")
    box.fill(text)
    box.press("Enter")


def bot_message(pane: Any, text: str) -> Any:
    return pane.locator(".msg.in", has_text=text)


def test_citizen_sends_text_and_sees_the_reply_live(page):
    pane = citizen_pane(page)
    expect(page.get_by_role("combobox", name="Công dân")).to_have_value(str(LAN))
    expect(pane.locator(".title")).to_have_text("Một Cửa")
    pane.get_by_role("button", name="/start").click()
    expect(bot_message(pane, "Xin chào Chị Lan!")).to_be_visible()
    expect(bot_message(pane, "Xin chào").locator("a")).to_have_attribute("href", "https://dichvucong.gov.vn")
    keyboard = pane.get_by_role("group", name="Bàn phím trả lời của bot")
    expect(keyboard.get_by_role("button", name="Hỏi thủ tục")).to_be_visible()
    expect(pane.get_by_role("textbox", name="Tin nhắn")).to_have_attribute("placeholder", "Gõ câu hỏi…")

    send(pane, "Tôi muốn hỏi về khai sinh")
    expect(pane.locator(".msg.out", has_text="Tôi muốn hỏi về khai sinh")).to_be_visible()
    expect(bot_message(pane, "Bạn viết: Tôi muốn hỏi về khai sinh")).to_be_visible()
    expect(pane.get_by_role("textbox", name="Tin nhắn")).to_have_value("")

    keyboard.get_by_role("button", name="Hỏi thủ tục").click()
    expect(bot_message(pane, "Bạn viết: Hỏi thủ tục")).to_be_visible()


def test_user_text_is_shown_as_text_never_as_html(page):
    pane = citizen_pane(page)
    send(pane, "<img src=x onerror=alert(1)> <b>đậm</b>")
    mine = pane.locator(".msg.out", has_text="<b>đậm</b>")
    expect(mine).to_be_visible()
    expect(mine.locator("img, b")).to_have_count(0)
    expect(bot_message(pane, "Bạn viết: <img src=x")).to_be_visible()


def test_pressing_an_inline_button_edits_the_message_in_place(page):
    pane = citizen_pane(page)
    send(pane, "/menu")
    card = bot_message(pane, "Bạn có đồng ý nộp hồ sơ không?")
    expect(card.get_by_role("button", name="Từ chối")).to_be_visible()
    message_id = card.get_attribute("data-message-id")
    count = pane.locator(".messages > li").count()

    card.get_by_role("button", name="Đồng ý").click()
    edited = pane.locator(f'.msg[data-message-id="{message_id}"]')
    expect(edited).to_contain_text("Đã chọn: Đồng ý")
    expect(edited).to_contain_text("đã sửa")
    expect(edited.get_by_role("button")).to_have_count(0)
    expect(page.locator(".toast", has_text="Bạn chọn Đồng ý")).to_be_visible()
    expect(pane.locator(".messages > li")).to_have_count(count)


def test_a_message_the_bot_deletes_disappears(page):
    pane = citizen_pane(page)
    send(pane, "/tam")
    expect(bot_message(pane, "Tin nhắn tạm")).to_be_visible()
    expect(bot_message(pane, "Tin nhắn tạm")).to_have_count(0)
    expect(pane.locator(".msg.out", has_text="/tam")).to_be_visible()


def test_two_images_go_as_an_album_and_the_bot_answers(page, artifacts):
    pane = citizen_pane(page)
    pane.locator(".file-input").set_input_files([
        {"name": "trang1.png", "mimeType": "image/png", "buffer": png((64, 48), (200, 40, 40))},
        {"name": "trang2.png", "mimeType": "image/png", "buffer": png((64, 48), (40, 120, 200))},
    ])
    album = pane.locator(".msg.out .album")
    expect(album).to_have_count(1)
    expect(album.get_by_role("button", name="xem cỡ lớn")).to_have_count(2)
    expect(bot_message(pane, "Đã nhận ảnh 64×48")).to_have_count(2)
    messages = page.evaluate("(id) => fetch(`/sandbox/api/chats/${id}/messages`).then(r => r.json())", LAN)
    photos = [m for m in messages["result"]["messages"] if m.get("photo")]
    assert len(photos) == 2 and photos[0]["media_group_id"] == photos[1]["media_group_id"]

    album.get_by_role("button", name="Ảnh 1/2").click()
    lightbox = page.get_by_role("dialog", name="Ảnh cỡ lớn")
    expect(lightbox).to_be_visible()
    expect(lightbox.locator("img")).to_have_attribute("src", photos[0]["file_url"])
    lightbox.get_by_role("button", name="Đóng").click()
    expect(lightbox).to_be_hidden()


def test_a_non_image_goes_as_a_document(page):
    pane = citizen_pane(page)
    pane.locator(".file-input").set_input_files(
        {"name": "don_de_nghi.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%%EOF\n"})
    link = pane.get_by_role("link", name="don_de_nghi.pdf")
    expect(link).to_have_attribute("href", re.compile(r"^/sandbox/files/"))
    expect(bot_message(pane, "Đã nhận tệp don_de_nghi.pdf")).to_be_visible()


def test_switching_citizen_shows_a_separate_chat_and_is_remembered(page):
    pane = citizen_pane(page)
    send(pane, "tin của chị Lan")
    expect(bot_message(pane, "Bạn viết: tin của chị Lan")).to_be_visible()

    page.get_by_role("combobox", name="Công dân").select_option(str(MINH))
    expect(pane.locator(".messages > li")).to_have_count(0)
    expect(pane.locator(".empty")).to_contain_text("/start")
    send(pane, "/start")
    expect(bot_message(pane, "Xin chào Anh Minh!")).to_be_visible()
    expect(pane.get_by_text("tin của chị Lan")).to_have_count(0)

    page.reload()
    expect(page.get_by_role("combobox", name="Công dân")).to_have_value(str(MINH))
    expect(bot_message(pane, "Xin chào Anh Minh!")).to_be_visible()
    page.get_by_role("combobox", name="Công dân").select_option(str(LAN))
    expect(bot_message(pane, "Bạn viết: tin của chị Lan")).to_be_visible()
    expect(pane.get_by_text("Xin chào Anh Minh")).to_have_count(0)


def test_adding_a_citizen(page):
    page.get_by_role("button", name="+ Thêm công dân").click()
    dialog = page.get_by_role("dialog", name="Thêm công dân")
    dialog.get_by_label("Họ và tên").fill("Bà Nguyễn Thị Hoa")
    dialog.get_by_role("button", name="Thêm").click()
    picker = page.get_by_role("combobox", name="Công dân")
    expect(picker.locator("option:checked")).to_have_text("Bà Nguyễn Thị Hoa")
    pane = citizen_pane(page)
    send(pane, "/start")
    expect(bot_message(pane, "Xin chào Bà Nguyễn Thị Hoa!")).to_be_visible()


def test_official_in_the_group_sees_cards_and_the_bots_replies(page):
    pane = group_pane(page)
    expect(pane.locator(".title")).to_have_text(ADMIN_GROUP_TITLE)
    expect(page.get_by_role("combobox", name="Cán bộ")).to_have_value(str(OFFICIAL))
    send(pane, "Hồ sơ này thiếu ảnh CCCD")
    expect(pane.locator(".msg.out", has_text="Hồ sơ này thiếu ảnh CCCD")).to_be_visible()
    expect(bot_message(pane, "Đã ghi nhận ý kiến của Cán bộ Hòa: Hồ sơ này thiếu ảnh CCCD")).to_be_visible()
    expect(bot_message(pane, "Đã ghi nhận").locator(".sender")).to_have_text("Một Cửa (bot)")

    pane.get_by_role("button", name="/pending").click()
    expect(pane.locator(".msg.in .album img")).to_have_count(2)
    declaration = pane.get_by_role("link", name="to-khai-HS-0001.pdf")
    expect(declaration).to_have_attribute("href", re.compile(r"^/sandbox/files/"))
    expect(declaration).to_contain_text("application/pdf")
    card = bot_message(pane, "Hồ sơ HS-0001")
    card.get_by_role("button", name="Duyệt").click()
    expect(card).to_contain_text("✅ Duyệt — Cán bộ Hòa")
    expect(card.get_by_role("button")).to_have_count(0)
    expect(page.locator(".toast", has_text="Bạn chọn Duyệt")).to_be_visible()
    # the citizen's pane is untouched by the group
    expect(citizen_pane(page).locator(".messages > li")).to_have_count(0)


def test_the_page_reconnects_after_the_server_restarts(page, sandbox):
    pane = citizen_pane(page)
    send(pane, "trước khi mất mạng")
    expect(bot_message(pane, "Bạn viết: trước khi mất mạng")).to_be_visible()
    sandbox.run(sandbox.server.stop())
    expect(pane.locator(".status")).to_contain_text("mất kết nối")
    sandbox.run(sandbox.server.start())
    expect(pane.locator(".status")).to_have_text("bot @motcua_page_bot", timeout=15_000)
    send(pane, "sau khi có mạng lại")
    expect(bot_message(pane, "Bạn viết: sau khi có mạng lại")).to_be_visible(timeout=15_000)
    expect(bot_message(pane, "Bạn viết: trước khi mất mạng")).to_have_count(1)


def _fill_for_screenshots(page: Any) -> None:
    citizen, group = citizen_pane(page), group_pane(page)
    citizen.get_by_role("button", name="/start").click()
    expect(bot_message(citizen, "Xin chào Chị Lan!")).to_be_visible()
    send(citizen, "/menu")
    expect(bot_message(citizen, "Bạn có đồng ý")).to_be_visible()
    citizen.locator(".file-input").set_input_files([
        {"name": "a.png", "mimeType": "image/png", "buffer": png((640, 480), (30, 110, 170))},
        {"name": "b.png", "mimeType": "image/png", "buffer": png((480, 640), (190, 120, 40))},
    ])
    expect(bot_message(citizen, "Đã nhận ảnh 480×640")).to_be_visible()
    group.get_by_role("button", name="/pending").click()
    expect(bot_message(group, "Hồ sơ HS-0001")).to_be_visible()
    send(group, "Ảnh giấy chứng sinh bị mờ")
    expect(bot_message(group, "Đã ghi nhận ý kiến")).to_be_visible()


def test_layout_side_by_side_on_desktop_and_tabs_on_a_phone(page, open_page, artifacts):
    _fill_for_screenshots(page)
    expect(page.get_by_role("tablist")).to_be_hidden()
    for pane in (citizen_pane(page), group_pane(page)):
        gap = pane.locator(".messages").evaluate("list => list.scrollHeight - list.scrollTop - list.clientHeight")
        assert gap < 2, f"{pane} is scrolled {gap}px above the newest message"
    citizen_box = citizen_pane(page).bounding_box()
    group_box = group_pane(page).bounding_box()
    assert citizen_box["x"] + citizen_box["width"] <= group_box["x"]
    assert abs(citizen_box["y"] - group_box["y"]) < 2
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / "page-desktop-1280x800.png"))

    phone = open_page(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    tabs = phone.get_by_role("tablist")
    expect(tabs).to_be_visible()
    expect(citizen_pane(phone)).to_be_visible()
    expect(group_pane(phone)).to_be_hidden()
    expect(citizen_pane(phone).get_by_text("Chụp ảnh")).to_be_attached()
    expect(citizen_pane(phone).locator(".camera-input")).to_have_attribute("capture", "environment")
    expect(bot_message(citizen_pane(phone), "Đã nhận ảnh 480×640")).to_be_visible()
    phone.wait_for_timeout(300)
    phone.screenshot(path=str(artifacts / "page-phone-390x844-citizen.png"))
    box = phone.locator("body").bounding_box()
    assert box["width"] <= PHONE["width"]

    send(group_pane(page), "tin mới cho tab")
    expect(tabs.get_by_role("tab", name="Nhóm cán bộ").locator(".badge")).to_have_text("1")
    tabs.get_by_role("tab", name="Nhóm cán bộ").click()
    expect(group_pane(phone)).to_be_visible()
    expect(citizen_pane(phone)).to_be_hidden()
    expect(bot_message(group_pane(phone), "Hồ sơ HS-0001")).to_be_visible()
    phone.wait_for_timeout(300)
    phone.screenshot(path=str(artifacts / "page-phone-390x844-group.png"))
