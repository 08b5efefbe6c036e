"""An async Python client of the sandbox's client API, for end-to-end tests.

    async with SandboxClient(server.base_url) as sb:
        alice = await sb.user(1001, "Alice")
        await alice.send("/start")
        menu = await alice.wait_for("Chọn thủ tục")
        await alice.click("Khai sinh")

``wait_for`` looks for bot messages (new or edited) newer than a per-chat cursor: the person's last
action in that chat (send, click...) or the last message ``wait_for`` matched there, whichever is later;
before any, the moment the handle was created. Successive ``wait_for`` calls thus walk forward through
the bot's replies.
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable
from typing import Any

from sandbox.http_client import ApiError, JsonApiClient, message_text

Predicate = Callable[[dict[str, Any]], bool]


class SandboxApiError(ApiError):
    """The client API refused a request."""


def button_rows(message: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Return the inline keyboard rows of a message."""
    return (message.get("reply_markup") or {}).get("inline_keyboard") or []


def format_transcript(messages: list[dict[str, Any]], limit: int = 20) -> str:
    """Render the last messages of a chat as readable lines for failure reports."""
    lines = []
    for message in messages[-limit:]:
        sender = message.get("from") or {}
        name = ("bot " if sender.get("is_bot") else "") + (sender.get("username") or sender.get("first_name") or "?")
        body = message_text(message)
        if message.get("photo"):
            body = f"[photo] {body}"
        elif message.get("document"):
            body = f"[document {message['document'].get('file_name', '')}] {body}"
        elif message.get("contact"):
            body = f"[contact {message['contact'].get('phone_number')}]"
        buttons = [button["text"] for row in button_rows(message) for button in row]
        edited = " (edited)" if message.get("edit_date") else ""
        lines.append(f"  #{message['message_id']} {name}: {body}{edited}" + (f"  {buttons}" if buttons else ""))
    return "\n".join(lines) or "  (no messages)"


class SandboxClient(JsonApiClient):
    """Connection to a sandbox's client API; ``async with SandboxClient(base_url) as sb``."""

    prefix = "/sandbox/api"
    error = SandboxApiError

    async def bots(self) -> list[dict[str, Any]]:
        """List the sandbox's bots."""
        return await self.call("GET", "/bots")

    async def user(self, user_id: int, first_name: str, last_name: str | None = None, *,
                   username: str | None = None, language_code: str | None = "vi") -> "UserHandle":
        """Create (or update) a person and return a handle to act as them."""
        info = await self.call("POST", "/users", json={
            "id": user_id, "first_name": first_name, "last_name": last_name,
            "username": username, "language_code": language_code,
        })
        return UserHandle(self, info, start_seq=info.get("seq", 0))

    async def group(self, chat_id: int, title: str, members: list[int], *, admins: list[int] | None = None,
                    owner: int | None = None, chat_type: str = "group", bot_status: str = "member",
                    bots: list[int | str] | None = None) -> dict[str, Any]:
        """Create a group chat with these people (and the bots) in it."""
        return await self.call("POST", "/groups", json={
            "id": chat_id, "title": title, "members": members, "admins": admins or [], "owner": owner,
            "type": chat_type, "bot_status": bot_status, "bots": bots,
        })

    async def add_member(self, chat_id: int, user_id: int, status: str = "member") -> dict[str, Any]:
        """Add someone to a group."""
        return await self.call("POST", f"/groups/{chat_id}/members", json={"user_id": user_id, "status": status})

    async def chat(self, chat_id: int, *, user_id: int | None = None) -> dict[str, Any]:
        """Read a chat: messages, reply keyboard and current seq."""
        return await self.call("GET", f"/chats/{chat_id}/messages", params={"user_id": user_id, "bot": self.bot})

    async def messages(self, chat_id: int, *, user_id: int | None = None) -> list[dict[str, Any]]:
        """Read a chat's live messages."""
        return (await self.chat(chat_id, user_id=user_id))["messages"]

    async def log(self, chat_id: int, after: int, *, timeout: float = 0.0,
                  user_id: int | None = None) -> dict[str, Any]:
        """Return chat events after ``after``, long-polling up to ``timeout`` seconds."""
        return await self.call(
            "GET", f"/chats/{chat_id}/log",
            params={"after": after, "timeout": timeout, "user_id": user_id, "bot": self.bot},
            timeout=timeout + 10.0,
        )

    async def download(self, url_or_file_id: str) -> bytes:
        """Download a file by its ``file_url`` or file_id."""
        path = url_or_file_id if url_or_file_id.startswith("/") else f"/sandbox/files/{url_or_file_id}"
        response = await self._http.get(path)
        if response.status_code != 200:
            raise SandboxApiError(response.status_code, response.text)
        return response.content


class UserHandle:
    """Act as one person: send, click, read and wait for the bot's replies."""

    def __init__(self, client: SandboxClient, info: dict[str, Any], *, start_seq: int = 0) -> None:
        self.client = client
        self.info = {k: v for k, v in info.items() if k != "seq"}
        self.id: int = info["id"]
        self.first_name: str = info["first_name"]
        self._start_seq = start_seq
        self._cursor: dict[int, int] = {}

    def __repr__(self) -> str:
        return f"UserHandle({self.id}, {self.first_name!r})"

    def _chat(self, chat_id: int | None) -> int:
        return self.id if chat_id is None else chat_id

    def _acted(self, chat_id: int, result: dict[str, Any]) -> None:
        if "seq" in result:
            self._cursor[chat_id] = max(self._cursor.get(chat_id, 0), result["seq"])

    def _body(self, **fields: Any) -> dict[str, Any]:
        body = {"user_id": self.id, "bot": self.client.bot}
        body.update(fields)
        return {k: v for k, v in body.items() if v is not None}

    async def send(self, text: str, chat_id: int | None = None, *, reply_to: int | None = None) -> dict[str, Any]:
        """Send text (or a /command); the default chat is the private chat with the bot."""
        chat = self._chat(chat_id)
        result = await self.client.call("POST", f"/chats/{chat}/messages",
                                        json=self._body(text=text, reply_to_message_id=reply_to))
        self._acted(chat, result)
        return result["message"]

    async def send_photo(self, data: bytes, *, caption: str = "", as_document: bool = False,
                         file_name: str = "photo.jpg", mime: str = "image/jpeg",
                         chat_id: int | None = None) -> dict[str, Any]:
        """Send a photo (uploaded as multipart), or the same bytes as a document."""
        chat = self._chat(chat_id)
        fields = self._body(caption=caption or None, as_document="true" if as_document else None,
                            file_name=file_name, mime=mime)
        result = await self.client.call(
            "POST", f"/chats/{chat}/photos", files=[("photo", (file_name, data, mime))],
            data={k: str(v) for k, v in fields.items()},
        )
        self._acted(chat, result)
        return result["message"]

    async def send_document(self, data: bytes, *, file_name: str, mime: str = "application/octet-stream",
                            caption: str = "", chat_id: int | None = None) -> dict[str, Any]:
        """Send a file of any type as a document."""
        chat = self._chat(chat_id)
        fields = self._body(caption=caption or None, file_name=file_name, mime=mime)
        result = await self.client.call(
            "POST", f"/chats/{chat}/documents", files=[("document", (file_name, data, mime))],
            data={k: str(v) for k, v in fields.items()},
        )
        self._acted(chat, result)
        return result["message"]

    async def send_album(self, photos: list[bytes], chat_id: int | None = None, *,
                         caption: str = "") -> list[dict[str, Any]]:
        """Send several photos as one album; the bot gets one update per photo."""
        chat = self._chat(chat_id)
        result = await self.client.call("POST", f"/chats/{chat}/albums", json=self._body(
            photos_base64=[base64.b64encode(photo).decode() for photo in photos], caption=caption or None,
        ))
        self._acted(chat, result)
        return result["messages"]

    async def share_contact(self, phone_number: str, chat_id: int | None = None) -> dict[str, Any]:
        """Share one's own phone number, as a request_contact keyboard button does."""
        chat = self._chat(chat_id)
        result = await self.client.call("POST", f"/chats/{chat}/contact", json=self._body(phone_number=phone_number))
        self._acted(chat, result)
        return result["message"]

    async def messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Read a chat as this person sees it."""
        return await self.client.messages(self._chat(chat_id), user_id=self.id)

    async def reply_keyboard(self, chat_id: int | None = None) -> list[list[str]] | None:
        """Return the labels of the reply keyboard the bot shows in this chat, if any."""
        chat = await self.client.chat(self._chat(chat_id), user_id=self.id)
        keyboard = chat.get("reply_keyboard")
        if not keyboard:
            return None
        return [[button["text"] for button in row] for row in keyboard["keyboard"]]

    async def click(self, label_or_data: str, *, message_id: int | None = None, chat_id: int | None = None,
                    wait_answer: float = 5.0) -> dict[str, Any]:
        """Press the inline button whose text or callback_data matches, on the newest bot message having it
        (or on ``message_id``); returns the press with the bot's answer (``answer``) if it came in time."""
        chat = self._chat(chat_id)
        messages = await self.messages(chat)
        candidates = [m for m in reversed(messages) if (m.get("from") or {}).get("is_bot")]
        if message_id is not None:
            candidates = [m for m in candidates if m["message_id"] == message_id]
        for message in candidates:
            for row in button_rows(message):
                for button in row:
                    if label_or_data in (button.get("text"), button.get("callback_data")):
                        if "callback_data" not in button:
                            raise AssertionError(f"button {button['text']!r} is not a callback button: {button}")
                        result = await self.client.call(
                            "POST", f"/chats/{chat}/callbacks",
                            json=self._body(message_id=message["message_id"], data=button["callback_data"],
                                            wait=wait_answer),
                            timeout=wait_answer + 10.0,
                        )
                        self._acted(chat, result)
                        return result
        raise AssertionError(
            f"no button {label_or_data!r} in chat {chat}"
            + (f" on message {message_id}" if message_id is not None else "")
            + f"; transcript:\n{format_transcript(messages)}"
        )

    async def wait_for(self, predicate_or_substring: str | Predicate, *, chat_id: int | None = None,
                       timeout: float = 10.0) -> dict[str, Any]:
        """Wait for a new or edited bot message matching a substring of its text/caption or a predicate."""
        chat = self._chat(chat_id)
        if callable(predicate_or_substring):
            matches: Predicate = predicate_or_substring
        else:
            needle = predicate_or_substring

            def matches(message: dict[str, Any]) -> bool:
                return needle in message_text(message)

        cursor = self._cursor.get(chat, self._start_seq)
        scanned = cursor
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            log = await self.client.log(chat, scanned, timeout=max(0.0, min(remaining, 5.0)), user_id=self.id)
            for event in log["events"]:
                scanned = max(scanned, event["seq"])
                message = event.get("message")
                if event["kind"] not in ("message", "edited") or not message:
                    continue
                if not (message.get("from") or {}).get("is_bot"):
                    continue
                if matches(message):
                    self._cursor[chat] = event["seq"]
                    return message
            if time.monotonic() >= deadline:
                break
            await asyncio.sleep(0)
        transcript = format_transcript(await self.client.messages(chat))
        raise AssertionError(
            f"{self.first_name} ({self.id}) waited {timeout:.1f}s in chat {chat} for a bot message matching "
            f"{predicate_or_substring!r}; recent transcript:\n{transcript}"
        )

    async def block_bot(self) -> None:
        """Block the bot: its messages to this person now fail with 403."""
        await self.client.call("POST", f"/users/{self.id}/block", json={"bot": self.client.bot})

    async def unblock_bot(self) -> None:
        """Unblock the bot."""
        await self.client.call("POST", f"/users/{self.id}/unblock", json={"bot": self.client.bot})
