"""The choice step: one of a few options, by button, by number, by the option's words or everyday words for it
("con trai" for male, bot/textmatch.py)."""

from __future__ import annotations

from bot import buttons
from bot.buttons import Answer, Skip
from bot.effects import Button, Text
from bot.engine.steps.base import StepKind
from bot.engine.steps.text import optional_rows
from bot.events import ButtonPressed, TextReceived
from flows.compiler import parse_option
from locales.catalog import DEFAULT_LANGUAGE
from bot.textmatch import option_word, says_none
from locales.folding import fold


class Choice(StepKind):
    """Pick one option; the stored value is the option's value, the shown one its Vietnamese label."""

    name = "choice"
    answers = True
    in_group = True
    shows_current = True

    def parse(self, source):
        raw = source.raw
        return {
            "choices": tuple(parse_option(item, source) for item in raw.get("choices") or ()),
            "suggest": tuple(str(item) for item in raw.get("suggest") or ()),
            "optional": bool(raw.get("optional", False)),
            "options": dict(raw.get("options") or {}),
        }

    def check(self, step, where, earlier, validators):
        return [] if step.choices else [f"{where}: a choice step needs 'choices'"]

    def keys(self, step):
        return super().keys(step) + [option.label for option in step.choices]

    def values(self, step):
        return tuple(option.value for option in step.choices)

    def question(self, engine, session, compiled, step):
        options = [Button(Text(option.label), buttons.encode(Answer(step.id, option.value))) for option in step.choices]
        rows = [tuple(options)] if len(options) == 2 else [(option,) for option in options]
        return Text(step.prompt), rows + optional_rows(step)

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        value = None
        if isinstance(pressed, Answer) and pressed.step == step.id:
            value = pressed.value
        elif isinstance(event, TextReceived):
            value = self._match(engine, session, step, event.text)
            if value is None and step.optional and says_none(event.text):
                return engine.store(session, compiled, step, "", "", ctx)
        elif isinstance(pressed, Skip) and pressed.step == step.id and step.optional:
            return engine.store(session, compiled, step, "", "", ctx)
        if value is None or value not in self.values(step):
            if isinstance(event, TextReceived):
                example = Text(step.choices[0].label)
                return engine.refuse(session, compiled, step, Text("choice-invalid"), ctx, example)
            if isinstance(event, ButtonPressed):
                return engine.ask(session, compiled, Text("choice-invalid"))
            return engine.unexpected(session, compiled, event)
        return engine.store(session, compiled, step, value, self._shown(engine, step, value), ctx)

    def _shown(self, engine, step, value):
        option = next(o for o in step.choices if o.value == value)
        return engine.catalog.render(DEFAULT_LANGUAGE, Text(option.label))

    def _match(self, engine, session, step, text):
        wanted = fold(text)
        for position, option in enumerate(step.choices, start=1):
            labels = {fold(engine.catalog.render(lang, Text(option.label))) for lang in (session.language, DEFAULT_LANGUAGE)}
            if wanted in labels or wanted == fold(option.value) or wanted == str(position):
                return option.value
        return option_word(text, self.values(step))

    def display(self, engine, session, step):
        if session.answers.get(step.id) == "":
            return session.shown.get(step.id) or Text("review-empty")
        return self.offer(step, session.answers.get(step.id))

    def offer(self, step, value):
        option = next((o for o in step.choices if o.value == value), None)
        return Text(option.label) if option else str(value)

    def card_value(self, step, answers, shown, photos):
        if step.id not in answers:
            return None
        return shown.get(step.id) or answers[step.id] or Text("review-empty")

    def prefill(self, engine, session, compiled, step, raw, ctx):
        if raw not in self.values(step):
            return None
        return raw, self._shown(engine, step, raw)
