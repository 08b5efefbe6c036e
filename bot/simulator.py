"""Play a flow in the terminal: the same desk and engine as the chat channels, typed by hand.

Buttons are numbered; type ``#2`` to press the second. Type a file path (or several, separated by
spaces) to send photos. Commands such as /back, /cancel, /review work as in the chat.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Callable

from bot import buttons
from bot.buttons import StartFlow
from bot.desk import Desk, DossierSubmitted
from bot.effects import Say, SendPhoto
from bot.events import ButtonPressed, Citizen, CommandReceived, PhotoReceived, PhotoRef, TextReceived
from locales.catalog import Catalog


class TerminalChat:
    """A citizen at a terminal, talking to the desk."""

    def __init__(self, desk: Desk, catalog: Catalog, write: Callable[[str], None] = print) -> None:
        self.desk = desk
        self.catalog = catalog
        self.write = write
        self.citizen = Citizen("sim", "terminal")
        self.buttons: list[str] = []

    async def start(self, flow_id: str) -> None:
        """Open the chat: resume the filing in progress, or begin this flow."""
        if self.desk.session(self.citizen).in_flow:
            await self.send_event(CommandReceived(self.citizen, "start"))
        else:
            await self.send_event(ButtonPressed(self.citizen, buttons.encode(StartFlow(flow_id))))

    async def type(self, line: str) -> None:
        """Turn one typed line into an event and show the replies."""
        line = line.strip()
        if not line:
            return
        if line.startswith("#") and line[1:].isdigit():
            number = int(line[1:])
            if 1 <= number <= len(self.buttons):
                await self.send_event(ButtonPressed(self.citizen, self.buttons[number - 1]))
            else:
                self.write(f"(no button #{number})")
            return
        paths = _paths(line)
        if paths:
            photos = tuple(
                PhotoRef(file_ref=str(p), size=p.stat().st_size, mime=_mime(p), file_name=p.name) for p in paths
            )
            await self.send_event(PhotoReceived(self.citizen, photos))
            return
        if line.startswith("/"):
            command, _, args = line[1:].partition(" ")
            await self.send_event(CommandReceived(self.citizen, command, args))
            return
        await self.send_event(TextReceived(self.citizen, line))

    async def send_event(self, event) -> None:
        """Send an event through the desk and print what comes back."""
        for effect in await self.desk.handle(event, _read_file):
            self.show(effect)

    def show(self, effect) -> None:
        """Print one effect as the citizen would see it."""
        language = self._language()
        if isinstance(effect, Say):
            self.write(self.catalog.render(language, effect.text))
            self.buttons = []
            labels = []
            for row in effect.buttons:
                for button in row:
                    self.buttons.append(button.data)
                    labels.append(f"[#{len(self.buttons)}] {self.catalog.render(language, button.label)}")
            if labels:
                self.write("   ".join(labels))
            self.write("")
        elif isinstance(effect, SendPhoto):
            caption = self.catalog.render(language, effect.caption) if effect.caption else ""
            self.write(f"[ảnh / image: {effect.path}] {caption}\n")
        elif isinstance(effect, DossierSubmitted):
            self.write(f"(dossier {effect.receipt_code} stored)\n")

    def _language(self) -> str:
        return self.desk.language(self.citizen)


def _paths(line: str) -> list[Path]:
    try:
        parts = shlex.split(line)
    except ValueError:
        return []
    paths = [Path(part).expanduser() for part in parts]
    return paths if paths and all(p.is_file() for p in paths) else []


def _mime(path: Path) -> str:
    types = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".heic": "image/heic", ".heif": "image/heif"}
    return types.get(path.suffix.lower(), "application/octet-stream")


async def _read_file(ref: PhotoRef) -> bytes:
    return Path(ref.file_ref).read_bytes()
