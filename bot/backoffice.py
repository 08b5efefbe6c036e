"""The officials' back office: dossier cards in the admin chat, the actions on them, and admin commands.

Only configured officials can act. Card buttons carry the action, the dossier, the dossier's version and
an HMAC signature (``bot.buttons``): a forged button is refused, a button of an outdated card changes
nothing, and when two officials press at once exactly one action applies (a version-checked UPDATE) and the
other is told. Whether an action may be taken, what it needs and what it changes is the lifecycle
machine's to say (``bot.lifecycle``); actions that need more (a reason, the items to redo, a pickup date)
become a short task of that official, finished by what they type next in the admin chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable

from sqlite_utils import Database

from bot.buttons import (
    CancelTask, ItemsChosen, OfficialAction, PickItem, Rate, StartSupplement, UseDefaultDate, decode, encode, sign, verify,
)
from bot.effects import AdminPost, Button, EditCard, EditPressed, Effect, Notify, Text, Toast
from bot.engine.steps import KINDS, card_line
from bot.engine.steps.base import ORIGIN, ORIGIN_QR
from bot.events import Official, OfficialCommanded, OfficialEvent, OfficialPressed, OfficialWrote
from bot.lifecycle import (
    CITIZEN, OFFICIAL, STATUS_CODES, WAITING_FOR_OFFICIALS, Move, RedrawCard, TellCitizen, TellOfficials, allowed, decide,
    needs,
)
from bot.offices import Office
from bot.receipts import fee_text
from flows.compiler import CompiledFlow
from flows.definition import Flow
from flows.text_hygiene import clean_text
from flows.validators import VALIDATORS, Invalid, ValidationContext
from locales import formats
from storage import audit, dossiers, tasks
from storage.records import Dossier, OfficialTask

if TYPE_CHECKING:
    from bot.declaration import Declarations, Drawing

MAX_REASON = 500
CITIZEN_ACTOR = "Công dân"  # how a citizen's own change shows on the card (the audit log keeps who exactly)
AUDITED = ("reason", "supplement", "pickup_on", "fee")  # what an action stores that the audit log repeats


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
    office: Office
    officials: frozenset[str]
    secret: bytes
    clock: Callable[[], datetime]
    declarations: "Declarations | None" = None  # the procedures' declaration forms, drawn as PDFs for the cards

    # -- cards ---------------------------------------------------------------------------------

    def announce(self, dossier_id: int) -> AdminPost:
        """Return the card that presents a new dossier, with its document photos."""
        text, buttons = self.card(dossier_id)
        photos = tuple(row.path for row in dossiers.attachments_of(self.db, dossier_id))
        return AdminPost(text=text, buttons=buttons, photos=photos, dossier_id=dossier_id, declaration=self.declaration(dossier_id))

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
        return [EditCard(dossier.admin_message_id, text, buttons)]

    def card_posted(self, dossier_id: int, message_id: int) -> None:
        """Remember where a dossier's card is in the admin chat, to edit it later."""
        dossiers.set_card_message(self.db, dossier_id, message_id)

    # -- the host's entry ------------------------------------------------------------------------

    def handle(self, event: OfficialEvent) -> list[Effect]:
        """Serve one event from the admin chat (the host runs it in one transaction under the dossier's lock)."""
        if isinstance(event, OfficialPressed):
            return self.press(event.official, event.data)
        if isinstance(event, OfficialWrote):
            return self.write(event.official, event.text)
        return self.command(event.official, event.command.lower(), event.args)

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
        counts: dict[str, int] = {}
        for row in dossiers.attachments_of(self.db, dossier_id):
            counts[row.slot] = counts.get(row.slot, 0) + 1
        lines = self._card_lines(flow, dossier, counts)
        extra = self._card_flags(flow, dossier)
        if dossier.reason:
            extra.append(Text("card-reason", {"reason": dossier.reason}))
        if dossier.supplement:
            extra.append(Text("card-supplement", {"items": self._labels(flow, dossier.supplement)}))
        if dossier.pickup_on:
            extra.append(Text("card-pickup", {"date": formats.day(dossier.pickup_on), "fee": fee_text(dossier.fee or 0)}))
        if dossier.last_actor:
            extra.append(Text("card-last", {"actor": dossier.last_actor, "action": Text(f"action-{dossier.last_action}"), "at": formats.moment(dossier.last_action_at)}))
        if dossier.rating:
            extra.append(Text("card-rating", {"rating": dossier.rating, "comment": dossier.comment or ""}))
        text = Text(
            "card",
            {
                "code": dossier.receipt_code,
                "title": Text(flow.title),
                "status": Text(f"state-{dossier.state}"),
                "status_code": STATUS_CODES[dossier.state],
                "submitted": formats.moment(dossier.submitted_at),
                "expected": formats.day(dossier.expected_on),
                "channel": dossier.channel,
                "lines": lines,
                "extra": extra,
            },
        )
        buttons = [
            Button(Text(f"action-{action}"), sign(OfficialAction(action, dossier_id, dossier.version), self.secret))
            for action in allowed(dossier.state, OFFICIAL)
        ]
        return text, tuple(tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2))

    def _card_lines(self, flow: Flow, dossier: Dossier, counts: dict[str, int]) -> list[Text]:
        """Return the answers' lines, marking those read from the ID card's QR code or copied from another answer."""
        origin = dossier.answers.get(ORIGIN) or {}
        lines = []
        for step in flow.steps:
            line = card_line(step, dossier.answers, dossier.shown, counts.get(step.id, 0))
            if line is None:
                continue
            source = origin.get(step.id)
            if source == ORIGIN_QR:
                line = Text("card-line-qr", {"line": line})
            elif source in flow.index:
                line = Text("card-line-copied", {"line": line, "source": Text(flow.step(source).label)})
            lines.append(line)
        if origin:
            lines.append(Text("card-origin-legend"))
        return lines

    def _card_flags(self, flow: Flow, dossier: Dossier) -> list[Text]:
        """Return what officials must notice first: a late registration and its fee, the warnings raised."""
        flags = []
        filed = datetime.fromisoformat(dossier.submitted_at).date()
        late = flow.late_days(dossier.answers, filed)
        if late is not None:
            flags.append(Text("card-late", {"days": late, "fee": fee_text(self.fee_of(dossier))}))
        flags += [Text("card-warning", {"text": Text(alert.card)}) for alert in flow.raised(dossier.answers)]
        return flags

    # -- officials pressing ----------------------------------------------------------------------

    def press(self, official: Official, data: str) -> list[Effect]:
        """Handle an official's (or anyone's) button press in the admin chat."""
        if official.user_id not in self.officials:
            audit.record(self.db, f"user:{official.user_id}", "admin.refused", "admin-chat", {"data": data[:64]})
            return [Toast(Text("admin-not-allowed"), alert=True)]
        signed = verify(data, self.secret)
        if isinstance(signed, OfficialAction):
            return self._press_action(official, signed)
        if data.partition(":")[0] == OfficialAction.prefix:
            audit.record(self.db, official.key, "admin.forged", "admin-chat", {"data": data[:64]})
            return [Toast(Text("admin-forged"), alert=True)]
        task = self._task(official)
        if task is None:
            return [Toast(Text("admin-no-task"), alert=True)]
        pressed = decode(data)
        if isinstance(pressed, PickItem):
            return self._toggle_item(official, task, pressed.index)
        if isinstance(pressed, ItemsChosen):
            if not task.data.get("items"):
                return [Toast(Text("admin-select-items"), alert=True)]
            task.data["stage"] = "reason"
            self._save_task(official, task)
            return [EditPressed(Text("admin-ask-reason", {"code": task.code, "action": Text(f"action-{task.action}")}), _cancel_row())]
        if isinstance(pressed, UseDefaultDate):
            closed = EditPressed(Text("admin-pickup-chosen", {"code": task.code, "date": formats.day(task.data["default_pickup"])}))
            return [closed] + self._finish(official, task, pickup=task.data["default_pickup"])
        if isinstance(pressed, CancelTask):
            self._drop_task(official)
            return [EditPressed(Text("admin-task-cancelled", {"code": task.code}))]
        return [Toast(Text("admin-no-task"), alert=True)]

    def _press_action(self, official: Official, pressed: OfficialAction) -> list[Effect]:
        action, version = pressed.action, pressed.version
        dossier = dossiers.get_dossier_by_id(self.db, pressed.dossier_id)
        if dossier is None:
            return [Toast(Text("admin-forged"), alert=True)]
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
            prompt = AdminPost(Text("admin-pick-items", {"code": code, "official": official.name}), self._item_buttons(dossier, []))
        elif first == "pickup":
            default = dossier.expected_on
            data["default_pickup"] = default
            prompt = AdminPost(
                Text("admin-ask-pickup", {"code": code, "official": official.name, "default": formats.day(default), "fee": fee_text(self.fee_of(dossier))}),
                ((Button(Text("admin-use-date", {"date": formats.day(default)}), encode(UseDefaultDate())), Button(Text("admin-cancel"), encode(CancelTask()))),),
            )
        else:
            prompt = AdminPost(Text("admin-ask-reason", {"code": code, "action": Text(f"action-{action}")}), _cancel_row())
        tasks.start_task(self.db, official.user_id, dossier.id, action, dossier.version, data)
        return [Toast(Text("admin-task-started", {"action": Text(f"action-{action}")})), prompt]

    def _item_buttons(self, dossier: Dossier, chosen: list[str]) -> tuple[tuple[Button, ...], ...]:
        flow = self.flows[dossier.flow_id].flow
        buttons = []
        for index, step in enumerate(self._redoable(flow, dossier)):
            mark = "✅ " if step.id in chosen else ""
            buttons.append(Button(Text("admin-item", {"mark": mark, "label": Text(step.label)}), encode(PickItem(index))))
        rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
        rows.append((Button(Text("admin-continue"), encode(ItemsChosen())), Button(Text("admin-cancel"), encode(CancelTask()))))
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
            return [Toast(Text("admin-no-task"), alert=True)]
        chosen = task.data["items"]
        step_id = steps[index].id
        chosen.remove(step_id) if step_id in chosen else chosen.append(step_id)
        self._save_task(official, task)
        text = Text("admin-pick-items", {"code": dossier.receipt_code, "official": official.name})
        return [EditPressed(text, self._item_buttons(dossier, chosen))]

    # -- officials writing -----------------------------------------------------------------------

    def write(self, official: Official, text: str) -> list[Effect]:
        """Take what an official typed as the reason or date their task is waiting for."""
        if official.user_id not in self.officials:
            return []
        task = self._task(official)
        if task is None:
            return []
        stage = task.data.get("stage")
        if stage == "items":
            return [AdminPost(Text("admin-select-items"))]
        if stage == "pickup":
            today = self.clock().date()
            result = VALIDATORS["date"](text, ValidationContext(today=today, answers={}, options={"future_ok": True, "max_future_days": 365}))
            if isinstance(result, Invalid) or datetime.strptime(result.value, "%d/%m/%Y").date() < today:
                return [AdminPost(Text("admin-bad-date", {"example": formats.day(task.data["default_pickup"])}))]
            return self._finish(official, task, pickup=datetime.strptime(result.value, "%d/%m/%Y").date().isoformat())
        cleaned = clean_text(text, multiline=True)
        if isinstance(cleaned, Text):
            return [AdminPost(cleaned)]
        reason = " ".join(cleaned.split())[:MAX_REASON]
        if len(reason) < 3:
            return [AdminPost(Text("admin-ask-reason", {"code": task.code, "action": Text(f"action-{task.action}")}))]
        return self._finish(official, task, reason=reason)

    def _finish(self, official: Official, task: OfficialTask, reason: str | None = None, pickup: str | None = None) -> list[Effect]:
        dossier = dossiers.get_dossier_by_id(self.db, task.dossier_id)
        self._drop_task(official)
        applied = None
        if task.action in allowed(dossier.state, OFFICIAL):
            applied = self._apply(Actor.official(official), dossier, task.action, task.version,
                                  reason=reason, items=tuple(task.data.get("items", ())), pickup=pickup)
        if applied is not None:
            return applied
        fresh = dossiers.get_dossier_by_id(self.db, dossier.id)
        return [self._race(fresh), *self.card_edit(dossier.id)]

    def _race(self, dossier: Dossier) -> AdminPost:
        return AdminPost(Text("admin-race", {"code": dossier.receipt_code, "actor": dossier.last_actor or "", "status": Text(f"state-{dossier.state}")}))

    # -- applying --------------------------------------------------------------------------------

    def _apply(self, actor: Actor, dossier: Dossier, action: str, expected_version: int, *, reason: str | None = None,
               items: tuple[str, ...] = (), pickup: str | None = None) -> list[Effect] | None:
        """Take an action if the dossier is still at the version the actor saw; None if it changed since.

        The lifecycle machine decides (or raises TransitionRefused): the new state, the values to store and
        the effects; this stores them with the version-checked write and carries the effects out.
        """
        fee = self.fee_of(dossier) if actor.by == OFFICIAL else None
        move = decide(Move(dossier.state, action, actor.by, self.clock().isoformat(timespec="seconds"),
                           reason=reason, items=items, pickup=pickup, fee=fee))
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
        for effect in move.effects:
            if isinstance(effect, RedrawCard):
                out += self.card_edit(dossier.id)
            elif isinstance(effect, TellCitizen):
                out.append(self.notification(fresh))
            elif isinstance(effect, TellOfficials):
                out.append(AdminPost(Text(f"admin-citizen-{effect.action}", {"code": fresh.receipt_code})))
        return out

    def fee_of(self, dossier: Dossier) -> int:
        """Return the fee for a dossier from the office's fee table (late registrations cost the late fee)."""
        flow = self.flows[dossier.flow_id].flow
        return self.office_of(dossier).fee(flow.fee_key(dossier.answers, datetime.fromisoformat(dossier.submitted_at).date()))

    def office_of(self, dossier: Dossier) -> Office:
        """Return the office a dossier was filed with."""
        return self.office

    def notification(self, dossier: Dossier) -> Notify:
        """Return the message that tells the citizen about their dossier's new status."""
        flow = self.flows[dossier.flow_id].flow
        office = self.office_of(dossier)
        params = {
            "code": dossier.receipt_code,
            "title": Text(flow.title),
            "status": Text(f"state-{dossier.state}"),
            "reason": dossier.reason or "",
            "office": office.name,
            "address": office.address,
            "hours": office.hours,
            "pickup": formats.day(dossier.pickup_on) if dossier.pickup_on else "",
            "fee": formats.money(dossier.fee or 0),
            "fee_line": [fee_text(dossier.fee or 0)] + ([Text(flow.result)] if flow.result else []),
            "documents": self._documents(dossier),
            "items": self._labels(flow, dossier.supplement or []),
        }
        buttons: tuple = ()
        if dossier.state == "supplement_requested":
            buttons = ((Button(Text("supplement-start"), encode(StartSupplement(dossier.id))),),)
        if dossier.state == "handed_over":
            buttons = (tuple(Button("⭐" * n, encode(Rate(dossier.id, n))) for n in range(1, 4)),
                       tuple(Button("⭐" * n, encode(Rate(dossier.id, n))) for n in range(4, 6)))
        return Notify(dossier.channel, dossier.user_id, Text(f"notify-{dossier.state}", params), buttons)

    def _documents(self, dossier: Dossier) -> list[Text]:
        flow = self.flows[dossier.flow_id].flow
        slots = []
        for row in dossiers.attachments_of(self.db, dossier.id):
            if row.slot not in slots:
                slots.append(row.slot)
        return [Text("bullet", {"text": Text(flow.step(slot).label)}) for slot in slots if slot in flow.index]

    def _labels(self, flow: Flow, step_ids: list[str]) -> list[Text]:
        return [Text("bullet", {"text": Text(flow.step(s).label)}) for s in step_ids if s in flow.index]

    # -- citizen-side changes --------------------------------------------------------------------

    def citizen_changed(self, dossier: Dossier, action: str, actor: str) -> list[Effect]:
        """Apply a change the citizen made (withdrawal, supplement sent); tell the officials."""
        return self._apply(Actor(CITIZEN, CITIZEN_ACTOR, actor), dossier, action, dossier.version) or []

    # -- commands --------------------------------------------------------------------------------

    def command(self, official: Official, command: str, args: str) -> list[Effect]:
        """Run an admin command: /pending, /find, /stats, /cancel, /help."""
        if official.user_id not in self.officials:
            return [AdminPost(Text("admin-not-allowed"))]
        if command == "pending":
            return [self.pending()]
        if command == "find":
            return [self.find(args)]
        if command == "stats":
            return [self.stats()]
        if command == "cancel":
            task = self._task(official)
            self._drop_task(official)
            return [AdminPost(Text("admin-task-cancelled", {"code": task.code}) if task else Text("admin-no-task"))]
        return [AdminPost(Text("admin-help"))]

    def pending(self) -> AdminPost:
        """List dossiers waiting for officials, oldest first, the overdue ones marked."""
        today = self.clock().date()
        lines = []
        for dossier in dossiers.dossiers_in_states(self.db, WAITING_FOR_OFFICIALS):
            overdue = date.fromisoformat(dossier.expected_on) < today
            lines.append(Text("admin-pending-line", {
                "mark": "⚠️ " if overdue else "", "code": dossier.receipt_code,
                "title": Text(self.flows[dossier.flow_id].flow.title), "status": Text(f"state-{dossier.state}"),
                "expected": formats.day(dossier.expected_on),
            }))
        return AdminPost(Text("admin-pending", {"count": len(lines), "lines": lines}))

    def find(self, query: str) -> AdminPost:
        """Find dossiers by receipt code or by a name in their answers (accents and case ignored)."""
        query = " ".join(query.split())
        if len(query) < 3:
            return AdminPost(Text("admin-find-usage"))
        found = dossiers.find_dossiers(self.db, query, limit=10)
        lines = [Text("admin-pending-line", {
            "mark": "", "code": d.receipt_code, "title": Text(self.flows[d.flow_id].flow.title),
            "status": Text(f"state-{d.state}"), "expected": formats.day(d.expected_on),
        }) for d in found]
        return AdminPost(Text("admin-found", {"count": len(found), "query": query, "lines": lines}))

    def stats(self) -> AdminPost:
        """Count dossiers by status and procedure; average processing time; satisfaction."""
        counted = dossiers.stats(self.db)
        by_state = sorted(counted.by_state, key=lambda c: STATUS_CODES[c.value])
        state_lines = [Text("admin-stats-line", {"label": Text(f"state-{c.value}"), "count": c.count}) for c in by_state]
        flow_lines = [Text("admin-stats-line", {"label": Text(self.flows[c.value].flow.title) if c.value in self.flows else c.value, "count": c.count})
                      for c in counted.by_flow]
        return AdminPost(Text("admin-stats", {
            "total": counted.total, "states": state_lines, "flows": flow_lines,
            "hours": f"{counted.average_hours:.1f}" if counted.average_hours is not None else "—",
            "rating": f"{counted.average_rating:.1f}" if counted.average_rating is not None else "—", "ratings": counted.ratings,
        }))

    # -- tasks -----------------------------------------------------------------------------------

    def _task(self, official: Official) -> OfficialTask | None:
        return tasks.task_of(self.db, official.user_id)

    def _save_task(self, official: Official, task: OfficialTask) -> None:
        tasks.save_task_data(self.db, official.user_id, task.data)

    def _drop_task(self, official: Official) -> None:
        tasks.drop_task(self.db, official.user_id)


def _cancel_row() -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("admin-cancel"), encode(CancelTask())),),)
