"""The filing engine: applies one citizen event to their session and returns effects. No I/O.

The engine knows flows (compiled state machines), validators, photo rules and message keys. It never
sends, downloads or stores anything: it returns ``Say``, ``Fetch``, ``Submit`` and ``Forget`` effects for the
host (bot/desk.py) and the channel adapters to carry out. Everything it needs from the outside world
comes in through ``Context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from bot.effects import Button, Effect, Fetch, Forget, Say, Submit, Text
from bot.events import (
    ButtonPressed,
    CommandReceived,
    DocumentReceived,
    Event,
    LocationReceived,
    PhotoReceived,
    PhotosChecked,
    TextReceived,
)
from bot.idcard import parse_id_qr
from bot.photos import PhotoRules, precheck, problems
from bot.session import Session
from bot.textmatch import fold
from flows.compiler import ITEM_TRIGGER, CompiledFlow
from flows.definition import Flow, Step
from flows.validators import VALIDATORS, Invalid, ValidationContext
from locales.catalog import DEFAULT_LANGUAGE, LANGUAGE_NAMES, Catalog

ANSWER_KINDS = ("text", "choice", "photos", "repeat")
YES_WORDS = {"co", "có", "yes", "y", "dong y", "đồng ý", "ok", "agree", "1"}
NO_WORDS = {"khong", "không", "no", "n", "2", "tu choi", "từ chối"}
STEP_BUTTONS = ("a", "s", "k", "d", "i", "b")  # button data "<kind>:<step id>[:<value>]"
DONE_WORDS = {"xong", "done", "xong roi", "xong rồi", "het", "hết", "finish"}


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

    # -- entry point -------------------------------------------------------------------------

    def handle(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        """Apply one event to the session (changed in place) and return what to do."""
        if isinstance(event, CommandReceived):
            return self._command(session, event.command.lower().lstrip("/"), ctx)
        if isinstance(event, ButtonPressed) and event.data.startswith("l:"):
            return self._set_language(session, event.data[2:])
        if not session.in_flow:
            return self._menu_input(session, event, ctx)
        compiled = self._flow_of(session)
        if compiled is None:
            session.reset_flow()
            return [Say(Text("flow-gone"))] + self._menu(session)
        if session.pending:
            return self._pending_input(session, compiled, event, ctx)
        if isinstance(event, ButtonPressed) and _stale(event.data, session.step):
            return self._unexpected(session, compiled, event)
        if isinstance(event, ButtonPressed) and event.data.startswith("b:"):
            return self._back(session, compiled)
        step = compiled.flow.step(session.step)
        if step.kind == "consent":
            return self._consent_input(session, compiled, step, event, ctx)
        if step.kind == "text":
            return self._text_input(session, compiled, step, event, ctx)
        if step.kind == "choice":
            return self._choice_input(session, compiled, step, event, ctx)
        if step.kind == "photos":
            return self._photo_input(session, compiled, step, event, ctx)
        if step.kind == "repeat":
            return self._repeat_input(session, compiled, step, event, ctx)
        if step.kind == "review":
            return self._review_input(session, compiled, event, ctx)
        return self._ask(session, compiled)

    def start_flow(self, session: Session, flow_id: str, ctx: Context) -> list[Effect]:
        """Begin a new filing of this procedure at its first step."""
        compiled = self.flows[flow_id]
        session.reset_flow()
        session.flow_id = flow_id
        session.flow_version = compiled.flow.version
        session.step = compiled.flow.steps[0].id
        intro = Say(Text("flow-started", {"title": Text(compiled.flow.title)}))
        return [intro] + self._enter(session, compiled, ctx)

    def start_supplement(self, session: Session, dossier: dict[str, Any], photos: dict[str, list], ctx: Context) -> list[Effect]:
        """Reopen a submitted dossier to redo only the items the officials asked for."""
        compiled = self.flows[dossier["flow_id"]]
        order = {step.id: position for position, step in enumerate(compiled.flow.steps)}
        items = sorted((s for s in dossier.get("supplement") or [] if s in order), key=order.__getitem__)
        if not items:
            return [Say(Text("supplement-not-needed"))]
        session.reset_flow()
        session.flow_id = compiled.flow.id
        session.flow_version = compiled.flow.version
        session.answers = {**dossier["answers"], **photos}
        session.shown = dict(dossier.get("shown") or {})
        for item in items:
            session.answers.pop(item, None)
            session.shown.pop(item, None)
        session.consent = dict(dossier.get("consent") or {})
        session.supplement = {"dossier_id": dossier["id"], "code": dossier["receipt_code"], "items": items}
        session.editing = True
        session.step = compiled.jump(compiled.flow.steps[0].id, items[0])
        labels = [Text("bullet", {"text": Text(compiled.flow.step(item).label)}) for item in items]
        intro = Say(Text("supplement-started", {"code": dossier["receipt_code"], "items": labels, "reason": dossier.get("reason") or ""}))
        return [intro] + self._enter(session, compiled, ctx)

    # -- commands, menu, language -------------------------------------------------------------

    def _command(self, session: Session, command: str, ctx: Context) -> list[Effect]:
        compiled = self._flow_of(session) if session.in_flow else None
        if command == "start":
            if compiled:
                note = Say(Text("start-in-flow", {"title": Text(compiled.flow.title)}))
                return [note] + self._ask(session, compiled)
            return self._menu(session)
        if command == "help":
            return [Say(Text("help"))] + (self._ask(session, compiled) if compiled else self._menu(session))
        if command in ("language", "lang", "ngonngu"):
            buttons = tuple((Button(name, f"l:{code}"),) for code, name in LANGUAGE_NAMES.items() if code in self.catalog.languages)
            return [Say(Text("language-choose"), buttons)]
        if not compiled:
            if command in ("back", "cancel"):
                return [Say(Text("nothing-in-progress"))] + self._menu(session)
            return [Say(Text("unknown-command", {"command": "/" + command}))] + self._menu(session)
        if command == "back":
            session.pending = None
            return self._back(session, compiled)
        if command == "cancel":
            session.pending = {"kind": "cancel"}
            buttons = ((Button(Text("cancel-yes"), "x:yes"), Button(Text("cancel-no"), "x:no")),)
            return [Say(Text("cancel-confirm", {"title": Text(compiled.flow.title)}), buttons)]
        if command == "review" and compiled.flow.step(session.step).kind != "consent" and session.consent:
            return self._go_to_review(session, compiled, ctx)
        return [Say(Text("unknown-command", {"command": "/" + command}))] + self._ask(session, compiled)

    def _set_language(self, session: Session, language: str) -> list[Effect]:
        if language not in self.catalog.languages:
            return [Say(Text("language-choose"))]
        session.language = language
        done = [Say(Text("language-set", {"language": LANGUAGE_NAMES.get(language, language)}))]
        compiled = self._flow_of(session) if session.in_flow else None
        return done + (self._ask(session, compiled) if compiled else self._menu(session))

    def _menu(self, session: Session) -> list[Effect]:
        rows = [(Button(Text(c.flow.title), f"m:{flow_id}"),) for flow_id, c in self.flows.items()]
        rows += [(extra,) for extra in self.menu_extras]
        return [Say(Text("menu"), tuple(rows))]

    def _menu_input(self, session: Session, event: Event, ctx: Context) -> list[Effect]:
        flow_id = None
        if isinstance(event, ButtonPressed) and event.data.startswith("m:"):
            flow_id = event.data[2:]
        elif isinstance(event, TextReceived):
            flow_id = self._match_flow(session, event.text)
        if flow_id in self.flows:
            return self.start_flow(session, flow_id, ctx)
        if isinstance(event, ButtonPressed) and event.data.startswith(("a:", "d:", "k:", "e:", "r:", "q:", "i:", "x:", "b:", "s:")):
            return [Say(Text("button-expired"))] + self._menu(session)
        return self._menu(session)

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

    def _advance(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        """Leave the current step for the next applicable one and ask it."""
        flow = compiled.flow
        session.history.append(session.step)
        while True:
            answers = effective_answers(flow, session.answers)
            session.step = compiled.next_step(session.step, answers)
            step = flow.step(session.step)
            if step.kind in ("review", "submit") or "." in session.step:
                break
            skip_answered = session.editing and _answered(session, step)
            skip_prefilled = not session.editing and session.step in session.prefilled and step.id in session.answers
            if not (skip_answered or skip_prefilled):
                break
        return self._enter(session, compiled, ctx)

    def _enter(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        """Do what arriving at the current step means, then ask it."""
        step = compiled.flow.step(session.step)
        if step.kind == "review":
            session.editing = False
            session.item = {}
        if step.kind == "submit":
            return self._submit(session, compiled, ctx)
        if step.kind == "repeat" and not session.answers.get(step.id):
            session.answers[step.id] = []
            session.step = compiled.fire(session.step, ITEM_TRIGGER)
            session.item = {}
            intro = Say(Text(step.prompt))
            return [intro] + self._ask(session, compiled)
        if step.kind == "photos" and session.editing and session.answers.get(step.id):
            session.item = {"replace": step.id}
        return self._ask(session, compiled)

    def _back(self, session: Session, compiled: CompiledFlow) -> list[Effect]:
        if not session.history:
            return [Say(Text("back-at-start"))] + self._ask(session, compiled)
        leaving = session.step
        target = session.history.pop()
        group = target.split(".")[0] if "." in target else None
        if group and leaving == group and session.answers.get(group):
            session.item = session.answers[group].pop()
        session.step = compiled.jump(session.step, target)
        session.editing = False
        return self._ask(session, compiled)

    def _go_to_review(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        review = next(s.id for s in compiled.flow.steps if s.kind == "review")
        answers = effective_answers(compiled.flow, session.answers)
        missing = [
            s for s in compiled.flow.steps
            if s.kind in ANSWER_KINDS and s.applies(answers) and not _answered(session, s)
        ]
        if missing:
            return [Say(Text("review-not-yet"))] + self._ask(session, compiled)
        session.history.append(session.step)
        session.step = compiled.jump(session.step, review)
        return self._enter(session, compiled, ctx)

    # -- asking --------------------------------------------------------------------------------

    def _ask(self, session: Session, compiled: CompiledFlow, lead: Text | None = None) -> list[Effect]:
        """Ask the current step, optionally after a lead line (an error or a note)."""
        flow = compiled.flow
        step = flow.step(session.step)
        rows: list[tuple[Button, ...]] = []
        question: Text
        if step.kind == "consent":
            question = Text(step.prompt, {"version": flow.consent_version})
            rows.append((Button(Text("consent-agree"), f"a:{step.id}:yes"), Button(Text("consent-decline"), f"a:{step.id}:no")))
        elif step.kind == "review":
            question, rows = self._review(session, compiled)
        elif step.kind == "repeat":
            items = session.answers.get(step.id) or []
            question = Text(step.more_prompt, {"count": len(items), "items": self._item_lines(step, items)})
            more = [Button(Text("item-add"), f"i:{step.id}:yes")] if len(items) < step.max_items else []
            enough = [Button(Text("item-enough"), f"i:{step.id}:no")] if len(items) >= step.min_items else []
            rows.append(tuple(more + enough))
        elif step.kind == "photos":
            count = len(session.answers.get(step.id) or [])
            question = Text(step.prompt, {"min": step.min_photos, "max": step.max_photos, "count": count})
            if count and count >= step.min_photos:
                rows.append((Button(Text("photos-done", {"count": count}), f"d:{step.id}"),))
            elif step.optional:
                rows.append((Button(Text("skip"), f"k:{step.id}"),))
        else:
            question = Text(step.prompt)
            if step.kind == "choice":
                rows += _choice_rows(step)
            if step.suggest:
                rows.append(tuple(Button(value, f"s:{step.id}:{i}") for i, value in enumerate(step.suggest)))
            if step.optional:
                rows.append((Button(Text("skip"), f"k:{step.id}"),))
        current = self._current(session, step)
        if current is not None and step.kind in ("text", "choice"):
            question = Text("ask-with-current", {"question": question, "current": current})
        if lead is not None:
            question = Text("ask-after", {"lead": lead, "question": question})
        if session.history and step.kind != "review":
            rows.append((Button(Text("back"), f"b:{step.id}"),))
        return [Say(question, tuple(row for row in rows if row))]

    def _current(self, session: Session, step: Step) -> str | Text | None:
        if "." in (session.step or ""):
            value = session.item.get(step.id)
            if value is None:
                return None
            return session.item.get(f"{step.id}#shown", value)
        if step.id not in session.answers:
            return None
        return self._display(session, step)

    def _display(self, session: Session, step: Step) -> str | Text:
        value = session.answers.get(step.id)
        if step.kind == "choice":
            option = next((o for o in step.choices if o.value == value), None)
            return Text(option.label) if option else str(value)
        if step.kind == "photos":
            return Text("review-photos", {"count": len(value or [])})
        if step.kind == "repeat":
            return self._item_lines(step, value or [])
        if value in (None, ""):
            return Text("review-empty")
        return session.shown.get(step.id, str(value))

    def _item_lines(self, step: Step, items: list[dict[str, Any]]) -> list[Text]:
        lines = []
        for number, item in enumerate(items, start=1):
            parts = [str(item.get(f"{inner.id}#shown", item.get(inner.id, ""))) for inner in step.steps[:2]]
            lines.append(Text("item-line", {"number": number, "summary": ", ".join(p for p in parts if p)}))
        return lines

    def _review(self, session: Session, compiled: CompiledFlow) -> tuple[Text, list[tuple[Button, ...]]]:
        answers = effective_answers(compiled.flow, session.answers)
        lines = [
            Text("review-line", {"label": Text(step.label), "value": self._display(session, step)})
            for step in compiled.flow.steps
            if step.kind in ANSWER_KINDS and step.applies(answers)
        ]
        rows = [(Button(Text("review-send"), "r:send"),), (Button(Text("review-edit"), "r:edit"),)]
        return Text("review", {"title": Text(compiled.flow.title), "lines": lines}), rows

    def _edit_menu(self, session: Session, compiled: CompiledFlow) -> list[Effect]:
        answers = effective_answers(compiled.flow, session.answers)
        only = set((session.supplement or {}).get("items") or []) or None
        buttons = [
            Button(Text(step.label), f"e:{step.id}")
            for step in compiled.flow.steps
            if step.kind in ANSWER_KINDS and step.applies(answers) and (only is None or step.id in only)
        ]
        rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
        rows.append((Button(Text("review-back"), "r:back"),))
        return [Say(Text("review-edit-which"), tuple(rows))]

    # -- answers -------------------------------------------------------------------------------

    def _consent_input(self, session, compiled, step, event, ctx) -> list[Effect]:
        answer = self._yes_no(event, step)
        if answer is None:
            return self._ask(session, compiled, Text("consent-need-answer"))
        if answer == "no":
            session.reset_flow()
            return [Say(Text("consent-declined"))] + self._menu(session)
        session.consent = {
            "flow": compiled.flow.id,
            "version": compiled.flow.consent_version,
            "accepted_at": ctx.now.isoformat(timespec="seconds"),
        }
        return self._advance(session, compiled, ctx)

    def _text_input(self, session, compiled, step, event, ctx) -> list[Effect]:
        raw = None
        if isinstance(event, TextReceived):
            raw = event.text
        elif isinstance(event, ButtonPressed) and event.data.startswith(f"s:{step.id}:"):
            index = event.data.rsplit(":", 1)[1]
            raw = step.suggest[int(index)] if index.isdigit() and int(index) < len(step.suggest) else None
        elif isinstance(event, ButtonPressed) and event.data == f"k:{step.id}" and step.optional:
            return self._store(session, compiled, step, "", "", ctx)
        elif isinstance(event, LocationReceived) and step.validator == "address":
            raw = f"{event.latitude:.6f}, {event.longitude:.6f}"
        if raw is None:
            return self._unexpected(session, compiled, event)
        if step.optional and fold(raw) in ("bo qua", "skip", "-"):
            return self._store(session, compiled, step, "", "", ctx)
        result = self._validate(session, compiled, step, raw, ctx)
        if isinstance(result, Invalid):
            return self._ask(session, compiled, result.error)
        notes = [Say(note) for note in result.notes]
        return notes + self._store(session, compiled, step, result.value, result.display, ctx)

    def _validate(self, session, compiled, step, raw, ctx):
        answers = effective_answers(compiled.flow, session.answers)
        if "." in session.step:
            answers = {**answers, **{k: v for k, v in session.item.items() if "#" not in k}}
        context = ValidationContext(
            today=ctx.now.date(),
            answers=answers,
            options=step.options,
            business_name_taken=ctx.business_name_taken,
            vsic=self.vsic,
        )
        return VALIDATORS[step.validator](raw.strip(), context)

    def _choice_input(self, session, compiled, step, event, ctx) -> list[Effect]:
        value = None
        if isinstance(event, ButtonPressed) and event.data.startswith(f"a:{step.id}:"):
            value = event.data.split(":", 2)[2]
        elif isinstance(event, TextReceived):
            value = self._match_option(session, step, event.text)
        elif isinstance(event, ButtonPressed) and event.data == f"k:{step.id}" and step.optional:
            return self._store(session, compiled, step, "", "", ctx)
        if value is None or value not in {o.value for o in step.choices}:
            if isinstance(event, (TextReceived, ButtonPressed)):
                return self._ask(session, compiled, Text("choice-invalid"))
            return self._unexpected(session, compiled, event)
        option = next(o for o in step.choices if o.value == value)
        shown = self.catalog.render(DEFAULT_LANGUAGE, Text(option.label))
        return self._store(session, compiled, step, value, shown, ctx)

    def _match_option(self, session: Session, step: Step, text: str) -> str | None:
        wanted = fold(text)
        for position, option in enumerate(step.choices, start=1):
            labels = {fold(self.catalog.render(lang, Text(option.label))) for lang in (session.language, DEFAULT_LANGUAGE)}
            if wanted in labels or wanted == fold(option.value) or wanted == str(position):
                return option.value
        return None

    def _store(self, session, compiled, step, value, shown, ctx) -> list[Effect]:
        """Record an answer (in the repeat item when inside a group) and move on."""
        if "." in session.step:
            session.item[step.id] = value
            session.item[f"{step.id}#shown"] = shown
            effects = []
            next_state = compiled.next_step(session.step, {})
            if "." not in next_state:
                group = session.step.split(".")[0]
                session.answers.setdefault(group, []).append(session.item)
                session.item = {}
            session.history.append(session.step)
            session.step = next_state
            return effects + self._ask(session, compiled)
        session.answers[step.id] = value
        session.shown[step.id] = shown
        if step.id in session.prefilled:
            session.prefilled.remove(step.id)
        return self._advance(session, compiled, ctx)

    def _repeat_input(self, session, compiled, step, event, ctx) -> list[Effect]:
        answer = None
        if isinstance(event, ButtonPressed) and event.data.startswith(f"i:{step.id}:"):
            answer = event.data.rsplit(":", 1)[1]
        elif isinstance(event, TextReceived):
            answer = _yes_no_word(event.text)
        items = session.answers.get(step.id) or []
        if answer == "yes" and len(items) < step.max_items:
            session.history.append(session.step)
            session.step = compiled.fire(session.step, ITEM_TRIGGER)
            session.item = {}
            return self._ask(session, compiled)
        if answer == "no" and len(items) >= step.min_items:
            return self._advance(session, compiled, ctx)
        return self._ask(session, compiled, Text("choice-invalid"))

    # -- photos --------------------------------------------------------------------------------

    def _photo_input(self, session, compiled, step, event, ctx) -> list[Effect]:
        if isinstance(event, PhotoReceived):
            refused = []
            accepted = []
            for number, photo in enumerate(event.photos, start=1):
                problem = precheck(photo.size, photo.mime, self.rules)
                if problem:
                    refused.append(Text("photo-problem", {"number": number, "problem": self._problem_text(problem)}))
                else:
                    accepted.append(photo)
            effects: list[Effect] = []
            if refused:
                if not accepted:
                    return self._ask(session, compiled, Text("lines", {"lines": refused}))
                effects.append(Say(Text("lines", {"lines": refused})))
            return effects + [Fetch(photos=tuple(accepted), slot=step.id, decode_qr=bool(step.qr))]
        if isinstance(event, PhotosChecked):
            return self._photos_checked(session, compiled, step, event, ctx)
        if isinstance(event, DocumentReceived):
            return self._ask(session, compiled, self._problem_text("photo-wrong-type"))
        if isinstance(event, ButtonPressed) and event.data == f"d:{step.id}" or (
            isinstance(event, TextReceived) and fold(event.text) in DONE_WORDS
        ):
            count = len(session.answers.get(step.id) or [])
            if count < step.min_photos:
                return self._ask(session, compiled, Text("photos-need-more", {"min": step.min_photos, "count": count}))
            if count == 0 and step.optional:
                session.answers[step.id] = []
            session.item = {}
            return self._advance(session, compiled, ctx)
        if isinstance(event, ButtonPressed) and event.data == f"k:{step.id}" and step.optional:
            session.answers[step.id] = []
            return self._advance(session, compiled, ctx)
        if isinstance(event, TextReceived) and step.optional and fold(event.text) in ("bo qua", "skip"):
            session.answers[step.id] = []
            return self._advance(session, compiled, ctx)
        return self._ask(session, compiled, Text("photos-expected"))

    def _problem_text(self, key: str) -> Text:
        rules = self.rules
        params = {
            "photo-too-small": {"min_long": rules.min_long_side, "min_short": rules.min_short_side},
            "photo-too-large": {"max_mb": rules.max_bytes // (1024 * 1024)},
        }.get(key, {})
        return Text(key, params)

    def _photos_checked(self, session, compiled, step, event: PhotosChecked, ctx) -> list[Effect]:
        replaced: list[str] = []
        if session.item.get("replace") == step.id and any(p.error is None for p in event.photos):
            replaced = [item["sha256"] for item in session.answers.get(step.id) or []]
            session.answers[step.id] = []
            session.item = {}
        slot = session.answers.setdefault(step.id, [])
        lines: list[Text] = []
        offer = None
        for number, photo in enumerate(event.photos, start=1):
            if photo.error:
                lines.append(Text("photo-problem", {"number": number, "problem": Text("photo-unreadable")}))
                continue
            found = problems(photo.width, photo.height, photo.brightness, photo.sharpness, self.rules)
            if found:
                if "photo-too-small" in found:
                    found = ["photo-too-small"] + [f for f in found if f != "photo-too-small"]
                reason = [self._problem_text(key) if key != "photo-too-small" else Text(key, {"width": photo.width, "height": photo.height, "min_long": self.rules.min_long_side, "min_short": self.rules.min_short_side}) for key in found]
                lines.append(Text("photo-problem", {"number": number, "problem": Text("lines", {"lines": reason})}))
                continue
            if any(item["sha256"] == photo.sha256 for item in slot):
                lines.append(Text("photo-duplicate", {"number": number}))
                continue
            if len(slot) >= step.max_photos:
                lines.append(Text("photo-over-max", {"number": number, "max": step.max_photos}))
                continue
            slot.append({
                "sha256": photo.sha256, "mime": photo.mime, "size": photo.size,
                "width": photo.width, "height": photo.height,
            })
            if step.qr == "id_card" and photo.qr_text and offer is None:
                offer = parse_id_qr(photo.qr_text)
        effects: list[Effect] = [Forget(tuple(replaced))] if replaced else []
        count = len(slot)
        if lines and count == 0:
            return self._ask(session, compiled, Text("lines", {"lines": lines}))
        received = Text("photos-received", {"count": count, "max": step.max_photos, "document": Text(step.label)})
        effects.append(Say(Text("lines", {"lines": lines + [received]})))
        if offer is not None and step.prefill:
            fields = {target: getattr(offer, source) for source, target in step.prefill.items() if getattr(offer, source, "")}
            session.pending = {"kind": "prefill", "slot": step.id, "fields": fields}
            shown = [Text("review-line", {"label": Text(compiled.flow.step(t).label), "value": self._prefill_display(compiled, t, v)}) for t, v in fields.items()]
            buttons = ((Button(Text("prefill-yes"), "q:yes"), Button(Text("prefill-no"), "q:no")),)
            return effects + [Say(Text("prefill-offer", {"lines": shown}), buttons)]
        return effects + self._after_photos(session, compiled, step, ctx)

    def _prefill_display(self, compiled: CompiledFlow, target: str, value: str) -> str | Text:
        step = compiled.flow.step(target)
        if step.kind == "choice":
            option = next((o for o in step.choices if o.value == value), None)
            return Text(option.label) if option else value
        return value

    def _after_photos(self, session, compiled, step, ctx) -> list[Effect]:
        count = len(session.answers.get(step.id) or [])
        if count >= step.max_photos:
            session.item = {}
            return self._advance(session, compiled, ctx)
        return self._ask(session, compiled)

    # -- pending confirmations -----------------------------------------------------------------

    def _pending_input(self, session, compiled, event, ctx) -> list[Effect]:
        pending = session.pending or {}
        if pending.get("kind") == "cancel":
            answer = None
            if isinstance(event, ButtonPressed) and event.data.startswith("x:"):
                answer = event.data[2:]
            elif isinstance(event, TextReceived):
                answer = _yes_no_word(event.text)
            if answer == "yes":
                hashes = tuple(session.photo_hashes())
                session.reset_flow()
                effects: list[Effect] = [Forget(hashes)] if hashes else []
                return effects + [Say(Text("cancelled"))] + self._menu(session)
            if answer == "no":
                session.pending = None
                return self._ask(session, compiled, Text("cancel-kept"))
            buttons = ((Button(Text("cancel-yes"), "x:yes"), Button(Text("cancel-no"), "x:no")),)
            return [Say(Text("cancel-confirm", {"title": Text(compiled.flow.title)}), buttons)]
        if pending.get("kind") == "prefill":
            answer = None
            if isinstance(event, ButtonPressed) and event.data.startswith("q:"):
                answer = event.data[2:]
            elif isinstance(event, TextReceived):
                answer = _yes_no_word(event.text)
            if answer not in ("yes", "no"):
                buttons = ((Button(Text("prefill-yes"), "q:yes"), Button(Text("prefill-no"), "q:no")),)
                return [Say(Text("prefill-need-answer"), buttons)]
            session.pending = None
            effects = []
            if answer == "yes":
                used = self._apply_prefill(session, compiled, pending["fields"], ctx)
                effects.append(Say(Text("prefill-used", {"count": used})))
            step = compiled.flow.step(pending["slot"])
            return effects + self._after_photos(session, compiled, step, ctx)
        session.pending = None
        return self._ask(session, compiled)

    def _apply_prefill(self, session, compiled, fields: dict[str, str], ctx) -> int:
        used = 0
        for target, raw in fields.items():
            step = compiled.flow.step(target)
            if step.kind == "choice":
                if raw not in {o.value for o in step.choices}:
                    continue
                option = next(o for o in step.choices if o.value == raw)
                value, shown = raw, self.catalog.render(DEFAULT_LANGUAGE, Text(option.label))
            else:
                result = self._validate(session, compiled, step, raw, ctx)
                if isinstance(result, Invalid):
                    continue
                value, shown = result.value, result.display
            session.answers[target] = value
            session.shown[target] = shown
            if target not in session.prefilled:
                session.prefilled.append(target)
            used += 1
        return used

    # -- review and submission -----------------------------------------------------------------

    def _review_input(self, session, compiled, event, ctx) -> list[Effect]:
        if isinstance(event, ButtonPressed):
            if event.data == "r:send":
                session.history.append(session.step)
                session.step = compiled.next_step(session.step, effective_answers(compiled.flow, session.answers))
                return self._enter(session, compiled, ctx)
            if event.data == "r:edit":
                return self._edit_menu(session, compiled)
            if event.data == "r:back":
                return self._ask(session, compiled)
            if event.data.startswith("e:"):
                target = event.data[2:]
                answers = effective_answers(compiled.flow, session.answers)
                step = compiled.flow.index.get(target)
                only = (session.supplement or {}).get("items")
                if step is None or "." in target or step.kind not in ANSWER_KINDS or not step.applies(answers) or (only and target not in only):
                    return [Say(Text("button-expired"))] + self._ask(session, compiled)
                session.history.append(session.step)
                session.step = compiled.jump(session.step, target)
                session.editing = True
                if step.kind == "repeat":
                    session.answers[target] = []
                return self._enter(session, compiled, ctx)
        if isinstance(event, TextReceived) and fold(event.text) in ("gui", "gửi", "send", "nop", "nộp"):
            return self._review_input(session, compiled, ButtonPressed(event.citizen, "r:send"), ctx)
        return self._ask(session, compiled, Text("review-use-buttons"))

    def _submit(self, session: Session, compiled: CompiledFlow, ctx: Context) -> list[Effect]:
        flow = compiled.flow
        answers = effective_answers(flow, session.answers)
        attachments = {
            step.id: [item["sha256"] for item in answers.get(step.id) or []]
            for step in flow.steps
            if step.kind == "photos" and step.id in answers
        }
        values = {key: value for key, value in answers.items() if key not in attachments}
        shown = {key: session.shown[key] for key in values if key in session.shown}
        kept = {sha for hashes in attachments.values() for sha in hashes}
        dropped = tuple(sha for sha in session.photo_hashes() if sha not in kept)
        submit = Submit(
            flow_id=flow.id,
            flow_version=flow.version,
            answers=values,
            attachments=attachments,
            consent=dict(session.consent or {}),
            shown=shown,
            supplement_of=(session.supplement or {}).get("dossier_id"),
        )
        session.reset_flow()
        return [submit] + ([Forget(dropped)] if dropped else [])

    # -- anything else -------------------------------------------------------------------------

    def _unexpected(self, session, compiled, event) -> list[Effect]:
        if isinstance(event, PhotoReceived):
            return self._ask(session, compiled, Text("photo-not-expected"))
        if isinstance(event, DocumentReceived):
            return self._ask(session, compiled, Text("document-not-expected"))
        if isinstance(event, ButtonPressed):
            return self._ask(session, compiled, Text("button-expired"))
        if isinstance(event, LocationReceived):
            return self._ask(session, compiled, Text("location-not-expected"))
        return self._ask(session, compiled)

    def _yes_no(self, event: Event, step: Step) -> str | None:
        if isinstance(event, ButtonPressed) and event.data.startswith(f"a:{step.id}:"):
            return event.data.rsplit(":", 1)[1]
        if isinstance(event, TextReceived):
            return _yes_no_word(event.text)
        return None


def effective_answers(flow: Flow, answers: dict[str, Any]) -> dict[str, Any]:
    """Return the answers of the steps that apply, walking the flow in order (stale branches drop out)."""
    found: dict[str, Any] = {}
    for step in flow.steps:
        if step.id in answers and step.applies(found):
            found[step.id] = answers[step.id]
    return found


def _answered(session: Session, step: Step) -> bool:
    if step.kind == "photos":
        return step.id in session.answers and (len(session.answers[step.id]) >= step.min_photos)
    if step.kind == "repeat":
        return len(session.answers.get(step.id) or []) >= step.min_items
    return step.id in session.answers


def _stale(data: str, current: str) -> bool:
    """Tell whether a step-bound button belongs to a step other than the current one."""
    kind, _, rest = data.partition(":")
    if kind not in STEP_BUTTONS or not rest:
        return False
    return rest.split(":")[0] != current.split(".")[-1]


def _choice_rows(step: Step) -> list[tuple[Button, ...]]:
    buttons = [Button(Text(option.label), f"a:{step.id}:{option.value}") for option in step.choices]
    if len(buttons) == 2:
        return [tuple(buttons)]
    return [(button,) for button in buttons]


def _yes_no_word(text: str) -> str | None:
    folded = fold(text)
    if folded in {fold(w) for w in YES_WORDS}:
        return "yes"
    if folded in {fold(w) for w in NO_WORDS}:
        return "no"
    return None
