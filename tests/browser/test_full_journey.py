"""The whole journey in a browser, against the real service started as ``python main.py`` starts it with no
token: a citizen files a birth registration through the chat page (buttons, typed answers, photos picked
from disk), and an official accepts and approves it from the officials' group pane.

Screenshots go to tests/artifacts/journey-*.png. The README's picture of the sandbox is taken once the
official has accepted the dossier (the citizen's QR receipt on the left, the dossier's photos and card on
the right) as tests/artifacts/journey-readme.png, and copied to the committed docs/sandbox.png when that
is missing or when UPDATE_DOCS=1 is set (every run differs in its dates and codes, so a plain test run
leaves the committed picture alone).
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests import imagegen
from sandbox.tests.browser.support import DESKTOP
from tests.e2e.chat import BIRTH_ANSWERS, BIRTH_CHILD, BIRTH_FINISH, BIRTH_PARENTS

DOCS = Path(__file__).resolve().parents[2] / "docs"
README_SCREENSHOT = DOCS / "sandbox.png"
README_SCREENSHOT_LIMIT = 400 * 1024
PHOTO_TIMEOUT = 45_000  # the real bot checks each photo's quality before answering


@pytest.fixture
def photos(tmp_path: Path) -> dict[str, Path]:
    """The citizen's photos on disk, as a phone's gallery would hold them."""
    folder = tmp_path / "anh"
    folder.mkdir()
    pictures = {
        "cccd-mat-truoc.jpg": imagegen.document_photo(seed=1, title="CĂN CƯỚC — MẶT TRƯỚC"),
        "cccd-mat-sau.jpg": imagegen.document_photo(seed=2, title="CĂN CƯỚC — MẶT SAU"),
        "giay-chung-sinh.jpg": imagegen.document_photo(seed=4, title="GIẤY CHỨNG SINH"),
    }
    paths = {}
    for name, data in pictures.items():
        (folder / name).write_bytes(data)
        paths[name] = folder / name
    return paths


def send(pane: Any, text: str) -> None:
    box = pane.get_by_role("textbox", name="Tin nhắn")
    box.fill(text)
    box.press("Enter")


def said(pane: Any, text: str) -> Any:
    """The messages of others (here, the bot's) containing ``text`` (case-sensitive)."""
    return pane.locator(".msg.in", has_text=re.compile(re.escape(text)))


def bot_says(pane: Any, text: str) -> Any:
    """The newest of the bot's messages containing ``text``."""
    return said(pane, text).last


def then_bot_says(pane: Any, act: Any, expected: str, timeout: float | None = None) -> None:
    """Do ``act()`` and wait for one more of the bot's messages containing ``expected`` than before."""
    seen = said(pane, expected).count()
    act()
    expect(said(pane, expected).nth(seen)).to_be_visible(timeout=timeout)


def answer(pane: Any, text: str, expected: str) -> None:
    """Type an answer and wait for the bot's next question."""
    then_bot_says(pane, lambda: send(pane, text), expected)


def tap(pane: Any, label: str, expected: str) -> None:
    """Tap a button of the bot's newest message offering it and wait for the bot's answer."""
    button = pane.locator(".msg.in").get_by_role("button", name=label, exact=True).last
    then_bot_says(pane, button.click, expected)


def attach(pane: Any, files: Any, expected: str) -> None:
    """Pick files with the page's file input and wait for the bot's answer."""
    then_bot_says(pane, lambda: pane.locator(".file-input").set_input_files(files), expected, PHOTO_TIMEOUT)


def shoot(page: Any, artifacts: Path, name: str) -> None:
    page.wait_for_timeout(300)  # let images decode and the lists settle at the bottom
    page.screenshot(path=str(artifacts / f"journey-{name}.png"))


def save_readme_screenshot(page: Any, group: Any, artifacts: Path) -> None:
    """Save the README's picture at 1280×800 with the group pane scrolled to the dossier's photos and card
    (reduced to a palette if the full-colour PNG is too heavy), then scroll the pane back down."""
    expect(page.locator(".toast")).to_have_count(0)  # the notices of the official's taps have faded
    group.locator(".msg.in .album").last.evaluate("""album => {
        const item = album.closest("li"), list = item.closest(".messages");
        list.scrollTop += item.getBoundingClientRect().top - list.getBoundingClientRect().top - 8;
    }""")
    page.wait_for_timeout(300)
    picture = artifacts / "journey-readme.png"
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    assert image.size == (DESKTOP["width"], DESKTOP["height"])
    image.save(picture, format="PNG", optimize=True)
    if picture.stat().st_size > README_SCREENSHOT_LIMIT:
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
            .save(picture, format="PNG", optimize=True)
    assert picture.stat().st_size <= README_SCREENSHOT_LIMIT
    if os.environ.get("UPDATE_DOCS") == "1" or not README_SCREENSHOT.exists():
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(picture, README_SCREENSHOT)
    group.locator(".messages").evaluate("list => { list.scrollTop = list.scrollHeight; }")


def test_birth_registration_filed_and_approved_through_the_page(service, open_service_page, photos, artifacts):
    page = open_service_page()
    citizen, group = page.locator("#pane-citizen"), page.locator("#pane-group")
    expect(page.get_by_role("combobox", name="Công dân")).to_have_value("1001")
    expect(page.get_by_role("combobox", name="Cán bộ")).to_have_value("2001")
    expect(citizen.locator(".status")).to_have_text("bot @motcua_bot")

    # The citizen opens the menu, picks the procedure, consents and says who they are to the child.
    then_bot_says(citizen, citizen.get_by_role("button", name="/start").click, "Ông/Bà muốn làm thủ tục gì")
    tap(citizen, "Đăng ký khai sinh", "Đồng ý xử lý dữ liệu cá nhân")
    tap(citizen, "✅ Tôi đồng ý", "là gì của cháu bé")
    tap(citizen, "Cha", "Chụp căn cước")
    shoot(page, artifacts, "1-start")

    # Both sides of the ID card, picked from disk at once: they go as one album.
    attach(citizen, [photos["cccd-mat-truoc.jpg"], photos["cccd-mat-sau.jpg"]], "Họ và tên đầy đủ")
    expect(citizen.locator(".msg.out .album img")).to_have_count(2)
    shoot(page, artifacts, "2-id-card")

    for text, expected in BIRTH_ANSWERS:
        answer(citizen, text, expected)
    for kind, text, expected in BIRTH_CHILD:
        (answer if kind == "say" else tap)(citizen, text, expected)
    answer(citizen, "Bệnh viện Đa khoa tỉnh Tây Ninh", "Có khai thông tin người mẹ")
    for kind, text, expected in BIRTH_PARENTS:
        (answer if kind == "say" else tap)(citizen, text, expected)

    attach(citizen, photos["giay-chung-sinh.jpg"], "Đã nhận 1/2 ảnh")
    for kind, text, expected in BIRTH_FINISH:
        (answer if kind == "say" else tap)(citizen, text, expected)
    review = bot_says(citizen, "Xem lại hồ sơ")
    expect(review).to_contain_text("Trần Bảo An")
    shoot(page, artifacts, "3-review")
    tap(citizen, "📨 Gửi hồ sơ", "Mã hồ sơ:")
    receipt = bot_says(citizen, "Mã hồ sơ:")
    code = re.search(r"Mã hồ sơ: (\S+)", receipt.inner_text()).group(1)
    qr = citizen.locator(".msg.in .photo img").last
    expect(qr).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    shoot(page, artifacts, "4-receipt")

    # The official sees the dossier's card with its photos, accepts it, then approves it with a date.
    card = group.locator(".msg.in", has_text=f"Hồ sơ {code}").filter(has_text="Trạng thái:").last
    expect(card).to_contain_text("Mới đăng ký")
    expect(group.locator(".msg.in .album img")).to_have_count(3)
    then_bot_says(citizen, card.get_by_role("button", name="✅ Tiếp nhận").click, "đã được tiếp nhận")
    expect(card).to_contain_text("Trạng thái: Được tiếp nhận")
    expect(card).to_contain_text("Thao tác cuối: Cán bộ Hòa")
    expect(card.locator(".edited")).to_have_text("đã sửa")
    shoot(page, artifacts, "5-accepted")
    save_readme_screenshot(page, group, artifacts)

    then_bot_says(group, card.get_by_role("button", name="🟢 Duyệt, hẹn trả").click, "Xác nhận 🟢 Duyệt, hẹn trả")
    confirm = bot_says(group, "Xác nhận 🟢 Duyệt, hẹn trả").get_by_role("button", name="✔️ Xác nhận")
    then_bot_says(group, confirm.click, "chọn ngày hẹn trả")
    pickup = bot_says(group, "chọn ngày hẹn trả").get_by_role("button", name=re.compile(r"^Hẹn ngày \d\d.\d\d.\d{4}$"))
    then_bot_says(citizen, pickup.click, "đã giải quyết xong")
    expect(bot_says(citizen, "đã giải quyết xong")).to_contain_text(code)
    expect(card).to_contain_text("Trạng thái: Đã xử lý xong")
    expect(card.get_by_role("button", name="📦 Đã trả kết quả")).to_be_visible()
    shoot(page, artifacts, "6-approved")


def test_a_zalo_citizen_chats_with_the_bot_in_the_page(service, open_service_page, photos, artifacts):
    page = open_service_page()
    picker = page.get_by_role("combobox", name="Công dân")
    expect(picker.locator("optgroup[label=Telegram] option")).to_have_text(["Chị Lan", "Anh Minh"])
    expect(picker.locator("optgroup[label=Zalo] option")).to_have_text(["Chị Hoa (Zalo)"])
    picker.select_option(label="Chị Hoa (Zalo)")
    citizen = page.locator("#pane-citizen")
    expect(citizen.locator(".platform")).to_have_text("Zalo")
    expect(citizen.locator(".title")).to_have_text("Một cửa trên Zalo")
    expect(citizen.locator(".empty")).to_contain_text("/start")

    answer(citizen, "/start", "1. Đăng ký khai sinh")
    menu = bot_says(citizen, "1. Đăng ký khai sinh")
    expect(menu).to_contain_text("Gõ số từ 1 đến 5")
    assert "\n1. Đăng ký khai sinh\n2. " in menu.locator(".text").inner_text(), "the numbered menu keeps its lines"
    expect(citizen.locator(".inline-keyboard, .reply-keyboard:not([hidden])")).to_have_count(0)
    answer(citizen, "1", "Đồng ý xử lý dữ liệu cá nhân")
    expect(bot_says(citizen, "Đồng ý xử lý dữ liệu cá nhân")).to_contain_text("1. ✅ Tôi đồng ý")
    shoot(page, artifacts, "zalo-menu")
    answer(citizen, "1", "là gì của cháu bé")
    answer(citizen, "mẹ", "Chụp căn cước")

    # Zalo has no albums: two photos picked at once go one by one, and the bot takes both.
    attach(citizen, [photos["cccd-mat-truoc.jpg"], photos["cccd-mat-sau.jpg"]], "Họ và tên đầy đủ")
    expect(citizen.locator(".msg.out .photo img")).to_have_count(2)
    expect(citizen.locator(".msg.out .album")).to_have_count(0)
    shoot(page, artifacts, "zalo-photos")

    # A file that is not an image cannot reach a Zalo bot: it only learns that something it cannot read came.
    attach(citizen, {"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%%EOF\n"},
           "Hệ thống chưa nhận được loại tin nhắn này")
    expect(page.locator(".toast", has_text="Zalo không chuyển tệp")).to_be_visible()
    expect(citizen.locator(".msg.out", has_text="không đọc được")).to_be_visible()

    # The chat survives a reload (read afresh from the Zalo client API, in order), and the choice too.
    page.reload()
    expect(picker).to_have_value("zalo:zalo-3001")
    expect(bot_says(citizen, "Họ và tên đầy đủ")).to_be_visible()
    texts = citizen.locator(".msg .text").all_inner_texts()
    assert texts.index("/start") < texts.index("1") < texts.index("mẹ"), texts
