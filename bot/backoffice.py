"""The officials' back office: dossier cards in the admin chat, the actions on them, and admin commands.

Each office's cards go to its own admin chat, and only that office's officials can act on its dossiers
(``bot.offices``); commands answer for the offices of the chat they are typed in, and in the supervisors' chat
for every office. Card buttons carry the action, the dossier, the dossier's version and
an HMAC signature (``bot.buttons``): a forged button is refused, a button of an outdated card changes
nothing, and when two officials press at once exactly one action applies (a version-checked UPDATE) and the
other is told. Whether an action may be taken, what it needs and what it changes is the lifecycle
machine's to say (``bot.lifecycle``); an action that cannot be taken back is confirmed first by the official
who pressed it (the confirmation carries the card's version). Actions that need more (a reason, the items to
redo, a pickup date) become a short task of that official, finished by what they type next in the admin chat;
its prompt loses its buttons once answered or cancelled. After each action a short line in the admin chat says
who did what to which dossier, and the citizen is told the new status (a fee request with the office's account
and a VietQR code, ``bot.vietqr``). The card itself is drawn by ``bot.cards``; the supervisors' daily digest
(counts per office, overdue dossiers first) is built here and sent by ``bot.housekeeping``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable

from sqlite_utils import Database

from bot import cards, vietqr
from bot.buttons import (
    CancelTask, ConfirmAction, DropConfirm, ItemsChosen, OfficialAction, PickItem, Rate, ShowCard, StartSupplement, UseDefaultDate,
    decode, encode, sign, verify,
)
from bot.effects import AdminPost, Button, EditCard, EditPressed, Effect, Notify, Text, Toast
from bot.calendar import add_working_days
from bot.dossier_dates import collected_on, default_pickup, pickup_refusal
from bot.engine.steps import KINDS
from bot.events import Official, OfficialCommanded, OfficialEvent, OfficialPressed, OfficialWrote
from bot.lifecycle import (
    CITIZEN, OFFICIAL, STATUS_CODES, WAITING_FOR_OFFICIALS, Move, RedrawCard, TellCitizen, TellOfficials, allowed, decide,
    irreversible, needs,
)
from bot.offices import Office, Offices
from bot.receipts import fee_text
from flows.compiler import CompiledFlow
from flows.definition import Flow
from flows.text_hygiene import clean_text
from flows.validators import VALIDATORS, Invalid, ValidationContext
from locales import formats
from storage import audit, dossiers, tasks
from storage.records import Dossier, OfficeCounts, OfficialTask

if TYPE_CHECKING:
    from bot.declaration import Declarations, Drawing

MAX_REASON = 500
CITIZEN_ACTOR = "Công dân"  # how a citizen's own change shows on the card (the audit log keeps who exactly)
AUDITED = ("reason", "supplement", "pickup_on", "fee")  # what an action stores that the audit log repeats
# A list in one message stays under Fluent's 2,500 characters per placeable (and Telegram's 4,096 per message):
PENDING_LINES = 20  # /pending lists this many dossiers per office (the oldest), then says how many more
OVERDUE_LINES = 15  # the supervisors' digest lists this many overdue dossiers (the longest overdue first)
OFFICES_PER_POST = 25  # the supervisors' counts per office go out this many offices to a message


@dataclass(frozen=True)
class Actor:
    """Who takes an action on a dossier: an official or the citizen, as the card and the audit log name them."""

    by: str  # lifecycle.OFFICIAL or lifecycle.CITIZEN
    name: str  # shown on the card
    audit: str  # recorded in the audit log
    official_id: str | None = None

    @classmethod
    def official(cls, official: Official) -> Actor:
        """Return a configured official as an actor."""
        return cls(OFFICIAL, official.name, official.key, official.user_id)


@dataclass
class BackOffice:
    """Dossier cards and officials' actions."""

    db: Database
    flows: dict[str, CompiledFlow]
    offices: Offices
    secret: bytes
    clock: Callable[[], datetime]
    declarations: "Declarations | None" = None  # the procedures' declaration forms, drawn as PDFs for the cards

    # -- cards ---------------------------------------------------------------------------------

    def announce(self, dossier_id: int) -> AdminPost:
        """Return the card that presents a new dossier, with its document photos."""
        text, buttons = self.card(dossier_id)
        attachments = dossiers.attachments_of(self.db, dossier_id)
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        flow = self.flows[dossier.flow_id].flow
        return AdminPost(text=text, buttons=buttons, photos=tuple(row.path for row in attachments), dossier_id=dossier_id,
                         office=dossier.office_code, captions=cards.captions(flow, attachments),
                         declaration=self.declaration(dossier_id))

    def declaration(self, dossier_id: int) -> int | None:
        """Return the dossier whose declaration PDF a post about it carries (None if its procedure has no form)."""
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        return dossier_id if dossier and self.declarations and dossier.flow_id in self.declarations.forms else None

    def declaration_drawing(self, dossier_id: int) -> "Drawing | None":
        """Return what drawing a dossier's declaration needs, as it is now (None without a form)."""
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        return self.declarations.drawing(dossier, self.office_of(dossier)) if self.declarations and dossier else None

    def card_edit(self, dossier_id: int) -> list[EditCard]:
        """Return the edit that shows a dossier's card as it is now (none if the card was never posted)."""
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        if dossier is None or dossier.admin_message_id is None:
            return []
        text, buttons = self.card(dossier_id)
        return [EditCard(dossier.admin_message_id, text, buttons, office=dossier.office_code)]

    def card_posted(self, dossier_id: int, message_id: int) -> None:
        """Remember where a dossier's card is in the admin chat, to edit it later."""
        dossiers.set_card_message(self.db, dossier_id, message_id)

    def prompt_posted(self, official_id: str, message_id: int) -> None:
        """Remember where an official's task prompt is, to take its buttons away once it is answered."""
        task = tasks.task_of(self.db, official_id)
        if task is not None and "prompt" not in task.data:
            task.data["prompt"] = message_id
            tasks.save_task_data(self.db, official_id, task.data)

    def repost(self, dossier: Dossier) -> list[Effect]:
        """Post a dossier's card anew (found with /find); the old one keeps its text but loses its buttons."""
        text, buttons = self.card(dossier.id)
        out: list[Effect] = []
        if dossier.admin_message_id is not None:
            out.append(EditCard(dossier.admin_message_id, Text("card-moved", {"card": text}), office=dossier.office_code))
        return out + [AdminPost(text=text, buttons=buttons, dossier_id=dossier.id, office=dossier.office_code)]

    # -- the host's entry ------------------------------------------------------------------------

    def handle(self, event: OfficialEvent) -> list[Effect]:
        """Serve one event from the admin chat (the host runs it in one transaction under the dossier's lock)."""
        if isinstance(event, OfficialPressed):
            return self.press(event.official, event.data)
        if isinstance(event, OfficialWrote):
            return self.write(event.official, event.text)
        return self.command(event.official, event.command.lower(), event.args, event.chat)

    def dossier_of(self, event: OfficialEvent) -> int | None:
        """Return the dossier an admin-chat event is about (its card's button or the official's task), if any."""
        if isinstance(event, OfficialPressed):
            pressed = verify(event.data, self.secret)
            if isinstance(pressed, OfficialAction):
                return pressed.dossier_id
        if isinstance(event, OfficialCommanded):
            return None
        task = tasks.task_of(self.db, event.official.user_id)
        return task.dossier_id if task else None

    def card(self, dossier_id: int) -> tuple[Text, tuple[tuple[Button, ...], ...]]:
        """Return a dossier card's text and the buttons allowed in its status."""
        dossier = dossiers.get_dossier_by_id(self.db, dossier_id)
        flow = self.flows[dossier.flow_id].flow
        text = cards.card_text(flow, dossier, dossiers.attachments_of(self.db, dossier_id), self.fee_of(dossier))
        buttons = [
            Button(Text(f"action-{action}"), sign(OfficialAction(action, dossier_id, dossier.version), self.secret))
            for action in allowed(dossier.state, OFFICIAL) if self._offered(dossier, action)
        ]
        return text, tuple(tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2))

    def _offered(self, dossier: Dossier, action: str) -> bool:
        """Tell whether the card offers an action the state allows: a fee is requested only when there is one, and
        "Đã nộp phí" only while a requested fee, or one due at pickup, is not recorded paid."""
        if action == "request_payment":
            return self.fee_of(dossier) > 0
        if action == "confirm_payment":
            return not dossier.fee_paid_at and (dossier.state == "payment_requested" or bool(dossier.fee))
        return True

    # -- officials pressing ----------------------------------------------------------------------

    def press(self, official: Official, data: str) -> list[Effect]:
        """Handle an official's (or anyone's) button press in an admin chat."""
        if not self.offices_of(official):
            audit.record(self.db, f"user:{official.user_id}", "admin.refused", "admin-chat", {"data": data[:64]})
            return [Toast(Text("admin-not-allowed"), alert=True)]
        signed = verify(data, self.secret)
        if isinstance(signed, OfficialAction):
            return self._press_action(official, signed)
        if isinstance(signed, ConfirmAction):
            return self._confirmed(official, signed)
        if data.partition(":")[0] in (OfficialAction.prefix, ConfirmAction.prefix):
            audit.record(self.db, official.key, "admin.forged", "admin-chat", {"data": data[:64]})
            return [Toast(Text("admin-forged"), alert=True)]
        pressed = decode(data)
        if isinstance(pressed, DropConfirm):
            dossier = dossiers.get_dossier_by_id(self.db, pressed.dossier_id)
            return [EditPressed(Text("admin-confirm-dropped", {"code": dossier.receipt_code if dossier else ""}))]
        if isinstance(pressed, ShowCard):
            dossier = dossiers.get_dossier_by_id(self.db, pressed.dossier_id)
            if dossier is None:
                return [Toast(Text("admin-forged"), alert=True)]
            if not self.may_act(official, dossier):  # the button is not signed: never show another office's card
                return [Toast(Text("admin-other-office", {"office": self.office_of(dossier).name}), alert=True)]
            return self.repost(dossier)
        task = self._task(official)
        if not isinstance(pressed, (PickItem, ItemsChosen, UseDefaultDate, CancelTask)):
            return [Toast(Text("admin-forged"), alert=True)]
        if task is None or task.dossier_id != pressed.dossier_id:
            # A prompt already answered, cancelled or replaced: say so and take its buttons away.
            return [Toast(Text("admin-prompt-stale"), alert=True), EditPressed(Text("admin-prompt-closed"))]
        if isinstance(pressed, PickItem):
            return self._toggle_item(official, task, pressed.index)
        if isinstance(pressed, ItemsChosen):
            if not task.data.get("items"):
                return [Toast(Text("admin-select-items"), alert=True)]
            task.data["stage"] = "reason"
            self._save_task(official, task)
            return [EditPressed(Text("admin-ask-reason", {"code": task.code, "action": Text(f"action-{task.action}")}), _cancel_row(task.dossier_id))]
        if isinstance(pressed, UseDefaultDate):
            return self._take_pickup(official, task, date.fromisoformat(task.data["default_pickup"]), pressed=True)
        self._drop_task(official)
        return [EditPressed(Text("admin-task-cancelled", {"code": task.code}))]

    def _press_action(self, official: Official, pressed: OfficialAction) -> list[Effect]:
        dossier = dossiers.get_dossier_by_id(self.db, pressed.dossier_id)
        if dossier is None:
            return [Toast(Text("admin-forged"), alert=True)]
        if not self.may_act(official, dossier):
            audit.record(self.db, official.key, "admin.refused", dossier.receipt_code, {"action": pressed.action, "office": dossier.office_code})
            return [Toast(Text("admin-other-office", {"office": self.office_of(dossier).name}), alert=True)]
        if pressed.action in allowed(dossier.state, OFFICIAL) and dossier.version == pressed.version and irreversible(pressed.action):
            return self._ask_confirmation(official, dossier, pressed.action)
        return self._take(official, dossier, pressed.action, pressed.version)

    def _ask_confirmation(self, official: Official, dossier: Dossier, action: str) -> list[Effect]:
        """Ask the official who pressed an irreversible action to confirm it (at the card's version)."""
        yes = sign(ConfirmAction(action, dossier.id, dossier.version, official.user_id), self.secret)
        row = (Button(Text("admin-confirm-yes"), yes), Button(Text("admin-cancel"), encode(DropConfirm(dossier.id))))
        question = Text("admin-confirm", {"action": Text(f"action-{action}"), "code": dossier.receipt_code, "official": official.name})
        return [Toast(Text("admin-confirm-toast")), AdminPost(question, (row,))]

    def _confirmed(self, official: Official, pressed: ConfirmAction) -> list[Effect]:
        """Take a confirmed action, if the one who confirms is the one who asked and the card has not changed."""
        if pressed.official != official.user_id:
            return [Toast(Text("admin-confirm-not-yours"), alert=True)]
        dossier = dossiers.get_dossier_by_id(self.db, pressed.dossier_id)
        if dossier is None:
            return [Toast(Text("admin-forged"), alert=True)]
        closed = EditPressed(Text("admin-confirmed", {"action": Text(f"action-{pressed.action}"), "code": dossier.receipt_code}))
        taken = self._take(official, dossier, pressed.action, pressed.version)
        if any(isinstance(e, Toast) and e.alert for e in taken):  # outdated or raced: the confirmation is void
            closed = EditPressed(Text("admin-confirm-void", {"code": dossier.receipt_code}))
        return [closed, *taken]

    def _take(self, official: Official, dossier: Dossier, action: str, version: int) -> list[Effect]:
        """Take an action pressed (and confirmed if it must be) on a card of this version, or say why not."""
        outdated = [Toast(Text("admin-outdated", {"actor": dossier.last_actor or "", "status": Text(f"state-{dossier.state}")}), alert=True),
                    *self.card_edit(dossier.id)]
        if action not in allowed(dossier.state, OFFICIAL):
            return outdated
        if needs(action):
            # The task remembers the card's version; the version-checked write that finishes it is the guard.
            return outdated if dossier.version != version else self._start_task(official, dossier, action)
        applied = self._apply(Actor.official(official), dossier, action, version)
        if applied is not None:
            return applied
        if dossier.version != version:
            return outdated
        fresh = dossiers.get_dossier_by_id(self.db, dossier.id)
        return [Toast(Text("admin-race-toast", {"actor": fresh.last_actor or ""}), alert=True), self._race(fresh), *self.card_edit(dossier.id)]

    def _start_task(self, official: Official, dossier: Dossier, action: str) -> list[Effect]:
        """Ask the official for the first thing the action needs (items, a pickup date, a reason)."""
        first = needs(action)[0]
        data: dict[str, Any] = {"stage": first}
        code = dossier.receipt_code
        if first == "items":
            data["items"] = []
            text, rows = Text("admin-pick-items", {"code": code, "official": official.name}), self._item_buttons(dossier, [])
        elif first == "pickup":
            due = date.fromisoformat(dossier.expected_on)
            default = default_pickup(due, self.clock().date()).isoformat()
            data["default_pickup"] = default
            text = Text("admin-ask-pickup", {"code": code, "official": official.name, "default": formats.day(default),
                                             "due": formats.day(due.isoformat()), "fee": fee_text(self.fee_of(dossier))})
            rows = _date_row(dossier.id, default)
        else:
            text, rows = Text("admin-ask-reason", {"code": code, "action": Text(f"action-{action}")}), _cancel_row(dossier.id)
        replaced = self._close_prompt(self._task(official), Text("admin-task-replaced"))
        tasks.start_task(self.db, official.user_id, dossier.id, action, dossier.version, data)
        return [Toast(Text("admin-task-started", {"action": Text(f"action-{action}")})), *replaced,
                AdminPost(text, rows, prompt_for=official.user_id)]

    def _item_buttons(self, dossier: Dossier, chosen: list[str]) -> tuple[tuple[Button, ...], ...]:
        flow = self.flows[dossier.flow_id].flow
        buttons = []
        for index, step in enumerate(self._redoable(flow, dossier)):
            mark = "✅ " if step.id in chosen else ""
            buttons.append(Button(Text("admin-item", {"mark": mark, "label": Text(step.label)}), encode(PickItem(dossier.id, index))))
        rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
        rows.append((Button(Text("admin-continue"), encode(ItemsChosen(dossier.id))), Button(Text("admin-cancel"), encode(CancelTask(dossier.id)))))
        return tuple(rows)

    def _redoable(self, flow: Flow, dossier: Dossier) -> list:
        answers = dossier.answers
        counts = {row.slot for row in dossiers.attachments_of(self.db, dossier.id)}
        return [
            step for step in flow.steps
            if KINDS[step.kind].answers and (step.id in answers or step.id in counts)
        ]

    def _toggle_item(self, official: Official, task: OfficialTask, index: int) -> list[Effect]:
        dossier = dossiers.get_dossier_by_id(self.db, task.dossier_id)
        steps = self._redoable(self.flows[dossier.flow_id].flow, dossier)
        if task.data.get("stage") != "items" or index >= len(steps):
            return [Toast(Text("admin-prompt-stale"), alert=True)]
        chosen = task.data["items"]
        step_id = steps[index].id
        chosen.remove(step_id) if step_id in chosen else chosen.append(step_id)
        self._save_task(official, task)
        text = Text("admin-pick-items", {"code": dossier.receipt_code, "official": official.name})
        return [EditPressed(text, self._item_buttons(dossier, chosen))]

    def _close_prompt(self, task: OfficialTask | None, text: Text) -> list[Effect]:
        """Take the buttons off a task's prompt (answered by typing, cancelled or replaced), if it was posted."""
        if task is None or task.data.get("prompt") is None:
            return []
        return [EditCard(task.data["prompt"], text)]

    # -- officials writing -----------------------------------------------------------------------

    def write(self, official: Official, text: str) -> list[Effect]:
        """Take what an official typed as the reason or date their task is waiting for."""
        if not self.offices_of(official):
            return []
        task = self._task(official)
        if task is None:
            return []
        stage = task.data.get("stage")
        if stage == "items":
            return [AdminPost(Text("admin-select-items"))]
        if stage == "pickup":
            return self._pickup_written(official, task, text)
        cleaned = clean_text(text, multiline=True)
        if isinstance(cleaned, Text):
            return [AdminPost(cleaned)]
        reason = " ".join(cleaned.split())[:MAX_REASON]
        if len(reason) < 3:
            return [AdminPost(Text("admin-ask-reason", {"code": task.code, "action": Text(f"action-{task.action}")}))]
        return self._finish(official, task, reason=reason)

    def _pickup_written(self, official: Official, task: OfficialTask, text: str) -> list[Effect]:
        """Take the appointment an official typed if it is a working day, not before the due date and not past;
        else say why and offer the next day that is (one press to take it)."""
        today = self.clock().date()
        result = VALIDATORS["date"](text, ValidationContext(today=today, answers={}, options={"future_ok": True, "max_future_days": 365}))
        if isinstance(result, Invalid):
            return [AdminPost(Text("admin-bad-date", {"example": formats.day(task.data["default_pickup"])}))]
        return self._take_pickup(official, task, datetime.strptime(result.value, "%d/%m/%Y").date())

    def _take_pickup(self, official: Official, task: OfficialTask, day: date, pressed: bool = False) -> list[Effect]:
        """Approve with this appointment if it is valid today; else say why and offer the next valid day."""
        dossier = dossiers.get_dossier_by_id(self.db, task.dossier_id)
        refused = pickup_refusal(day, date.fromisoformat(dossier.expected_on), self.clock().date())
        if refused is None:
            closed = [EditPressed(Text("admin-pickup-chosen", {"code": task.code, "date": formats.day(day)}))] if pressed else []
            return closed + self._finish(official, task, pickup=day.isoformat(), closed=pressed)
        why, valid = refused
        # The refusal is the task's prompt now: the previous one loses its buttons, this one offers the valid day.
        replaced = [EditPressed(Text("admin-prompt-closed"))] if pressed else self._close_prompt(task, Text("admin-prompt-closed"))
        task.data["default_pickup"] = valid.isoformat()
        task.data["prompt"] = None
        self._save_task(official, task)
        return [*replaced, AdminPost(why, _date_row(task.dossier_id, valid.isoformat()), prompt_for=official.user_id)]

    def _finish(self, official: Official, task: OfficialTask, reason: str | None = None, pickup: str | None = None,
                closed: bool = False) -> list[Effect]:
        """Take the task's action with what the official gave; its prompt loses its buttons (unless just pressed)."""
        dossier = dossiers.get_dossier_by_id(self.db, task.dossier_id)
        self._drop_task(official)
        done = [] if closed else self._close_prompt(task, Text("admin-prompt-done", {"code": task.code, "action": Text(f"action-{task.action}")}))
        applied = None
        if task.action in allowed(dossier.state, OFFICIAL):
            applied = self._apply(Actor.official(official), dossier, task.action, task.version,
                                  reason=reason, items=tuple(task.data.get("items", ())), pickup=pickup)
        if applied is not None:
            return done + applied
        fresh = dossiers.get_dossier_by_id(self.db, dossier.id)
        return [*self._close_prompt(task, Text("admin-prompt-closed")), self._race(fresh), *self.card_edit(dossier.id)]

    def _race(self, dossier: Dossier) -> AdminPost:
        return AdminPost(Text("admin-race", {"code": dossier.receipt_code, "actor": dossier.last_actor or "", "status": Text(f"state-{dossier.state}")}),
                         office=dossier.office_code)

    # -- applying --------------------------------------------------------------------------------

    def _apply(self, actor: Actor, dossier: Dossier, action: str, expected_version: int, *, reason: str | None = None,
               items: tuple[str, ...] = (), pickup: str | None = None) -> list[Effect] | None:
        """Take an action if the dossier is still at the version the actor saw; None if it changed since.

        The lifecycle machine decides (or raises TransitionRefused): the new state, the values to store and
        the effects; this stores them with the version-checked write and carries the effects out.
        """
        fee = self.fee_of(dossier) if actor.by == OFFICIAL else None
        move = decide(Move(dossier.state, action, actor.by, self.clock().isoformat(timespec="seconds"),
                           reason=reason, items=items, pickup=pickup, fee=fee, name=actor.name, fee_paid=bool(dossier.fee_paid_at)))
        if not dossiers.change_state(self.db, dossier.id, expected_version, actor=actor.name, action=action, at=move.at, **move.values):
            return None
        detail: dict[str, Any] = {"from": dossier.state, "to": move.state}
        if actor.official_id is not None:
            detail["official"] = actor.official_id
        detail.update({k: v for k, v in move.values.items() if k in AUDITED})
        audit.record(self.db, actor.audit, f"dossier.{action}", dossier.receipt_code, detail)
        fresh = dossiers.get_dossier_by_id(self.db, dossier.id)
        out: list[Effect] = []
        if actor.by == OFFICIAL:
            out.append(Toast(Text("admin-done", {"action": Text(f"action-{action}"), "code": fresh.receipt_code})))
            out.append(AdminPost(self.acted(actor, fresh, action), office=fresh.office_code))
        for effect in move.effects:
            if isinstance(effect, RedrawCard):
                out += self.card_edit(dossier.id)
            elif isinstance(effect, TellCitizen):
                out.append(self.notification(fresh))
            elif isinstance(effect, TellOfficials):
                out.append(AdminPost(Text(f"admin-citizen-{effect.action}", {"code": fresh.receipt_code}), office=fresh.office_code))
        return out

    def acted(self, actor: Actor, dossier: Dossier, action: str) -> Text:
        """Return the line the admin chat reads after an official's action: who, what, which dossier (and why)."""
        details = []
        if dossier.reason and action in ("refuse", "stop", "request_supplement"):
            details.append(Text("acted-reason", {"reason": dossier.reason}))
        if dossier.pickup_on and action == "approve":
            details.append(Text("acted-pickup", {"date": formats.day(dossier.pickup_on)}))
        return Text("acted", {"lines": [Text(f"acted-{action}", {"official": actor.name, "code": dossier.receipt_code}), *details]})

    def fee_of(self, dossier: Dossier) -> int:
        """Return the fee for a dossier from the office's fee table (late registrations cost the late fee)."""
        flow = self.flows[dossier.flow_id].flow
        return self.office_of(dossier).fee(flow.fee_key(dossier.answers, datetime.fromisoformat(dossier.submitted_at).date()))

    def office_of(self, dossier: Dossier) -> Office:
        """Return the office a dossier was filed with (the first office for a unit code no longer configured)."""
        return self.offices.by_code(dossier.office_code) or self.offices.default

    # -- who may act where -----------------------------------------------------------------------

    def offices_of(self, official: Official) -> tuple[Office, ...]:
        """Return the offices an official (by Telegram user id) belongs to; none for anyone else."""
        try:
            return self.offices.of_official(int(official.user_id))
        except ValueError:
            return ()

    def may_act(self, official: Official, dossier: Dossier) -> bool:
        """Tell whether an official belongs to the office of a dossier (and so may act on it)."""
        return any(office.code == dossier.office_code for office in self.offices_of(official))

    def scope(self, official: Official, chat: int | None) -> tuple[Office, ...]:
        """Return the offices a command in this chat covers: those of the chat the official belongs to (all of
        theirs when the chat is no office's, as in tests); every office in the supervisors' chat."""
        if chat is not None and chat == self.offices.supervisors_chat:
            return tuple(self.offices)
        mine = self.offices_of(official)
        here = self.offices.in_chat(chat) if chat is not None else ()
        return tuple(office for office in mine if office in here) if here else mine

    def notification(self, dossier: Dossier) -> Notify:
        """Return the message that tells the citizen about their dossier's new status."""
        flow = self.flows[dossier.flow_id].flow
        office = self.office_of(dossier)
        params = {
            "code": dossier.receipt_code,
            "title": Text(flow.title),
            "status": Text(f"state-{dossier.state}"),
            "reason": dossier.reason or "",
            "office": office.desk_name,
            "address": office.address,
            "hours": office.hours,
            "pickup": formats.day(dossier.pickup_on) if dossier.pickup_on else "",
            "fee": formats.money(dossier.fee or 0),
            "fee_line": [self.fee_status(dossier)] + ([Text(flow.result)] if flow.result else []),
            "documents": self.documents(dossier),
            "items": self._labels(flow, dossier.supplement or []),
            "collected": formats.day(collected_on(dossier) or dossier.updated_at),
            "how": self._how_to_pay(dossier, office),
        }
        key = "notify-fee_paid" if dossier.last_action == "confirm_payment" else f"notify-{dossier.state}"
        buttons: tuple = ()
        if dossier.state == "supplement_requested":
            buttons = ((Button(Text("supplement-start"), encode(StartSupplement(dossier.id))),),)
        if dossier.state == "handed_over" and dossier.last_action == "hand_over":  # not again for a fee paid later
            buttons = (tuple(Button("⭐" * n, encode(Rate(dossier.id, n))) for n in range(1, 4)),
                       tuple(Button("⭐" * n, encode(Rate(dossier.id, n))) for n in range(4, 6)))
        if dossier.state == "payment_requested" and office.payment is not None and dossier.fee:
            qr = vietqr.payload(office.payment.bank_bin, office.payment.account_number, dossier.fee, dossier.receipt_code)
            caption = Text("pay-qr-caption", {"code": dossier.receipt_code, "fee": formats.money(dossier.fee)})
            return Notify(dossier.channel, dossier.user_id, Text(key, params), buttons, qr=qr, qr_caption=caption)
        return Notify(dossier.channel, dossier.user_id, Text(key, params), buttons)

    def fee_status(self, dossier: Dossier) -> Text:
        """Return what the approval and the reminder say of the fee: none, paid already, or how much to bring."""
        if not dossier.fee:
            return Text("fee-free")
        if dossier.fee_paid_at:
            return Text("fee-paid-note", {"amount": formats.money(dossier.fee)})
        return Text("fee-bring-note", {"amount": formats.money(dossier.fee)})

    def _how_to_pay(self, dossier: Dossier, office: Office) -> list[Text]:
        """Return how to pay a requested fee: the office's account (and the deadline it sets), or at the office."""
        payment = office.payment
        if payment is None:
            return [Text("pay-at-office", {"office": office.desk_name, "address": office.address, "hours": office.hours})]
        lines = [Text("pay-transfer", {"bank": payment.bank_name, "account": payment.account_number,
                                       "holder": payment.account_name, "note": dossier.receipt_code})]
        if payment.deadline_days and dossier.last_action_at:
            asked = datetime.fromisoformat(dossier.last_action_at).replace(tzinfo=None)
            lines.append(Text("pay-deadline", {"date": formats.day(add_working_days(asked, payment.deadline_days))}))
        lines.append(Text("pay-or-at-office", {"office": office.desk_name}))
        return lines

    def documents(self, dossier: Dossier) -> list[Text]:
        """Return the documents a dossier's photos show, as bullets (the originals to bring to the office)."""
        flow = self.flows[dossier.flow_id].flow
        slots = []
        for row in dossiers.attachments_of(self.db, dossier.id):
            if row.slot not in slots:
                slots.append(row.slot)
        return [Text("bullet", {"text": Text(flow.step(slot).label)}) for slot in slots if slot in flow.index]

    def _labels(self, flow: Flow, step_ids: list[str]) -> list[Text]:
        return [Text("bullet", {"text": Text(flow.step(s).label)}) for s in step_ids if s in flow.index]

    # -- citizen-side changes --------------------------------------------------------------------

    def citizen_changed(self, dossier: Dossier, action: str, actor: str, photos_of: list[str] | None = None) -> list[Effect]:
        """Apply a change the citizen made (withdrawal, supplement sent); tell the officials, with the photos of
        these slots (a supplement's) as an album captioned with the dossier and each document."""
        changed = self._apply(Actor(CITIZEN, CITIZEN_ACTOR, actor), dossier, action, dossier.version) or []
        if not photos_of:
            return changed
        attachments = [row for row in dossiers.attachments_of(self.db, dossier.id) if row.slot in photos_of]
        flow = self.flows[dossier.flow_id].flow
        album = {"photos": tuple(row.path for row in attachments),
                 "captions": cards.supplement_captions(flow, dossier.receipt_code, attachments)}
        return [replace(e, **album) if isinstance(e, AdminPost) else e for e in changed]

    # -- commands --------------------------------------------------------------------------------

    def command(self, official: Official, command: str, args: str, chat: int | None = None) -> list[Effect]:
        """Run an admin command: /pending, /find, /stats (for the chat's offices), /cancel, /help."""
        supervising = chat is not None and chat == self.offices.supervisors_chat
        offices = self.scope(official, chat)
        if not offices:
            return [AdminPost(Text("admin-not-allowed"))]
        if command == "pending":
            return self.digest(self.clock().date()) if supervising else [self.pending(office) for office in offices]
        if command == "find":
            return self.find(args, offices, repost=not supervising)
        if command == "stats":
            return [self.stats(offices)] + (self.digest(self.clock().date())[1:] if supervising else [])
        if command == "cancel":
            task = self._task(official)
            self._drop_task(official)
            if task is None:
                return [AdminPost(Text("admin-no-task"))]
            cancelled = Text("admin-task-cancelled", {"code": task.code})
            return [*self._close_prompt(task, cancelled), AdminPost(cancelled)]
        return [AdminPost(Text("admin-help"))]

    def pending(self, office: Office) -> AdminPost:
        """List an office's dossiers waiting for officials, oldest first (the first PENDING_LINES, then how many
        more), the overdue ones marked."""
        today = self.clock().date()
        count = dossiers.count_in_states(self.db, WAITING_FOR_OFFICIALS, [office.code])
        lines: list[Text] = []
        for dossier in dossiers.dossiers_in_states(self.db, WAITING_FOR_OFFICIALS, [office.code], limit=PENDING_LINES):
            overdue = date.fromisoformat(dossier.expected_on) < today
            lines.append(Text("admin-pending-line", {
                "mark": "⚠️ " if overdue else "", "code": dossier.receipt_code,
                "title": Text(self.flows[dossier.flow_id].flow.title), "status": Text(f"state-{dossier.state}"),
                "expected": formats.day(dossier.expected_on),
            }))
        if count > PENDING_LINES:
            lines.append(Text("admin-pending-more", {"count": count - PENDING_LINES}))
        return AdminPost(Text("admin-pending-of", {"office": office.name, "count": count, "lines": lines}))

    def digest(self, today: date) -> list[AdminPost]:
        """Return the supervisors' view of every office: the totals and the overdue dossiers (longest overdue
        first), then each office's counts (received today, waiting, overdue), the offices with overdue dossiers
        first, OFFICES_PER_POST to a message."""
        counted = {c.office_code: c for c in dossiers.office_counts(self.db, WAITING_FOR_OFFICIALS, today)}
        rows = [counted.get(office.code) or OfficeCounts(office.code, 0, 0, 0) for office in self.offices]
        rows.sort(key=lambda c: (-c.overdue, -c.waiting, self._office_name(c.office_code)))
        office_lines = [Text("digest-office", {
            "mark": "⚠️ " if c.overdue else "", "office": self._office_name(c.office_code),
            "received": c.received_today, "waiting": c.waiting, "overdue": c.overdue,
        }) for c in rows]
        overdue = dossiers.overdue_dossiers(self.db, WAITING_FOR_OFFICIALS, today, limit=OVERDUE_LINES)
        overdue_lines = [Text("digest-overdue-line", {
            "code": d.receipt_code, "office": self._office_name(d.office_code),
            "title": Text(self.flows[d.flow_id].flow.title) if d.flow_id in self.flows else d.flow_id,
            "due": formats.day(d.expected_on),
        }) for d in overdue]
        total_overdue = sum(c.overdue for c in rows)
        if total_overdue > len(overdue_lines):
            overdue_lines.append(Text("admin-pending-more", {"count": total_overdue - len(overdue_lines)}))
        posts = [AdminPost(Text("digest", {
            "day": formats.day(today.isoformat()), "province": self.offices.province or "—",
            "received": sum(c.received_today for c in rows), "waiting": sum(c.waiting for c in rows),
            "overdue": total_overdue, "overdue_lines": overdue_lines or [Text("digest-no-overdue")],
        }))]
        for start in range(0, len(office_lines), OFFICES_PER_POST):
            chunk = office_lines[start:start + OFFICES_PER_POST]
            posts.append(AdminPost(Text("digest-offices", {
                "first": start + 1, "last": start + len(chunk), "total": len(office_lines), "lines": chunk,
            })))
        return posts

    def _office_name(self, code: str) -> str:
        office = self.offices.by_code(code)
        return office.name if office is not None else code

    def find(self, query: str, offices: tuple[Office, ...], repost: bool = True) -> list[Effect]:
        """Find dossiers of these offices by receipt code or by a name in their answers (accents and case ignored):
        one found is posted as its card anew (in its office's chat); several are listed, each with a button that
        posts its card. The supervisors' chat gets the list only: cards live in their offices' chats."""
        query = " ".join(query.split())
        if len(query) < 3:
            return [AdminPost(Text("admin-find-usage"))]
        found = dossiers.find_dossiers(self.db, query, limit=10, office_codes=[office.code for office in offices])
        if len(found) == 1 and repost:
            return self.repost(found[0])
        lines = [Text("admin-pending-line", {
            "mark": "", "code": d.receipt_code, "title": Text(self.flows[d.flow_id].flow.title),
            "status": Text(f"state-{d.state}"), "expected": formats.day(d.expected_on),
        }) for d in found]
        rows = tuple((Button(Text("admin-show-card", {"code": d.receipt_code}), encode(ShowCard(d.id))),) for d in found)
        return [AdminPost(Text("admin-found", {"count": len(found), "query": query, "lines": lines}), rows)]

    def stats(self, offices: tuple[Office, ...]) -> AdminPost:
        """Count the dossiers of these offices by status and procedure; average processing time; satisfaction."""
        counted = dossiers.stats(self.db, [office.code for office in offices])
        by_state = sorted(counted.by_state, key=lambda c: STATUS_CODES[c.value])
        state_lines = [Text("admin-stats-line", {"label": Text(f"state-{c.value}"), "count": c.count}) for c in by_state]
        flow_lines = [Text("admin-stats-line", {"label": Text(self.flows[c.value].flow.title) if c.value in self.flows else c.value, "count": c.count})
                      for c in counted.by_flow]
        body = Text("admin-stats", {
            "total": counted.total, "states": state_lines, "flows": flow_lines,
            "hours": f"{counted.average_hours:.1f}" if counted.average_hours is not None else "—",
            "rating": f"{counted.average_rating:.1f}" if counted.average_rating is not None else "—", "ratings": counted.ratings,
        })
        names = ", ".join(office.name for office in offices) if len(offices) <= 3 else Text("admin-scope-all", {"count": len(offices)})
        return AdminPost(Text("admin-scoped", {"scope": names, "body": body}))

    # -- tasks -----------------------------------------------------------------------------------

    def _task(self, official: Official) -> OfficialTask | None:
        return tasks.task_of(self.db, official.user_id)

    def _save_task(self, official: Official, task: OfficialTask) -> None:
        tasks.save_task_data(self.db, official.user_id, task.data)

    def _drop_task(self, official: Official) -> None:
        tasks.drop_task(self.db, official.user_id)


def _date_row(dossier_id: int, day: str) -> tuple[tuple[Button, ...], ...]:
    """Return the prompt's row: take this appointment with one press, or cancel."""
    return ((Button(Text("admin-use-date", {"date": formats.day(day)}), encode(UseDefaultDate(dossier_id))),
             Button(Text("admin-cancel"), encode(CancelTask(dossier_id)))),)


def _cancel_row(dossier_id: int) -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("admin-cancel"), encode(CancelTask(dossier_id))),),)
