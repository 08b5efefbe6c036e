"""An async Python client of the Zalo sandbox's client API, for end-to-end tests.

    async with ZaloSandboxClient(server.base_url) as sb:
        lan = await sb.user("Nguyễn Thị Lan")
        await lan.send("xin chào")
        menu = await lan.wait_for("Chọn thủ tục")

As with :class:`sandbox.client.UserHandle`, ``wait_for`` looks at bot messages newer than a cursor:
the person's last action, or the last message ``wait_for`` matched, whichever is later; successive
calls thus walk forward through the bot's replies.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from sandbox.http_client import ApiError, JsonApiClient, message_text

Predicate = Callable[[dict[str, Any]], bool]


class ZaloSandboxError(ApiError):
    """The Zalo client API refused a request."""


def format_transcript(messages: list[dict[str, Any]], limit: int = 20) -> str:
    """Render the last messages of a chat as readable lines for failure reports."""
    lines = []
    for message in messages[-limit:]:
        sender = message.get("from") or {}
        name = ("bot " if sender.get("is_bot") else "") + (sender.get("display_name") or "?")
        body = message_text(message)
        if message.get("kind") != "text":
            body = f"[{message.get('kind')}] {body}".rstrip()
        lines.append(f"  {name}: {body}")
    return "\n".join(lines) or "  (no messages)"


class ZaloSandboxClient(JsonApiClient):
    """Connection to the Zalo client API; ``async with ZaloSandboxClient(base_url) as sb``."""

    prefix = "/sandbox/zalo/api"
    error = ZaloSandboxError

    async def bots(self) -> list[dict[str, Any]]:
        """List the Zalo bots."""
        return await self.call("GET", "/bots")

    async def users(self) -> list[dict[str, Any]]:
        """List the Zalo people."""
        return await self.call("GET", "/users")

    async def user(self, display_name: str, user_id: str | None = None) -> "ZaloUserHandle":
        """Create (or rename) a person and return a handle to act as them."""
        info = await self.call("POST", "/users", json={"id": user_id, "display_name": display_name})
        return ZaloUserHandle(self, info, start_seq=info.get("seq", 0))

    async def chat(self, chat_id: str) -> dict[str, Any]:
        """Read a private chat: messages both ways and the current seq."""
        return await self.call("GET", f"/chats/{chat_id}/messages", params={"bot": self.bot})

    async def log(self, chat_id: str, after: int, *, timeout: float = 0.0) -> dict[str, Any]:
        """Return chat events after ``after``, long-polling up to ``timeout`` seconds."""
        return await self.call("GET", f"/chats/{chat_id}/log",
                               params={"after": after, "timeout": timeout, "bot": self.bot},
                               timeout=timeout + 10.0)

    async def download(self, url: str) -> bytes:
        """Download a file by its ``file_url`` or absolute ``photo_url``."""
        response = await self._http.get(url)
        if response.status_code != 200:
            raise ZaloSandboxError(response.status_code, response.text)
        return response.content


class ZaloUserHandle:
    """Act as one Zalo person in their private chat with the bot."""

    def __init__(self, client: ZaloSandboxClient, info: dict[str, Any], *, start_seq: int = 0) -> None:
        self.client = client
        self.id: str = info["id"]
        self.display_name: str = info["display_name"]
        self._cursor = start_seq

    def __repr__(self) -> str:
        return f"ZaloUserHandle({self.id!r}, {self.display_name!r})"

    async def _act(self, path: str, **kwargs: Any) -> dict[str, Any]:
        result = await self.client.call("POST", f"/chats/{self.id}/{path}", **kwargs)
        self._cursor = max(self._cursor, result["seq"])
        return result["message"]

    def _body(self, **fields: Any) -> dict[str, Any]:
        return {k: v for k, v in {"bot": self.client.bot, **fields}.items() if v is not None}

    async def send(self, text: str) -> dict[str, Any]:
        """Send text to the bot."""
        return await self._act("messages", json=self._body(text=text))

    async def send_photo(self, data: bytes, *, caption: str = "", file_name: str = "photo.jpg",
                         mime: str = "image/jpeg") -> dict[str, Any]:
        """Send an image (uploaded as multipart); the bot gets a photo_url to it."""
        fields = self._body(caption=caption or None)
        return await self._act("photos", files=[("photo", (file_name, data, mime))],
                               data={k: str(v) for k, v in fields.items()})

    async def send_sticker(self, sticker: str = "sandbox-sticker") -> dict[str, Any]:
        """Send a sticker."""
        return await self._act("stickers", json=self._body(sticker=sticker))

    async def send_unsupported(self) -> dict[str, Any]:
        """Send something the Bot API does not carry (the bot gets message.unsupported.received)."""
        return await self._act("unsupported", json=self._body())

    async def messages(self) -> list[dict[str, Any]]:
        """Read the chat with the bot, both ways, oldest first."""
        return (await self.client.chat(self.id))["messages"]

    async def wait_for(self, substring_or_predicate: str | Predicate, timeout: float = 10.0) -> dict[str, Any]:
        """Wait for a new bot message whose text/caption contains a substring, or matching a predicate."""
        if callable(substring_or_predicate):
            matches: Predicate = substring_or_predicate
        else:
            needle = substring_or_predicate

            def matches(message: dict[str, Any]) -> bool:
                return needle in message_text(message)

        scanned = self._cursor
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            log = await self.client.log(self.id, scanned, timeout=max(0.0, min(remaining, 5.0)))
            for event in log["events"]:
                scanned = max(scanned, event["seq"])
                message = event.get("message")
                if event["kind"] != "message" or not message or not message["from"].get("is_bot"):
                    continue
                if matches(message):
                    self._cursor = event["seq"]
                    return message
            if time.monotonic() >= deadline:
                break
            await asyncio.sleep(0)
        transcript = format_transcript(await self.messages())
        raise AssertionError(f"{self.display_name} ({self.id}) waited {timeout:.1f}s for a bot message matching "
                             f"{substring_or_predicate!r}; recent transcript:\n{transcript}")
