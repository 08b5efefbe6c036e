"""The host around the engine and the back office: one event in, one database transaction, effects out.

Every actor takes the same road. A citizen's event runs under that citizen's lock: the desk loads the
session lazily, runs the engine (or the citizen services), and saves the session and what the effects mean
for storage (dossiers, attachments, the audit log) in one transaction, downloading and checking photos
between transactions. An official's press, typed reply or command runs under the lock of the dossier it is
about (and the official's own), through the back office, in one transaction. What the channels report back
(a card posted as some message) and what they ask (an update seen before, a citizen's language, the menu
last shown) goes through here too: channels never touch storage. It knows nothing of Telegram or Zalo.
A new dossier goes to the office its answers route to (bot/engine/routing.py): its receipt code, daily
sequence and receipt are that office's; a filing no office here serves is never stored. A post or card edit
about a dossier is queued to its office's admin chat (``admin_chat_of``), a reply to an official to the chat
that asked, an apology for a failed input to that chat or else the first office's.

The same transaction marks the platform updates being processed (``current_updates``) processed in the inbox
and writes everything the event causes to be sent (messages, photos, cards, card edits, notifications) to
the outbox, from which the sender delivers it: a kill between the commit and the send loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Awaitable, Callable, Iterable, Iterator

from sqlite_utils import Database

from bot import photo_pool
from bot.calendar import add_working_days
from bot.dispatch import ADMIN, admin_chat_key
from bot.effects import AdminPost, EditCard, Effect, Fetch, Forget, Notify, Say, Scrub, SendPhoto, Submit, Text
from bot.engine import Context, Engine
from bot.events import CardPosted, Citizen, Event, OfficialEvent, PhotoChecked, PhotoRef, PhotosChecked
from bot.engine.routing import route
from bot.offices import Office, Offices
from bot.outgoing import QrImage, ReceiptImage, encode
from bot.photos import ImageReport, TooManyPixels, UnreadableImage, analyse, as_jpeg
from bot.receipts import qr_png, receipt_qr_png, receipt_text
from bot.session import Session
from locales.catalog import DEFAULT_LANGUAGE
from storage import audit, channels, dossiers, erasure, inbox, outbox, sessions
from storage.blobs import BlobStore
from storage.database import WriteConflict, transaction

if TYPE_CHECKING:
    from bot.backoffice import BackOffice
    from bot.services import CitizenServices

log = logging.getLogger(__name__)
VIETNAM = timezone(timedelta(hours=7), "ICT")
Fetcher = Callable[[PhotoRef], Awaitable[bytes]]
CONFLICT_ATTEMPTS = 3
# The inbox rows of the platform update(s) being processed: marked processed in the transaction that applies them.
current_updates: ContextVar[tuple[int, ...]] = ContextVar("current_updates", default=())


def vietnam_now() -> datetime:
    """Return the current time in Vietnam (UTC+7, no daylight saving)."""
    return datetime.now(VIETNAM)


def load_session(db: Database, citizen: Citizen) -> Session:
    """Return the citizen's session, or a new one if they never wrote."""
    return Session.from_stored(citizen, sessions.load(db, citizen.key))


def save_session(db: Database, session: Session) -> None:
    """Write the session back, refusing to overwrite a newer version (storage.sessions.StaleSession)."""
    saved = sessions.save(db, session.to_stored())
    session.version, session.created_at, session.updated_at = saved.version, saved.created_at, saved.updated_at


@dataclass(frozen=True)
class DossierSubmitted:
    """A dossier was created: the back office announces it to the officials."""

    dossier_id: int
    receipt_code: str


@dataclass(frozen=True)
class _ReceiptImage:
    """Placeholder for the receipt QR image, drawn once the transaction has committed."""

    code: str


@dataclass
class CitizenLocks:
    """One asyncio lock per citizen, dropped again when nobody waits on it."""

    locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)

    def __call__(self, key: str) -> "_Held":
        return _Held(self, key)

    def all(self, keys: list[str]) -> "_HeldAll":
        """Hold several locks, always taken in the same (sorted) order so two holders never deadlock."""
        return _HeldAll([_Held(self, key) for key in sorted(set(keys))])


class _HeldAll:
    def __init__(self, held: list["_Held"]) -> None:
        self.held = held

    async def __aenter__(self) -> None:
        for held in self.held:
            await held.__aenter__()

    async def __aexit__(self, *exc) -> None:
        for held in reversed(self.held):
            await held.__aexit__(*exc)


class _Held:
    def __init__(self, table: CitizenLocks, key: str) -> None:
        self.table, self.key = table, key

    async def __aenter__(self) -> None:
        table = self.table
        table.users[self.key] = table.users.get(self.key, 0) + 1
        await table.locks.setdefault(self.key, asyncio.Lock()).acquire()

    async def __aexit__(self, *exc) -> None:
        table = self.table
        table.locks[self.key].release()
        table.users[self.key] -= 1
        if not table.users[self.key]:
            del table.users[self.key]
            del table.locks[self.key]


@dataclass
class Desk:
    """Runs citizens' events through the engine with storage, one transaction each."""

    db: Database
    engine: Engine
    blobs: BlobStore
    office: Office | None = None  # the default office; tests may give just this one
    offices: Offices | None = None  # every office; a filing goes to the one its answers route to (bot/engine/routing.py)
    clock: Callable[[], datetime] = vietnam_now
    max_download: int = 10 * 1024 * 1024
    locks: CitizenLocks = field(default_factory=CitizenLocks)
    services: "CitizenServices | None" = None
    backoffice: "BackOffice | None" = None
    analyse: Callable[..., ImageReport] = analyse

    def __post_init__(self) -> None:
        if self.offices is None:
            if self.office is None:
                raise ValueError("a desk needs its offices (or one office)")
            self.offices = Offices((self.office,))
        self.office = self.offices.default

    async def handle(self, event: Event, fetch: Fetcher) -> list[Effect | DossierSubmitted]:
        """Process one citizen event fully (photos included) and return what to send."""
        citizen: Citizen = event.citizen
        async with self.locks(citizen.key):
            out: list[Effect | DossierSubmitted] = []
            for effect in self.apply(event):
                if isinstance(effect, Fetch):
                    checked = await self._download_and_check(effect, fetch)
                    out += self.apply(PhotosChecked(citizen, checked))
                else:
                    out.append(effect)
            return out

    def apply(self, event: Event) -> list[Effect | DossierSubmitted]:
        """Run one event through the engine inside one transaction."""
        citizen = event.citizen
        now = self.clock()
        ctx = self.context(now)
        orphans: list[str] = []
        with transaction(self.db):
            session = load_session(self.db, citizen)
            if self.services is not None and self.services.handles(session, event):
                effects = self.services.handle(session, event, ctx)
            else:
                effects = self.engine.handle(session, event, ctx)
            if isinstance(event, PhotosChecked):
                self._record_photos(citizen, session.answers, event)
            out: list[Effect | DossierSubmitted] = []
            refused = False
            for effect in effects:
                if isinstance(effect, Submit) and effect.supplement_of is not None:
                    out += self._supplement(citizen, effect, orphans)
                elif isinstance(effect, Submit) and self._unroutable(effect):
                    session, refused = load_session(self.db, citizen), True  # as it was: at the review, nothing lost
                    assert self.offices is not None
                    out.append(Say(Text("routing-not-received", {"portal": self.offices.portal})))
                elif isinstance(effect, Submit):
                    out += self._submit(citizen, effect, now)
                elif isinstance(effect, Forget) and refused:
                    continue  # the photos stay with the restored filing
                elif isinstance(effect, Forget):
                    orphans += dossiers.forget_drafts(self.db, citizen.key, list(effect.hashes))
                    audit.record(self.db, citizen.key, "draft.discarded", citizen.key, {"photos": len(effect.hashes)})
                elif not isinstance(effect, Scrub):
                    out.append(effect)
            save_session(self.db, session)
            if not any(isinstance(e, Fetch) for e in out):  # the last transaction of this input
                inbox.mark_processed(self.db, current_updates.get())
            self.queue(out, citizen, session.language or DEFAULT_LANGUAGE)
        if isinstance(event, PhotosChecked):
            kept = set(session.photo_hashes())
            orphans += [p.sha256 for p in event.photos if p.sha256 and p.sha256 not in kept and not self._referenced(p.sha256)]
        for sha in orphans:
            self.blobs.delete(sha)
        if any(isinstance(effect, Scrub) for effect in effects):
            erasure.scrub(self.db)
        return [self.receipt_image(e.code) if isinstance(e, _ReceiptImage) else e for e in out]

    def context(self, now: datetime) -> Context:
        """Return what the engine may know for one event: the time, the offices and who serves which commune."""
        offices = self.offices
        assert offices is not None

        def taken(name: str, office_code: str | None) -> bool:
            return dossiers.business_name_taken(self.db, office_code or offices.default.code, name)

        return Context(now=now, business_name_taken=taken, default_office=offices.default,
                       office_for=self._office_for(), portal=offices.portal)

    def _office_for(self) -> Callable[[str], Office | None] | None:
        """Return who serves a commune; None (no routing: all to the default office) when no office names its commune."""
        assert self.offices is not None
        return self.offices.for_commune if any(office.commune for office in self.offices) else None

    async def handle_official(self, event: OfficialEvent) -> list[Effect]:
        """Serve one event from the admin chat under the dossier's (and the official's) lock, in one transaction."""
        if self.backoffice is None:
            return []
        keys = [event.official.key]
        dossier_id = self.backoffice.dossier_of(event)
        if dossier_id is not None:
            keys.append(f"dossier:{dossier_id}")
        async with self.locks.all(keys):
            for attempt in range(1, CONFLICT_ATTEMPTS + 1):
                try:
                    with transaction(self.db):
                        effects = self.backoffice.handle(event)
                        inbox.mark_processed(self.db, current_updates.get())
                        self.queue(effects, admin_chat=event.chat)
                        return effects
                except WriteConflict:  # another host wrote after we read: decide again on the dossier as it is now
                    if attempt == CONFLICT_ATTEMPTS:
                        raise
                    await asyncio.sleep(0.05 * attempt)
        return []

    def report(self, event: CardPosted) -> None:
        """Store what the sender reports back: where a dossier's card was posted."""
        if self.backoffice is not None:
            with transaction(self.db):
                self.backoffice.card_posted(event.dossier_id, event.message_id)

    def card_posted(self, dossier_id: int, message_id: int) -> None:
        """Store where a dossier's card was posted (inside the sender's transaction that marks the post sent)."""
        self.report(CardPosted(dossier_id, message_id))

    def prompt_posted(self, official_id: str, message_id: int) -> None:
        """Store where an official's task prompt was posted, to take its buttons away once it is answered."""
        if self.backoffice is not None:
            with transaction(self.db):
                self.backoffice.prompt_posted(official_id, message_id)

    def queue(self, effects: Iterable[Effect | DossierSubmitted | _ReceiptImage], citizen: Citizen | None = None,
              language: str = DEFAULT_LANGUAGE, admin_chat: int | None = None) -> None:
        """Write what is to be sent to the outbox (inside the caller's transaction): the citizen's messages and
        photos, notifications to other citizens, the admin chats' posts and card edits (each to its office's
        chat, else to ``admin_chat``, the chat that asked). Answers to a press (toasts, the pressed message's
        edit) are for the caller to carry out at once."""
        for effect in effects:
            if isinstance(effect, (Say, SendPhoto)) and citizen is not None:
                outbox.add(self.db, citizen.key, citizen.channel, citizen.user_id, encode(effect), language)
            elif isinstance(effect, _ReceiptImage) and citizen is not None:
                outbox.add(self.db, citizen.key, citizen.channel, citizen.user_id, encode(ReceiptImage(effect.code)), language)
            elif isinstance(effect, Notify):
                target = Citizen(effect.channel, effect.user_id)
                said = Say(effect.text, effect.buttons)
                language_of = sessions.language_of(self.db, target.key) or DEFAULT_LANGUAGE
                outbox.add(self.db, target.key, target.channel, target.user_id, encode(said), language_of)
                if effect.qr and effect.qr_caption is not None:
                    image = QrImage(effect.qr, effect.qr_caption)
                    outbox.add(self.db, target.key, target.channel, target.user_id, encode(image), language_of)
            elif isinstance(effect, (AdminPost, EditCard)):
                dossier_id = effect.dossier_id if isinstance(effect, AdminPost) else None
                chat = self.admin_chat_of(effect.office, admin_chat)
                target = "" if chat is None else str(chat)
                outbox.add(self.db, admin_chat_key(chat), ADMIN, target, encode(effect), DEFAULT_LANGUAGE, dossier_id)

    def admin_chat_of(self, office_code: str | None, asked: int | None = None) -> int | None:
        """Return the admin chat a post goes to: its office's, else the chat that asked, else the first office's."""
        offices = self.backoffice.offices if self.backoffice is not None else None
        if offices is None:
            return asked
        office = offices.by_code(office_code) if office_code else None
        if office is not None and office.admin_chat is not None:
            return office.admin_chat
        return asked if asked is not None else offices.default.admin_chat

    def answer(self, citizen: Citizen, effects: list[Effect]) -> None:
        """Queue a reply that changes no state (an input the flows do not take) and mark the input processed."""
        with transaction(self.db):
            inbox.mark_processed(self.db, current_updates.get())
            self.queue(effects, citizen, self.language(citizen))

    def apologise(self, citizen: Citizen | None, case: str, admin_chat: int | None = None) -> None:
        """Queue the apology for a failed input (to the person and, with the case id, the admin chat it came
        from, or the first office's) and mark the input processed: running it again would fail again."""
        with transaction(self.db):
            inbox.mark_processed(self.db, current_updates.get())
            self.queue([AdminPost(Text("admin-error" if citizen else "admin-sorry", {"case": case}))], admin_chat=admin_chat)
            if citizen is not None:
                self.queue([Say(Text("sorry", {"case": case}))], citizen, self.language(citizen))

    # -- the inbox, for the channels -------------------------------------------------------------

    def store_update(self, channel: str, update_id: str, chat: str, payload: dict) -> bool:
        """Store a platform update in the inbox and commit (before it is acknowledged); False if seen before."""
        with transaction(self.db):
            return inbox.store(self.db, channel, update_id, chat, payload)

    def waiting_updates(self, channel: str, chat: str | None = None, skip: Iterable[int] = ()) -> list:
        """Return the stored updates not yet processed (of one chat), oldest first."""
        return inbox.waiting(self.db, channel, chat, skip)

    def done(self, seqs: Iterable[int]) -> None:
        """Mark updates processed that changed nothing stored (ignored ones; already-marked ones stay as they are)."""
        with transaction(self.db):
            inbox.mark_processed(self.db, seqs)

    @staticmethod
    @contextmanager
    def processing(seqs: Iterable[int]) -> Iterator[None]:
        """Run the block as the processing of these inbox updates: the desk's transaction marks them processed."""
        token = current_updates.set(tuple(seqs))
        try:
            yield
        finally:
            current_updates.reset(token)

    def session(self, citizen: Citizen) -> Session:
        """Return a citizen's session as stored (to look at, not to change)."""
        return load_session(self.db, citizen)

    def language(self, citizen: Citizen) -> str:
        """Return the language to answer a citizen in."""
        return sessions.language_of(self.db, citizen.key) or DEFAULT_LANGUAGE

    def menu(self, citizen: Citizen) -> dict | None:
        """Return the numbered menu last shown to a citizen on a channel without buttons (as JSON data)."""
        return channels.load_menu(self.db, citizen.key)

    def remember_menu(self, citizen: Citizen, menu: dict) -> None:
        """Remember the numbered menu just shown to a citizen."""
        channels.save_menu(self.db, citizen.key, menu)

    async def declaration_document(self, dossier_id: int) -> tuple[str, str] | None:
        """Draw and store a dossier's declaration PDF (the sender, when posting): read here, drawn in a thread so
        the event loop keeps serving; return (path, file name), or None without a form."""
        drawing = self.backoffice.declaration_drawing(dossier_id) if self.backoffice is not None else None
        if drawing is None:
            return None
        return await asyncio.to_thread(drawing.draw, self.blobs)

    def receipt_image(self, code: str) -> SendPhoto:
        """Draw and store the receipt's QR code (after the commit: it takes milliseconds)."""
        _, path = self.blobs.put(receipt_qr_png(code), "image/png")
        return SendPhoto(str(path), Text("receipt-qr-caption", {"code": code}))

    def qr_image(self, image: QrImage) -> SendPhoto:
        """Draw and store a QR code image to send (a fee request's VietQR code), at send time."""
        _, path = self.blobs.put(qr_png(image.data), "image/png")
        return SendPhoto(str(path), image.caption)

    def _referenced(self, sha: str) -> bool:
        return dossiers.is_referenced(self.db, sha)

    def _record_photos(self, citizen: Citizen, answers: dict, event: PhotosChecked) -> None:
        slots = {
            item["sha256"]: slot
            for slot, value in answers.items() if isinstance(value, list)
            for item in value if isinstance(item, dict) and "sha256" in item
        }
        for photo in event.photos:
            if photo.sha256 in slots:
                dossiers.attach(
                    self.db, citizen.key, photo.sha256, slot=slots[photo.sha256], size=photo.size,
                    mime=photo.mime, width=photo.width, height=photo.height, path=photo.path,
                )

    def _route(self, submit: Submit) -> Office | None:
        """Return the office a new dossier goes to (its flow's ``office:`` answers), None when none here serves it."""
        assert self.offices is not None
        flow = self.engine.flows[submit.flow_id].flow
        return route(flow, submit.answers, self._office_for(), self.offices.default).office

    def _unroutable(self, submit: Submit) -> bool:
        """Tell whether no office here may receive this filing (the engine keeps such a filing at its review;
        this guards the dossiers even if it did not)."""
        return self._route(submit) is None

    def _submit(self, citizen: Citizen, submit: Submit, now: datetime) -> list[Effect | DossierSubmitted]:
        flow = self.engine.flows[submit.flow_id].flow
        office = self._route(submit)
        assert office is not None
        cutoff = datetime.strptime(flow.cutoff, "%H:%M").time() if flow.cutoff else None
        expected = add_working_days(now.replace(tzinfo=None), flow.working_days_for(submit.answers), cutoff)
        dossier = dossiers.create_dossier(
            self.db,
            office_code=office.code,
            channel=citizen.channel,
            user_id=citizen.user_id,
            flow_id=submit.flow_id,
            flow_version=submit.flow_version,
            answers=submit.answers,
            shown=submit.shown,
            consent=submit.consent,
            submitted_at=now,
            expected_on=expected,
        )
        dossiers.bind_attachments(self.db, citizen.key, dossier.id, submit.attachments)
        audit.record(self.db, citizen.key, "dossier.submitted", dossier.receipt_code, {"status": 1, "consent": submit.consent})
        code = dossier.receipt_code
        announce = [self.backoffice.announce(dossier.id)] if self.backoffice is not None else []
        return [
            Say(receipt_text(code, flow, office, now, expected, submit.answers)),
            _ReceiptImage(code),
            DossierSubmitted(dossier.id, code),
        ] + announce

    def _supplement(self, citizen: Citizen, submit: Submit, orphans: list[str]) -> list[Effect]:
        """Put the redone answers and photos into the dossier and hand it back to the officials."""
        dossier = dossiers.get_dossier_by_id(self.db, submit.supplement_of)
        owner = dossier is not None and (dossier.channel, dossier.user_id) == (citizen.channel, citizen.user_id)
        if not owner or dossier.state != "supplement_requested" or self.backoffice is None:
            return [Say(Text("supplement-not-needed"))]
        items = dossier.supplement or []
        redone = {slot: hashes for slot, hashes in submit.attachments.items() if slot in items}
        orphans += dossiers.drop_slots(self.db, dossier.id, list(redone))
        dossiers.bind_attachments(self.db, citizen.key, dossier.id, redone)
        dossiers.replace_answers(self.db, dossier.id, submit.answers, submit.shown, list(redone))
        changed = self.backoffice.citizen_changed(dossier, "supplied", f"citizen:{citizen.key}", photos_of=list(redone))
        declaration = self.backoffice.declaration(dossier.id)  # drawn again from the supplemented answers
        changed = [replace(e, declaration=declaration) if isinstance(e, AdminPost) else e for e in changed]
        return [Say(Text("supplement-sent", {"code": dossier.receipt_code}))] + changed

    async def _download_and_check(self, fetch: Fetch, fetcher: Fetcher) -> tuple[PhotoChecked, ...]:
        checked = []
        max_pixels = self.engine.rules.max_pixels
        for ref in fetch.photos:
            try:
                data = await fetcher(ref)
            except Exception as exc:  # network, expired link, too large: the citizen is asked to resend
                log.warning("download failed for a photo: %s", type(exc).__name__)
                checked.append(_failed(ref, "unreadable"))
                continue
            if len(data) > self.max_download:
                checked.append(_failed(ref, "unreadable"))
                continue
            try:  # in the photo pool, one decode at a time: memory stays bounded (bot/photo_pool.py)
                data = await photo_pool.run(as_jpeg, data, max_pixels=max_pixels)  # HEIC arrives, a JPEG is kept
                report = await photo_pool.run(self.analyse, data, decode_qr=fetch.decode_qr, max_pixels=max_pixels)
            except TooManyPixels:
                checked.append(_failed(ref, "too-many-pixels"))
                continue
            except UnreadableImage:
                checked.append(_failed(ref, "unreadable"))
                continue
            sha, path = self.blobs.put(data, report.mime)
            checked.append(
                PhotoChecked(
                    file_ref=ref.file_ref, sha256=sha, path=str(path), size=len(data), mime=report.mime,
                    width=report.width, height=report.height, brightness=report.brightness,
                    sharpness=report.sharpness, qr_text=report.qr_texts[0] if report.qr_texts else None,
                )
            )
        return tuple(checked)


def _failed(ref: PhotoRef, error: str) -> PhotoChecked:
    return PhotoChecked(
        file_ref=ref.file_ref, sha256="", path="", size=ref.size, mime=ref.mime, width=0, height=0,
        brightness=0.0, sharpness=0.0, error=error,
    )
