"""The photos step: a slot of document photos, checked (type, size, resolution, darkness, blur, QR codes);
an ID card's QR code may fill later steps (``prefill``) once the citizen agrees. A photo that arrives while
that offer waits (the back, sent after the front) is kept in the slot, and the offer stands."""

from __future__ import annotations

from bot import buttons
from bot.buttons import PhotosDone, Skip
from bot.effects import Button, Effect, Fetch, Forget, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import DocumentReceived, PhotoReceived, PhotosChecked, TextReceived
from bot.idcard import parse_id_qr
from bot.photos import precheck, problems
from bot.session import OfferingPrefill, ReplacingPhotos
from locales.folding import fold

DONE_WORDS = {"xong", "done", "xong roi", "xong rồi", "het", "hết", "finish"}
SKIP_WORDS = ("bo qua", "skip")


class Photos(StepKind):
    """Between ``min`` and ``max`` photos of one document."""

    name = "photos"
    answers = True
    holds_photos = True

    def parse(self, source):
        photos = source.raw.get("photos") or {}
        return {
            "optional": bool(source.raw.get("optional", False)),
            "min_photos": int(photos.get("min", 1)),
            "max_photos": int(photos.get("max", 1)),
            "qr": photos.get("qr"),
            "prefill": {str(k): str(v) for k, v in (photos.get("prefill") or {}).items()},
        }

    def check(self, step, where, earlier, validators):
        problems_found = []
        if step.min_photos < 0 or step.max_photos < max(step.min_photos, 1):
            problems_found.append(f"{where}: photos need 0 <= min <= max and max >= 1")
        if step.optional and step.min_photos:
            problems_found.append(f"{where}: an optional photo slot must have min 0")
        if not step.optional and step.min_photos < 1:
            problems_found.append(f"{where}: a required photo slot needs min >= 1 (or say optional: true)")
        for target in step.prefill.values():
            if target in earlier:
                problems_found.append(f"{where}: prefill target '{target}' is asked before the photo; put the photo first")
        return problems_found

    def enter(self, engine, session, compiled, step, ctx):
        if session.editing and session.answers.get(step.id):
            session.item = ReplacingPhotos(step.id)
        return engine.ask(session, compiled)

    def question(self, engine, session, compiled, step):
        count = len(session.answers.get(step.id) or [])
        text = Text(step.prompt, {"min": step.min_photos, "max": step.max_photos, "count": count})
        if count and count >= step.min_photos:
            return text, [(Button(Text("photos-done", {"count": count}), buttons.encode(PhotosDone(step.id))),)]
        if step.optional:
            return text, [(Button(Text("skip"), buttons.encode(Skip(step.id))),)]
        return text, []

    def answered(self, session, step):
        return step.id in session.answers and len(session.answers[step.id]) >= step.min_photos

    def display(self, engine, session, step):
        return Text("review-photos", {"count": len(session.answers.get(step.id) or [])})

    def card_value(self, step, answers, shown, photos):
        return Text("review-photos", {"count": photos}) if photos else None

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        if isinstance(event, PhotoReceived):
            return self._received(engine, session, compiled, step, event)
        if isinstance(event, PhotosChecked):
            return self._checked(engine, session, compiled, step, event, ctx)
        if isinstance(event, DocumentReceived):
            return engine.ask(session, compiled, problem_text(engine, "photo-wrong-type"))
        if isinstance(pressed, PhotosDone) and pressed.step == step.id or (
            isinstance(event, TextReceived) and fold(event.text) in DONE_WORDS
        ):
            count = len(session.answers.get(step.id) or [])
            if count < step.min_photos:
                return engine.ask(session, compiled, Text("photos-need-more", {"min": step.min_photos, "count": count}))
            if count == 0 and step.optional:
                session.answers[step.id] = []
            session.item = None
            return engine.advance(session, compiled, ctx)
        skipped = isinstance(pressed, Skip) and pressed.step == step.id
        if step.optional and (skipped or isinstance(event, TextReceived) and fold(event.text) in SKIP_WORDS):
            session.answers[step.id] = []
            return engine.advance(session, compiled, ctx)
        return engine.ask(session, compiled, Text("photos-expected"))

    def after(self, engine, session, compiled, step, ctx):
        """Move on once the slot is full; otherwise ask for more."""
        if len(session.answers.get(step.id) or []) >= step.max_photos:
            session.item = None
            return engine.advance(session, compiled, ctx)
        return engine.ask(session, compiled)

    def _received(self, engine, session, compiled, step, event):
        refused, accepted = [], []
        for number, photo in enumerate(event.photos, start=1):
            problem = precheck(photo.size, photo.mime, engine.rules)
            if problem:
                refused.append(Text("photo-problem", {"number": number, "problem": problem_text(engine, problem)}))
            else:
                accepted.append(photo)
        effects = []
        if refused:
            if not accepted:
                return engine.ask(session, compiled, Text("lines", {"lines": refused}))
            effects.append(Say(Text("lines", {"lines": refused})))
        return effects + [Fetch(photos=tuple(accepted), slot=step.id, decode_qr=bool(step.qr))]

    def _checked(self, engine, session, compiled, step, event, ctx):
        rules = engine.rules
        replaced: list[str] = []
        if session.item == ReplacingPhotos(step.id) and any(p.error is None for p in event.photos):
            replaced = [item["sha256"] for item in session.answers.get(step.id) or []]
            session.answers[step.id] = []
            session.item = None
        slot = session.answers.setdefault(step.id, [])
        lines: list[Text] = []
        offer = None
        for number, photo in enumerate(event.photos, start=1):
            if photo.error == "too-many-pixels":
                cap = Text("photo-too-many-pixels", {"max_mp": rules.max_pixels / 1_000_000})
                lines.append(Text("photo-problem", {"number": number, "problem": cap}))
                continue
            if photo.error:
                lines.append(Text("photo-problem", {"number": number, "problem": Text("photo-unreadable")}))
                continue
            found = problems(photo.width, photo.height, photo.brightness, photo.sharpness, rules)
            if found:
                if "photo-too-small" in found:
                    found = ["photo-too-small"] + [f for f in found if f != "photo-too-small"]
                small = {"width": photo.width, "height": photo.height, "min_long": rules.min_long_side, "min_short": rules.min_short_side}
                reason = [problem_text(engine, key) if key != "photo-too-small" else Text(key, small) for key in found]
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
            return engine.ask(session, compiled, Text("lines", {"lines": lines}))
        received = Text("photos-received", {"count": count, "max": step.max_photos, "document": Text(step.label)})
        effects.append(Say(Text("lines", {"lines": lines + [received]})))
        if isinstance(session.pending, OfferingPrefill):  # a photo (the back) that came while the offer waits
            return effects + engine.prefill_reminder()
        if offer is not None and step.prefill:
            fields = {target: getattr(offer, source) for source, target in step.prefill.items() if getattr(offer, source, "")}
            session.pending = OfferingPrefill(step.id, fields)
            return effects + engine.offer_prefill(compiled, fields)
        return effects + self.after(engine, session, compiled, step, ctx)


def problem_text(engine, key: str) -> Text:
    """Return a photo problem's message with the limits it names."""
    rules = engine.rules
    params = {
        "photo-too-small": {"min_long": rules.min_long_side, "min_short": rules.min_short_side},
        "photo-too-large": {"max_mb": rules.max_bytes // (1024 * 1024)},
    }.get(key, {})
    return Text(key, params)
