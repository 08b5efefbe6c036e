"""The dates of a dossier, in one set of words for citizens and officials, and the pickup dates an official may set.

- "hạn giải quyết" (due date): the legal deadline, fixed at filing (``expected_on``);
- "ngày hẹn trả kết quả" (appointment to collect the result): the working day an official sets at approval
  (``pickup_on``), never before the due date, never in the past, never a weekend or a day off;
- "ngày trả kết quả" (collected on): the day the result was handed over (``handed_over_at``).

A citizen sees one of them at a time: the due date while the dossier is open, the appointment once it is
done, the day they collected it afterwards.
"""

from __future__ import annotations

from datetime import date

from bot.calendar import day_off_name, is_working_day, next_working_day, working_day_from
from bot.lifecycle import OPEN
from bot.offices import Office
from locales import formats
from locales.text import Text
from storage.records import Dossier


# -- pickup dates an official may set ----------------------------------------------------------------


def default_pickup(due: date, today: date) -> date:
    """Return the appointment offered at approval: the due date, or the next working day once it has passed."""
    return working_day_from(due) if due >= today else next_working_day(today)


def pickup_refusal(day: date, due: date, today: date) -> tuple[Text, date] | None:
    """Return why an official may not set ``day`` as the appointment and the next day they may, or None if they may."""
    if day < today:
        valid = working_day_from(max(due, today))
        return Text("admin-pickup-past", {"date": formats.day(day), "next": formats.day(valid)}), valid
    if day < due:
        valid = working_day_from(due)
        return Text("admin-pickup-before-due", {"date": formats.day(day), "due": formats.day(due), "next": formats.day(valid)}), valid
    if not is_working_day(day):
        valid = working_day_from(day)
        why = day_off_name(day) or Text(f"weekday-{day.weekday()}")
        return Text("admin-pickup-day-off", {"date": formats.day(day), "why": why, "next": formats.day(valid)}), valid
    return None


# -- the dates a dossier shows -----------------------------------------------------------------------


def collected_on(dossier: Dossier) -> str | None:
    """Return the ISO date the result was handed over, if it was."""
    if dossier.state != "handed_over":
        return None
    at = dossier.handed_over_at or dossier.last_action_at or dossier.updated_at
    return at[:10]


def dates_line(dossier: Dossier, office: Office) -> Text:
    """Return the citizen's one line of dates: filed on, then the due date, the appointment (where and when the
    office is open) or the day they collected the result."""
    submitted = formats.day(dossier.submitted_at)
    collected = collected_on(dossier)
    if collected:
        return Text("dates-collected", {"submitted": submitted, "date": formats.day(collected)})
    if dossier.state == "done" and dossier.pickup_on:
        return Text("dates-appointment", {"submitted": submitted, "date": formats.day(dossier.pickup_on),
                                          "office": office.desk_name, "address": office.address, "hours": office.hours})
    if dossier.state in OPEN:
        return Text("dates-due", {"submitted": submitted, "date": formats.day(dossier.expected_on)})
    return Text("dates-closed", {"submitted": submitted})


def short_date(dossier: Dossier) -> Text | None:
    """Return the one date a list of dossiers shows for a dossier ("hạn giải quyết 12/03/2026"), None when closed."""
    collected = collected_on(dossier)
    if collected:
        return Text("when-collected", {"date": formats.day(collected)})
    if dossier.state == "done" and dossier.pickup_on:
        return Text("when-appointment", {"date": formats.day(dossier.pickup_on)})
    if dossier.state in OPEN:
        return Text("when-due", {"date": formats.day(dossier.expected_on)})
    return None
