"""The dossier lifecycle machine: which action leads where, who may take it, what it needs and what it changes.

The expected tables below are written from the law (shared/PROCEDURES.md) and the portal's status codes, not
read from the machine, so a change to the machine's rules shows up here.
"""

from __future__ import annotations

import pytest

from bot.lifecycle import (
    CITIZEN, OFFICIAL, STATUS_CODES, Move, RedrawCard, TellCitizen, TellOfficials, TransitionRefused, allowed, decide,
    needs,
)

AT = "2026-03-10T10:00:00+07:00"
# action -> (who takes it, the states it may be taken from, the state it leads to)
RULES = {
    "accept": (OFFICIAL, {"new"}, "accepted"),
    "refuse": (OFFICIAL, {"new"}, "not_accepted"),
    "start": (OFFICIAL, {"accepted", "supplement_received"}, "processing"),
    "request_supplement": (OFFICIAL, {"new", "accepted", "processing", "supplement_received"}, "supplement_requested"),
    "supplied": (CITIZEN, {"supplement_requested"}, "supplement_received"),
    "request_payment": (OFFICIAL, {"processing"}, "payment_requested"),
    "approve": (OFFICIAL, {"accepted", "processing", "supplement_received", "payment_requested"}, "done"),
    "hand_over": (OFFICIAL, {"done"}, "handed_over"),
    "stop": (OFFICIAL, {"new", "accepted", "processing", "supplement_requested", "supplement_received", "payment_requested"}, "stopped"),
    "withdraw": (CITIZEN, {"new", "accepted", "supplement_requested"}, "withdrawn"),
}
PORTAL_CODES = {"new": 1, "accepted": 2, "not_accepted": 3, "processing": 4, "supplement_requested": 5, "supplement_received": 5,
                "payment_requested": 6, "withdrawn": 7, "stopped": 8, "done": 9, "handed_over": 10}
EVERYTHING = {"reason": "Thiếu giấy tờ", "items": ("birth_certificate",), "pickup": "2026-03-16", "fee": 8000}


def move(state: str, action: str, by: str, **given) -> Move:
    return Move(state, action, by, AT, **given)


def test_the_states_keep_their_portal_status_codes():
    assert STATUS_CODES == PORTAL_CODES


@pytest.mark.parametrize("action, source", [(action, source) for action, (_, sources, _) in RULES.items() for source in sorted(sources)])
def test_every_allowed_action_leads_to_its_state_with_its_portal_code(action, source):
    by, _, dest = RULES[action]
    done = decide(move(source, action, by, **EVERYTHING))
    assert done.state == dest
    assert done.values["state"] == dest and done.values["status"] == PORTAL_CODES[dest]


@pytest.mark.parametrize("state", list(PORTAL_CODES))
def test_every_other_action_is_refused_and_changes_nothing(state):
    for action, (by, sources, _) in RULES.items():
        if state in sources:
            continue
        refused = move(state, action, by, **EVERYTHING)
        with pytest.raises(TransitionRefused):
            decide(refused)
        assert refused.state == state and refused.values == {} and refused.effects == []


def test_an_unknown_action_is_refused():
    with pytest.raises(TransitionRefused):
        decide(move("new", "archive", OFFICIAL, **EVERYTHING))


@pytest.mark.parametrize("action", [a for a, (by, _, _) in RULES.items() if by == OFFICIAL])
def test_a_citizen_cannot_take_an_officials_action(action):
    source = min(RULES[action][1])
    with pytest.raises(TransitionRefused):
        decide(move(source, action, CITIZEN, **EVERYTHING))


@pytest.mark.parametrize("action", [a for a, (by, _, _) in RULES.items() if by == CITIZEN])
def test_an_official_cannot_take_the_citizens_action(action):
    source = min(RULES[action][1])
    with pytest.raises(TransitionRefused):
        decide(move(source, action, OFFICIAL, **EVERYTHING))


@pytest.mark.parametrize("action, source", [("refuse", "new"), ("stop", "processing"), ("request_supplement", "accepted")])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_refusing_stopping_and_asking_a_supplement_need_a_reason(action, source, reason):
    with pytest.raises(TransitionRefused):
        decide(move(source, action, OFFICIAL, **{**EVERYTHING, "reason": reason}))


def test_a_supplement_request_needs_at_least_one_item():
    with pytest.raises(TransitionRefused):
        decide(move("accepted", "request_supplement", OFFICIAL, **{**EVERYTHING, "items": ()}))


@pytest.mark.parametrize("pickup", [None, ""])
def test_approving_needs_a_pickup_date(pickup):
    with pytest.raises(TransitionRefused):
        decide(move("processing", "approve", OFFICIAL, **{**EVERYTHING, "pickup": pickup}))


@pytest.mark.parametrize("state", list(PORTAL_CODES))
def test_a_citizen_may_withdraw_only_before_processing(state):
    before = state in ("new", "accepted", "supplement_requested")
    assert ("withdraw" in allowed(state, CITIZEN)) is before
    if before:
        assert decide(move(state, "withdraw", CITIZEN)).state == "withdrawn"
    else:
        with pytest.raises(TransitionRefused):
            decide(move(state, "withdraw", CITIZEN))


def test_what_each_action_stores():
    assert decide(move("new", "accept", OFFICIAL, fee=8000)).values == {"state": "accepted", "status": 2}
    assert decide(move("new", "refuse", OFFICIAL, reason="Sai thẩm quyền")).values == {
        "state": "not_accepted", "status": 3, "reason": "Sai thẩm quyền"}
    assert decide(move("processing", "request_supplement", OFFICIAL, reason="Mất góc", items=("birth_certificate", "requester_id"))).values == {
        "state": "supplement_requested", "status": 5, "reason": "Mất góc", "supplement": ["birth_certificate", "requester_id"]}
    assert decide(move("processing", "request_payment", OFFICIAL, fee=100000)).values == {
        "state": "payment_requested", "status": 6, "fee": 100000}
    assert decide(move("payment_requested", "approve", OFFICIAL, pickup="2026-03-16", fee=100000)).values == {
        "state": "done", "status": 9, "fee": 100000, "pickup_on": "2026-03-16", "done_at": AT}
    assert decide(move("new", "withdraw", CITIZEN, reason="ignored")).values == {"state": "withdrawn", "status": 7}


def test_an_officials_action_redraws_the_card_and_tells_the_citizen():
    assert decide(move("new", "accept", OFFICIAL)).effects == [RedrawCard(), TellCitizen()]
    assert decide(move("done", "hand_over", OFFICIAL)).effects == [RedrawCard(), TellCitizen()]


def test_a_citizens_action_redraws_the_card_and_tells_the_officials():
    assert decide(move("supplement_requested", "supplied", CITIZEN)).effects == [RedrawCard(), TellOfficials("supplied")]
    assert decide(move("accepted", "withdraw", CITIZEN)).effects == [RedrawCard(), TellOfficials("withdraw")]


def test_a_refused_action_stores_nothing_and_tells_nobody():
    refused = move("new", "refuse", OFFICIAL)
    with pytest.raises(TransitionRefused):
        decide(refused)
    assert refused.state == "new" and refused.values == {} and refused.effects == []


@pytest.mark.parametrize("state, buttons", [
    ("new", ("accept", "request_supplement", "refuse", "stop")),
    ("accepted", ("start", "approve", "request_supplement", "stop")),
    ("processing", ("approve", "request_payment", "request_supplement", "stop")),
    ("supplement_requested", ("stop",)),
    ("supplement_received", ("start", "approve", "request_supplement", "stop")),
    ("payment_requested", ("confirm_payment", "approve", "stop")),
    ("done", ("confirm_payment", "hand_over")),
    ("not_accepted", ()), ("withdrawn", ()), ("stopped", ()), ("handed_over", ("confirm_payment",)),
])
def test_a_card_shows_the_officials_actions_of_its_state_in_button_order(state, buttons):
    assert allowed(state) == allowed(state, OFFICIAL) == buttons


def test_what_an_official_is_asked_for_before_an_action_applies():
    assert needs("request_supplement") == ("items", "reason")
    assert needs("refuse") == needs("stop") == ("reason",)
    assert needs("approve") == ("pickup",)
    assert [a for a in RULES if not needs(a)] == ["accept", "start", "supplied", "request_payment", "hand_over", "withdraw"]


def test_the_machine_logs_nothing_at_info(caplog):
    caplog.set_level("INFO")
    for action, (by, sources, _) in RULES.items():
        for source in sources:
            decide(move(source, action, by, **EVERYTHING))
    assert not [r for r in caplog.records if r.name.startswith("transitions") and r.levelno <= 20]


# -- "Đã nộp phí" (issue 12): three sources, each staying or going on, once -------------------------------------------


@pytest.mark.parametrize("source, dest", [("payment_requested", "processing"), ("done", "done"), ("handed_over", "handed_over")])
def test_fee_paid_records_who_and_when_and_goes_on(source, dest):
    done = decide(move(source, "confirm_payment", OFFICIAL, fee=8000, name="Cán bộ Hòa"))
    assert done.state == dest and done.values["status"] == PORTAL_CODES[dest]
    assert (done.values["fee_paid_at"], done.values["fee_paid_by"]) == (AT, "Cán bộ Hòa")
    assert done.effects == [RedrawCard(), TellCitizen()]


@pytest.mark.parametrize("state", sorted(set(PORTAL_CODES) - {"payment_requested", "done", "handed_over"}))
def test_fee_paid_is_refused_elsewhere(state):
    with pytest.raises(TransitionRefused):
        decide(move(state, "confirm_payment", OFFICIAL, fee=8000, name="Cán bộ Hòa"))


def test_a_fee_is_confirmed_paid_once_and_only_by_an_official():
    with pytest.raises(TransitionRefused):
        decide(move("done", "confirm_payment", OFFICIAL, fee=8000, fee_paid=True))
    with pytest.raises(TransitionRefused):
        decide(move("payment_requested", "confirm_payment", CITIZEN, fee=8000))


def test_the_hand_over_keeps_its_day():
    assert decide(move("done", "hand_over", OFFICIAL)).values["handed_over_at"] == AT
