"""The consent step: the citizen agrees (or not) to the processing of their personal data, by version."""

from __future__ import annotations

from bot import buttons
from bot.buttons import Answer
from bot.effects import Button, Say, Text
from bot.engine.steps.base import StepKind
from bot.events import TextReceived
from bot.textmatch import yes_no


class Consent(StepKind):
    """Agree or decline; declining ends the filing, agreeing records the consent text's version."""

    name = "consent"
    grants_consent = True

    def question(self, engine, session, compiled, step):
        text = Text(step.prompt, {"version": compiled.flow.consent_version})
        row = (Button(Text("consent-agree"), buttons.encode(Answer(step.id, "yes"))),
               Button(Text("consent-decline"), buttons.encode(Answer(step.id, "no"))))
        return text, [row]

    def handle(self, engine, session, compiled, step, event, pressed, ctx):
        answer = None
        if isinstance(pressed, Answer):
            answer = pressed.value
        elif isinstance(event, TextReceived):
            answer = yes_no(event.text)
        if answer not in ("yes", "no"):
            return engine.ask(session, compiled, Text("consent-need-answer"))
        if answer == "no":
            session.reset_flow()
            return [Say(Text("consent-declined"))] + engine.menu(session)
        session.consent = {
            "flow": compiled.flow.id,
            "version": compiled.flow.consent_version,
            "accepted_at": ctx.now.isoformat(timespec="seconds"),
        }
        return engine.advance(session, compiled, ctx)
