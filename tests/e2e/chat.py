"""Steps a citizen and an official take in the chat, shared by the end-to-end tests."""

from __future__ import annotations

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
    await say(citizen, "/start", "Anh/chị muốn làm thủ tục gì")
    await press(citizen, "Đăng ký khai sinh", "Đồng ý xử lý dữ liệu cá nhân")
    await press(citizen, "✅ Tôi đồng ý", "là gì của cháu bé")
    await press(citizen, relationship, "Chụp căn cước")


async def file_birth_registration(citizen: UserHandle, *, birthplace: str = "Bệnh viện Đa khoa tỉnh Tây Ninh", blurry_first: bool = True) -> str:
    """File a birth registration from /start to the receipt; return the receipt code."""
    await begin_birth_registration(citizen)
    await citizen.send_album([imagegen.document_photo(seed=1, title="MẶT TRƯỚC"), imagegen.document_photo(seed=2, title="MẶT SAU")])
    await citizen.wait_for("Họ và tên đầy đủ", timeout=20)
    for text, expect in BIRTH_ANSWERS:
        await say(citizen, text, expect)
    await press(citizen, "Nữ", "Ngày sinh của cháu")
    await say(citizen, "01/03/2026", "Nơi sinh")
    await say(citizen, "Tây Ninh", "Ông/Bà gõ tên xã, phường")
    await say(citizen, "tân ninh", "Nơi sinh: Phường Tân Ninh")
    await say(citizen, birthplace, "Dân tộc của cháu")
    await press(citizen, "Kinh", "Quốc tịch của cháu")
    await press(citizen, "Việt Nam", "Quê quán")
    await say(citizen, "Tây Ninh", "Ông/Bà gõ tên xã, phường")
    await say(citizen, "tan hung", "Quê quán: Xã Tân Hưng")
    await say(citizen, "bỏ qua", "Họ và tên của mẹ")
    await say(citizen, "Lê Thị Hoa", "Ngày sinh của mẹ")
    await say(citizen, "1995", "Dân tộc của mẹ")
    await say(citizen, "Kinh", "Quốc tịch của mẹ")
    await say(citizen, "Việt Nam", "Nơi cư trú của mẹ")
    await say(citizen, "Tây Ninh", "Ông/Bà gõ tên xã, phường")
    await say(citizen, "tan ninh", "Địa chỉ: Phường Tân Ninh")
    await say(citizen, "Số 5 Lê Lợi", "Số định danh cá nhân (12 số) của mẹ")
    await say(citizen, "001195012345", "thông tin người cha")
    await press(citizen, "Chưa xác định được cha", "Giấy chứng sinh")
    await press(citizen, "Có", "Chụp Giấy chứng sinh")
    if blurry_first:
        await citizen.send_photo(imagegen.document_photo(seed=3, blur=6.0))
        await citizen.wait_for("bị mờ", timeout=20)
    await citizen.send_photo(imagegen.document_photo(seed=4))
    await citizen.wait_for("Đã nhận 1/2 ảnh", timeout=20)
    await press(citizen, "✅ Xong (1 ảnh)", "Xem lại hồ sơ")
    await citizen.click("📨 Gửi hồ sơ")
    receipt = await citizen.wait_for("Mã hồ sơ:", timeout=15)
    await citizen.wait_for(lambda m: bool(m.get("photo")), timeout=15)
    return receipt["text"].split("Mã hồ sơ: ")[1].split()[0]


async def card_of(official: UserHandle, code: str) -> dict:
    """Return the newest version of a dossier's card in the admin chat."""
    messages = await official.messages(ADMIN_CHAT)
    cards = [m for m in messages if (m.get("from") or {}).get("is_bot") and f"Hồ sơ {code}" in (m.get("text") or "") and "Trạng thái:" in (m.get("text") or "")]
    assert cards, f"no card for {code} in the admin chat"
    return cards[-1]


async def act(official: UserHandle, code: str, label: str) -> dict:
    """Press an action button on a dossier's card; return the press with the bot's answer."""
    card = await card_of(official, code)
    return await official.click(label, chat_id=ADMIN_CHAT, message_id=card["message_id"])


def button_labels(message: dict) -> list[str]:
    """Return the labels of a message's inline buttons."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button["text"] for row in rows for button in row]
