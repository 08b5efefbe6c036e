"""The officials' desk as a commune official uses it (issue 12): the card in the form's sections with its flags
first, captioned photos, what a supplement changed, /find bringing the card back, a confirmation before what
cannot be undone, a line in the group after each action, and prompts that lose their buttons once answered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storage.dossiers import get_dossier
from tests.client import Client
from tests.filing import file_birth_registration, press


@pytest.fixture
def client(tmp_path):
    client = Client(tmp_path)
    yield client
    client.close()


def group_lines(client: Client) -> list[str]:
    """The admin chat's messages that are not cards, prompts or photos (the lines officials read in passing)."""
    return [m.text for m in client.admin if not m.photo and "Trạng thái:" not in m.text]


async def test_the_card_reads_in_sections_with_the_status_first_and_captioned_photos(client):
    code = await file_birth_registration(client.citizen(1001))
    text = client.card(code).text
    headings = [line for line in text.splitlines() if line.startswith("▸ ")]
    assert headings == ["▸ Người yêu cầu", "▸ Trẻ", "▸ Mẹ", "▸ Cha", "▸ Giấy tờ", "▸ Kết quả"], headings
    assert text.index("Trạng thái: Mới đăng ký") < text.index("▸ Người yêu cầu") < text.index("Họ tên trẻ: Trần Bảo An")
    child = text[text.index("▸ Trẻ"):text.index("▸ Mẹ")]
    assert "Họ tên trẻ: Trần Bảo An" in child and "Nơi sinh:" in child, "the child's answers sit under the child's heading"
    assert "hạn giải quyết" in text
    captions = [m.text for m in client.admin if m.photo]
    assert captions == ["Căn cước người yêu cầu (1/2)", "Căn cước người yêu cầu (2/2)", "Giấy chứng sinh"]
    assert text.index("[QR]: lấy từ mã QR") < text.index("Trạng thái:"), "the flags come first"


async def test_irreversible_actions_are_confirmed_by_the_same_official_at_the_cards_version(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa, tam = client.official(2001, "Cán bộ Hòa"), client.official(2002, "Cán bộ Tâm")
    asked = await hoa.click("⛔ Không tiếp nhận", card=code)
    assert f"Xác nhận ⛔ Không tiếp nhận hồ sơ {code}?" in asked
    assert get_dossier(client.services.db, code).state == "new", "nothing happens before the confirmation"
    other = await tam.click("✔️ Xác nhận")
    assert other.alert and "Chỉ cán bộ đã chọn" in other.toast
    cancelled = await hoa.click("Hủy")
    assert "không thay đổi" in cancelled.edited[-1].text and not cancelled.edited[-1].labels

    await hoa.click("✋ Dừng xử lý", card=code)
    confirmation = client.admin[-1]
    await tam.click("✅ Tiếp nhận", card=code)  # the dossier moves on before Hòa confirms
    late = await hoa.click("✔️ Xác nhận")
    assert late.alert and "đã cũ" in late.toast
    assert "không còn hiệu lực" in confirmation.text and not confirmation.labels
    dossier = get_dossier(client.services.db, code)
    assert dossier.state == "accepted" and dossier.reason is None, "an outdated confirmation changes nothing"
    accepted_line = [t for t in group_lines(client) if "đã tiếp nhận hồ sơ" in t]
    assert accepted_line == [f"Cán bộ Tâm đã tiếp nhận hồ sơ {code}."], "no confirmation for what can be undone"


async def test_a_typed_reason_posts_a_line_and_closes_the_prompt_and_a_stale_press_says_so(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("⛔ Không tiếp nhận", card=code)
    await hoa.click("✔️ Xác nhận")
    prompt = client.admin[-1]
    assert "mời nhập lý do" in prompt.text and prompt.labels == ["Hủy"]
    await hoa.write("Sai thẩm quyền: trẻ sinh ở tỉnh khác")
    assert not prompt.labels and "đã nhận thông tin" in prompt.text, "the answered prompt loses its buttons"
    assert f"Cán bộ Hòa đã không tiếp nhận hồ sơ {code}.\nLý do: Sai thẩm quyền: trẻ sinh ở tỉnh khác" in group_lines(client)
    stale = await hoa.press_data(f"ox:{get_dossier(client.services.db, code).id}", prompt)
    assert stale.alert and "đã kết thúc" in stale.toast and "Không có thao tác nào đang chờ" not in stale.toast


async def test_cancel_takes_the_prompts_buttons_away(client):
    code = await file_birth_registration(client.citizen(1001))
    hoa = client.official(2001, "Cán bộ Hòa")
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("📝 Yêu cầu bổ sung", card=code)
    prompt = client.admin[-1]
    assert "Tiếp tục ➡️" in prompt.labels
    assert "Đã hủy thao tác" in await hoa.command("cancel")
    assert not prompt.labels and "Đã hủy" in prompt.text


async def test_a_supplement_comes_captioned_and_the_card_shows_what_changed_until_the_dossier_moves_on(client):
    citizen, hoa = client.citizen(1001), client.official(2001, "Cán bộ Hòa")
    code = await file_birth_registration(citizen)
    await hoa.click("✅ Tiếp nhận", card=code)
    await hoa.click("📝 Yêu cầu bổ sung", card=code)
    await hoa.click("Giấy chứng sinh")
    await hoa.click("Họ tên trẻ")
    await hoa.click("Tiếp tục ➡️")
    await hoa.write("Tên trẻ sai dấu; ảnh giấy chứng sinh mất góc")
    assert "Cần bổ sung:" in client.card(code).text
    await press(citizen, "📝 Bổ sung ngay", "Họ tên")
    await citizen.send("Trần Bảo Ân")
    if "Đúng" in (citizen.messages[-1].labels or []):
        await press(citizen, "Đúng", "Giấy chứng sinh")
    await citizen.photo({"kind": "document", "seed": 5, "title": "GIẤY CHỨNG SINH ĐỦ GÓC"})
    await press(citizen, "✅ Xong (1 ảnh)", "Xem lại hồ sơ")
    await press(citizen, "📨 Gửi hồ sơ", "Đã gửi phần bổ sung")
    album = [m for m in client.admin if m.photo][-1]
    assert album.text == f"Bổ sung cho hồ sơ {code}: Giấy chứng sinh"
    card = client.card(code).text
    assert "Họ tên trẻ: Trần Bảo An → Trần Bảo Ân" in card
    assert "Giấy chứng sinh: ảnh mới thay ảnh cũ" in card
    assert any(f"Công dân đã gửi bổ sung cho hồ sơ {code}" in t for t in group_lines(client)), "the group is told"

    backoffice = client.services.backoffice  # an office that charges for birth registration, to ask for a fee
    office = backoffice.offices.default
    backoffice.offices = backoffice.offices.replaced(replace(office, fees={**office.fees, "birth_registration": 8000}))
    await hoa.click("▶️ Bắt đầu xử lý", card=code)
    await hoa.click("💰 Yêu cầu nộp phí", card=code)
    card = client.card(code).text
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in card
    assert "Cần bổ sung" not in card and "→" not in card and "Tên trẻ sai dấu" not in card, "an old supplement is history"


async def test_find_posts_the_card_again_and_the_new_one_is_the_one_kept_up_to_date(client):
    first = await file_birth_registration(client.citizen(1001))
    second = await file_birth_registration(client.citizen(1002))
    hoa = client.official(2001, "Cán bộ Hòa")
    old = client.card(first)
    found = await hoa.command("find", first)
    new = client.card(first)
    assert new.id != old.id and f"Hồ sơ {first}" in found and "✅ Tiếp nhận" in new.labels
    assert not old.labels and "gửi lại bên dưới" in old.text, "the old card keeps its text, not its buttons"
    again = client.services.backoffice.repost(get_dossier(client.services.db, first))
    assert {e.office for e in again} == {get_dossier(client.services.db, first).office_code}, \
        "the old card is edited where it is, in its office's chat, whichever chat asked"
    await hoa.click("✅ Tiếp nhận", card=first)
    assert "Được tiếp nhận" in new.text and new.edits

    listed = await hoa.command("find", "Trần Bảo An")
    assert "2 hồ sơ" in listed and sorted(listed.last.labels) == sorted([f"📁 {first}", f"📁 {second}"])
    shown = await hoa.click(f"📁 {second}")
    assert f"Hồ sơ {second}" in shown and "Trạng thái: Mới đăng ký" in shown
