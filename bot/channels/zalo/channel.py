"""The Zalo channel: Zalo Bot API updates become desk events; effects become Zalo messages.

Zalo has no buttons: choices are numbered text menus, matched back by number or by the option's words;
commands work as typed text. Each update is stored in the inbox as soon as it is received (polling) or
before the webhook answers 200, and applied once (event name + message id); stored updates of one citizen
are processed in order (bot/intake.py). What is sent comes from the outbox (bot/sender.py). A photo arrives as a URL
that may expire, so it is downloaded at once, with a size limit and a timeout. Images for the citizen (the
receipt QR) go out as short-lived signed links from the bot's own web server when a public base URL is set,
and as text otherwise. The same desk, flows and admin chat serve Zalo citizens as Telegram ones.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Sequence

from bot.channels.zalo.client import ZaloClient, retrying
from bot.channels.zalo.errors import ZaloConnectionError, ZaloError, ZaloPartialSend, ZaloQuotaExceeded
from bot.channels.zalo.menus import Menu, build_menu, match, menu_text
from bot.channels.zalo.updates import ZaloUpdate, parse_update
from bot.desk import Desk
from bot.dispatch import Dispatcher, Failure
from bot.edge import serve
from bot.effects import Effect, Say, SendPhoto, Text
from bot.events import ButtonPressed, Citizen, CommandReceived, Event, PhotoReceived, PhotoRef, TextReceived
from bot.intake import InboxUpdate, Intake
from bot.media import MediaLinks
from locales.catalog import Catalog


log = logging.getLogger(__name__)
CHANNEL = "zalo"
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
STICKER_EVENT = "message.sticker.received"


class ZaloChannel:
    """Serves citizens who write to the Zalo bot."""

    name = CHANNEL

    def __init__(
        self,
        client: ZaloClient,
        desk: Desk,
        catalog: Catalog,
        dispatcher: Dispatcher,
        *,
        links: MediaLinks | None = None,
        max_photo_bytes: int = 10 * 1024 * 1024,
        download_timeout: float = 20.0,
    ) -> None:
        self.client = client
        self.desk = desk
        self.catalog = catalog
        self.dispatcher = dispatcher
        self.links = links
        self.max_photo_bytes = max_photo_bytes
        self.download_timeout = download_timeout
        self.tasks: set[asyncio.Task] = set()
        self.polling: asyncio.Task | None = None
        self.intake = Intake(desk, CHANNEL, self.process)

    # -- receiving -----------------------------------------------------------------------------

    def start_polling(self, timeout: float = 25.0) -> None:
        """Process what a previous run stored, then poll getUpdates (one update per call) in the background."""
        self.intake.resume()
        self.polling = asyncio.get_running_loop().create_task(self._poll(timeout))

    async def stop(self) -> None:
        """Stop polling and wait for updates being served."""
        if self.polling is not None:
            self.polling.cancel()
            try:
                await self.polling
            except (asyncio.CancelledError, Exception):
                pass
        await self.intake.stop()
        if self.tasks:
            await asyncio.wait(self.tasks, timeout=10)

    async def _poll(self, timeout: float) -> None:
        failures = 0
        while True:
            try:
                update = await self.client.get_update(timeout=timeout)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - network or API trouble: back off and poll again
                failures += 1
                log.warning("zalo polling failed (%s); retrying", type(exc).__name__)
                await asyncio.sleep(min(30.0, 0.5 * 2 ** min(failures, 6)))
                continue
            if update is not None:
                await self.receive(update)

    async def receive(self, update: ZaloUpdate) -> None:
        """Store an update in the inbox (committed on return: acknowledge it after) and start processing it."""
        self.intake.receive(f"{update.event_name}:{update.message_id}", f"{CHANNEL}:{update.user_id}", update.raw)

    async def on_update(self, update: ZaloUpdate) -> None:
        """Take one Zalo update: store it, then (once) serve it as a citizen event."""
        await self.receive(update)

    async def process(self, stored: InboxUpdate) -> bool:
        """Process one stored update (never held: Zalo has no albums)."""
        await self.serve_update(parse_update(stored.payload))
        return False

    async def serve_update(self, update: ZaloUpdate) -> None:
        """Serve one Zalo update as a citizen event."""
        citizen = Citizen(CHANNEL, str(update.user_id))
        if update.event_name == TEXT_EVENT and update.text is not None:
            event = self._text_event(citizen, update.text)
        elif update.event_name == IMAGE_EVENT and update.photo_url:
            event = PhotoReceived(citizen, (PhotoRef(update.photo_url, 0, 0, 0, "image/jpeg"),))
        elif update.event_name == STICKER_EVENT:
            self.desk.answer(citizen, [Say(Text("zalo-sticker"))])
            self.dispatcher.wake()
            return
        else:
            self.desk.answer(citizen, [Say(Text("zalo-unsupported"))])
            self.dispatcher.wake()
            return
        await self.serve(citizen, event)

    def _text_event(self, citizen: Citizen, text: str) -> Event:
        stripped = text.strip()
        if stripped.startswith("/"):
            command, _, args = stripped[1:].partition(" ")
            return CommandReceived(citizen, command, args.strip())
        data = match(self._menu(citizen.user_id), stripped)
        if data is not None:
            return ButtonPressed(citizen, data)
        return TextReceived(citizen, text)

    async def serve(self, citizen: Citizen, event: Event) -> None:
        """Run one event through the desk and deliver what it produced."""
        await serve(self.desk, self.dispatcher, citizen, event, self.fetch)

    async def fetch(self, ref: PhotoRef) -> bytes:
        """Download a photo by its (soon expiring) URL, within the size limit and timeout."""
        return await retrying(lambda: self.client.download(ref.file_ref, self.max_photo_bytes, self.download_timeout), idempotent=True)

    # -- sending -------------------------------------------------------------------------------

    async def send_to_citizen(self, user_id: str, effects: Sequence[Effect], language: str) -> None:
        """Send messages (with numbered menus) and images to a Zalo citizen in their language."""
        render = lambda text: self.catalog.render(language, text)  # noqa: E731
        for effect in effects:
            if isinstance(effect, Say):
                text = render(effect.text)
                menu = build_menu(effect.buttons, render)
                if menu.options:
                    hint = Text("zalo-choose", {"count": len(menu.options)}) if menu.numbered else Text("zalo-type")
                    text = f"{text}\n\n{menu_text(menu)}\n{render(hint)}"
                self._remember(user_id, menu)
                await self.client.send_message(user_id, text)
            elif isinstance(effect, SendPhoto):
                caption = render(effect.caption) if effect.caption else ""
                if self.links is not None:
                    url = self.links.link(effect.path)
                    await retrying(lambda u=url, c=caption: self.client.send_photo(user_id, u, c[:2000]))
                else:
                    await self.client.send_message(user_id, render(Text("zalo-no-image", {"caption": caption})))
        return None

    def failure(self, error: Exception) -> tuple[Failure, float]:
        """Say what a failed Zalo call means for the outbox: refused, surely not sent, or maybe sent."""
        if isinstance(error, ZaloQuotaExceeded):
            return "not_sent", float(error.retry_after or 5.0)
        if isinstance(error, ZaloConnectionError):
            return ("unknown", 1.0) if error.request_sent else ("not_sent", 1.0)
        if isinstance(error, (ZaloError, ZaloPartialSend)):
            log.warning("could not deliver a message to a zalo citizen: %s", type(error).__name__)
        return "refused", 0.0

    def _menu(self, user_id: str) -> Menu | None:
        stored = self.desk.menu(Citizen(CHANNEL, user_id))
        return Menu.from_json(stored) if stored is not None else None

    def _remember(self, user_id: str, menu: Menu) -> None:
        self.desk.remember_menu(Citizen(CHANNEL, user_id), menu.to_json())

    def _spawn(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
