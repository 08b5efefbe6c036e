"""The text step: a typed answer checked by a validator, with optional suggestions and skip ("không có" skips too).

An answer the validator wants confirmed (a name without diacritics) is asked back before it is stored; a
refusal goes through ``Engine.refuse``, which offers help from the third in a row."""

from __future__ import annotations

from dataclasses import replace

from bot import buttons
from bot.buttons import Answer, Skip, Suggestion
from bot.effects import Button, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import LocationReceived, TextReceived
from flows.validators import VALIDATORS, Invalid, ValidationContext
from bot.textmatch import says_none


def optional_rows(step) -> list:
    """Return the suggestion and skip rows a text or choice step offers."""
    rows = []
    if step.suggest:
        rows.append(tuple(Button(value, buttons.encode(Suggestion(step.id, i))) for i, value in enumerate(step.suggest)))
    if step.optional:
        rows.append((Button(Text("skip"), buttons.encode(Skip(step.id))),))
    return rows


def with_offers(effects: list, step, offers: tuple[tuple[str, str], ...]) -> list:
    """Put the answers a validator offers (value, label) as buttons above the question's own: one a row, or
    three a row when every label is short (VSIC codes)."""
    if not offers:
        return effects
    offered = [Button(label, buttons.encode(Answer(step.id, value))) for value, label in offers]
    width = 3 if all(len(label) <= 8 for _, label in offers) else 1
    rows = tuple(tuple(offered[start:start + width]) for start in range(0, len(offered), width))
    return [replace(effect, buttons=rows + tuple(effect.buttons)) if isinstance(effect, Say) else effect for effect in effects]


class TextStep(StepKind):
    """Typed text, normalised by its validator; a location is accepted for an address."""

    name = "text"
    answers = True
    in_group = True
    shows_current = True

    def parse(self, source):
        raw = source.raw
        return {
            "validator": raw.get("validator"),
            "options": dict(raw.get("options") or {}),
            "suggest": tuple(str(item) for item in raw.get("suggest") or ()),
            "optional": bool(raw.get("optional", False)),
        }

    def check(self, step, where, earlier, validators):
        if not step.validator:
            return [f"{where}: a text step needs a 'validator'"]
        if step.validator not in validators:
            return [f"{where}: unknown validator '{step.validator}' (known: {', '.join(sorted(validators))})"]
        return []

    def question(self, engine, session, compiled, step):
        return Text(step.prompt), optional_rows(step)

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        raw = None
        if isinstance(event, TextReceived):
            raw = event.text
        elif isinstance(pressed, Suggestion) and pressed.step == step.id:
            raw = step.suggest[pressed.index] if pressed.index < len(step.suggest) else None
        elif isinstance(pressed, Skip) and pressed.step == step.id and step.optional:
            return engine.store(session, compiled, step, "", "", ctx)
        elif isinstance(pressed, Answer) and pressed.step == step.id:
            raw = pressed.value  # an answer the validator offered (a VSIC code found by words): checked again
        elif isinstance(event, LocationReceived) and step.validator == "address":
            raw = f"{event.latitude:.6f}, {event.longitude:.6f}"
        if raw is None:
            return engine.unexpected(session, compiled, event)
        if step.optional and says_none(raw):
            return engine.store(session, compiled, step, "", "", ctx)
        result = self.validate(engine, session, compiled, step, raw, ctx)
        if isinstance(result, Invalid):
            if result.offers:  # a search's matches: not a refusal that counts toward the help
                return with_offers(engine.ask(session, compiled, result.error), step, result.offers)
            return engine.refuse(session, compiled, step, result.error, ctx)
        notes = [Say(note) for note in result.notes]
        return engine.checked(session, compiled, step, result.value, result.display, result.confirm, ctx, notes)

    def validate(self, engine, session, compiled, step, raw, ctx):
        """Run the step's validator on what was typed, knowing the answers that apply."""
        answers = compiled.answers(session.answers)
        if "." in session.step:
            answers = {**answers, **engine.group_item(session).answers()}
        office = engine.office(session, compiled, ctx)  # a business name is unique within the receiving office
        code = office.code if office is not None else None
        context = ValidationContext(
            today=ctx.now.date(),
            answers=answers,
            options=step.options,
            business_name_taken=lambda name: ctx.business_name_taken(name, code),
            vsic=engine.vsic,
        )
        return VALIDATORS[step.validator](raw.strip(), context)

    def card_value(self, step, answers, shown, photos):
        if step.id not in answers:
            return None
        return shown.get(step.id) or answers[step.id] or Text("review-empty")

    def prefill(self, engine, session, compiled, step, raw, ctx):
        result = self.validate(engine, session, compiled, step, raw, ctx)
        if isinstance(result, Invalid):
            return None
        return result.value, result.display
