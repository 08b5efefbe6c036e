"""The repeat step: a group of text and choice steps asked once per item (household members, ...)."""

from __future__ import annotations

from bot import buttons
from bot.buttons import AddItem
from bot.effects import Button, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import TextReceived
from bot.session import GroupItem
from bot.textmatch import yes_no


class Repeat(StepKind):
    """Between ``min_items`` and ``max_items`` items, each answering the group's inner steps."""

    name = "repeat"
    answers = True

    def parse(self, source):
        raw = source.raw
        return {
            "steps": source.parse_steps(raw.get("steps"), "steps"),
            "min_items": int(raw.get("min_items", 1)),
            "max_items": int(raw.get("max_items", 10)),
            "more_prompt": str(raw.get("more_prompt", source.key("-more"))),
            "options": {"add_label": str(raw.get("add_label", "item-add"))},  # the "add one more" button
        }

    def keys(self, step):
        return super().keys(step) + [step.more_prompt, _add_label(step)]

    def enter(self, engine, session, compiled, step, ctx):
        if session.answers.get(step.id):
            return engine.ask(session, compiled)
        session.answers[step.id] = []
        session.step = compiled.enter_group(session.step)
        session.item = GroupItem()
        return [Say(Text(step.prompt))] + engine.ask(session, compiled)

    def question(self, engine, session, compiled, step):
        items = session.answers.get(step.id) or []
        text = Text(step.more_prompt, {"count": len(items), "items": item_lines(step, items)})
        more = [Button(Text(_add_label(step)), buttons.encode(AddItem(step.id, True)))] if len(items) < step.max_items else []
        enough = [Button(Text("item-enough"), buttons.encode(AddItem(step.id, False)))] if len(items) >= step.min_items else []
        return text, [tuple(more + enough)]

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        more = None
        if isinstance(pressed, AddItem) and pressed.step == step.id:
            more = pressed.more
        elif isinstance(event, TextReceived):
            more = {"yes": True, "no": False}.get(yes_no(event.text) or "")
        items = session.answers.get(step.id) or []
        if more is True and len(items) < step.max_items:
            session.history.append(session.step)
            session.step = compiled.enter_group(session.step)
            session.item = GroupItem()
            return engine.ask(session, compiled)
        if more is False and len(items) >= step.min_items:
            return engine.advance(session, compiled, ctx)
        return engine.ask(session, compiled, Text("choice-invalid"))

    def answered(self, session, step):
        return len(session.answers.get(step.id) or []) >= step.min_items

    def display(self, engine, session, step):
        return item_lines(step, session.answers.get(step.id) or [])

    def card_value(self, step, answers, shown, photos):
        if not answers.get(step.id):
            return None
        items = [", ".join(str(GroupItem(item).shown(inner.id, "")) for inner in step.steps) for item in answers[step.id]]
        return "; ".join(items)


def _add_label(step) -> str:
    """Return the message key of the group's "add one more" button."""
    return step.options.get("add_label", "item-add")


def item_lines(step, items: list[dict]) -> list[Text]:
    """Return one line per item, summed up by its first two answers."""
    lines = []
    for number, item in enumerate(items, start=1):
        parts = [str(GroupItem(item).shown(inner.id, "")) for inner in step.steps[:2]]
        lines.append(Text("item-line", {"number": number, "summary": ", ".join(p for p in parts if p)}))
    return lines
