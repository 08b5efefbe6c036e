"""Choices without buttons: buttons become a numbered text menu, and what the citizen types is matched
back to a button by its number or by the option's words."""

from __future__ import annotations

from dataclasses import dataclass

from bot import buttons
from bot.buttons import Back, HelpSkip, Skip, Suggestion
from bot.effects import Button
from locales.folding import fold

# Buttons that stand next to a typed answer (suggestions, skip, back) must not take over digits: on such
# questions "2" is an answer (2 employees), not option 2.
TEXT_ANSWER_BUTTONS = (Suggestion, Skip, Back, HelpSkip)


@dataclass(frozen=True)
class Menu:
    """The options last shown to a citizen: (label, data) in order, and whether digits pick them."""

    options: tuple[tuple[str, str], ...]
    numbered: bool

    def to_json(self) -> dict:
        return {"options": [list(option) for option in self.options], "numbered": self.numbered}

    @classmethod
    def from_json(cls, data: dict) -> "Menu":
        return cls(tuple((label, value) for label, value in data.get("options") or []), bool(data.get("numbered")))


def build_menu(rows: tuple[tuple[Button, ...], ...], render) -> Menu:
    """Flatten buttons into a menu; the back button is left to /back."""
    options = tuple((render(button.label), button.data) for row in rows for button in row if not isinstance(buttons.decode(button.data), Back))
    numbered = bool(options) and not any(isinstance(buttons.decode(data), TEXT_ANSWER_BUTTONS) for _, data in options)
    return Menu(options, numbered)


def menu_text(menu: Menu) -> str:
    """Return the menu lines to append to a message ("1. Cha", ...)."""
    if menu.numbered:
        return "\n".join(f"{number}. {label}" for number, (label, _) in enumerate(menu.options, start=1))
    return "\n".join(f"• {label}" for label, _ in menu.options)


def match(menu: Menu | None, text: str) -> str | None:
    """Return the button data a typed text picks (by number or by the option's words), or None."""
    if menu is None or not menu.options:
        return None
    typed = fold(text).strip(" .")
    if menu.numbered and typed.isdigit() and 1 <= int(typed) <= len(menu.options):
        return menu.options[int(typed) - 1][1]
    for label, data in menu.options:
        folded = fold("".join(ch for ch in label if ch.isalnum() or ch.isspace()))
        if typed and typed == folded:
            return data
    return None
