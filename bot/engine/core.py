"""The filing engine: applies one citizen event to their session and returns effects. No I/O.

The engine knows flows (compiled state machines), the step kinds (bot/engine/steps/), photo rules and
message keys. It never sends, downloads or stores anything: it returns ``Say``, ``Fetch``, ``Submit`` and
``Forget`` effects for the host (bot/desk.py) and the channel adapters to carry out. Everything it needs
from the outside world comes in through ``Context``. What a step asks and how it takes an answer is its
kind's business; the engine moves through the flow, handles commands (also typed as words: "hủy", "quay lại"),
the menu and pending questions, and offers help after the third refusal of one question: the office's phone
number, or leaving the question for an officer (the answer stays empty, shown as needing help). The office
named is the one the answers route the filing to (bot/engine/routing.py), else the default one; once the
answers that decide the office are all given and no office here serves their communes, the citizen is told
at once, with the portal and a button to correct the address.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from bot import buttons
from bot.buttons import AcceptPrefill, Back, ConfirmAnswer, ConfirmCancel, EditStep, HelpSkip, SetLanguage, StartFlow
from bot.effects import Button, Effect, Forget, Say, Text
from bot.engine.routing import OfficeFor, Route, route
from bot.engine.steps import KINDS
from bot.engine.steps.base import ORIGIN, ORIGIN_QR, StepKind
from bot.events import (ButtonPressed, CommandReceived, DocumentReceived, Event, LocationReceived, PhotoReceived, PhotosChecked,
                        TextReceived)
from bot.offices import DEFAULT_PORTAL, Office
from bot.photos import PhotoRules
from bot.session import ConfirmingAnswer, ConfirmingCancel, GroupItem, OfferingPrefill, Session
from bot.textmatch import command_word, says_none, yes_no
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
    business_name_taken: Callable[[str, str | None], bool] = lambda name, office_code: False  # (name, unit code)
    default_office: Office | None = None  # named before the answers decide one (Offices.default)
    office_for: OfficeFor | None = None  # the office serving a commune (Offices.for_commune); None: no routing
    portal: str = DEFAULT_PORTAL  # where a citizen files when no office here serves their commune


# The context of the event being handled, for what is asked without it being passed (the review names the office).
_CONTEXT: ContextVar[Context | None] = ContextVar("engine_context", default=None)


@dataclass
class Engine:
    """Turns a citizen's events into effects, following the compiled flows."""

    flows: dict[str, CompiledFlow]
    catalog: Catalog
    rules: PhotoRules = field(default_factory=PhotoRules)
    vsic: Mapping[str, str] = field(default_factory=dict)  # a flows.vsic.VsicIndex: searchable
    menu_extras: tuple[Button, ...] = ()
    kinds: dict[str, StepKind] = field(default_factory=lambda: dict(KINDS))
    help_after: int = 3  # refusals of one question before the help (phone, leave it to an officer) is offered

    # -- entry point -------------------------------------------------------------------------

    @property
    def context(self) -> Context | None:
        """Return the context of the event being handled (None outside ``handle``, ``start_flow``, ``start_supplement``)."""
        return _CONTEXT.get()

    @staticmethod
    @contextmanager
    def _within(ctx: Context) -> Iterator[None]:
        token = _CONTEXT.set(ctx)
        try:
            yield
        finally:
            _CONTEXT.reset(token)

    def handle(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        """Apply one event to the session (changed in place) and return what to do."""
        with self._within(ctx):
            return self._handle(session, event, ctx)

    def _handle(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        pressed = buttons.decode(event.data) if isinstance(event, ButtonPressed) else None
        if isinstance(event, CommandReceived):
            return self._command(session, event.command.lower().lstrip("/"), ctx)
        if isinstance(event, TextReceived) and (word := command_word(event.text)):
            return self._command(session, word, ctx)
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
            if _answered(pressed, session):
                return [Say(Text("button-already-answered"))]
            return self.unexpected(session, compiled, event)
        if isinstance(pressed, Back):
            return self._back(session, compiled)
        step = self.step_of(session, compiled)
        if isinstance(pressed, HelpSkip):
            return self._leave_to_officer(session, compiled, step, ctx)
        if isinstance(pressed, EditStep) and not self.kind(step).summarises:
            return self._fix_place(session, compiled, pressed.step, ctx)
        if self._skips_requested(session, compiled, step, event, pressed):
            return self.ask(session, compiled, Text("supplement-required", {"label": Text(step.label)}))
        return self.kind(step).handle(self, session, compiled, step, event, pressed, ctx)

    def step_of(self, session: Session, compiled: CompiledFlow) -> Step:
        """Return the current step as it is asked now: an item the officials asked to redo is required."""
        step = compiled.flow.step(session.current_step)
        return required(step) if step.id in _requested(session) else step

    def _skips_requested(self, session: Session, compiled: CompiledFlow, step: Step, event: Event, pressed: buttons.Payload | None) -> bool:
        """Tell whether the citizen tries to skip an item the officials asked for (optional at filing)."""
        if step.id not in _requested(session) or step == compiled.flow.step(step.id):
            return False  # not asked for, or required anyway: the step's own handling answers
        if isinstance(pressed, buttons.Skip):
            return True
        if not isinstance(event, TextReceived):
            return False  # "không" may be a choice's answer; only a text step takes "không có" as nothing
        return fold(event.text) in ("bo qua", "skip") or step.kind == "text" and says_none(event.text)

    def kind(self, step: Step) -> StepKind:
        """Return the kind of a step."""
        return self.kinds[step.kind]

    def start_flow(self, session: Session, flow_id: str, ctx: Context) -> list[Effect]:
        """Begin a new filing of this procedure at its first step."""
        with self._within(ctx):
            return self._start_flow(session, flow_id, ctx)

    def _start_flow(self, session: Session, flow_id: str, ctx: Context) -> list[Effect]:
        compiled = self.flows[flow_id]
        session.reset_flow()
        session.flow_id = flow_id
        session.flow_version = compiled.flow.version
        session.step = compiled.first
        intro = Say(Text("flow-started", {"title": Text(compiled.flow.title)}))
        return [intro] + self.enter(session, compiled, ctx)

    def start_supplement(self, session: Session, dossier: Dossier, photos: dict[str, list], ctx: Context) -> list[Effect]:
        """Reopen a submitted dossier to redo only the items the officials asked for."""
        with self._within(ctx):
            return self._start_supplement(session, dossier, photos, ctx)

    def _start_supplement(self, session: Session, dossier: Dossier, photos: dict[str, list], ctx: Context) -> list[Effect]:
        compiled = self.flows[dossier.flow_id]
        order = {step.id: position for position, step in enumerate(compiled.flow.steps)}
        items = sorted((s for s in dossier.supplement or [] if s in order), key=order.__getitem__)
        if not items:
            return [Say(Text("supplement-not-needed"))]
        session.reset_flow()
        session.flow_id = compiled.flow.id
        session.flow_version = compiled.flow.version
        session.answers = {**dossier.answers, **photos}
        for step in compiled.flow.steps:  # an optional photo slot skipped at filing has no attachment: still answered
            if self.kind(step).holds_photos and step.optional:
                session.answers.setdefault(step.id, [])
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
        if command == "review" and session.consent and not self.kind(self.step_of(session, compiled)).grants_consent:
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

    def advance(self, session: Session, compiled: CompiledFlow, ctx: Context, told: bool = True) -> list[Effect]:
        """Leave the current step for the next applicable one and ask it; unless ``told`` (the citizen already
        knows), say so when the answers now settle on communes no office here serves."""
        flow = compiled.flow
        session.history.append(session.current_step)
        answers = compiled.answers(session.answers)
        notes: list[Effect] = []
        while True:
            session.step = compiled.next_step(session.current_step, answers)
            step = flow.step(session.step)
            if self.kind(step).always_asked or "." in session.step:
                break
            notes += self._apply_default(session, step, answers)
            skip_answered = session.editing and self.kind(step).answered(session, step)
            skip_prefilled = not session.editing and session.step in session.prefilled and step.id in session.answers
            if not (skip_answered or skip_prefilled):
                break
        asked = self.enter(session, compiled, ctx)
        if told or self.kind(flow.step(session.current_step)).summarises or not self.outside_settled(session, compiled, ctx):
            return notes + asked
        return notes + self._with_outside_note(session, compiled, ctx, asked)

    def _apply_default(self, session: Session, step: Step, answers: dict[str, Any]) -> list[Effect]:
        """Set an unanswered step from an earlier answer when the flow says so (``default``); say so."""
        default = next((d for d in step.defaults if d.applies(answers)), None)
        if default is None or step.id in session.answers:
            return []
        session.answers[step.id] = answers[default.source]
        session.shown[step.id] = session.shown.get(default.source, str(answers[default.source]))
        session.prefilled.append(step.id)
        session.answers.setdefault(ORIGIN, {})[step.id] = default.source
        answers[step.id] = session.answers[step.id]
        if not default.note:
            return []
        return [Say(Text(default.note, {"label": Text(step.label), "value": session.shown[step.id]}))]

    def enter(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        """Do what arriving at the current step means, then ask it."""
        step = self.step_of(session, compiled)
        return self.kind(step).enter(self, session, compiled, step, ctx)

    def store(self, session: Session, compiled: CompiledFlow, step: Step, value: Any, shown: str, ctx: Context) -> list[Effect]:
        """Record an answer (in the repeat item when inside a group) and move on."""
        session.refusals = {}
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
        before = compiled.flow.raised(compiled.answers(session.answers))
        told = self.outside_settled(session, compiled, ctx) and step.id not in compiled.flow.office
        session.answers[step.id] = value
        session.shown[step.id] = shown
        if step.id in session.prefilled:
            session.prefilled.remove(step.id)
        session.answers.get(ORIGIN, {}).pop(step.id, None)
        return self.new_warnings(session, compiled, before) + self.advance(session, compiled, ctx, told=told)

    def new_warnings(self, session: Session, compiled: CompiledFlow, before: list) -> list[Effect]:
        """Tell the citizen of each warning the answers raise now and did not raise ``before`` (flow ``warnings``)."""
        return [Say(Text(w.message)) for w in compiled.flow.raised(compiled.answers(session.answers)) if w not in before]

    def checked(self, session: Session, compiled: CompiledFlow, step: Step, value: Any, shown: str,
                confirm: Text | None, ctx: Context, before: list[Effect] | None = None) -> list[Effect]:
        """Store an accepted answer, or first ask the citizen to confirm it when ``confirm`` says so."""
        if confirm is None:
            return (before or []) + self.store(session, compiled, step, value, shown, ctx)
        session.pending = ConfirmingAnswer(session.current_step, value, shown)
        return (before or []) + [Say(confirm, _confirm_rows(step.id))]

    def refuse(self, session: Session, compiled: CompiledFlow, step: Step, error: Text, ctx: Context,
               example: str | Text | None = None) -> list[Effect]:
        """Say why the answer is refused and ask again; at the third refusal in a row (and every third after), also offer help."""
        count = session.refusals.get(session.current_step, 0) + 1
        session.refusals = {session.current_step: count}
        asked = self.ask(session, compiled, error)
        if count % self.help_after:  # not every time: a citizen still trying should not get the same help each time
            return asked
        example = example if example is not None else error.params.get("example")
        return asked + [_help(step, example, self.office(session, compiled, ctx))]

    def _leave_to_officer(self, session: Session, compiled: CompiledFlow, step: Step, ctx: Context) -> list[Effect]:
        """Leave the current question empty for an officer to complete; the review and the card say so."""
        shown = self.catalog.render("vi", Text("needs-help"))
        note = Say(Text("refusal-skipped", {"question": Text(step.label)}))
        if "." not in session.current_step:
            session.item = None  # a step's progress within itself (a place's province and commune) ends here too
        return [note] + self.store(session, compiled, step, "", shown, ctx)

    # -- the receiving office ------------------------------------------------------------------

    def route(self, session: Session, compiled: CompiledFlow, ctx: Context) -> Route:
        """Return where this filing goes as its answers stand (the flow's ``office:``, the context's offices)."""
        return route(compiled.flow, compiled.answers(session.answers), ctx.office_for, ctx.default_office)

    def office(self, session: Session, compiled: CompiledFlow, ctx: Context) -> Office | None:
        """Return the office to name in messages: the one the answers route to once they decide, else the default."""
        found = self.route(session, compiled, ctx)
        return found.office if found.by is not None else ctx.default_office

    def outside_settled(self, session: Session, compiled: CompiledFlow, ctx: Context) -> bool:
        """Tell whether the answers that decide the office are all given and no office here serves their communes."""
        if not compiled.flow.office or session.supplement or not self.route(session, compiled, ctx).refused:
            return False  # a supplement goes back to the office that has the dossier
        path, answers = compiled.walk(session.answers)
        return all(name in answers or name not in path for name in compiled.flow.office)

    def outside(self, session: Session, compiled: CompiledFlow, ctx: Context) -> tuple[Text, list[tuple[Button, ...]]]:
        """Return what to tell a citizen whose communes no office here serves (where to file instead), and the
        buttons to correct each deciding address."""
        found = self.route(session, compiled, ctx)
        places = [Text("routing-place", {"label": Text(compiled.flow.step(p.step).label), "commune": p.name}) for p in found.outside]
        communes = len({p.commune_code for p in found.outside})  # both parents in one commune: "that commune"
        text = Text("routing-outside", {"places": places, "count": communes, "portal": ctx.portal})
        rows: list[tuple[Button, ...]] = [(Button(Text("routing-fix", {"label": Text(compiled.flow.step(p.step).label)}), buttons.encode(EditStep(p.step))),)
                for p in found.outside]
        return text, rows

    def _with_outside_note(self, session: Session, compiled: CompiledFlow, ctx: Context, asked: list[Effect]) -> list[Effect]:
        """Put the note that no office here serves the communes given before the next question, with the buttons
        to correct them (in the question itself, so a new question's buttons do not take them away)."""
        text, rows = self.outside(session, compiled, ctx)
        note = Text("routing-outside-note", {"outside": text})
        last = max((i for i, effect in enumerate(asked) if isinstance(effect, Say)), default=None)
        if last is None:
            return [Say(note, tuple(rows))] + asked
        question = asked[last]
        assert isinstance(question, Say)
        merged = Say(Text("ask-after", {"lead": note, "question": question.text}), tuple(rows) + question.buttons)
        return asked[:last] + [merged] + asked[last + 1:]

    def _fix_place(self, session: Session, compiled: CompiledFlow, target: str, ctx: Context) -> list[Effect]:
        """Answer again a place that decides the office (offered when no office here serves it), then go on where
        the filing was."""
        path, answers = compiled.walk(session.answers)
        if target not in compiled.flow.office or target not in path or target not in answers or "." in session.current_step:
            return [Say(Text("button-expired"))] + self.ask(session, compiled)
        session.pending = None
        session.item = None
        session.history.append(session.current_step)
        session.step = compiled.jump(session.current_step, target)
        session.editing = True
        return self.enter(session, compiled, ctx)

    def group_item(self, session: Session) -> GroupItem:
        """Return the repeat item being filled (an empty one if none)."""
        return session.item if isinstance(session.item, GroupItem) else GroupItem()

    def answer_steps(self, session: Session, compiled: CompiledFlow) -> list[Step]:
        """Return the steps holding answers that apply to this filing, in order."""
        path, _ = compiled.walk(session.answers)
        return [compiled.flow.step(s) for s in path if self.kind(compiled.flow.step(s)).answers]

    def _back(self, session: Session, compiled: CompiledFlow) -> list[Effect]:
        step = self.step_of(session, compiled)
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
        step = self.step_of(session, compiled)
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
        if isinstance(pending, ConfirmingAnswer):
            return self._confirm_input(session, compiled, pending, event, pressed, answer, ctx)
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
            if isinstance(event, (PhotoReceived, PhotosChecked)) and session.current_step == pending.slot:
                step = compiled.flow.step(pending.slot)  # the back sent after the front: kept, the offer stands
                return self.kind(step).handle(self, session, compiled, step, event, pressed, ctx)
            if isinstance(pressed, AcceptPrefill):
                answer = "yes" if pressed.yes else "no"
            if answer not in ("yes", "no"):
                return [Say(Text("prefill-need-answer"), _prefill_rows())]
            session.pending = None
            effects = []
            if answer == "yes":
                before = compiled.flow.raised(compiled.answers(session.answers))
                used = self._apply_prefill(session, compiled, pending.fields, ctx)
                effects.append(Say(Text("prefill-used", {"count": used})))
                effects += self.new_warnings(session, compiled, before)
            step = compiled.flow.step(pending.slot)
            return effects + self.kind(step).after(self, session, compiled, step, ctx)
        session.pending = None
        return self.ask(session, compiled)

    def _confirm_input(self, session, compiled, pending: ConfirmingAnswer, event, pressed, answer, ctx) -> list[Effect]:
        """Store the answer the citizen confirmed; on "retype" (or a new answer typed) take it as a new answer."""
        step = self.step_of(session, compiled)
        if isinstance(pressed, ConfirmAnswer) and pressed.step == step.id:
            answer = "yes" if pressed.yes else "no"
        if answer == "yes":
            session.pending = None
            return self.store(session, compiled, step, pending.value, pending.shown, ctx)
        if answer == "no":
            session.pending = None
            return self.ask(session, compiled)
        if isinstance(event, TextReceived):  # a new answer typed instead of a button: take it as the answer
            session.pending = None
            return self.kind(step).handle(self, session, compiled, step, event, None, ctx)
        return [Say(Text("confirm-name-need-answer"), _confirm_rows(step.id))]

    def prefill_reminder(self) -> list[Effect]:
        """Remind the citizen of the pending offer to use the ID card's details, with its buttons."""
        return [Say(Text("prefill-need-answer"), _prefill_rows())]

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
            session.answers.setdefault(ORIGIN, {})[target] = ORIGIN_QR
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


def _answered(pressed: buttons.Payload | None, session: Session) -> bool:
    """Tell whether a stale step-bound button belongs to a question already answered in this filing."""
    step = getattr(pressed, "step", None)
    return step is not None and (step in session.answers or any(s.split(".")[-1] == step for s in session.history))


def _cancel_question(compiled: CompiledFlow) -> Say:
    rows = ((Button(Text("cancel-yes"), buttons.encode(ConfirmCancel(True))), Button(Text("cancel-no"), buttons.encode(ConfirmCancel(False)))),)
    return Say(Text("cancel-confirm", {"title": Text(compiled.flow.title)}), rows)


def _help(step: Step, example: Any, office: Office | None) -> Say:
    """Return the help offered after repeated refusals: an example, the office's phone, leaving it to an officer."""
    params: dict[str, Any] = {"question": Text(step.label), "example": example if example not in (None, "") else "none",
                              "phone": office.phone if office and office.phone else "none"}
    if office is not None:  # else the catalog's default office
        params["office"] = office.name
    return Say(Text("refusal-help", params), ((Button(Text("refusal-skip"), buttons.encode(HelpSkip(step.id))),),))


def _confirm_rows(step_id: str) -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("confirm-name-yes"), buttons.encode(ConfirmAnswer(step_id, True))),
             Button(Text("confirm-name-retype"), buttons.encode(ConfirmAnswer(step_id, False)))),)


def _prefill_rows() -> tuple[tuple[Button, ...], ...]:
    return ((Button(Text("prefill-yes"), buttons.encode(AcceptPrefill(True))), Button(Text("prefill-no"), buttons.encode(AcceptPrefill(False)))),)


def required(step: Step) -> Step:
    """Return a step made required: no skip button or word, at least one photo, a street that must be given."""
    options = {**step.options, "street_optional": False} if "street_optional" in step.options else step.options
    return replace(step, optional=False, min_photos=max(step.min_photos, 1), options=options)


def _requested(session: Session) -> list[str]:
    """The items the officials asked to redo, when the session is a supplement."""
    return (session.supplement or {}).get("items") or []
