"""The consent step: the citizen agrees (or not) to the processing of their personal data, by version.

Consent is given by its button or by typing its words ("Tôi đồng ý", "đồng ý"), declined the same way
("Không đồng ý", "không"); a bare "ok" is not consent to sensitive data. Anything else gets a short prompt
with the buttons, not the whole text again."""

from __future__ import annotations

from bot import buttons
from bot.buttons import Answer
from bot.effects import Button, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import TextReceived
from bot.textmatch import consent


class Consent(StepKind):
    """Agree or decline; declining ends the filing, agreeing records the consent text's version."""

    name = "consent"
    grants_consent = True

    def question(self, engine, session, compiled, step):
        text = Text(step.prompt, {"version": compiled.flow.consent_version})
        return text, list(self.rows(step))

    def rows(self, step):
        """Return the agree/decline buttons."""
        return ((Button(Text("consent-agree"), buttons.encode(Answer(step.id, "yes"))),
                 Button(Text("consent-decline"), buttons.encode(Answer(step.id, "no")))),)

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        answer = None
        if isinstance(pressed, Answer):
            answer = pressed.value
        elif isinstance(event, TextReceived):
            answer = consent(event.text)
        if answer not in ("yes", "no"):
            return [Say(Text("consent-need-answer"), self.rows(step))]
        if answer == "no":
            session.reset_flow()
            return [Say(Text("consent-declined"))] + engine.menu(session)
        session.consent = {
            "flow": compiled.flow.id,
            "version": compiled.flow.consent_version,
            "accepted_at": ctx.now.isoformat(timespec="seconds"),
        }
        return engine.advance(session, compiled, ctx)
