"""Steps a citizen and an official take in the chat, shared by the end-to-end tests."""

from __future__ import annotations

import asyncio

from sandbox.client import UserHandle
from tests import imagegen

ADMIN_CHAT = -1001
BIRTH_ANSWERS = [
    ("Trần Văn Bình", "Số định danh"),
    ("001093012345", "Nơi cư trú hiện nay"),
    ("Tây Ninh", "Ông/Bà gõ tên xã, phường"),
    ("tan ninh", "Địa chỉ: Phường Tân Ninh, Tây Ninh"),
    ("Số 5 Lê Lợi", "Số điện thoại"),
    ("0912345678", "Họ và tên của cháu"),
    ("Trần Bảo An", "Giới tính"),
]
# The child's sex, date of birth and place of birth (province, commune), up to the facility's name.
BIRTH_CHILD = [
    ("press", "Nữ", "Ngày sinh của cháu"),
    ("say", "01/03/2026", "Nơi sinh"),
    ("say", "Tây Ninh", "Ông/Bà gõ tên xã, phường"),
    ("say", "tân ninh", "Nơi sinh: Phường Tân Ninh"),
]
# After the child's place of birth, the father filing: the mother declared, his own details used for the
# father's section, parents married; then the child's ethnicity, nationality, hometown; up to the certificate photo.
BIRTH_PARENTS = [
    ("press", "Có", "Họ và tên của mẹ"),
    ("say", "Lê Thị Hoa", "Quốc tịch của mẹ"),
    ("say", "Việt Nam", "Ngày sinh của mẹ"),
    ("say", "1995", "Dân tộc của mẹ"),
    ("say", "Kinh", "Nơi cư trú của mẹ"),
    ("say", "Tây Ninh", "Ông/Bà gõ tên xã, phường"),
    ("say", "tan ninh", "Địa chỉ: Phường Tân Ninh"),
    ("say", "Số 5 Lê Lợi", "Số định danh cá nhân (12 số) của mẹ"),
    ("say", "001195012345", "là cha của trẻ"),
    ("press", "Có, dùng thông tin của tôi", "Quốc tịch của cha"),
    ("say", "Việt Nam", "Ngày sinh của cha"),
    ("say", "1993", "Dân tộc của cha"),
    ("say", "Kinh", "đã đăng ký kết hôn chưa"),
    ("press", "Đã đăng ký kết hôn", "Dân tộc của cháu"),
    ("press", "Kinh", "Quốc tịch của cháu"),
    ("press", "Việt Nam", "Quê quán"),
    ("say", "Tây Ninh", "Ông/Bà gõ tên xã, phường"),
    ("say", "tan hung", "Quê quán: Xã Tân Hưng"),
    ("say", "bỏ qua", "Giấy chứng sinh"),
    ("press", "Có", "Chụp Giấy chứng sinh"),
]
# After the birth certificate's photo: no marriage certificate photo, no extract copy, paper result, no linked procedure.
BIRTH_FINISH = [
    ("press", "✅ Xong (1 ảnh)", "Giấy chứng nhận kết hôn"),
    ("press", "Bỏ qua", "bản sao trích lục"),
    ("press", "0", "nhận kết quả"),
    ("press", "Nhận bản giấy tại cơ quan", "liên thông"),
    ("press", "Không, chỉ đăng ký khai sinh", "Xem lại hồ sơ"),
]


async def say(person: UserHandle, text: str, expect: str, chat_id: int | None = None) -> dict:
    """Send text and wait for the bot's reply containing ``expect``."""
    await person.send(text, chat_id=chat_id)
    return await person.wait_for(expect, chat_id=chat_id, timeout=15)


async def press(person: UserHandle, label: str, expect: str, chat_id: int | None = None, message_id: int | None = None) -> dict:
    """Press a button and wait for the bot's reply (or edit) containing ``expect``."""
    await person.click(label, chat_id=chat_id, message_id=message_id)
    return await person.wait_for(expect, chat_id=chat_id, timeout=15)


async def begin_birth_registration(citizen: UserHandle, relationship: str = "Cha") -> None:
    """Open a birth registration and reach the ID card photos."""
    await say(citizen, "/start", "Ông/Bà muốn làm thủ tục gì")
    await press(citizen, "Đăng ký khai sinh", "Đồng ý xử lý dữ liệu cá nhân")
    await press(citizen, "✅ Tôi đồng ý", "là gì của cháu bé")
    await press(citizen, relationship, "Chụp căn cước")


def living_in(rows: list, commune: tuple[str, str] | None) -> list:
    """Return the rows with the family's residence (typed "tan ninh", shown "Phường Tân Ninh") moved to another
    commune of Tây Ninh, given as (what is typed, the commune's name shown)."""
    if commune is None:
        return rows
    typed, shown = commune
    return [tuple(shown if part == "Phường Tân Ninh" else part for part in row[:-2])
            + ((typed if row[-2] == "tan ninh" else row[-2]), row[-1].replace("Phường Tân Ninh", shown)) for row in rows]


async def file_birth_registration(citizen: UserHandle, *, birthplace: str = "Bệnh viện Đa khoa tỉnh Tây Ninh", blurry_first: bool = True,
                                  home: tuple[str, str] | None = None, submit: bool = True) -> str:
    """File a birth registration from /start to the receipt (the family living in Phường Tân Ninh, or ``home``);
    return the receipt code (without ``submit``: stop at the review and return its text)."""
    await begin_birth_registration(citizen)
    await citizen.send_album([imagegen.document_photo(seed=1, title="MẶT TRƯỚC"), imagegen.document_photo(seed=2, title="MẶT SAU")])
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    for text, expect in living_in(BIRTH_ANSWERS, home):
        await say(citizen, text, expect)
    for kind, text, expect in BIRTH_CHILD:
        await (say if kind == "say" else press)(citizen, text, expect)
    await say(citizen, birthplace, "Có khai thông tin người mẹ")
    for kind, text, expect in living_in(BIRTH_PARENTS, home):
        await (say if kind == "say" else press)(citizen, text, expect)
    if blurry_first:
        await citizen.send_photo(imagegen.document_photo(seed=3, blur=6.0))
        await citizen.wait_for("bị mờ", timeout=20)
    await citizen.send_photo(imagegen.document_photo(seed=4))
    await citizen.wait_for("Đã nhận 1/2 ảnh", timeout=20)
    for kind, text, expect in BIRTH_FINISH:
        review = await (say if kind == "say" else press)(citizen, text, expect)
    if not submit:
        return review["text"]
    await citizen.click("📨 Gửi hồ sơ")
    receipt = await citizen.wait_for("Mã hồ sơ:", timeout=15)
    await citizen.wait_for(lambda m: bool(m.get("photo")), timeout=15)
    return receipt["text"].split("Mã hồ sơ: ")[1].split()[0]


async def card_of(official: UserHandle, code: str, chat: int = ADMIN_CHAT) -> dict:
    """Return the newest version of a dossier's card in an admin chat (the first office's unless told)."""
    messages = await official.messages(chat)
    cards = [m for m in messages if (m.get("from") or {}).get("is_bot") and f"Hồ sơ {code}" in (m.get("text") or "") and "Trạng thái:" in (m.get("text") or "")]
    assert cards, f"no card for {code} in the admin chat"
    return cards[-1]


async def act(official: UserHandle, code: str, label: str, chat: int = ADMIN_CHAT) -> dict:
    """Press an action button on a dossier's card (once the card, redrawn after the last action, offers it);
    return the press with the bot's answer."""
    deadline = asyncio.get_running_loop().time() + 15
    card = await card_of(official, code, chat)
    while label not in button_labels(card) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
        card = await card_of(official, code, chat)
    return await official.click(label, chat_id=chat, message_id=card["message_id"])


def button_labels(message: dict) -> list[str]:
    """Return the labels of a message's inline buttons."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button["text"] for row in rows for button in row]
