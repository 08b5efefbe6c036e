"""The client face of the Zalo sandbox: act as Zalo people, for end-to-end tests and the chat page.

JSON routes under ``/sandbox/zalo/api/`` create people (string ids, display names), send text, images
(multipart part ``photo`` or ``{data_base64}``), stickers and "unsupported" events to a bot, read a
private chat (messages both ways), and follow it live: a long-polled event log or Server-Sent Events in
the same format as the Telegram side (``id:`` the seq, ``event:`` the kind, ``data:`` the event JSON).
A private chat's id is the person's id; ``bot`` (id or name) picks the bot when there are several.
Images people send are served at ``/sandbox/zalo/files/{id}`` until they expire. Every answer is
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description"}``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from sandbox import media
from sandbox.errors import dumps
from sandbox.live import Runtime
from sandbox.streams import json_object, stream_events
from sandbox.zalo_api import error_response
from sandbox.zalo_state import (
    FILES_PREFIX,
    ZaloApiError,
    ZaloBot,
    ZaloChat,
    ZaloMessage,
    ZaloQuota,
    ZaloWorld,
    bad_request,
)

PREFIX = "/sandbox/zalo/api"
MAX_WAIT_SECONDS = 60.0
PHOTO_LIMIT = 10 * 1024 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result}, dumps=dumps)


class ZaloClientApi:
    """Handlers of the Zalo client API and the file route."""

    def __init__(self, runtime: Runtime, world: ZaloWorld) -> None:
        self.runtime = runtime
        self.world = world

    def routes(self) -> list[web.RouteDef]:
        """Return the aiohttp routes of the Zalo client API."""
        p, g = PREFIX, self._guard
        return [
            web.get(f"{p}/bots", g(self.list_bots)),
            web.post(f"{p}/bots/{{bot}}/quota", g(self.set_quota)),
            web.get(f"{p}/users", g(self.list_users)),
            web.post(f"{p}/users", g(self.create_user)),
            web.get(f"{p}/users/{{user_id}}", g(self.get_user)),
            web.get(f"{p}/chats", g(self.list_chats)),
            web.get(f"{p}/chats/{{chat_id}}/messages", g(self.read_messages)),
            web.post(f"{p}/chats/{{chat_id}}/messages", g(self.send_text)),
            web.post(f"{p}/chats/{{chat_id}}/photos", g(self.send_photo)),
            web.post(f"{p}/chats/{{chat_id}}/stickers", g(self.send_sticker)),
            web.post(f"{p}/chats/{{chat_id}}/unsupported", g(self.send_unsupported)),
            web.get(f"{p}/chats/{{chat_id}}/log", g(self.event_log)),
            web.get(f"{p}/chats/{{chat_id}}/events", g(self.event_stream)),
            web.get(f"{FILES_PREFIX}/{{file_id}}", g(self.download)),
        ]

    @staticmethod
    def _guard(handler: Handler) -> Handler:
        """Render ZaloApiError raised by a handler as a Zalo-shaped error."""
        async def guarded(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except ZaloApiError as error:
                return error_response(error)
        guarded.__doc__ = handler.__doc__
        return guarded

    # ------------------------------------------------------------------------------ request helpers

    @staticmethod
    async def _body(request: web.Request) -> tuple[dict[str, Any], bytes | None]:
        """Read a JSON or form body into fields and the bytes of an uploaded ``photo`` part."""
        if not request.can_read_body:
            return {}, None
        if request.content_type == "application/json":
            return await json_object(request, bad_request), None
        fields: dict[str, Any] = {}
        upload = None
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                if upload is None:
                    upload = value.file.read()
            else:
                fields[key] = value
        return fields, upload

    def _bot(self, request: web.Request, body: dict[str, Any] | None = None) -> ZaloBot:
        ref = (body or {}).get("bot") or request.query.get("bot")
        return self.world.resolve_bot(str(ref) if ref else None)

    def _chat(self, request: web.Request, body: dict[str, Any] | None = None) -> tuple[ZaloBot, ZaloChat]:
        """Resolve the private chat named in the URL (checking ``user_id`` if given)."""
        bot = self._bot(request, body)
        user = self.world.user(request.match_info["chat_id"])
        claimed = (body or {}).get("user_id") or request.query.get("user_id")
        if claimed and str(claimed) != user.id:
            raise ZaloApiError(403, "Forbidden: this is another person's private chat")
        return bot, self.world.chat(bot, user.id)

    def _sent(self, message: ZaloMessage) -> web.Response:
        return _ok({"message": message.view(), "seq": self.world.seq})

    @staticmethod
    def _decode(data: Any) -> bytes:
        if not isinstance(data, str) or not data:
            raise bad_request("data_base64 is required")
        if data.startswith("data:") and "," in data:
            data = data.split(",", 1)[1]
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise bad_request("data_base64 is not valid base64") from None

    # ------------------------------------------------------------------------------ registry

    async def list_bots(self, request: web.Request) -> web.Response:
        """List the Zalo bots with their webhook, pending updates and quota."""
        return _ok([
            {**bot.me(), "webhook": bot.webhook.url if bot.webhook else None,
             "pending_update_count": len(bot.updates),
             "quota": {"limit": bot.quota.limit, "period": bot.quota.period} if bot.quota else None}
            for bot in self.world.bots.values()
        ])

    async def set_quota(self, request: web.Request) -> web.Response:
        """Set a bot's quota: {limit, period} messages per seconds, or {limit: null} for none."""
        body, _ = await self._body(request)
        bot = self.world.resolve_bot(request.match_info["bot"])
        if body.get("limit") is None:
            self.world.set_quota(bot, None)
            return _ok({"bot_id": bot.id, "quota": None})
        try:
            quota = ZaloQuota(limit=int(body["limit"]), period=float(body.get("period") or 60.0))
        except (TypeError, ValueError):
            raise bad_request("limit and period must be numbers") from None
        if quota.limit < 0 or quota.period <= 0:
            raise bad_request("limit must be >= 0 and period > 0")
        self.world.set_quota(bot, quota)
        return _ok({"bot_id": bot.id, "quota": {"limit": quota.limit, "period": quota.period}})

    async def list_users(self, request: web.Request) -> web.Response:
        """List the Zalo people."""
        return _ok([user.to_api() for user in self.world.users.values()])

    async def create_user(self, request: web.Request) -> web.Response:
        """Create a person (or rename one): {id?, display_name}."""
        body, _ = await self._body(request)
        name = body.get("display_name")
        if not isinstance(name, str) or not name.strip():
            raise bad_request("display_name is required")
        user_id = body.get("id")
        user = self.world.add_user(name, str(user_id) if user_id not in (None, "") else None)
        return _ok({**user.to_api(), "seq": self.world.seq})

    async def get_user(self, request: web.Request) -> web.Response:
        """Describe a person."""
        return _ok(self.world.user(request.match_info["user_id"]).to_api())

    # ------------------------------------------------------------------------------ reading

    async def list_chats(self, request: web.Request) -> web.Response:
        """List a person's private chats, one per bot (?user_id=)."""
        user = self.world.user(request.query.get("user_id", ""))
        chats = []
        for bot in self.world.bots.values():
            chat = self.world.chats.get((bot.id, user.id))
            last = chat.messages[-1].view() if chat and chat.messages else None
            chats.append({"id": user.id, "chat_type": "PRIVATE", "title": bot.name, "bot_id": bot.id,
                          "last_message": last})
        return _ok(chats)

    async def read_messages(self, request: web.Request) -> web.Response:
        """Read a private chat: the messages both ways, oldest first."""
        bot, chat = self._chat(request)
        return _ok({
            "chat": {"id": chat.user_id, "chat_type": "PRIVATE", "title": bot.name},
            "bot_id": bot.id,
            "messages": [message.view() for message in chat.messages],
            "seq": self.world.seq,
        })

    # ------------------------------------------------------------------------------ acting

    async def send_text(self, request: web.Request) -> web.Response:
        """Send text to the bot as the person: {text, bot?}."""
        body, _ = await self._body(request)
        bot, chat = self._chat(request, body)
        return self._sent(self.world.user_text(bot, chat.user_id, str(body.get("text") or "")))

    async def send_photo(self, request: web.Request) -> web.Response:
        """Send an image as the person: multipart part or {data_base64}, caption?, bot?."""
        body, upload = await self._body(request)
        bot, chat = self._chat(request, body)
        data = upload if upload is not None else self._decode(body.get("data_base64"))
        if len(data) > PHOTO_LIMIT:
            raise ZaloApiError(413, "image is larger than 10 MB")
        try:
            mime = media.inspect_image(data).mime_type
        except media.NotAnImage:
            raise bad_request("the upload is not an image") from None
        caption = str(body.get("caption") or "")
        return self._sent(self.world.user_photo(bot, chat.user_id, data, mime, caption))

    async def send_sticker(self, request: web.Request) -> web.Response:
        """Send a sticker as the person: {sticker?, bot?}."""
        body, _ = await self._body(request)
        bot, chat = self._chat(request, body)
        return self._sent(self.world.user_sticker(bot, chat.user_id, str(body.get("sticker") or "")))

    async def send_unsupported(self, request: web.Request) -> web.Response:
        """Send something the Bot API does not carry (a voice note, a file...): {bot?}."""
        body, _ = await self._body(request)
        bot, chat = self._chat(request, body)
        return self._sent(self.world.user_unsupported(bot, chat.user_id))

    # ------------------------------------------------------------------------------ live

    def _after(self, request: web.Request) -> int:
        """Where a log or stream starts: after ``Last-Event-ID`` when a reconnecting EventSource sends it
        (its URL still carries the first ``after``), else after ``after``, else from now."""
        value = request.headers.get("Last-Event-ID") or request.query.get("after")
        if not value:
            return self.world.seq
        try:
            return int(value)
        except ValueError:
            raise bad_request("after must be an integer") from None

    async def event_log(self, request: web.Request) -> web.Response:
        """Return a chat's events after ``after`` (long-polls up to ``timeout`` s when there are none)."""
        _, chat = self._chat(request)
        after = self._after(request)
        try:
            timeout = min(MAX_WAIT_SECONDS, max(0.0, float(request.query.get("timeout") or 0)))
        except ValueError:
            raise bad_request("timeout must be a number") from None
        await self.runtime.pulse.wait_until(
            lambda: bool(self.world.events_after(chat, after)) or self.runtime.closing, timeout)
        events = [event.to_api() for event in self.world.events_after(chat, after)]
        return _ok({"events": events, "seq": self.world.seq})

    async def event_stream(self, request: web.Request) -> web.StreamResponse:
        """Stream a chat's events as Server-Sent Events (``event:`` is the kind, ``id:`` the seq)."""
        _, chat = self._chat(request)
        return await stream_events(request, self.runtime, self._after(request),
                                   lambda after: self.world.events_after(chat, after), lambda e: e.to_api())

    async def download(self, request: web.Request) -> web.StreamResponse:
        """Serve a stored image (404 once it has expired)."""
        stored = self.world.file(request.match_info["file_id"])
        if stored is None:
            raise ZaloApiError(404, "Not Found: no such file, or its link has expired")
        return web.Response(body=stored.data, content_type=stored.mime_type,
                            headers={"Cache-Control": "private, max-age=60"})
