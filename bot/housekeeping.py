"""Periodic care of stored data: remind the owners of idle drafts, then delete drafts left too long; send the
day's reminders (a citizen's appointment, an office's due dossiers: bot/reminders.py).

Drafts hold ID photos (sensitive personal data) and must not linger: a draft idle for the retention period
is deleted with its photos, one day after a reminder; the notices go to the outbox in the transaction that
changes the draft, and the database's write-ahead log is emptied so the deleted answers are in no file.
Processed updates and sent messages older than a week are forgotten. Once a day, after office hours, the
supervisors' chat (if the offices file names one) gets each office's counts, overdue dossiers first; the day
it was sent is stored, so a restart does not send it twice.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, time, timedelta, timezone
from typing import Callable, Sequence

from sqlite_utils import Database

from bot.desk import load_session, save_session
from bot.effects import Effect, Notify, Text
from bot.events import Citizen
from bot.reminders import send_reminders
from storage import audit, digests, dossiers, erasure, inbox, outbox, sessions
from storage.blobs import BlobStore
from storage.database import transaction

log = logging.getLogger(__name__)
DIGEST_HOUR = 17  # Vietnam time: the supervisors' digest goes out once the offices close (17:00)


def sweep_drafts(
    db: Database, blobs: BlobStore, flows: dict, now: datetime, retention_days: int,
    queue: Callable[[Sequence[Effect]], None] | None = None,
) -> list[Effect]:
    """Remind owners of drafts idle for retention-1 days; delete those idle for the full period. ``queue``
    writes each notice to the outbox inside the transaction that changes the draft; they are returned too."""
    effects: list[Effect] = []
    expired = False
    remind_before = (now - timedelta(days=max(retention_days - 1, 0))).astimezone(timezone.utc).isoformat(timespec="seconds")
    delete_before = (now - timedelta(days=retention_days)).astimezone(timezone.utc).isoformat(timespec="seconds")
    for row in sessions.idle_drafts(db, remind_before):
        citizen = Citizen(row.channel, row.user_id)
        with transaction(db):
            session = load_session(db, citizen)
            if not session.in_flow:
                continue
            title = Text(flows[session.flow_id].flow.title) if session.flow_id in flows else Text("review-empty")
            if row.updated_at < delete_before and row.reminded_at:
                hashes = session.photo_hashes()
                session.reset_flow()
                save_session(db, session)
                orphans = dossiers.forget_drafts(db, citizen.key, None) + [h for h in hashes if not dossiers.is_referenced(db, h)]
                sessions.set_reminded(db, citizen.key, None)
                outbox.drop_waiting(db, citizen.key)  # unsent replies may repeat the expired answers
                audit.record(db, "system", "draft.expired", citizen.key, {"photos": len(hashes)})
                for sha in set(orphans):
                    blobs.delete(sha)
                effects.append(Notify(citizen.channel, citizen.user_id, Text("draft-expired", {"title": title})))
                expired = True
                if queue is not None:
                    queue(effects[-1:])
            elif not row.reminded_at:
                sessions.set_reminded(db, citizen.key, now.isoformat(timespec="seconds"))
                effects.append(Notify(citizen.channel, citizen.user_id, Text("draft-reminder", {"title": title, "days": 1})))
                if queue is not None:
                    queue(effects[-1:])
    week_ago = (now - timedelta(days=7)).astimezone(timezone.utc).isoformat(timespec="seconds")
    with transaction(db):
        inbox.forget_processed_before(db, week_ago)
        outbox.forget_sent_before(db, week_ago)
    if expired:
        erasure.scrub(db)
    return effects


def send_digest(db: Database, backoffice, queue: Callable[..., None], now: datetime, hour: int = DIGEST_HOUR) -> bool:
    """Queue the supervisors' daily digest (counts per office, overdue dossiers first) once a day from ``hour``;
    tell whether it was queued. ``queue`` is the desk's (it takes ``admin_chat``); the day is stored with it."""
    chat = backoffice.offices.supervisors_chat
    if chat is None or now.hour < hour:
        return False
    day = now.date().isoformat()
    with transaction(db):
        if digests.sent_on(db, chat) == day:
            return False
        queue(backoffice.digest(now.date()), admin_chat=chat)
        digests.mark_sent(db, chat, day)
    return True


def remind(services) -> list[Effect]:
    """Send the reminders due now (each once, through the outbox): citizens' appointments, offices' due lists."""
    at = time.fromisoformat(services.settings.reminders_at.zfill(5))
    return send_reminders(services.db, services.backoffice, services.desk.clock(), at, services.desk.queue)


async def run_housekeeping(services, dispatcher, every: float = 300.0) -> None:
    """Sweep drafts and empty the write-ahead log now and then, forever; deliver reminders, notices and the
    supervisors' digest."""
    while True:
        try:
            send_digest(services.db, services.backoffice, services.desk.queue, services.desk.clock())
        except Exception as exc:  # noqa: BLE001 - tried again at the next round
            log.error("supervisors' digest failed: %s", type(exc).__name__)
        try:
            sweep_drafts(services.db, services.blobs, services.flows, services.desk.clock(), services.settings.draft_retention_days,
                         queue=services.desk.queue)
            erasure.scrub(services.db)  # also finishes any scrub after an erase that a reader held up
            remind(services)
            dispatcher.wake()
        except Exception as exc:  # noqa: BLE001 - keep sweeping; no personal data in the log
            log.error("housekeeping failed: %s", type(exc).__name__)
        await asyncio.sleep(every)
