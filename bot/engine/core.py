"""The filing engine: applies one citizen event to their session and returns effects. No I/O.

The engine knows flows (compiled state machines), the step kinds (bot/engine/steps/), photo rules and
message keys. It never sends, downloads or stores anything: it returns ``Say``, ``Fetch``, ``Submit`` and
``Forget`` effects for the host (bot/desk.py) and the channel adapters to carry out. Everything it needs
from the outside world comes in through ``Context``. What a step asks and how it takes an answer is its
kind's business; the engine moves through the flow, handles commands, the menu and pending questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from bot import buttons
from bot.buttons import AcceptPrefill, Back, ConfirmCancel, SetLanguage, StartFlow
from bot.effects import Button, Effect, Forget, Say, Text
from bot.engine.steps import KINDS
from bot.engine.steps.base import StepKind
from bot.events import ButtonPressed, CommandReceived, DocumentReceived, Event, LocationReceived, PhotoReceived, TextReceived
from bot.photos import PhotoRules
from bot.session import ConfirmingCancel, GroupItem, OfferingPrefill, Session
from bot.textmatch import yes_no
from flows.compiler import CompiledFlow
from flows.definition import Step
from locales.catalog import LANGUAGE_NAMES, Catalog
from locales.folding import fold

if TYPE_CHECKING:
    from storage.records import Dossier


@dataclass(frozen=True)
class Context:
    """What the engine may know of the world for one event: the time and read-only lookups."""

    now: datetime
    business_name_taken: Callable[[str], bool] = lambda name: False


@dataclass
class Engine:
    """Turns a citizen's events into effects, following the compiled flows."""

    flows: dict[str, CompiledFlow]
    catalog: Catalog
    rules: PhotoRules = field(default_factory=PhotoRules)
    vsic: dict[str, str] = field(default_factory=dict)
    menu_extras: tuple[Button, ...] = ()
    kinds: dict[str, StepKind] = field(default_factory=lambda: dict(KINDS))

    # -- entry point -------------------------------------------------------------------------

    def handle(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        """Apply one event to the session (changed in place) and return what to do."""
        pressed = buttons.decode(event.data) if isinstance(event, ButtonPressed) else None
        if isinstance(event, CommandReceived):
            return self._command(session, event.command.lower().lstrip("/"), ctx)
        if isinstance(pressed, SetLanguage):
            return self._set_language(session, pressed.language)
        if not session.in_flow:
            return self._menu_input(session, event, pressed, ctx)
        compiled = self._flow_of(session)
        if compiled is None:
            session.reset_flow()
            return [Say(Text("flow-gone"))] + self.menu(session)
        if session.pending:
            return self._pending_input(session, compiled, event, pressed, ctx)
        if isinstance(event, ButtonPressed) and _stale(pressed, session.current_step):
            return self.unexpected(session, compiled, event)
        if isinstance(pressed, Back):
            return self._back(session, compiled)
        step = compiled.flow.step(session.current_step)
        return self.kind(step).handle(self, session, compiled, step, event, pressed, ctx)

    def kind(self, step: Step) -> StepKind:
        """Return the kind of a step."""
        return self.kinds[step.kind]

    def start_flow(self, session: Session, flow_id: str, ctx: Context) -> list[Effect]:
        """Begin a new filing of this procedure at its first step."""
        compiled = self.flows[flow_id]
        session.reset_flow()
        session.flow_id = flow_id
        session.flow_version = compiled.flow.version
        session.step = compiled.first
        intro = Say(Text("flow-started", {"title": Text(compiled.flow.title)}))
        return [intro] + self.enter(session, compiled, ctx)

    def start_supplement(self, session: Session, dossier: Dossier, photos: dict[str, list], ctx: Context) -> list[Effect]:
        """Reopen a submitted dossier to redo only the items the officials asked for."""
        compiled = self.flows[dossier.flow_id]
        order = {step.id: position for position, step in enumerate(compiled.flow.steps)}
        items = sorted((s for s in dossier.supplement or [] if s in order), key=order.__getitem__)
        if not items:
            return [Say(Text("supplement-not-needed"))]
        session.reset_flow()
        session.flow_id = compiled.flow.id
        session.flow_version = compiled.flow.version
        session.answers = {**dossier.answers, **photos}
        session.shown = dict(dossier.shown or {})
        for item in items:
            session.answers.pop(item, None)
            session.shown.pop(item, None)
        session.consent = dict(dossier.consent or {})
        session.supplement = {"dossier_id": dossier.id, "code": dossier.receipt_code, "items": items}
        session.editing = True
        session.step = compiled.jump(compiled.first, items[0])
        labels = [Text("bullet", {"text": Text(compiled.flow.step(item).label)}) for item in items]
        intro = Say(Text("supplement-started", {"code": dossier.receipt_code, "items": labels, "reason": dossier.reason or ""}))
        return [intro] + self.enter(session, compiled, ctx)

    # -- commands, menu, language -------------------------------------------------------------

    def _command(self, session: Session, command: str, ctx: Context) -> list[Effect]:
        compiled = self._flow_of(session) if session.in_flow else None
        if command == "start":
            if compiled:
                note = Say(Text("start-in-flow", {"title": Text(compiled.flow.title)}))
                return [note] + self.ask(session, compiled)
            return self.menu(session)
        if command == "help":
            return [Say(Text("help"))] + (self.ask(session, compiled) if compiled else self.menu(session))
        if command in ("language", "lang", "ngonngu"):
            rows = tuple(
                (Button(name, buttons.encode(SetLanguage(code))),)
                for code, name in LANGUAGE_NAMES.items() if code in self.catalog.languages
            )
            return [Say(Text("language-choose"), rows)]
        if not compiled:
            if command in ("back", "cancel"):
                return [Say(Text("nothing-in-progress"))] + self.menu(session)
            return [Say(Text("unknown-command", {"command": "/" + command}))] + self.menu(session)
        if command == "back":
            session.pending = None
            return self._back(session, compiled)
        if command == "cancel":
            session.pending = ConfirmingCancel()
            return [_cancel_question(compiled)]
        if command == "review" and session.consent and not self.kind(compiled.flow.step(session.current_step)).grants_consent:
            return self._go_to_review(session, compiled, ctx)
        return [Say(Text("unknown-command", {"command": "/" + command}))] + self.ask(session, compiled)

    def _set_language(self, session: Session, language: str) -> list[Effect]:
        if language not in self.catalog.languages:
            return [Say(Text("language-choose"))]
        session.language = language
        done = [Say(Text("language-set", {"language": LANGUAGE_NAMES.get(language, language)}))]
        compiled = self._flow_of(session) if session.in_flow else None
        return done + (self.ask(session, compiled) if compiled else self.menu(session))

    def menu(self, session: Session) -> list[Effect]:
        """Return the main menu: every procedure, then the services."""
        rows = [(Button(Text(c.flow.title), buttons.encode(StartFlow(flow_id))),) for flow_id, c in self.flows.items()]
        rows += [(extra,) for extra in self.menu_extras]
        return [Say(Text("menu"), tuple(rows))]

    def _menu_input(self, session: Session, event: Event, pressed: buttons.Payload | None, ctx: Context) -> list[Effect]:
        flow_id = None
        if isinstance(pressed, StartFlow):
            flow_id = pressed.flow_id
        elif isinstance(event, TextReceived):
            flow_id = self._match_flow(session, event.text)
        if flow_id in self.flows:
            return self.start_flow(session, flow_id, ctx)
        if isinstance(pressed, buttons.FILING):
            return [Say(Text("button-expired"))] + self.menu(session)
        return self.menu(session)

    def _match_flow(self, session: Session, text: str) -> str | None:
        wanted = fold(text)
        for position, (flow_id, compiled) in enumerate(self.flows.items(), start=1):
            title = fold(self.catalog.render(session.language, Text(compiled.flow.title)))
            if wanted == str(position) or (len(wanted) >= 4 and wanted in title):
                return flow_id
        return None

    def _flow_of(self, session: Session) -> CompiledFlow | None:
        compiled = self.flows.get(session.flow_id or "")
        if compiled is None:
            return None
        if compiled.flow.version != session.flow_version:
            if session.step not in compiled.flow.index:
                return None
            session.flow_version = compiled.flow.version
        return compiled

    # -- moving through the flow ---------------------------------------------------------------

    def advance(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        """Leave the current step for the next applicable one and ask it."""
        flow = compiled.flow
        session.history.append(session.current_step)
        answers = compiled.answers(session.answers)
        while True:
            session.step = compiled.next_step(session.current_step, answers)
            step = flow.step(session.step)
            if self.kind(step).always_asked or "." in session.step:
                break
            skip_answered = session.editing and self.kind(step).answered(session, step)
            skip_prefilled = not session.editing and session.step in session.prefilled and step.id in session.answers
            if not (skip_answered or skip_prefilled):
                break
        return self.enter(session, compiled, ctx)

    def enter(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        """Do what arriving at the current step means, then ask it."""
        step = compiled.flow.step(session.current_step)
        return self.kind(step).enter(self, session, compiled, step, ctx)

    def store(self, session: Session, compiled: CompiledFlow, step: Step, value: Any, shown: str, ctx: Context) -> list[Effect]:
        """Record an answer (in the repeat item when inside a group) and move on."""
        if "." in session.current_step:
            item = self.group_item(session).with_answer(step.id, value, shown)
            next_state = compiled.next_step(session.current_step, {})
            if "." in next_state:
                session.item = item
            else:
                session.answers.setdefault(session.current_step.split(".")[0], []).append(item.values)
                session.item = None
            session.history.append(session.current_step)
            session.step = next_state
            return self.ask(session, compiled)
        session.answers[step.id] = value
        session.shown[step.id] = shown
        if step.id in session.prefilled:
            session.prefilled.remove(step.id)
        return self.advance(session, compiled, ctx)

    def group_item(self, session: Session) -> GroupItem:
        """Return the repeat item being filled (an empty one if none)."""
        return session.item if isinstance(session.item, GroupItem) else GroupItem()

    def answer_steps(self, session: Session, compiled: CompiledFlow) -> list[Step]:
        """Return the steps holding answers that apply to this filing, in order."""
        path, _ = compiled.walk(session.answers)
        return [compiled.flow.step(s) for s in path if self.kind(compiled.flow.step(s)).answers]

    def _back(self, session: Session, compiled: CompiledFlow) -> list[Effect]:
        step = compiled.flow.step(session.current_step)
        within = self.kind(step).back(self, session, compiled, step)
        if within is not None:
            return within
        if not session.history:
            return [Say(Text("back-at-start"))] + self.ask(session, compiled)
        leaving = session.step
        target = session.history.pop()
        group = target.split(".")[0] if "." in target else None
        if group and leaving == group and session.answers.get(group):
            session.item = GroupItem(session.answers[group].pop())
        session.step = compiled.jump(session.current_step, target)
        session.editing = False
        return self.ask(session, compiled)

    def _go_to_review(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        review = next(s.id for s in compiled.flow.steps if self.kind(s).summarises)
        if any(not self.kind(s).answered(session, s) for s in self.answer_steps(session, compiled)):
            return [Say(Text("review-not-yet"))] + self.ask(session, compiled)
        session.history.append(session.current_step)
        session.step = compiled.jump(session.current_step, review)
        return self.enter(session, compiled, ctx)

    # -- asking --------------------------------------------------------------------------------

    def ask(self, session: Session, compiled: CompiledFlow, lead: Text | None = None) -> list[Effect]:
        """Ask the current step, optionally after a lead line (an error or a note)."""
        step = compiled.flow.step(session.current_step)
        kind = self.kind(step)
        question, rows = kind.question(self, session, compiled, step)
        current = self._current(session, step) if kind.shows_current else None
        if current is not None:
            question = Text("ask-with-current", {"question": question, "current": current})
        if lead is not None:
            question = Text("ask-after", {"lead": lead, "question": question})
        if session.history and kind.has_back:
            rows.append((Button(Text("back"), buttons.encode(Back(step.id))),))
        return [Say(question, tuple(row for row in rows if row))]

    def _current(self, session: Session, step: Step) -> str | Text | list[Text] | None:
        if "." in (session.step or ""):
            item = self.group_item(session)
            return None if item.answer(step.id) is None else item.shown(step.id)
        if step.id not in session.answers:
            return None
        return self.kind(step).display(self, session, step)

    # -- pending confirmations -----------------------------------------------------------------

    def _pending_input(self, session, compiled, event, pressed, ctx) -> list[Effect]:
        pending = session.pending
        answer = yes_no(event.text) if isinstance(event, TextReceived) else None
        if isinstance(pending, ConfirmingCancel):
            if isinstance(pressed, ConfirmCancel):
                answer = "yes" if pressed.yes else "no"
            if answer == "yes":
                hashes = tuple(session.photo_hashes())
                session.reset_flow()
                effects: list[Effect] = [Forget(hashes)] if hashes else []
                return effects + [Say(Text("cancelled"))] + self.menu(session)
            if answer == "no":
                session.pending = None
                return self.ask(session, compiled, Text("cancel-kept"))
            return [_cancel_question(compiled)]
        if isinstance(pending, OfferingPrefill):
            if isinstance(pressed, AcceptPrefill):
                answer = "yes" if pressed.yes else "no"
            if answer not in ("yes", "no"):
                return [Say(Text("prefill-need-answer"), _prefill_rows())]
            session.pending = None
            effects = []
            if answer == "yes":
                used = self._apply_prefill(session, compiled, pending.fields, ctx)
                effects.append(Say(Text("prefill-used", {"count": used})))
            step = compiled.flow.step(pending.slot)
            return effects + self.kind(step).after(self, session, compiled, step, ctx)
        session.pending = None
        return self.ask(session, compiled)

    def offer_prefill(self, compiled: CompiledFlow, fields: dict[str, str]) -> list[Effect]:
        """Offer the details read from a document for the steps they fill."""
        shown = []
        for target, value in fields.items():
            step = compiled.flow.step(target)
            shown.append(Text("review-line", {"label": Text(step.label), "value": self.kind(step).offer(step, value)}))
        return [Say(Text("prefill-offer", {"lines": shown}), _prefill_rows())]

    def _apply_prefill(self, session, compiled, fields: dict[str, str], ctx) -> int:
        used = 0
        for target, raw in fields.items():
            step = compiled.flow.step(target)
            found = self.kind(step).prefill(self, session, compiled, step, raw, ctx)
            if found is None:
                continue
            session.answers[target], session.shown[target] = found
            if target not in session.prefilled:
                session.prefilled.append(target)
            used += 1
        return used

    # -- anything else -------------------------------------------------------------------------

    def unexpected(self, session, compiled, event) -> list[Effect]:
        """Say what this input is not, then ask the current step again."""
        if isinstance(event, PhotoReceived):
            return self.ask(session, compiled, Text("photo-not-expected"))
        if isinstance(event, DocumentReceived):
            return self.ask(session, compiled, Text("document-not-expected"))
        if isinstance(event, ButtonPressed):
            return self.ask(session, compiled, Text("button-expired"))
        if isinstance(event, LocationReceived):
            return self.ask(session, compiled, Text("location-not-expected"))
        return self.ask(session, compiled)


def _stale(pressed: buttons.Payload | None, current: str) -> bool:
    """Tell whether a step-bound button belongs to a step other than the current one."""
    if not isinstance(pressed, buttons.STEP_BOUND):
        return False
    return pressed.step != current.split(".")[-1]


def _cancel_question(compiled: CompiledFlow) -> Say:
    rows = ((Button(Text("cancel-yes"), buttons.encode(ConfirmCancel(True))), Button(Text("cancel-no"), buttons.encode(ConfirmCancel(False)))),)
    return Say(Text("cancel-confirm", {"title": Text(compiled.flow.title)}), rows)


def _prefill_rows() -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("prefill-yes"), buttons.encode(AcceptPrefill(True))), Button(Text("prefill-no"), buttons.encode(AcceptPrefill(False)))),)
