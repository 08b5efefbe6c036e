"""Reminders: the citizen on the working day before their appointment, each office in the morning of a due date.

- The citizen whose dossier is ready (status 9, "Đã xử lý xong") is reminded on the working day before the
  appointment the official set at approval (ngày hẹn trả kết quả, ``pickup_on``): where and when to come, what to
  bring. The working day before a Monday appointment is the Friday; holidays are skipped (``bot.calendar``). On any
  other day nothing is sent: a reminder that came late would name the wrong day.
- Each office's admin chat is told once each morning which of its dossiers reach their legal due date (hạn giải
  quyết, ``expected_on``) today and are still the office's to finish: open, and not waiting for the citizen's
  supplement (status 5, "Yêu cầu bổ sung").

Both go out from ``at`` (Vietnam time, ``REMINDERS_AT``). Each is claimed in ``storage.reminders`` in the
transaction that writes it to the outbox (``queue``, the desk's), so it is sent once, whatever the restarts.
Housekeeping (bot/housekeeping.py) calls ``send_reminders`` every few minutes.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Callable, Sequence

from sqlite_utils import Database

from bot.calendar import is_working_day
from bot.effects import AdminPost, Effect, Notify, Text
from bot.lifecycle import WAITING_FOR_OFFICIALS
from locales import formats
from storage import dossiers, reminders
from storage.database import transaction
from storage.records import Dossier

READY = ("done",)  # status 9: the result waits at the office
Queue = Callable[[Sequence[Effect]], None]


def send_reminders(db: Database, backoffice, now: datetime, at: time, queue: Queue) -> list[Effect]:
    """Send what is due now: the citizens' pickup reminders and the offices' morning lists (each once)."""
    if now.time() < at:
        return []
    return remind_pickups(db, backoffice, now, queue) + tell_offices_due_today(db, backoffice, now, queue)


def remind_pickups(db: Database, backoffice, now: datetime, queue: Queue) -> list[Effect]:
    """Remind citizens whose appointment is on the next working day (only on the working day before it)."""
    today = now.date()
    if not is_working_day(today):
        return []
    sent: list[Effect] = []
    day = today
    appointments: list[Dossier] = []
    while True:  # every day up to the next working day: a Friday reminds of Saturday's, Sunday's and Monday's
        day = date.fromordinal(day.toordinal() + 1)
        appointments += dossiers.to_pick_up_on(db, day.isoformat(), READY)
        if is_working_day(day):
            break
    for dossier in appointments:
        with transaction(db):
            if not reminders.claim(db, f"pickup:{dossier.id}:{dossier.pickup_on}", now.isoformat(timespec="seconds")):
                continue
            notice = pickup_notice(backoffice, dossier, today)
            queue([notice])
            sent.append(notice)
    return sent


def pickup_notice(backoffice, dossier: Dossier, today: date) -> Notify:
    """Return the reminder of an appointment: the day, the office, its address and hours, what to bring."""
    flow = backoffice.flows[dossier.flow_id].flow
    office = backoffice.office_of(dossier)
    pickup = date.fromisoformat(dossier.pickup_on)
    tomorrow = pickup.toordinal() - today.toordinal() == 1
    return Notify(dossier.channel, dossier.user_id, Text("reminder-pickup", {
        "day": Text("reminder-tomorrow") if tomorrow else Text("reminder-weekday", {"n": pickup.weekday()}),
        "date": formats.day(pickup),
        "code": dossier.receipt_code,
        "title": Text(flow.title),
        "office": office.desk_name,
        "address": office.address,
        "hours": office.hours,
        "documents": backoffice.documents(dossier),
        "fee": backoffice.fee_status(dossier),
    }))


def tell_offices_due_today(db: Database, backoffice, now: datetime, queue: Queue) -> list[Effect]:
    """Post in each office's admin chat, once each working morning, the dossiers it has to finish whose legal due
    date is today (not those waiting for the citizen's supplement; an office with none gets nothing; a dossier filed
    later that day, due the same day, waits for no list)."""
    today = now.date()
    run = f"due-run:{today.isoformat()}"
    if not is_working_day(today) or reminders.sent(db, run):
        return []
    by_office: dict[str, list[Dossier]] = {}
    for dossier in dossiers.due_on(db, today.isoformat(), WAITING_FOR_OFFICIALS):
        by_office.setdefault(dossier.office_code, []).append(dossier)
    sent: list[Effect] = []
    for office_code, due in sorted(by_office.items()):
        with transaction(db):
            if not reminders.claim(db, f"due:{office_code}:{today.isoformat()}", now.isoformat(timespec="seconds")):
                continue
            post = due_today_post(backoffice, office_code, due, today)
            queue([post])
            sent.append(post)
    with transaction(db):
        reminders.claim(db, run, now.isoformat(timespec="seconds"))
    return sent


def due_today_post(backoffice, office_code: str, due: list[Dossier], today: date) -> AdminPost:
    """Return an office's morning list of the dossiers reaching their legal due date today."""
    office = backoffice.office_of(due[0])
    lines = [Text("reminder-due-line", {
        "code": d.receipt_code, "title": Text(backoffice.flows[d.flow_id].flow.title), "status": Text(f"state-{d.state}"),
    }) for d in due]
    text = Text("reminder-due-today", {"date": formats.day(today), "count": len(due), "office": office.name, "lines": lines})
    return AdminPost(text, office=office_code)
