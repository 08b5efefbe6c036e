"""Routing by competence on the real host (main.build, SQLite, bot/offices.yaml's two offices): a filing goes to
the office of the commune its flow names (birth: the mother's, else the father's residence; household business:
the head office), the review and the receipt say which, and a commune no office here serves is told where to
file and never becomes a dossier.

bot/offices.yaml: Phường Tân Ninh (25459) is unit 000.00.59.H80, Xã Tân Biên (25486) is unit 000.00.86.H80; Xã Tân
Phú (Tây Ninh) and Phường Hoàn Kiếm (Hà Nội) are served by neither.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.desk import Desk
from bot.engine import Engine
from bot.engine.routing import Route
from bot.offices import load_offices
from tests.client import CitizenHandle, Client, Seen

TAN_NINH = ["Tây Ninh", "tan ninh", "Số 5 Lê Lợi"]
TAN_BIEN = ["Tây Ninh", "tan bien", "Số 8 Lý Thường Kiệt"]
TAN_PHU = ["Tây Ninh", "tan phu", "Ấp 3, số 12"]  # Xã Tân Phú, Tây Ninh: no office here
HOAN_KIEM = ["Hà Nội", "hoan kiem", "7 Hàng Bông"]  # Phường Hoàn Kiếm, Hà Nội: no office here
PORTAL = "https://dichvucong.gov.vn"


def birth_script(requester: list[str], mother: list[str] | None) -> dict[str, list[str]]:
    """The father files; the mother lives at ``mother`` (None: unknown); the father's residence is his own."""
    script = {
        "consent": ["press:a:consent:yes"],
        "relationship": ["press:a:relationship:father"],
        "requester_id_card": ["album"],
        "requester_name": ["Trần Văn Bình"],
        "requester_id": ["001093012345"],
        "requester_residence": requester,
        "requester_phone": ["0912345678"],
        "child_name": ["Trần Bảo An"],
        "child_sex": ["press:a:child_sex:female"],
        "child_dob": ["01/03/2026"],
        "child_birthplace": ["Tây Ninh", "tân ninh", "Bệnh viện Đa khoa tỉnh Tây Ninh"],
        "mother_known": ["press:a:mother_known:" + ("yes" if mother else "no")],
        "mother_name": ["Lê Thị Hoa"],
        "mother_nationality": ["Việt Nam"],
        "mother_dob": ["1995"],
        "mother_ethnicity": ["Kinh"],
        "mother_residence": mother or [],
        "mother_id": ["001195012345"],
        "father_is_requester": ["press:a:father_is_requester:yes"],
        "father_nationality": ["Việt Nam"],
        "father_dob": ["1993"],
        "father_ethnicity": ["Kinh"],
        "parents_married": ["press:a:parents_married:yes"],
        "father_hometown": ["Tây Ninh", "tan hung", "bỏ qua"],
        "child_ethnicity": ["Kinh"],
        "child_nationality": ["Việt Nam"],
        "child_hometown": ["Tây Ninh", "tan hung", "bỏ qua"],
        "has_birth_certificate": ["press:a:has_birth_certificate:yes"],
        "birth_certificate": ["photo", "press:d:birth_certificate"],
        "marriage_certificate": ["press:Bỏ qua"],
        "extract_copies": ["0"],
        "result_delivery": ["press:a:result_delivery:office"],
        "linked_procedure": ["press:a:linked_procedure:no"],
    }
    return script


def business_script(head_office: list[str]) -> dict[str, list[str]]:
    """One person registers a household business whose head office is at ``head_office``."""
    return {
        "consent": ["press:a:consent:yes"],
        "founder_type": ["press:a:founder_type:individual"],
        "owner_id_card": ["album"],
        "owner_name": ["Võ Thị Cúc"],
        "owner_dob": ["05/04/1990"],
        "owner_sex": ["press:a:owner_sex:female"],
        "owner_ethnicity": ["Kinh"],
        "owner_nationality": ["Việt Nam"],
        "owner_id": ["079190012345"],
        "owner_permanent_address": TAN_NINH,
        "owner_contact_address": ["press:pl:owner_contact_address:s:owner_permanent_address"],
        "owner_phone": ["0901234567"],
        "owner_email": ["không có"],
        "business_name": ["bánh mì cô ba"],
        "business_address": head_office,
        "business_phone": ["0901234567"],
        "other_locations": ["press:a:other_locations:none"],
        "main_line": ["5610"],
        "other_lines": ["press:k:other_lines"],
        "capital": ["50 triệu"],
        "revenue_band": ["press:a:revenue_band:upto_500m"],
        "employees": ["2"],
        "start_date": ["01/04/2026"],
        "premises_proof": ["press:k:premises_proof"],
        "commitments": ["press:a:commitments:confirmed"],
    }


async def fill(citizen: CitizenHandle, script: dict[str, list[str]], until: str = "review") -> dict[str, str]:
    """Answer whatever step the filing is at from ``script`` until ``until``; return what each step's last input
    made the citizen see (by step)."""
    desk = citizen.client.services.desk
    seen: dict[str, str] = {}
    for _ in range(200):
        step = desk.session(citizen.who).step
        if step == until:
            return seen
        assert step in script, f"the filing asks {step!r}, which the script does not answer"
        for item in script.pop(step):
            reply = await send(citizen, item)
        seen[step] = reply.text
    raise AssertionError("the filing never reached " + until)


async def send(citizen: CitizenHandle, item: str) -> Seen:
    if item == "album":
        return await citizen.album({"kind": "document", "seed": 1, "title": "MẶT TRƯỚC"}, {"kind": "document", "seed": 2, "title": "MẶT SAU"})
    if item == "photo":
        return await citizen.photo({"kind": "document", "seed": 4})
    if item.startswith("press:"):
        return await citizen.click(item.removeprefix("press:"))
    return await citizen.send(item)


async def start(client: Client, flow: str, user: int = 1001) -> CitizenHandle:
    citizen = client.citizen(user)
    await citizen.send("/start")
    await citizen.click(f"m:{flow}")
    return citizen


def dossier_count(client: Client) -> int:
    return client.services.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]


def code_of(seen: Seen) -> str:
    assert "Mã hồ sơ: " in seen.text, seen.text
    return seen.text.split("Mã hồ sơ: ")[1].split()[0]


@pytest.fixture
def client(tmp_path: Path):
    client = Client(tmp_path)
    yield client
    client.close()


async def test_a_mother_in_tan_ninh_files_with_tan_ninh(client: Client) -> None:
    """The mother lives in Phường Tân Ninh: the review names its centre, the receipt code is its unit's."""
    citizen = await start(client, "birth_registration")
    seen = await fill(citizen, birth_script(TAN_NINH, TAN_NINH))
    review = seen["linked_procedure"]
    assert "Hồ sơ sẽ được gửi đến: Trung tâm Phục vụ hành chính công phường Tân Ninh – Số 1 đường Trung tâm, phường Tân Ninh" in review
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.59.H80-260310-")
    assert "Nơi tiếp nhận: Trung tâm Phục vụ hành chính công phường Tân Ninh" in receipt
    assert "Địa chỉ: Số 1 đường Trung tâm, phường Tân Ninh, tỉnh Tây Ninh" in receipt
    assert "Giờ làm việc: Thứ Hai – Thứ Sáu" in receipt
    office = client.services.db.execute("SELECT office_code FROM dossiers").fetchone()[0]
    assert office == "000.00.59.H80"


async def test_a_father_alone_in_tan_bien_files_with_tan_bien(client: Client) -> None:
    """The mother is unknown and the father (filing) lives in Xã Tân Biên: Tân Biên's unit code and centre."""
    citizen = await start(client, "birth_registration")
    seen = await fill(citizen, birth_script(TAN_BIEN, None))
    assert "Hồ sơ sẽ được gửi đến: Trung tâm Phục vụ hành chính công xã Tân Biên" in seen["linked_procedure"]
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.86.H80-260310-0001")
    assert "Nơi tiếp nhận: Trung tâm Phục vụ hành chính công xã Tân Biên" in receipt


async def test_the_father_decides_when_the_mothers_commune_is_not_served(client: Client) -> None:
    """The mother lives in Xã Tân Phú (not served), the father in Xã Tân Biên: Tân Biên receives it, and the
    citizen is not told "not served" after the mother's residence, the father's being still to come."""
    citizen = await start(client, "birth_registration")
    seen = await fill(citizen, birth_script(TAN_BIEN, TAN_PHU))
    assert "không tiếp nhận" not in seen["mother_residence"]
    assert "không tiếp nhận" not in seen["father_is_requester"]
    assert "Hồ sơ sẽ được gửi đến: Trung tâm Phục vụ hành chính công xã Tân Biên" in seen["linked_procedure"]
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.86.H80-")


async def test_no_served_commune_is_told_where_to_file_and_can_correct_the_address(client: Client) -> None:
    """Both parents outside the deployment: told at once (the portal, a button to correct), the review offers no
    send, "gửi" files nothing; corrected to Phường Tân Ninh, the dossier goes there."""
    citizen = await start(client, "birth_registration")
    seen = await fill(citizen, birth_script(HOAN_KIEM, TAN_PHU))
    note = seen["father_ethnicity"]  # then the father's residence, copied from his own, was the last that decides
    assert "Hệ thống này không tiếp nhận hồ sơ" in note and PORTAL in note
    assert "Nơi cư trú mẹ: Xã Tân Phú, Tây Ninh" in note and "Nơi cư trú cha: Phường Hoàn Kiếm, Thành phố Hà Nội" in note
    assert "đã đăng ký kết hôn chưa" in note, "the next question follows the note"
    review = citizen.messages[-1]
    assert "không tiếp nhận hồ sơ" in review.text and PORTAL in review.text
    assert "Trung tâm Phục vụ hành chính công của một trong các xã, phường đó" in review.text
    assert "r:send" not in [data for row in review.buttons for _, data in row]
    assert "✏️ Sửa “Nơi cư trú mẹ”" in review.labels and "✏️ Sửa “Nơi cư trú cha”" in review.labels

    refused = await citizen.send("gửi")
    assert "Hồ sơ chưa được gửi" in refused and "Mã hồ sơ" not in refused
    assert dossier_count(client) == 0
    assert client.services.desk.session(citizen.who).step == "review"

    await citizen.click("✏️ Sửa “Nơi cư trú mẹ”")
    for text in TAN_NINH:
        corrected = await citizen.send(text)
    assert "Hồ sơ sẽ được gửi đến: Trung tâm Phục vụ hành chính công phường Tân Ninh" in corrected
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.59.H80-")
    assert dossier_count(client) == 1


async def test_the_address_can_be_corrected_right_after_the_note(client: Client) -> None:
    """The note's button takes the citizen back to the address; corrected, the filing goes on where it was."""
    citizen = await start(client, "birth_registration")
    script = birth_script(HOAN_KIEM, TAN_PHU)
    await fill(citizen, script, until="parents_married")
    await citizen.click("✏️ Sửa “Nơi cư trú cha”")
    assert client.services.desk.session(citizen.who).step == "father_residence"
    for text in TAN_BIEN:
        seen = await citizen.send(text)
    assert "đã đăng ký kết hôn chưa" in seen and "không tiếp nhận" not in seen
    await fill(citizen, script)
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.86.H80-")


async def test_the_refusal_help_names_the_routed_office(client: Client) -> None:
    """Once the answers decide the office, the help after a third refusal gives that office's phone."""
    citizen = await start(client, "birth_registration")
    script = birth_script(TAN_BIEN, None)
    await fill(citizen, script, until="father_hometown")  # the father's residence (his own, Tân Biên) decided
    for _ in range(3):
        seen = await citizen.send("Tỉnh Không Có")
    assert "Ông/Bà có thể gọi UBND xã Tân Biên theo số 0276 000 0002" in seen


async def test_a_household_business_goes_to_its_head_offices_commune(client: Client) -> None:
    """The owner lives in Phường Tân Ninh, the head office is in Xã Tân Biên: Tân Biên receives it."""
    citizen = await start(client, "household_business")
    seen = await fill(citizen, business_script(TAN_BIEN))
    assert "Hồ sơ sẽ được gửi đến: Trung tâm Phục vụ hành chính công xã Tân Biên" in seen["commitments"]
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.86.H80-")
    assert "Lệ phí: 100.000 đ" in receipt


async def test_a_household_business_outside_is_not_filed(client: Client) -> None:
    """A head office in Hà Nội: told after the address, and the review has nothing to send."""
    citizen = await start(client, "household_business")
    seen = await fill(citizen, business_script(HOAN_KIEM))
    assert "Địa chỉ trụ sở: Phường Hoàn Kiếm, Thành phố Hà Nội" in seen["business_address"] and PORTAL in seen["business_address"]
    assert "Trung tâm Phục vụ hành chính công của xã, phường đó" in seen["commitments"]
    assert "Hồ sơ chưa được gửi" in await citizen.send("gửi")
    assert dossier_count(client) == 0


async def test_the_desk_refuses_an_unroutable_submit_even_past_the_engine(client: Client, monkeypatch) -> None:
    """Were the engine to let an unserved filing through, the desk stores nothing and keeps it at the review."""
    citizen = await start(client, "birth_registration")
    await fill(citizen, birth_script(HOAN_KIEM, TAN_PHU))
    monkeypatch.setattr(Engine, "route", lambda self, session, compiled, ctx: Route(client.services.offices.default))
    refused = await citizen.send("gửi")
    assert "Hồ sơ chưa được gửi" in refused and PORTAL in refused and "Mã hồ sơ" not in refused
    assert dossier_count(client) == 0
    session = client.services.desk.session(citizen.who)
    assert session.step == "review" and session.answers["mother_residence"]["commune_code"] == "25549"


def test_the_example_offices_route_the_tests_communes() -> None:
    """The communes these tests name are what bot/offices.yaml serves (and does not)."""
    offices = load_offices()
    assert offices.for_commune("25459").code == "000.00.59.H80"
    assert offices.for_commune("25486").code == "000.00.86.H80"
    assert offices.for_commune("25549") is None and offices.for_commune("00070") is None


def test_a_desk_given_one_office_without_commune_routes_nothing() -> None:
    """A desk may be given one office (tests): with no commune code, every filing goes to it, none is refused."""
    office = replace(load_offices()[0], commune="")
    desk = Desk(db=None, engine=None, blobs=None, office=office)  # type: ignore[arg-type]
    assert desk.offices is not None and list(desk.offices) == [office] and desk.office == office
    assert desk.context(None).office_for is None  # type: ignore[arg-type]



async def test_a_business_name_is_checked_in_the_routed_office_once_known(client: Client) -> None:
    """A name approved in Xã Tân Biên: asked before the head office, it is checked in the default office (Tân Ninh,
    free); changed at the review once the head office in Tân Biên decides, it is checked there and refused."""
    from storage.dossiers import create_dossier

    create_dossier(client.services.db, office_code="000.00.86.H80", channel="test", user_id="other", flow_id="household_business",
                   flow_version=2, answers={"business_name": "Hộ kinh doanh Bánh Mì Cô Ba"}, shown={}, consent={},
                   submitted_at=client.now, expected_on=client.now.date(), status=10)
    citizen = await start(client, "household_business")
    await fill(citizen, business_script(TAN_BIEN))
    await citizen.click("r:edit")
    await citizen.click("es:business")
    await citizen.click("e:business_name")
    refused = await citizen.send("bánh mì cô ba")
    assert "đã có hộ kinh doanh khác đăng ký" in refused


async def test_a_business_name_taken_in_the_routed_office_is_asked_again_at_sending(client: Client) -> None:
    """A name approved in Xã Tân Biên, typed before the head office (then checked in Tân Ninh, where it is free): at
    sending, Tân Biên receives the filing, so the citizen is told the name is taken there, no dossier is made, and
    after a new name the filing is back at the review with every other answer kept, and goes."""
    from storage.dossiers import create_dossier, get_dossier_by_id

    create_dossier(client.services.db, office_code="000.00.86.H80", channel="test", user_id="other", flow_id="household_business",
                   flow_version=2, answers={"business_name": "Hộ kinh doanh Bánh Mì Cô Ba"}, shown={}, consent={},
                   submitted_at=client.now, expected_on=client.now.date(), status=10)
    citizen = await start(client, "household_business")
    seen = await fill(citizen, business_script(TAN_BIEN))
    assert "đã có hộ kinh doanh khác đăng ký" not in seen["business_name"]
    refused = await citizen.click("r:send")
    assert "Tên “Hộ kinh doanh Bánh Mì Cô Ba” đã có hộ kinh doanh khác đăng ký" in refused and "Mã hồ sơ" not in refused
    assert dossier_count(client) == 1  # only the approved one
    assert client.services.desk.session(citizen.who).step == "business_name"
    again = await citizen.send("bánh mì cô ba tân biên")
    assert client.services.desk.session(citizen.who).step == "review", again.text
    receipt = await citizen.click("r:send")
    assert code_of(receipt).startswith("000.00.86.H80-")
    dossier = get_dossier_by_id(client.services.db, 2)
    assert dossier is not None and dossier.answers["business_name"] == "Hộ kinh doanh Bánh Mì Cô Ba Tân Biên"
    assert dossier.answers["capital"] and dossier.answers["business_address"]["commune_code"] == "25486"
