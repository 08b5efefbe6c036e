"""The place step: an address in today's units, asked in three parts: province, commune, then the street.

The province is picked from the 34 (buttons, or its name typed, accent-insensitive); the commune is found
by typing words of its name (up to eight matches offered); the street is typed and checked like any
address. The answer is a dict: province_code, province, commune_code, commune, street; it is shown as
"street, commune, province". Options in the flow file: ``street_prompt`` (the message asking for the third
part), ``street_optional``, ``same_as`` (earlier place steps whose answer may be copied with one button).
What is chosen so far lives in the session's item (``PickingPlace``), or inside the repeat item.
"""

from __future__ import annotations

from typing import Any

from bot import buttons
from bot.buttons import PlacePick, Skip, Suggestion
from bot.effects import Button, Text
from bot.engine.steps.base import StepKind
from bot.events import TextReceived
from bot.session import GroupItem, PickingPlace
from flows import places
from flows.text_hygiene import clean_text
from flows.validators import ADDRESS_MIN, VALIDATORS, Invalid, ValidationContext
from locales.folding import fold

MATCHES = 8  # communes offered at once
PROVINCES_PER_ROW = 3
PLACEHOLDERS = ("nhu tren", "nt", "n/t", "khong", "khong co", "-", "--", ".", "...", "x", "nhu cu", "nhu dia chi tren", "same", "same as above")
SKIP_WORDS = ("bo qua", "skip", "-", "khong", "khong co")
STREET_EXAMPLE = "Số 12 đường Lê Lợi, ấp 3"
CARD = "#card"  # session.shown key suffix: the address read from the ID card, a suggestion for this step


def shown_place(value: Any) -> str:
    """Return a place answer as people read it: "street, commune, province" (a string stays as it is)."""
    if not isinstance(value, dict):
        return "" if value is None else str(value)
    return ", ".join(str(value.get(key) or "") for key in ("street", "commune", "province") if value.get(key))


class PlaceStep(StepKind):
    """Province, commune and street; the stored value is a dict of unit codes and names."""

    name = "place"
    answers = True
    in_group = True
    holds_place = True

    # -- the flow file --------------------------------------------------------------------------------

    def parse(self, source):
        raw = source.raw
        return {"options": {
            "street_prompt": str(raw.get("street_prompt") or "place-street"),
            "street_optional": bool(raw.get("street_optional", False)),
            "same_as": [str(item) for item in raw.get("same_as") or ()],
        }}

    def check(self, step, where, earlier, validators):
        problems = []
        for other in step.options.get("same_as") or ():
            if other not in earlier or earlier[other].kind != self.name:
                problems.append(f"{where}: same_as names '{other}', which is not an earlier place step")
        return problems

    def keys(self, step):
        return super().keys(step) + [step.options["street_prompt"]]

    # -- progress ---------------------------------------------------------------------------------------

    def _progress(self, engine, session, step) -> dict[str, Any]:
        if "." in session.current_step:
            return dict(engine.group_item(session).values.get(f"{step.id}#place") or {})
        item = session.item
        return dict(item.progress) if isinstance(item, PickingPlace) and item.step == step.id else {}

    def _keep(self, engine, session, step, progress: dict[str, Any]) -> None:
        if "." in session.current_step:
            values = {k: v for k, v in engine.group_item(session).values.items() if k != f"{step.id}#place"}
            session.item = GroupItem({**values, f"{step.id}#place": progress} if progress else values)
        else:
            session.item = PickingPlace(step.id, progress) if progress else None

    # -- the conversation -----------------------------------------------------------------------------

    def enter(self, engine, session, compiled, step, ctx):
        self._keep(engine, session, step, {})
        return engine.ask(session, compiled)

    def question(self, engine, session, compiled, step):
        progress = self._progress(engine, session, step)
        stage = progress.get("stage")
        province = places.province(progress.get("province") or "")
        if stage == "commune" and province:
            return self._commune_question(step, province, progress)
        commune = places.commune(progress.get("commune") or "")
        if stage == "street" and province and commune:
            return self._street_question(session, step, province, commune)
        return self._province_question(session, compiled, step)

    def _province_question(self, session, compiled, step):
        text = Text("place-province", {"question": Text(step.prompt)})
        card = session.shown.get(step.id + CARD) if "." not in session.current_step else None
        if card:
            text = Text("place-from-card", {"address": card, "question": text})
        current = session.shown.get(step.id) if "." not in session.current_step and step.id in session.answers else None
        if current:
            text = Text("ask-with-current", {"question": text, "current": current})
        rows: list[tuple[Button, ...]] = []
        for other in step.options.get("same_as") or ():
            if isinstance(session.answers.get(other), dict):
                label = Text("place-same-as", {"label": Text(compiled.flow.step(other).label)})
                rows.append((Button(label, buttons.encode(PlacePick(step.id, "s", other))),))
        guessed = places.province_in(card) if card else None
        if guessed:
            rows.append((Button(guessed.short, buttons.encode(PlacePick(step.id, "p", guessed.code))),))
        grid = [Button(p.short, buttons.encode(PlacePick(step.id, "p", p.code))) for p in places.provinces()]
        rows += [tuple(grid[i:i + PROVINCES_PER_ROW]) for i in range(0, len(grid), PROVINCES_PER_ROW)]
        return text, rows

    def _commune_question(self, step, province, progress):
        matches = [c for c in (places.commune(code) for code in progress.get("matches") or ()) if c]
        example = places.communes(province.code)[0].base
        if not matches:
            return Text("place-commune", {"province": province.short, "example": example}), []
        text = Text("place-commune-pick", {"province": province.short, "count": len(matches), "more": "yes" if progress.get("more") else "no"})
        return text, [(Button(c.name, buttons.encode(PlacePick(step.id, "c", c.code))),) for c in matches]

    def _street_question(self, session, step, province, commune):
        text = Text(step.options["street_prompt"], {"commune": commune.name, "province": province.name})
        rows = []
        card = session.shown.get(step.id + CARD) if "." not in session.current_step else None
        street = places.street_of(card) if card else ""
        if street:
            rows.append((Button(street, buttons.encode(Suggestion(step.id, 0))),))
        if step.options.get("street_optional"):
            rows.append((Button(Text("skip"), buttons.encode(Skip(step.id))),))
        return text, rows

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        progress = self._progress(engine, session, step)
        stage = progress.get("stage") or "province"
        if isinstance(pressed, PlacePick) and pressed.step == step.id:
            return self._picked(engine, session, compiled, step, progress, pressed, ctx)
        if stage == "street" and isinstance(pressed, Suggestion) and pressed.step == step.id:
            card = session.shown.get(step.id + CARD) or ""
            if places.street_of(card):
                return self._street(engine, session, compiled, step, progress, places.street_of(card), ctx)
        if stage == "street" and isinstance(pressed, Skip) and pressed.step == step.id and step.options.get("street_optional"):
            return self._finish(engine, session, compiled, step, progress, "", ctx)
        if not isinstance(event, TextReceived):
            return engine.unexpected(session, compiled, event)
        typed = event.text.strip()
        if stage == "commune":
            return self._search(engine, session, compiled, step, progress, typed, ctx)
        if stage == "street":
            return self._street(engine, session, compiled, step, progress, typed, ctx)
        found = places.find_province(typed)
        if found is None:
            return engine.refuse(session, compiled, step, Text("place-province-unknown", {"typed": typed[:60]}), ctx, example="Tây Ninh")
        self._keep(engine, session, step, {"stage": "commune", "province": found.code})
        return engine.ask(session, compiled)

    def _picked(self, engine, session, compiled, step, progress, pressed, ctx):
        if pressed.part == "s" and pressed.value in (step.options.get("same_as") or ()):
            value = session.answers.get(pressed.value)
            if isinstance(value, dict):
                self._keep(engine, session, step, {})
                session.shown.pop(step.id + CARD, None)
                return engine.store(session, compiled, step, dict(value), shown_place(value), ctx)
        if pressed.part == "p" and places.province(pressed.value):
            self._keep(engine, session, step, {"stage": "commune", "province": pressed.value})
            return engine.ask(session, compiled)
        commune = places.commune(pressed.value) if pressed.part == "c" else None
        if commune and progress.get("stage") == "commune" and commune.province_code == progress.get("province"):
            self._keep(engine, session, step, {"stage": "street", "province": commune.province_code, "commune": commune.code})
            return engine.ask(session, compiled)
        return engine.ask(session, compiled, Text("button-expired"))

    def _search(self, engine, session, compiled, step, progress, typed, ctx):
        province = places.province(progress.get("province") or "")
        if province is None:
            self._keep(engine, session, step, {})
            return engine.ask(session, compiled)
        exact = places.exact(province.code, typed)
        if len(exact) == 1:
            self._keep(engine, session, step, {"stage": "street", "province": province.code, "commune": exact[0].code})
            return engine.ask(session, compiled)
        found = places.search_communes(province.code, typed, limit=MATCHES + 1)
        if not found:
            self._keep(engine, session, step, {"stage": "commune", "province": province.code})
            example = places.communes(province.code)[0].base
            return engine.refuse(session, compiled, step, Text("place-commune-none", {"typed": typed[:60], "province": province.short, "example": example}), ctx)
        matches = [c.code for c in found[:MATCHES]]
        self._keep(engine, session, step, {"stage": "commune", "province": province.code, "matches": matches, "more": len(found) > MATCHES})
        return engine.ask(session, compiled)

    def _street(self, engine, session, compiled, step, progress, typed, ctx):
        folded = fold(typed).strip(" .")
        if step.options.get("street_optional") and folded in SKIP_WORDS:
            return self._finish(engine, session, compiled, step, progress, "", ctx)
        if folded in PLACEHOLDERS or fold(typed) in PLACEHOLDERS:
            return engine.refuse(session, compiled, step, Text("place-street-placeholder", {"typed": typed[:60]}), ctx, example=STREET_EXAMPLE)
        cleaned = clean_text(typed)
        if isinstance(cleaned, Text):
            return engine.refuse(session, compiled, step, cleaned, ctx, example=STREET_EXAMPLE)
        if len(cleaned) < ADDRESS_MIN:  # "Ấp 3", "Tổ 5": short, but a street part needs a letter and a number
            if not (any(c.isalpha() for c in cleaned) and any(c.isdigit() for c in cleaned)):
                return engine.refuse(session, compiled, step, Text("place-street-short", {"example": STREET_EXAMPLE}), ctx)
            return self._finish(engine, session, compiled, step, progress, cleaned, ctx)
        context = ValidationContext(today=ctx.now.date(), answers=compiled.answers(session.answers), options={})
        result = VALIDATORS["address"](cleaned, context)
        if isinstance(result, Invalid):
            return engine.refuse(session, compiled, step, result.error, ctx, example=STREET_EXAMPLE)
        return self._finish(engine, session, compiled, step, progress, result.value, ctx)

    def _finish(self, engine, session, compiled, step, progress, street, ctx):
        province = places.province(progress.get("province") or "")
        commune = places.commune(progress.get("commune") or "")
        if province is None or commune is None:
            self._keep(engine, session, step, {})
            return engine.ask(session, compiled)
        value = {"province_code": province.code, "province": province.name, "commune_code": commune.code,
                 "commune": commune.name, "street": street}
        self._keep(engine, session, step, {})
        session.shown.pop(step.id + CARD, None)
        return engine.store(session, compiled, step, value, shown_place(value), ctx)

    def back(self, engine, session, compiled, step):
        progress = self._progress(engine, session, step)
        stage = progress.get("stage")
        if stage == "street":
            self._keep(engine, session, step, {"stage": "commune", "province": progress.get("province")})
            return engine.ask(session, compiled)
        if stage == "commune":
            self._keep(engine, session, step, {})
            return engine.ask(session, compiled)
        self._keep(engine, session, step, {})
        return None

    # -- showing the answer -----------------------------------------------------------------------------

    def display(self, engine, session, step):
        value = session.answers.get(step.id)
        if value in (None, ""):
            return Text("review-empty")
        return session.shown.get(step.id) or shown_place(value)

    def card_value(self, step, answers, shown, photos):
        if step.id not in answers:
            return None
        return shown.get(step.id) or shown_place(answers[step.id]) or Text("review-empty")

    def prefill(self, engine, session, compiled, step, raw, ctx):
        # An ID card's address (district-level before July 2025) cannot become today's units: it is kept as
        # a suggestion the step offers (its province, its street part), and the step is asked as usual.
        if raw.strip():
            session.shown[step.id + CARD] = raw.strip()
        return None

    def offer(self, step, value):
        return Text("place-offer", {"address": value})

