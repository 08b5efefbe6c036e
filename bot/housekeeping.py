"""Periodic care of stored data: remind the owners of idle drafts, then delete drafts left too long.

Drafts hold ID photos (sensitive personal data) and must not linger: a draft idle for the retention period
is deleted with its photos, one day after a reminder. Seen update ids older than a week are forgotten.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

from sqlite_utils import Database

from bot.effects import Effect, Notify, Text
from bot.events import Citizen
from storage import audit, dossiers
from storage.blobs import BlobStore
from storage.sessions import load_session, save_session

log = logging.getLogger(__name__)


def sweep_drafts(db: Database, blobs: BlobStore, flows: dict, now: datetime, retention_days: int) -> list[Effect]:
    """Remind owners of drafts idle for retention-1 days; delete those idle for the full period."""
    effects: list[Effect] = []
    remind_before = (now - timedelta(days=max(retention_days - 1, 0))).astimezone(timezone.utc).isoformat(timespec="seconds")
    delete_before = (now - timedelta(days=retention_days)).astimezone(timezone.utc).isoformat(timespec="seconds")
    rows = list(db.query(
        "SELECT channel, user_id, updated_at, reminded_at FROM sessions WHERE flow_id IS NOT NULL AND updated_at < ?",
        [remind_before],
    ))
    for row in rows:
        citizen = Citizen(row["channel"], row["user_id"])
        with db.atomic():
            session = load_session(db, citizen)
            if not session.in_flow:
                continue
            title = Text(flows[session.flow_id].flow.title) if session.flow_id in flows else Text("review-empty")
            if row["updated_at"] < delete_before and row["reminded_at"]:
                hashes = session.photo_hashes()
                session.reset_flow()
                save_session(db, session)
                orphans = dossiers.forget_drafts(db, citizen.key, None) + [h for h in hashes if not db.execute("SELECT 1 FROM attachments WHERE sha256 = ?", [h]).fetchone()]
                db.execute("UPDATE sessions SET reminded_at = NULL WHERE key = ?", [citizen.key])
                audit.record(db, "system", "draft.expired", citizen.key, {"photos": len(hashes)})
                for sha in set(orphans):
                    blobs.delete(sha)
                effects.append(Notify(citizen.channel, citizen.user_id, Text("draft-expired", {"title": title})))
            elif not row["reminded_at"]:
                db.execute("UPDATE sessions SET reminded_at = ? WHERE key = ?", [now.isoformat(timespec="seconds"), citizen.key])
                effects.append(Notify(citizen.channel, citizen.user_id, Text("draft-reminder", {"title": title, "days": 1})))
    week_ago = (now - timedelta(days=7)).astimezone(timezone.utc).isoformat(timespec="seconds")
    db.execute("DELETE FROM seen_updates WHERE at < ?", [week_ago])
    return effects


async def run_housekeeping(services, dispatcher, every: float = 300.0) -> None:
    """Sweep drafts and checkpoint the database now and then, forever; deliver reminders and notices."""
    while True:
        try:
            effects = sweep_drafts(services.db, services.blobs, services.flows, services.desk.clock(), services.settings.draft_retention_days)
            services.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            await dispatcher.route(effects)
        except Exception as exc:  # noqa: BLE001 - keep sweeping; no personal data in the log
            log.error("housekeeping failed: %s", type(exc).__name__)
        await asyncio.sleep(every)
