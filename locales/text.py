"""The message vocabulary shared by flows, locales and the bot: a message key with its parameters, and a
button (its label and the data it sends back). Neutral ground, so that flows/ and locales/ never import bot/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Text:
    """A message key and its parameters, not yet rendered."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Button:
    """An answer the citizen can tap: its label (a Text or plain text) and the data sent back."""

    label: Text | str
    data: str
