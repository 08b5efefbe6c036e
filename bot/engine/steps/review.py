"""The review step: every answer that applies and the office that will receive the dossier, then send it, or
pick one to answer again.

The edit list stays short on a phone: first the sections of the form (requester, child, mother, ...: the
flow's ``- section:`` markers), then the items of the chosen section. When no office here serves the communes
the answers name (bot/engine/routing.py), there is nothing to send: the review says where to file instead and
offers to correct those addresses."""

from __future__ import annotations

from bot import buttons
from bot.buttons import EditSection, EditStep, ReviewAction
from bot.effects import Button, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import TextReceived
from locales.folding import fold

SEND_WORDS = ("gui", "gửi", "send", "nop", "nộp")
DIRECT_EDIT_MAX = 6  # at most this many items are listed at once, without choosing a section first


class Review(StepKind):
    """The summary screen before submission."""

    name = "review"
    required = True
    always_asked = True
    has_back = False
    summarises = True

    def keys(self, step):
        return []

    def enter(self, engine, session, compiled, step, ctx):
        session.editing = False
        session.item = None
        return engine.ask(session, compiled)

    def question(self, engine, session, compiled, step):
        lines = [
            Text("review-line", {"label": Text(s.label), "value": engine.kind(s).display(engine, session, s)})
            for s in engine.answer_steps(session, compiled)
        ]
        edit = (Button(Text("review-edit"), buttons.encode(ReviewAction("edit"))),)
        ctx = engine.context
        route = engine.route(session, compiled, ctx) if ctx is not None and not session.supplement else None  # a supplement goes back to its office
        if route is not None and route.refused:
            outside, fixes = engine.outside(session, compiled, ctx)
            return Text("review-outside", {"title": Text(compiled.flow.title), "lines": lines, "outside": outside}), fixes + [edit]
        if route is not None and route.office is not None:
            office = route.office
            lines.append(Text("review-office", {"office": office.desk_name, "address": office.address}))
        rows = [(Button(Text("review-send"), buttons.encode(ReviewAction("send"))),), edit]
        return Text("review", {"title": Text(compiled.flow.title), "lines": lines}), rows

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        if isinstance(event, TextReceived) and fold(event.text) in SEND_WORDS:
            pressed = ReviewAction("send")
        if pressed == ReviewAction("send"):
            session.history.append(session.step)
            session.step = compiled.next_step(session.step, compiled.answers(session.answers))
            return engine.enter(session, compiled, ctx)
        if pressed == ReviewAction("edit"):
            return self._edit_menu(engine, session, compiled)
        if pressed == ReviewAction("back"):
            return engine.ask(session, compiled)
        if isinstance(pressed, EditSection):
            return self._section_menu(engine, session, compiled, pressed.section)
        if isinstance(pressed, EditStep):
            return self._edit(engine, session, compiled, pressed.step, ctx)
        return engine.ask(session, compiled, Text("review-use-buttons"))

    def _editable(self, engine, session, compiled):
        only = set((session.supplement or {}).get("items") or []) or None
        return [s for s in engine.answer_steps(session, compiled) if only is None or s.id in only]

    def _edit_menu(self, engine, session, compiled):
        editable = self._editable(engine, session, compiled)
        sections = list(dict.fromkeys(s.section for s in editable))
        if len(editable) <= DIRECT_EDIT_MAX or len(sections) < 2:
            return self._items_menu(editable, Text("review-edit-which"), ())
        choices = [Button(Text(f"section-{name}" if name else "section-general"), buttons.encode(EditSection(name or "-")))
                   for name in sections]
        rows = [tuple(choices[i:i + 2]) for i in range(0, len(choices), 2)]
        rows.append((Button(Text("review-back"), buttons.encode(ReviewAction("back"))),))
        return [Say(Text("review-edit-section"), tuple(rows))]

    def _section_menu(self, engine, session, compiled, section):
        name = "" if section == "-" else section
        items = [s for s in self._editable(engine, session, compiled) if s.section == name]
        if not items:
            return self._edit_menu(engine, session, compiled)
        title = Text("review-edit-in-section", {"section": Text(f"section-{name or 'general'}")})
        return self._items_menu(items, title, ((Button(Text("review-edit-sections"), buttons.encode(ReviewAction("edit"))),),))

    def _items_menu(self, items, title, extra_rows):
        choices = [Button(Text(s.label), buttons.encode(EditStep(s.id))) for s in items]
        rows = [tuple(choices[i:i + 2]) for i in range(0, len(choices), 2)]
        rows += list(extra_rows)
        rows.append((Button(Text("review-back"), buttons.encode(ReviewAction("back"))),))
        return [Say(title, tuple(rows))]

    def _edit(self, engine, session, compiled, target, ctx):
        if target not in {s.id for s in self._editable(engine, session, compiled)}:
            return [Say(Text("button-expired"))] + engine.ask(session, compiled)
        step = compiled.flow.step(target)
        session.history.append(session.step)
        session.step = compiled.jump(session.step, target)
        session.editing = True
        if step.steps:
            session.answers[target] = []
        return engine.enter(session, compiled, ctx)
