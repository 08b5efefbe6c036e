"""Citizen services beyond filing: look a dossier up, list one's own, withdraw, rate, give feedback, learn
what is stored and erase drafts, and start a supplement the officials asked for.

Like the engine, these functions change the session in memory and return effects; the desk wraps them
in the same one-transaction-per-event rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from bot.backoffice import BackOffice
from bot import buttons
from bot.buttons import AskWithdraw, Erase, Rate, Service, StartSupplement, Withdraw
from bot.dossier_dates import dates_line, short_date
from bot.effects import AdminPost, Button, Effect, Fetch, Forget, Say, Scrub, Text
from bot.engine import Context, Engine
from bot.events import ButtonPressed, CommandReceived, Event, PhotoReceived, PhotosChecked, TextReceived
from bot.lifecycle import CITIZEN, allowed
from bot.session import AwaitingComment, AwaitingFeedback, AwaitingLookup, Session
from bot.settings import Settings
from flows.text_hygiene import clean_text
from storage import audit, channels, dossiers, lookups, outbox
from storage.records import Dossier

RECEIPT_CODE = re.compile(r"^\s*([0-9A-Za-z.]+-\d{6}-\d{4})\s*$")
COMMANDS = {"mydossiers": "mine", "hosocuatoi": "mine", "privacy": "privacy", "deletemydata": "erase",
            "lookup": "lookup", "tracuu": "lookup", "feedback": "feedback", "gopy": "feedback"}
MENU_BUTTONS = (
    Button(Text("menu-lookup"), buttons.encode(Service("lookup"))),
    Button(Text("menu-mine"), buttons.encode(Service("mine"))),
    Button(Text("menu-feedback"), buttons.encode(Service("feedback"))),
)


@dataclass(frozen=True)
class LookupLimits:
    """How many lookups of codes that are not the looker's own (unknown, or someone else's) get an answer.

    Receipt codes are sequential, so a stranger could walk them; such lookups are counted in the database,
    per account over a sliding window and for the whole service per fixed window. Past the account's limit
    that account is told to wait; past the service's, everyone is told to try later, whatever the number of
    accounts. A filer's lookups of their own dossiers are never refused and never counted.
    """

    per_account: int
    account_window: timedelta
    per_service: int
    service_window: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> "LookupLimits":
        """Return the limits configured in the settings (LOOKUP_* variables)."""
        return cls(settings.lookup_account_limit, timedelta(minutes=settings.lookup_account_window_minutes),
                   settings.lookup_service_limit, timedelta(minutes=settings.lookup_service_window_minutes))

    def admit(self, db: Database, account: str, now: datetime) -> Text | None:
        """Count this lookup and return None, or return the polite refusal to send instead (then nothing is counted)."""
        at = int(now.timestamp())
        account_seconds, service_seconds = int(self.account_window.total_seconds()), int(self.service_window.total_seconds())
        window = at - at % service_seconds
        counts = lookups.counts(db, account, at - account_seconds + 1, window)
        if len(counts.account_times) >= self.per_account:
            wait = counts.account_times[-self.per_account] + account_seconds - at
            return Text("lookup-too-many", {"minutes": _minutes(wait)})
        if counts.service_used >= self.per_service:
            return Text("lookup-busy", {"minutes": _minutes(window + service_seconds - at)})
        lookups.record(db, account, at, window, at - account_seconds + 1)
        return None


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


@dataclass
class CitizenServices:
    """What a citizen can do besides filing."""

    db: Database
    engine: Engine
    backoffice: BackOffice
    limits: LookupLimits = field(default_factory=lambda: LookupLimits.from_settings(Settings()))

    def handles(self, session: Session, event: Event) -> bool:
        """Tell whether this event is for the services rather than the filing engine."""
        if isinstance(event, CommandReceived):
            return event.command.lower().lstrip("/") in COMMANDS
        if isinstance(event, ButtonPressed):
            return isinstance(buttons.decode(event.data), buttons.SERVICES)
        if session.in_flow:
            return False
        if isinstance(session.pending, (AwaitingLookup, AwaitingFeedback, AwaitingComment)):
            return isinstance(event, (TextReceived, PhotoReceived, PhotosChecked))
        if isinstance(event, TextReceived):
            return bool(RECEIPT_CODE.match(event.text))
        return isinstance(event, (PhotoReceived, PhotosChecked))

    def handle(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        """Run the service the event asks for."""
        if isinstance(event, CommandReceived):
            return self._service(session, COMMANDS[event.command.lower().lstrip("/")], ctx)
        if isinstance(event, ButtonPressed):
            pressed = buttons.decode(event.data)
            if isinstance(pressed, Service):
                return self._service(session, pressed.name, ctx)
            if isinstance(pressed, AskWithdraw):
                return self._ask_withdraw(session, str(pressed.dossier_id))
            if isinstance(pressed, Withdraw):
                return self._withdraw(session, str(pressed.dossier_id))
            if isinstance(pressed, Rate):
                return self._rate(session, f"{pressed.dossier_id}:{pressed.score}")
            if isinstance(pressed, StartSupplement):
                return self._start_supplement(session, str(pressed.dossier_id), ctx)
            if isinstance(pressed, Erase):
                return self._erase(session, pressed.yes)
        pending = session.pending
        if isinstance(event, PhotoReceived):
            return [Fetch(photos=event.photos[:1], slot="lookup", decode_qr=True)]
        if isinstance(event, PhotosChecked):
            code = next((p.qr_text for p in event.photos if p.qr_text), None)
            if not code or not RECEIPT_CODE.match(code):
                return [Say(Text("lookup-no-qr"))]
            session.pending = None
            return self._lookup(session, code.strip(), ctx.now)
        if isinstance(pending, AwaitingFeedback):
            return self._feedback(session, event.text)
        if isinstance(pending, AwaitingComment):
            return self._comment(session, event.text)
        session.pending = None
        return self._lookup(session, event.text.strip(), ctx.now)

    def _service(self, session: Session, name: str, ctx: Context) -> list[Effect]:
        if name in ("lookup", "feedback") and session.in_flow:
            return [Say(Text("service-finish-first"))]
        if name == "lookup":
            session.pending = AwaitingLookup()
            return [Say(Text("lookup-ask"))]
        if name == "feedback":
            session.pending = AwaitingFeedback()
            return [Say(Text("feedback-ask"), ((Button(Text("skip"), buttons.encode(Service("nocomment"))),),))]
        if name == "nocomment":
            session.pending = None
            return [Say(Text("thanks"))]
        if name == "none":
            return [Say(Text("withdraw-kept"))]
        if name == "mine":
            return self._mine(session)
        if name == "privacy":
            return self._privacy(session)
        if name == "erase":
            rows = ((Button(Text("erase-yes"), buttons.encode(Erase(True))), Button(Text("erase-no"), buttons.encode(Erase(False)))),)
            return [Say(Text("erase-confirm"), rows)]
        return [Say(Text("thanks"))]

    # -- lookup ----------------------------------------------------------------------------------

    def _lookup(self, session: Session, code: str, now: datetime) -> list[Effect]:
        dossier = dossiers.get_dossier(self.db, code)
        own = dossier is not None and (dossier.channel, dossier.user_id) == (session.citizen.channel, session.citizen.user_id)
        refusal = None if own else self.limits.admit(self.db, session.citizen.key, now)
        if refusal is not None:
            return [Say(refusal)]
        if dossier is None:
            return [Say(Text("lookup-not-found", {"code": code}))]
        public = {
            "code": dossier.receipt_code,
            "status": Text(f"state-{dossier.state}"),
            "dates": dates_line(dossier, self.backoffice.office_of(dossier)),
        }
        if not own:
            return [Say(Text("lookup-public", public))]
        flow = self.engine.flows[dossier.flow_id].flow
        return [Say(Text("lookup-own", {**public, "title": Text(flow.title), "reason": dossier.reason or "—"}))]

    # -- own dossiers and withdrawal ---------------------------------------------------------------

    def _mine(self, session: Session) -> list[Effect]:
        own = dossiers.dossiers_of(self.db, session.citizen.channel, session.citizen.user_id)
        if not own:
            return [Say(Text("mine-none"))]
        lines, rows = [], []
        for dossier in own[:20]:
            flow = self.engine.flows[dossier.flow_id].flow
            when = short_date(dossier)
            line = {"code": dossier.receipt_code, "title": Text(flow.title), "status": Text(f"state-{dossier.state}")}
            lines.append(Text("mine-line-dated", {**line, "when": when}) if when else Text("mine-line", line))
            if dossier.state == "supplement_requested":
                rows.append((Button(Text("supplement-start-code", {"code": dossier.receipt_code}), buttons.encode(StartSupplement(dossier.id))),))
            if "withdraw" in allowed(dossier.state, CITIZEN):
                rows.append((Button(Text("withdraw-button", {"code": dossier.receipt_code}), buttons.encode(AskWithdraw(dossier.id))),))
        return [Say(Text("mine", {"lines": lines}), tuple(rows))]

    def _own(self, session: Session, raw_id: str) -> Dossier | None:
        if not raw_id.isdigit():
            return None
        dossier = dossiers.get_dossier_by_id(self.db, int(raw_id))
        if dossier is None or (dossier.channel, dossier.user_id) != (session.citizen.channel, session.citizen.user_id):
            return None
        return dossier

    def _ask_withdraw(self, session: Session, raw_id: str) -> list[Effect]:
        dossier = self._own(session, raw_id)
        if dossier is None or "withdraw" not in allowed(dossier.state, CITIZEN):
            return [Say(Text("withdraw-not-possible"))]
        rows = ((Button(Text("withdraw-yes"), buttons.encode(Withdraw(dossier.id))), Button(Text("cancel-no"), buttons.encode(Service("none")))),)
        return [Say(Text("withdraw-confirm", {"code": dossier.receipt_code}), rows)]

    def _withdraw(self, session: Session, raw_id: str) -> list[Effect]:
        dossier = self._own(session, raw_id)
        if dossier is None or "withdraw" not in allowed(dossier.state, CITIZEN):
            return [Say(Text("withdraw-not-possible"))]
        effects = self.backoffice.citizen_changed(dossier, "withdraw", f"citizen:{session.citizen.key}")
        return [Say(Text("withdrawn", {"code": dossier.receipt_code}))] + self._erase_supplement(session, dossier) + effects

    def _erase_supplement(self, session: Session, dossier: Dossier) -> list[Effect]:
        """Erase the supplement the citizen had started for a withdrawn dossier: its answers and new photos.

        The dossier itself is the office's record and is kept; photos it holds stay (Forget spares them).
        """
        if not session.in_flow or (session.supplement or {}).get("dossier_id") != dossier.id:
            return []
        hashes = tuple(session.photo_hashes())
        session.reset_flow()
        outbox.drop_waiting(self.db, session.citizen.key)  # unsent replies may repeat the erased answers
        audit.record(self.db, f"citizen:{session.citizen.key}", "supplement.erased", dossier.receipt_code, {"photos": len(hashes)})
        return [Forget(hashes), Scrub(), Say(Text("withdrawn-supplement-erased"))]

    # -- satisfaction and feedback -----------------------------------------------------------------

    def _rate(self, session: Session, rest: str) -> list[Effect]:
        raw_id, _, raw_score = rest.partition(":")
        dossier = self._own(session, raw_id)
        if dossier is None or dossier.state != "handed_over" or not raw_score.isdigit() or not 1 <= int(raw_score) <= 5:
            return [Say(Text("rating-not-possible"))]
        if dossier.rating:
            return [Say(Text("rating-already"))]
        dossiers.set_rating(self.db, dossier.id, int(raw_score))
        audit.record(self.db, f"citizen:{session.citizen.key}", "dossier.rated", dossier.receipt_code, {"rating": int(raw_score)})
        session.pending = AwaitingComment(dossier.id)
        return [Say(Text("rating-thanks", {"rating": int(raw_score)}), ((Button(Text("skip"), buttons.encode(Service("nocomment"))),),))]

    def _comment(self, session: Session, text: str) -> list[Effect]:
        cleaned = clean_text(text, multiline=True)
        if isinstance(cleaned, Text):
            return [Say(cleaned)]  # still awaiting the comment
        dossier_id = session.pending.dossier if isinstance(session.pending, AwaitingComment) else None
        session.pending = None
        comment = " ".join(cleaned.split())[:1000]
        dossiers.set_comment(self.db, dossier_id, comment)
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        return [Say(Text("thanks")), AdminPost(Text("admin-comment", {"code": dossier.receipt_code, "rating": dossier.rating, "comment": comment}),
                                               office=dossier.office_code)]

    def _feedback(self, session: Session, text: str) -> list[Effect]:
        cleaned = clean_text(text, multiline=True)
        if isinstance(cleaned, Text):
            return [Say(cleaned)]  # still awaiting the feedback
        session.pending = None
        feedback = " ".join(cleaned.split())[:2000]
        channels.record_feedback(self.db, session.citizen.channel, session.citizen.user_id, feedback)
        return [Say(Text("feedback-thanks")), AdminPost(Text("admin-feedback", {"text": feedback, "channel": session.citizen.channel}))]

    # -- personal data -----------------------------------------------------------------------------

    def _privacy(self, session: Session) -> list[Effect]:
        own = dossiers.dossiers_of(self.db, session.citizen.channel, session.citizen.user_id)
        drafts = len(dossiers.draft_hashes(self.db, session.citizen.key))
        filing = Text(self.engine.flows[session.flow_id].flow.title) if session.in_flow and session.flow_id in self.engine.flows else Text("review-empty")
        return [Say(Text("privacy", {"filing": filing, "answers": len([k for k in session.answers if not k.startswith("_")]), "photos": drafts, "dossiers": len(own),
                                     "codes": ", ".join(d.receipt_code for d in own) or "—"}))]

    def _erase(self, session: Session, confirmed: bool) -> list[Effect]:
        if not confirmed:
            return [Say(Text("erase-kept"))]
        hashes = dossiers.draft_hashes(self.db, session.citizen.key)
        hashes += [h for h in session.photo_hashes() if h not in hashes]
        kept = len(dossiers.dossiers_of(self.db, session.citizen.channel, session.citizen.user_id))
        session.reset_flow()
        session.pending = None
        outbox.drop_waiting(self.db, session.citizen.key)  # unsent replies may repeat the erased answers
        audit.record(self.db, f"citizen:{session.citizen.key}", "data.erased", session.citizen.key, {"photos": len(hashes)})
        return [Forget(tuple(hashes)), Scrub(), Say(Text("erased", {"dossiers": kept}))]

    # -- supplements -------------------------------------------------------------------------------

    def _start_supplement(self, session: Session, raw_id: str, ctx: Context) -> list[Effect]:
        dossier = self._own(session, raw_id)
        if dossier is None or dossier.state != "supplement_requested":
            return [Say(Text("supplement-not-needed"))]
        if session.in_flow and (session.supplement or {}).get("dossier_id") != dossier.id:
            return [Say(Text("service-finish-first"))]
        photos: dict[str, list[dict[str, Any]]] = {}
        for row in dossiers.attachments_of(self.db, dossier.id):
            photos.setdefault(row.slot, []).append(
                {"sha256": row.sha256, "mime": row.mime, "size": row.size, "width": row.width, "height": row.height}
            )
        return self.engine.start_supplement(session, dossier, photos, ctx)
