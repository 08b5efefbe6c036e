"""A supplement asks exactly the items the officials ticked, in the flow's order, whatever order they were ticked in."""

from __future__ import annotations

from datetime import datetime

from bot.effects import Say, Submit
from bot.engine import KINDS, Context, Engine
from bot.events import ButtonPressed, Citizen, TextReceived
from bot.session import Session
from flows.compiler import load_flows
from flows.validators import VALIDATORS
from locales.catalog import Catalog
from storage.records import Dossier
from tests.test_transcripts import ROOT

PHOTO = {"sha256": "a" * 64, "mime": "image/jpeg", "size": 1, "width": 1600, "height": 1200}
ANSWERS = {
    "consent": "yes", "founder_type": "individual", "owner_name": "Võ Thị Cúc", "owner_dob": "05/04/1990",
    "owner_sex": "female", "owner_ethnicity": "Kinh", "owner_nationality": "Việt Nam", "owner_id": "079190012345",
    "owner_permanent_address": "12 Trần Hưng Đạo, Cần Thơ", "owner_contact_address": "12 Trần Hưng Đạo, Cần Thơ",
    "owner_phone": "0901234567", "owner_email": "", "business_name": "Hộ kinh doanh Cô Ba",
    "business_address": "15 Nguyễn Trãi, Cần Thơ", "business_phone": "0901234567", "other_locations": "none", "main_line": "5610",
    "other_lines": "", "capital": 50000000, "revenue_band": "upto_500m", "employees": 2, "start_date": "01/04/2026", "commitments": "confirmed",
}
PHOTOS = {"owner_id_card": [PHOTO, {**PHOTO, "sha256": "b" * 64}], "premises_proof": []}


def test_items_ticked_out_of_order_are_all_asked_in_flow_order():
    catalog = Catalog()
    engine = Engine(flows=load_flows(ROOT / "flows", catalog.keys(), VALIDATORS, KINDS), catalog=catalog)
    ctx = Context(now=datetime(2026, 3, 10, 10, 0))
    citizen = Citizen("test", "7")
    session = Session(citizen)
    dossier = Dossier(
        id=5, receipt_code="X-260310-0001", office_code="000.00.59.H80", flow_id="household_business", flow_version=2, channel="test",
        user_id="7", status=5, state="supplement_requested", version=2, answers=dict(ANSWERS), shown={},
        consent={"version": "2026-01"}, submitted_at="2026-03-10T10:00:00+07:00", expected_on="2026-03-13",
        updated_at="2026-03-10T03:00:00Z", supplement=["capital", "owner_phone"], reason="sai",
    )
    engine.start_supplement(session, dossier, PHOTOS, ctx)
    assert session.step == "owner_phone"
    engine.handle(session, TextReceived(citizen, "0912345678"), ctx)
    assert session.step == "capital"
    engine.handle(session, TextReceived(citizen, "60 triệu"), ctx)
    assert session.step == "review"
    effects = engine.handle(session, ButtonPressed(citizen, "r:send"), ctx)
    submit = next(e for e in effects if isinstance(e, Submit))
    assert submit.supplement_of == 5
    assert submit.answers["owner_phone"] == "0912345678" and submit.answers["capital"] == 60000000
    assert submit.answers["owner_name"] == "Võ Thị Cúc", "untouched answers are kept"


def test_an_item_asked_for_is_required_even_if_optional_at_filing():
    # The owner's e-mail and the proof of the premises may be left out when filing; once an official asks for
    # them, the citizen gets no "Bỏ qua" button and a typed skip word is refused with the reason.
    catalog = Catalog()
    engine = Engine(flows=load_flows(ROOT / "flows", catalog.keys(), VALIDATORS, KINDS), catalog=catalog)
    ctx = Context(now=datetime(2026, 3, 10, 10, 0))
    citizen = Citizen("test", "7")
    session = Session(citizen)
    dossier = Dossier(
        id=5, receipt_code="X-260310-0001", office_code="X", flow_id="household_business", flow_version=2, channel="test",
        user_id="7", status=5, state="supplement_requested", version=2, answers=dict(ANSWERS), shown={},
        consent={"version": "2026-01"}, submitted_at="2026-03-10T10:00:00+07:00", expected_on="2026-03-13",
        updated_at="2026-03-10T03:00:00Z", supplement=["premises_proof", "owner_email"], reason="thiếu",
    )

    def skip_buttons(effects) -> list[str]:
        return [b.data for e in effects if isinstance(e, Say) for row in e.buttons for b in row if b.data.startswith("k:")]

    asked = engine.start_supplement(session, dossier, PHOTOS, ctx)
    assert session.step == "owner_email" and skip_buttons(asked) == []
    for word in ("không có", "bỏ qua"):
        refused = engine.handle(session, TextReceived(citizen, word), ctx)
        assert session.step == "owner_email" and "supplement-required" in [e.text.params.get("lead", e.text).key for e in refused if isinstance(e, Say)]
    assert session.step == "owner_email"
    assert "supplement-required" in str(engine.handle(session, ButtonPressed(citizen, "k:owner_email"), ctx))
    engine.handle(session, TextReceived(citizen, "cuc@example.vn"), ctx)
    assert session.step == "premises_proof"
    rendered = catalog.render("vi", engine.ask(session, engine.flows["household_business"])[0].text)
    assert "Bỏ qua" not in str(skip_buttons(engine.ask(session, engine.flows["household_business"])))
    refused = engine.handle(session, TextReceived(citizen, "bỏ qua"), ctx)
    assert session.step == "premises_proof" and "không bỏ qua được" in catalog.render("vi", refused[-1].text), rendered
    done_early = engine.handle(session, ButtonPressed(citizen, "d:premises_proof"), ctx)
    assert session.step == "premises_proof", "no photo yet: the slot is not done"
    assert done_early
