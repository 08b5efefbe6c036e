"""Two officials press the same card at the same moment, on two hosts with their own database connections.

Both hosts have read the dossier before either writes (a barrier holds each one just before its write), so
the per-process dossier lock cannot serialise them. SQLite then refuses the second write (its snapshot is
stale); the host runs that press again on the dossier as it now is, and the official is told who acted.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from datetime import datetime

import main
import storage.dossiers
from bot.desk import VIETNAM
from bot.effects import Notify, Text, Toast
from bot.events import Official, OfficialPressed
from bot.settings import Settings
from storage import audit
from storage.dossiers import create_dossier, get_dossier

OFFICIALS = (Official("2001", "Cán bộ Hòa"), Official("2002", "Cán bộ Tâm"))
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)


def test_two_officials_on_two_hosts_racing_exactly_one_action_applies(tmp_path, monkeypatch):
    settings = replace(Settings(), data_dir=tmp_path / "data", officials=frozenset(int(o.user_id) for o in OFFICIALS))
    first = main.build(settings, clock=lambda: NOW)
    dossier = create_dossier(
        first.db, office_code="X", channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=1,
        answers={}, shown={}, consent={}, submitted_at=NOW, expected_on=NOW.date(),
    )
    _, buttons = first.backoffice.card(dossier.id)
    accept = next(b.data for row in buttons for b in row if b.label == Text("action-accept"))
    first.db.close()

    both_read = threading.Barrier(2, timeout=10)
    change_state = storage.dossiers.change_state
    first_try = threading.local()

    def change_state_once_both_have_read(*args, **kwargs):
        if not getattr(first_try, "done", False):  # hold only each host's first attempt
            first_try.done = True
            both_read.wait()
        return change_state(*args, **kwargs)

    monkeypatch.setattr(storage.dossiers, "change_state", change_state_once_both_have_read)
    results: dict[str, list] = {}

    def press(official: Official) -> None:
        services = main.build(settings, clock=lambda: NOW)  # its own connection, in its own thread
        try:
            results[official.name] = asyncio.run(services.desk.handle_official(OfficialPressed(official, accept)))
        except Exception as exc:  # noqa: BLE001 - reported by the assertions below
            results[official.name] = [exc]
        finally:
            services.db.close()

    threads = [threading.Thread(target=press, args=(official,)) for official in OFFICIALS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    toasts = sorted(e.text.key for effects in results.values() for e in effects if isinstance(e, Toast))
    assert len(toasts) == 2 and toasts[0] == "admin-done", results  # each official gets an answer, not an error
    assert toasts[1] in ("admin-outdated", "admin-race-toast"), results  # the other is told someone acted first
    notices = [e for effects in results.values() for e in effects if isinstance(e, Notify)]
    assert len(notices) == 1, "the citizen is told once"
    check = main.build(settings, clock=lambda: NOW)
    try:
        assert [e.action for e in audit.entries(check.db, dossier.receipt_code)].count("dossier.accept") == 1
        assert get_dossier(check.db, dossier.receipt_code).version == 1
    finally:
        check.db.close()
