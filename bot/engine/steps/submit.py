"""The submit step: the finished filing becomes a dossier (the host stores it and sends the receipt).

A filing no office here may receive (bot/engine/routing.py) is not submitted: the citizen stays at the review,
which says where to file instead. Nor is one whose business name the receiving office already has: the name was
checked when typed, but against the office known then (the head office is asked after it), so it is checked
again here, where the office is known, and the citizen is taken back to that question, nothing lost."""

from __future__ import annotations

from bot.effects import Forget, Submit, Text
from bot.engine.steps.base import ORIGIN, StepKind
from flows.validators import Invalid


class SubmitStep(StepKind):
    """The flow's last step: never asked, it files."""

    name = "submit"
    required = True
    last = True
    always_asked = True

    def keys(self, step):
        return []

    def enter(self, engine, session, compiled, step, ctx):
        if not session.supplement and engine.route(session, compiled, ctx).refused:
            review = session.history.pop() if session.history else next(s.id for s in compiled.flow.steps if engine.kind(s).summarises)
            session.step = compiled.jump(session.current_step, review)
            return engine.ask(session, compiled, Text("routing-not-sent"))
        if not session.supplement:
            taken = self._name_taken(engine, session, compiled, ctx)
            if taken is not None:
                return taken
        answers = compiled.answers(session.answers)
        attachments = {
            s.id: [item["sha256"] for item in answers.get(s.id) or []]
            for s in compiled.flow.steps
            if engine.kind(s).holds_photos and s.id in answers
        }
        values = {key: value for key, value in answers.items() if key not in attachments}
        origin = {key: source for key, source in (session.answers.get(ORIGIN) or {}).items() if key in values}
        if origin:  # which answers the ID card's QR code or another answer gave (the officials' card marks them)
            values[ORIGIN] = origin
        shown = {key: session.shown[key] for key in values if key in session.shown}
        kept = {sha for hashes in attachments.values() for sha in hashes}
        dropped = tuple(sha for sha in session.photo_hashes() if sha not in kept)
        submit = Submit(
            flow_id=compiled.flow.id,
            flow_version=compiled.flow.version,
            answers=values,
            attachments=attachments,
            consent=dict(session.consent or {}),
            shown=shown,
            supplement_of=(session.supplement or {}).get("dossier_id"),
        )
        session.reset_flow()
        return [submit] + ([Forget(dropped)] if dropped else [])

    def _name_taken(self, engine, session, compiled, ctx):
        """Ask again a business name the receiving office already has (with the question's own refusal), or None."""
        answers = compiled.answers(session.answers)
        for step in engine.answer_steps(session, compiled):
            if step.validator != "business_name" or not answers.get(step.id):
                continue
            result = engine.kind(step).validate(engine, session, compiled, step, str(answers[step.id]), ctx)
            if isinstance(result, Invalid):
                review = session.history.pop() if session.history else next(s.id for s in compiled.flow.steps if engine.kind(s).summarises)
                session.history.append(review)
                session.step = compiled.jump(review, step.id)
                session.editing = True  # answered again, the filing goes back to the review
                return engine.ask(session, compiled, result.error)
        return None
