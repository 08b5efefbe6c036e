"""Session modes are typed, stored as JSON, and sessions stored with the older dict modes still load."""

from __future__ import annotations

import json

from bot.events import Citizen
from bot.session import (
    AwaitingComment, ConfirmingCancel, GroupItem, OfferingPrefill, ReplacingPhotos, Session,
)


def reloaded(session: Session) -> Session:
    again = Session(citizen=session.citizen)
    again.load_state(json.loads(json.dumps(session.state())))
    return again


def test_modes_survive_a_round_trip_through_json():
    session = Session(citizen=Citizen("test", "1"))
    for pending in (ConfirmingCancel(), OfferingPrefill("id_card", {"name": "An"}), AwaitingComment(7)):
        for item in (GroupItem({"name": "An", "name#shown": "An"}), ReplacingPhotos("id_card"), None):
            session.pending, session.item = pending, item
            again = reloaded(session)
            assert (again.pending, again.item) == (pending, item)


def test_sessions_stored_with_dict_modes_still_load():
    session = Session(citizen=Citizen("test", "1"))
    session.load_state({"pending": {"kind": "prefill", "slot": "id_card", "fields": {"name": "An"}}, "item": {"replace": "id_card"}})
    assert session.pending == OfferingPrefill("id_card", {"name": "An"})
    assert session.item == ReplacingPhotos("id_card")
    session.load_state({"pending": {"kind": "comment", "dossier": 3}, "item": {"name": "An", "name#shown": "An"}})
    assert session.pending == AwaitingComment(3)
    assert session.item == GroupItem({"name": "An", "name#shown": "An"})
    session.load_state({"pending": {"kind": "no such mode"}, "item": {}})
    assert session.pending is None and session.item is None
