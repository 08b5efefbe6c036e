"""The filing engine (pure: session + event -> effects) and its step kinds.

    core.py      the Engine: commands, menu, moving through a flow, pending questions
    routing.py   which office receives a filing (the flow's ``office:`` answers)
    steps/       one module per step kind, and their registry ``KINDS``
"""

from bot.engine.core import Context, Engine
from bot.engine.steps import KINDS, card_line

__all__ = ["KINDS", "Context", "Engine", "card_line"]
