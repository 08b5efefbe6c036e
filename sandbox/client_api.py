"""The client face of the sandbox: act as any person, for end-to-end tests and the chat page.

JSON routes under ``/sandbox/api/`` create people and groups, send text, photos, albums, documents,
contacts and locations as a person, press inline buttons, block the bot, read a chat as a person sees
it, and follow a chat live (Server-Sent Events, or a long-polled event log). Chat ids are the ids the
bot sees: a private chat is the person's user id, a group its negative id; ``bot`` (id or username)
picks the bot of a private chat when the sandbox has several. Files are served at
``/sandbox/files/{file_id}``. Every answer is ``{"ok": true, "result": ...}`` or a Bot-API-shaped error.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from aiohttp import web

from sandbox import entities
from sandbox.api_media import file_response
from sandbox.errors import ApiError, bad_request, dumps
from sandbox.live import Runtime
from sandbox.streams import json_object, stream_events
from sandbox.models import PRESENT_STATUSES, ConvKey, StoredMessage
from sandbox.params import UploadedFile

PREFIX = "/sandbox/api"
FILES_PREFIX = "/sandbox/files"
MAX_WAIT_SECONDS = 60.0


def file_url(file_id: str) -> str:
    """Return the page-relative URL of a stored file."""
    return f"{FILES_PREFIX}/{file_id}"


def message_view(message: dict[str, Any]) -> dict[str, Any]:
    """Add what a chat client needs to a Bot API message: rendered HTML and file URLs."""
    view = dict(message)
    if "text" in view:
        view["html"] = entities.to_html(view["text"], view.get("entities"))
    if "caption" in view:
        view["caption_html"] = entities.to_html(view["caption"], view.get("caption_entities"))
    if view.get("photo"):
        view["file_url"] = file_url(view["photo"][-1]["file_id"])
        view["photo"] = [dict(size, url=file_url(size["file_id"])) for size in view["photo"]]
    elif view.get("document"):
        view["file_url"] = file_url(view["document"]["file_id"])
    if isinstance(view.get("reply_to_message"), dict):
        view["reply_to_message"] = message_view(view["reply_to_message"])
    return view


def event_view(event: dict[str, Any]) -> dict[str, Any]:
    """Render a chat event for clients (messages as :func:`message_view`)."""
    if isinstance(event.get("message"), dict):
        return {**event, "message": message_view(event["message"])}
    return event


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result}, dumps=dumps)


class ClientApi:
    """Handlers of the client API."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.world = runtime.world

    def routes(self) -> list[web.RouteDef]:
        """Return the aiohttp routes of the client API and the file route."""
        p = PREFIX
        return [
            web.get(f"{p}/bots", self.list_bots),
            web.get(f"{p}/users", self.list_users),
            web.post(f"{p}/users", self.create_user),
            web.get(f"{p}/users/{{user_id}}", self.get_user),
            web.post(f"{p}/users/{{user_id}}/block", self.block),
            web.post(f"{p}/users/{{user_id}}/unblock", self.unblock),
            web.get(f"{p}/groups", self.list_groups),
            web.post(f"{p}/groups", self.create_group),
            web.post(f"{p}/groups/{{chat_id}}/members", self.add_member),
            web.delete(f"{p}/groups/{{chat_id}}/members/{{user_id}}", self.remove_member),
            web.get(f"{p}/chats", self.list_chats),
            web.get(f"{p}/chats/{{chat_id}}/messages", self.read_messages),
            web.post(f"{p}/chats/{{chat_id}}/messages", self.send_text),
            web.patch(f"{p}/chats/{{chat_id}}/messages/{{message_id}}", self.edit_text),
            web.post(f"{p}/chats/{{chat_id}}/photos", self.send_photo),
            web.post(f"{p}/chats/{{chat_id}}/albums", self.send_album),
            web.post(f"{p}/chats/{{chat_id}}/documents", self.send_document),
            web.post(f"{p}/chats/{{chat_id}}/contact", self.send_contact),
            web.post(f"{p}/chats/{{chat_id}}/location", self.send_location),
            web.post(f"{p}/chats/{{chat_id}}/callbacks", self.press_button),
            web.get(f"{p}/callbacks/{{query_id}}", self.get_callback),
            web.get(f"{p}/chats/{{chat_id}}/log", self.event_log),
            web.get(f"{p}/chats/{{chat_id}}/events", self.event_stream),
            web.get(f"{FILES_PREFIX}/{{file_id}}", self.download),
        ]

    @web.middleware
    async def errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Render ApiError raised by client handlers in the Bot API's error shape."""
        try:
            return await handler(request)
        except ApiError as error:
            if not request.path.startswith(PREFIX):
                raise
            return web.json_response(error.to_json(), status=error.code, dumps=dumps)

    # ------------------------------------------------------------------------------ request helpers

    @staticmethod
    async def _body(request: web.Request) -> tuple[dict[str, Any], list[UploadedFile]]:
        """Read a JSON or form body into fields and uploaded files."""
        if not request.can_read_body:
            return {}, []
        if request.content_type == "application/json":
            return await json_object(request, bad_request), []
        form = await request.post()
        fields: dict[str, Any] = {}
        files: list[UploadedFile] = []
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files.append(UploadedFile(key, value.filename, value.content_type, value.file.read()))
            else:
                fields[key] = value
        return fields, files

    @staticmethod
    def _int(value: Any, name: str) -> int:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"{name} must be an integer") from None

    @staticmethod
    def _flag(value: Any) -> bool:
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)

    def _key(self, request: web.Request, body: dict[str, Any] | None = None) -> ConvKey:
        chat_id = self._int(request.match_info["chat_id"], "chat_id")
        bot_ref = (body or {}).get("bot") or request.query.get("bot")
        return self.world.client_key(chat_id, bot_ref)

    @staticmethod
    def _decode(data: Any, name: str) -> bytes:
        if not isinstance(data, str) or not data:
            raise bad_request(f"{name} is required")
        if data.startswith("data:") and "," in data:
            data = data.split(",", 1)[1]
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise bad_request(f"{name} is not valid base64") from None

    def _sent(self, message: StoredMessage) -> dict[str, Any]:
        return {"message": message_view(self.world.render(message)), "seq": self.world.seq}

    def _caption(self, text: Any) -> dict[str, Any]:
        caption = str(text or "").strip()
        if not caption:
            return {}
        return {"caption": caption, "caption_entities": entities.detect_entities(caption) or None}

    # ------------------------------------------------------------------------------ registry

    async def list_bots(self, request: web.Request) -> web.Response:
        """List the bots with their commands and webhook."""
        return _ok([
            {**bot.me(), "commands": bot.commands, "webhook": bot.webhook.url if bot.webhook else None,
             "pending_update_count": len(bot.updates)}
            for bot in self.world.bots.values()
        ])

    async def list_users(self, request: web.Request) -> web.Response:
        """List the people."""
        return _ok([user.to_api() for user in self.world.users.values()])

    async def create_user(self, request: web.Request) -> web.Response:
        """Create a person (or update one): {id?, first_name, last_name?, username?, language_code?}."""
        body, _ = await self._body(request)
        if not body.get("first_name"):
            raise bad_request("first_name is required")
        user = self.world.add_user(
            str(body["first_name"]),
            user_id=self._int(body["id"], "id") if body.get("id") is not None else None,
            last_name=body.get("last_name"), username=body.get("username"),
            language_code=body.get("language_code"),
        )
        return _ok({**user.to_api(), "seq": self.world.seq})

    async def get_user(self, request: web.Request) -> web.Response:
        """Describe a person and which bots they started or blocked."""
        user = self.world.user(self._int(request.match_info["user_id"], "user_id"))
        return _ok({
            **user.to_api(),
            "started": [bot.id for bot in self.world.bots.values() if user.id in bot.started_by],
            "blocked": [bot.id for bot in self.world.bots.values() if user.id in bot.blocked_by],
        })

    async def _set_blocked(self, request: web.Request, blocked: bool) -> web.Response:
        body, _ = await self._body(request)
        user_id = self._int(request.match_info["user_id"], "user_id")
        bot = self.world.resolve_bot(body.get("bot") or request.query.get("bot"))
        self.world.set_blocked(user_id, bot, blocked)
        return _ok({"user_id": user_id, "bot_id": bot.id, "blocked": blocked, "seq": self.world.seq})

    async def block(self, request: web.Request) -> web.Response:
        """Block the bot as this person: {bot?}."""
        return await self._set_blocked(request, True)

    async def unblock(self, request: web.Request) -> web.Response:
        """Unblock the bot as this person: {bot?}."""
        return await self._set_blocked(request, False)

    async def list_groups(self, request: web.Request) -> web.Response:
        """List the groups with their members."""
        return _ok([{**g.to_api(), "members": {str(k): v for k, v in g.members.items()}}
                    for g in self.world.groups.values()])

    async def create_group(self, request: web.Request) -> web.Response:
        """Create a group: {id?, title, type?, members, admins?, owner?, bots?, bot_status?, username?}."""
        body, _ = await self._body(request)
        if not body.get("title"):
            raise bad_request("title is required")
        group = self.world.add_group(
            str(body["title"]),
            chat_id=self._int(body["id"], "id") if body.get("id") is not None else None,
            chat_type=body.get("type") or "group",
            members=[self._int(m, "members") for m in body.get("members") or []],
            admins=[self._int(m, "admins") for m in body.get("admins") or []],
            owner=self._int(body["owner"], "owner") if body.get("owner") is not None else None,
            bots=body.get("bots"),
            bot_status=body.get("bot_status") or "member",
            username=body.get("username"),
        )
        return _ok({**group.to_api(), "members": {str(k): v for k, v in group.members.items()}})

    async def add_member(self, request: web.Request) -> web.Response:
        """Add someone to a group (a join message is posted): {user_id, status?}."""
        body, _ = await self._body(request)
        chat_id = self._int(request.match_info["chat_id"], "chat_id")
        self.world.set_member(chat_id, self._int(body.get("user_id"), "user_id"), body.get("status") or "member")
        return _ok({"chat_id": chat_id, "seq": self.world.seq})

    async def remove_member(self, request: web.Request) -> web.Response:
        """Remove someone from a group (a leave message is posted)."""
        chat_id = self._int(request.match_info["chat_id"], "chat_id")
        self.world.set_member(chat_id, self._int(request.match_info["user_id"], "user_id"), "left")
        return _ok({"chat_id": chat_id, "seq": self.world.seq})

    # ------------------------------------------------------------------------------ reading

    def _viewer_check(self, key: ConvKey, user_id: int | None) -> None:
        if user_id is None:
            return
        if key[0] != 0:
            if key[1] != user_id:
                raise ApiError(403, "Forbidden: this is another person's private chat")
        elif self.world.group(key[1]).status(user_id) not in PRESENT_STATUSES:
            raise ApiError(403, "Forbidden: the person is not a member of this group")

    def _viewer(self, request: web.Request) -> int | None:
        value = request.query.get("user_id")
        return self._int(value, "user_id") if value else None

    async def list_chats(self, request: web.Request) -> web.Response:
        """List the chats a person is in: private chats with each bot and groups (?user_id=)."""
        user = self.world.user(self._int(request.query.get("user_id"), "user_id"))
        chats = []
        for bot in self.world.bots.values():
            key = (bot.id, user.id)
            messages = self.world.messages(key) if key in self.world.conversations else []
            chats.append({
                "id": user.id, "type": "private", "title": bot.user.first_name, "bot_id": bot.id,
                "bot_username": bot.user.username, "blocked": user.id in bot.blocked_by,
                "last_message": message_view(self.world.render(messages[-1])) if messages else None,
            })
        for group in self.world.groups.values():
            if group.status(user.id) in PRESENT_STATUSES:
                messages = self.world.messages((0, group.id))
                chats.append({
                    **group.to_api(), "bot_id": None,
                    "last_message": message_view(self.world.render(messages[-1])) if messages else None,
                })
        return _ok(chats)

    async def read_messages(self, request: web.Request) -> web.Response:
        """Read a chat as a person sees it: live messages with edits, plus the reply keyboard."""
        key = self._key(request)
        self._viewer_check(key, self._viewer(request))
        conv = self.world.conversation(key)
        return _ok({
            "chat": self.world.chat_json(key),
            "bot_id": key[0] or None,
            "messages": [message_view(self.world.render(m)) for m in self.world.messages(key)],
            "reply_keyboard": None if conv.reply_keyboard_hidden else conv.reply_keyboard,
            "reply_keyboard_hidden": conv.reply_keyboard_hidden,
            "seq": self.world.seq,
        })

    # ------------------------------------------------------------------------------ acting

    async def send_text(self, request: web.Request) -> web.Response:
        """Send text (or a /command) as a person: {user_id, text, reply_to_message_id?, bot?}."""
        body, _ = await self._body(request)
        key = self._key(request, body)
        text = str(body.get("text") or "").strip()
        if not text:
            raise bad_request("message text is empty")
        if entities.utf16_len(text) > 4096:
            raise bad_request("message is too long")
        content = {"text": text, "entities": entities.detect_entities(text) or None}
        reply_to = body.get("reply_to_message_id")
        message = self.world.user_send(
            self._int(body.get("user_id"), "user_id"), key, content,
            reply_to=self._int(reply_to, "reply_to_message_id") if reply_to else None,
        )
        return _ok(self._sent(message))

    async def edit_text(self, request: web.Request) -> web.Response:
        """Edit a person's own text message: {user_id, text, bot?}."""
        body, _ = await self._body(request)
        key = self._key(request, body)
        text = str(body.get("text") or "").strip()
        if not text:
            raise bad_request("message text is empty")
        message = self.world.user_edit(
            self._int(body.get("user_id"), "user_id"), key,
            self._int(request.match_info["message_id"], "message_id"), text,
        )
        return _ok(self._sent(message))

    def _uploads(self, body: dict[str, Any], files: list[UploadedFile], field: str) -> list[UploadedFile]:
        """Collect uploads from multipart parts or base64 fields (``data_base64`` / ``*_base64`` lists)."""
        if files:
            return files
        items: list[UploadedFile] = []
        if body.get("data_base64"):
            items.append(UploadedFile(field, body.get("file_name"), body.get("mime"),
                                      self._decode(body["data_base64"], "data_base64")))
        for index, encoded in enumerate(body.get(f"{field}s_base64") or []):
            items.append(UploadedFile(field, None, None, self._decode(encoded, f"{field}s_base64[{index}]")))
        if not items:
            raise bad_request(f"no {field} in the request")
        return items

    def _photo_or_document(self, upload: UploadedFile, as_document: bool, body: dict[str, Any]) -> dict[str, Any]:
        if as_document:
            name = body.get("file_name") or upload.file_name or "file"
            mime = body.get("mime") or upload.content_type
            return {"document": self.world.files.document(upload.data, name, mime)}
        return {"photo": self.world.files.photo(upload.data)}

    async def send_photo(self, request: web.Request) -> web.Response:
        """Send a photo as a person: multipart part or {data_base64}, caption?, as_document?, user_id."""
        body, files = await self._body(request)
        key = self._key(request, body)
        user_id = self._int(body.get("user_id"), "user_id")
        upload = self._uploads(body, files, "photo")[0]
        content = self._photo_or_document(upload, self._flag(body.get("as_document")), body)
        message = self.world.user_send(user_id, key, {**content, **self._caption(body.get("caption"))})
        return _ok(self._sent(message))

    async def send_album(self, request: web.Request) -> web.Response:
        """Send 2-10 photos as one album (one update each, shared media_group_id): user_id, photos."""
        body, files = await self._body(request)
        key = self._key(request, body)
        user_id = self._int(body.get("user_id"), "user_id")
        uploads = self._uploads(body, files, "photo")
        if not 2 <= len(uploads) <= 10:
            raise bad_request("an album has 2-10 photos")
        contents = [{"photo": self.world.files.photo(upload.data)} for upload in uploads]
        contents[0].update(self._caption(body.get("caption")))
        group_id = self.world.new_media_group_id()
        messages = [self.world.user_send(user_id, key, content, media_group_id=group_id) for content in contents]
        return _ok({
            "messages": [message_view(self.world.render(m)) for m in messages],
            "media_group_id": group_id, "seq": self.world.seq,
        })

    async def send_document(self, request: web.Request) -> web.Response:
        """Send a document of any type: multipart part or {data_base64, file_name, mime}, caption?."""
        body, files = await self._body(request)
        key = self._key(request, body)
        user_id = self._int(body.get("user_id"), "user_id")
        upload = self._uploads(body, files, "document")[0]
        content = self._photo_or_document(upload, True, body)
        message = self.world.user_send(user_id, key, {**content, **self._caption(body.get("caption"))})
        return _ok(self._sent(message))

    async def send_contact(self, request: web.Request) -> web.Response:
        """Share a phone contact (as a request_contact button does): {user_id, phone_number, ...}."""
        body, _ = await self._body(request)
        key = self._key(request, body)
        user = self.world.user(self._int(body.get("user_id"), "user_id"))
        if not body.get("phone_number"):
            raise bad_request("phone_number is required")
        contact = {"phone_number": str(body["phone_number"]),
                   "first_name": body.get("first_name") or user.first_name,
                   "user_id": self._int(body.get("contact_user_id", user.id), "contact_user_id")}
        if body.get("last_name") or user.last_name:
            contact["last_name"] = body.get("last_name") or user.last_name
        message = self.world.user_send(user.id, key, {"contact": contact})
        return _ok(self._sent(message))

    async def send_location(self, request: web.Request) -> web.Response:
        """Share a location: {user_id, latitude, longitude}."""
        body, _ = await self._body(request)
        key = self._key(request, body)
        try:
            location = {"latitude": float(body["latitude"]), "longitude": float(body["longitude"])}
        except (KeyError, TypeError, ValueError):
            raise bad_request("latitude and longitude are required numbers") from None
        message = self.world.user_send(self._int(body.get("user_id"), "user_id"), key, {"location": location})
        return _ok(self._sent(message))

    async def press_button(self, request: web.Request) -> web.Response:
        """Press an inline button: {user_id, message_id, data, wait?, forged?}; waits up to ``wait`` s for the answer.

        With ``forged: true`` the data need not be on any button (a modified client forging a press)."""
        body, _ = await self._body(request)
        key = self._key(request, body)
        query = self.world.user_click(
            self._int(body.get("user_id"), "user_id"), key,
            self._int(body.get("message_id"), "message_id"), str(body.get("data") or ""),
            forged=bool(body.get("forged")),
        )
        seq = self.world.seq
        wait = min(MAX_WAIT_SECONDS, max(0.0, float(body.get("wait") or 0)))
        if wait:
            await self.runtime.pulse.wait_until(lambda: query.answer is not None or self.runtime.closing, wait)
        return _ok({"callback_query": query.to_api(), "answer": query.answer, "seq": seq})

    async def get_callback(self, request: web.Request) -> web.Response:
        """Describe a button press and the bot's answer, if any yet."""
        query = self.world.callback_queries.get(request.match_info["query_id"])
        if query is None:
            raise ApiError(404, "Not Found: no such callback query")
        return _ok(query.to_api())

    # ------------------------------------------------------------------------------ live

    def _after(self, request: web.Request) -> int:
        """Where a log or stream starts: after ``Last-Event-ID`` when a reconnecting EventSource sends it
        (its URL still carries the first ``after``), else after ``after``, else from now."""
        value = request.headers.get("Last-Event-ID") or request.query.get("after")
        return self._int(value, "after") if value else self.world.seq

    async def event_log(self, request: web.Request) -> web.Response:
        """Return a chat's events after ``after`` (long-polls up to ``timeout`` s when there are none)."""
        key = self._key(request)
        self._viewer_check(key, self._viewer(request))
        after = self._after(request)
        timeout = min(MAX_WAIT_SECONDS, max(0.0, float(request.query.get("timeout") or 0)))
        await self.runtime.pulse.wait_until(
            lambda: bool(self.world.events_after(key, after)) or self.runtime.closing, timeout)
        events = [event_view(e.to_api()) for e in self.world.events_after(key, after)]
        return _ok({"events": events, "seq": self.world.seq})

    async def event_stream(self, request: web.Request) -> web.StreamResponse:
        """Stream a chat's events as Server-Sent Events (``event:`` is the kind, ``id:`` the seq)."""
        key = self._key(request)
        self._viewer_check(key, self._viewer(request))
        return await stream_events(request, self.runtime, self._after(request),
                                   lambda after: self.world.events_after(key, after), lambda e: event_view(e.to_api()))

    async def download(self, request: web.Request) -> web.StreamResponse:
        """Serve a file's bytes by file_id."""
        return file_response(self.world, file_id=request.match_info["file_id"])
