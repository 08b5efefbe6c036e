"""Two officials press the same card at the same moment, on two hosts with their own database connections.

Both hosts read the dossier before either writes (a barrier holds each one at its first write), so the
per-process dossier lock cannot serialise them. SQLite refuses the write whose snapshot went stale; the host
runs that event again on the dossier as it now is, and the version-checked write decides what applies.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from datetime import datetime

import pytest

import main
import storage.dossiers
import storage.tasks
from bot.buttons import ConfirmAction, sign
from bot.desk import VIETNAM
from bot.effects import AdminPost, Notify, Toast
from bot.events import Official, OfficialPressed, OfficialWrote
from bot.settings import Settings
from storage import audit
from storage.dossiers import create_dossier

HOA, TAM = Official("2001", "Cán bộ Hòa"), Official("2002", "Cán bộ Tâm")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)


class Race:
    """Two hosts on one database file; each host's first write waits until both have read (and, if asked,
    until the other host has finished its event)."""

    def __init__(self, tmp_path, monkeypatch) -> None:
        self.settings = replace(Settings(), data_dir=tmp_path / "data")
        services = main.build(self.settings, clock=lambda: NOW)
        self.dossier = create_dossier(
            services.db, office_code="000.00.59.H80", channel="telegram", user_id="1001", flow_id="birth_registration", flow_version=1,
            answers={}, shown={}, consent={}, submitted_at=NOW, expected_on=NOW.date(),
        )
        _, rows = services.backoffice.card(self.dossier.id)
        self.buttons = {b.label.key: b.data for row in rows for b in row}
        # Stopping is confirmed first: Tâm's confirmation of the card Tâm saw (version 0).
        self.buttons["confirm-stop"] = sign(ConfirmAction("stop", self.dossier.id, 0, TAM.user_id), services.backoffice.secret)
        services.db.close()
        self.both_read = threading.Barrier(2, timeout=10)
        self.finished = {HOA.name: threading.Event(), TAM.name: threading.Event()}
        self.holding, self.first_write, self.waits_for = True, threading.local(), {}
        for module, name in ((storage.dossiers, "change_state"), (storage.tasks, "start_task")):
            monkeypatch.setattr(module, name, self._held(getattr(module, name)))

    def _held(self, write):
        def held(*args, **kwargs):
            if self.holding and not getattr(self.first_write, "done", False):
                self.first_write.done = True
                self.both_read.wait()
                other = self.waits_for.get(threading.current_thread().name)
                if other is not None:
                    self.finished[other].wait(timeout=10)
            return write(*args, **kwargs)
        return held

    def event(self, official: Official, event) -> list:
        """Serve one admin-chat event on a host of its own (its own connection, in this thread)."""
        services = main.build(self.settings, clock=lambda: NOW)
        try:
            return asyncio.run(services.desk.handle_official(event))
        except Exception as exc:  # noqa: BLE001 - reported by the assertions
            return [exc]
        finally:
            services.db.close()
            self.finished[official.name].set()

    def at_once(self, first: tuple, second: tuple, *, writes_last: Official | None = None) -> dict[str, list]:
        """Run two officials' presses concurrently; return what each host produced.

        With ``writes_last``, that official's host waits, after both have read, until the other host is done.
        """
        results: dict[str, list] = {}
        if writes_last is not None:
            other = second[0] if writes_last == first[0] else first[0]
            self.waits_for[writes_last.name] = other.name
        threads = [threading.Thread(target=lambda o=o, e=e: results.__setitem__(o.name, self.event(o, e)), name=o.name)
                   for o, e in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        self.holding = False
        return results

    def applied(self) -> list[str]:
        services = main.build(self.settings, clock=lambda: NOW)
        try:
            return [e.action for e in audit.entries(services.db, self.dossier.receipt_code) if e.action.startswith("dossier.")]
        finally:
            services.db.close()


@pytest.fixture
def race(tmp_path, monkeypatch):
    return Race(tmp_path, monkeypatch)


def _toasts(results: dict[str, list]) -> dict[str, str]:
    return {name: next((e.text.key for e in effects if isinstance(e, Toast)), repr(effects)) for name, effects in results.items()}


def test_two_officials_pressing_the_same_button_on_two_hosts_apply_it_once(race):
    accept = race.buttons["action-accept"]
    results = race.at_once((HOA, OfficialPressed(HOA, accept)), (TAM, OfficialPressed(TAM, accept)))
    toasts = sorted(_toasts(results).values())
    assert toasts[0] == "admin-done" and toasts[1] in ("admin-outdated", "admin-race-toast"), results  # an answer, not an error
    assert len([e for effects in results.values() for e in effects if isinstance(e, Notify)]) == 1, "the citizen is told once"
    assert race.applied() == ["dossier.accept"]


def test_an_action_started_on_a_card_another_host_changed_meanwhile_does_not_apply(race):
    # Tâm confirms stopping the dossier while Hòa accepts it, at the same moment on two hosts. Tâm's task is
    # stored first; Hòa's accept then applies. When Tâm types the reason, the dossier is no longer the one
    # Tâm saw: only the version-checked write can tell, because stopping is allowed from both states.
    results = race.at_once((HOA, OfficialPressed(HOA, race.buttons["action-accept"])),
                           (TAM, OfficialPressed(TAM, race.buttons["confirm-stop"])), writes_last=HOA)
    assert _toasts(results) == {HOA.name: "admin-done", TAM.name: "admin-task-started"}, results
    reply = race.event(TAM, OfficialWrote(TAM, "Hồ sơ nộp nhầm nơi"))
    assert [e.text.key for e in reply if isinstance(e, AdminPost)] == ["admin-race"], reply
    assert not [e for e in reply if isinstance(e, Notify)], "the citizen hears nothing of an action that did not apply"
    assert race.applied().count("dossier.stop") == 0 and race.applied().count("dossier.accept") == 1
