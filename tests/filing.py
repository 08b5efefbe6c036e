"""Steps a citizen takes in the chat to file a procedure, for tests on the in-process client."""

from __future__ import annotations

from tests.client import CitizenHandle
from tests.e2e.chat import BIRTH_CHILD, BIRTH_FINISH, BIRTH_PARENTS

BIRTH_ANSWERS = [
    ("Trần Văn Bình", "Số định danh"),
    ("001093012345", "Nơi cư trú hiện nay"),
    ("Tây Ninh", "Ông/Bà gõ tên xã, phường"),
    ("tan ninh", "Địa chỉ: Phường Tân Ninh, Tây Ninh"),
    ("Số 5 Lê Lợi", "Số điện thoại"),
    ("0912345678", "Họ và tên của cháu"),
    ("Trần Bảo An", "Giới tính"),
]


async def say(citizen: CitizenHandle, text: str, expect: str):
    """Type text; the reply must contain ``expect``."""
    seen = await citizen.send(text)
    assert expect in seen, f"after {text!r} expected {expect!r} in:\n{seen.text}"
    return seen


async def press(citizen: CitizenHandle, label: str, expect: str):
    """Press a button; the reply must contain ``expect``."""
    seen = await citizen.click(label)
    assert expect in seen, f"after pressing {label!r} expected {expect!r} in:\n{seen.text}"
    return seen


async def begin_birth_registration(citizen: CitizenHandle, relationship: str = "Cha") -> None:
    """Open a birth registration and reach the ID card photos."""
    await say(citizen, "/start", "Ông/Bà muốn làm thủ tục gì")
    await press(citizen, "Đăng ký khai sinh", "Đồng ý xử lý dữ liệu cá nhân")
    await press(citizen, "✅ Tôi đồng ý", "là gì của cháu bé")
    await press(citizen, relationship, "Chụp căn cước")


async def file_birth_registration(citizen: CitizenHandle, *, birthplace: str = "Bệnh viện Đa khoa tỉnh Tây Ninh",
                                  blurry_first: bool = False) -> str:
    """File a birth registration from /start to the receipt; return the receipt code."""
    await begin_birth_registration(citizen)
    seen = await citizen.album({"kind": "document", "seed": 1, "title": "MẶT TRƯỚC"}, {"kind": "document", "seed": 2, "title": "MẶT SAU"})
    assert "Họ và tên đầy đủ" in seen, seen.text
    for text, expect in BIRTH_ANSWERS:
        await say(citizen, text, expect)
    for kind, text, expect in BIRTH_CHILD:
        await (say if kind == "say" else press)(citizen, text, expect)
    await say(citizen, birthplace, "Có khai thông tin người mẹ")
    for kind, text, expect in BIRTH_PARENTS:
        await (say if kind == "say" else press)(citizen, text, expect)
    if blurry_first:
        assert "bị mờ" in await citizen.photo({"kind": "blurry", "seed": 3})
    assert "Đã nhận 1/2 ảnh" in await citizen.photo({"kind": "document", "seed": 4})
    for kind, text, expect in BIRTH_FINISH:
        await (say if kind == "say" else press)(citizen, text, expect)
    receipt = await press(citizen, "📨 Gửi hồ sơ", "Mã hồ sơ:")
    assert receipt.last.photo, "the receipt's QR code follows the receipt"
    return receipt.text.split("Mã hồ sơ: ")[1].split()[0]
