"""Run a python-telegram-bot application offline: real ``Update`` objects in, Bot API calls answered locally.

``LocalRequest`` is a ``telegram.request.BaseRequest`` that never opens a socket: it encodes each call's
parameters as the HTTP client would, then answers with a plausible Bot API result (sendMessage returns a
Message, getFile a File, file downloads the pool photo's bytes). ``UpdateFactory`` turns the happy path's
inputs into Telegram update dicts; ``feed`` plays them through ``Application.process_update`` citizen by
citizen, waiting for the bot's reply before a citizen's next input, as a person would.
"""

from __future__ import annotations

import asyncio
import json
import time
from array import array
from collections import Counter
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bench.common import FIRST_USER_ID, FIXED_NOW, Input, interleave, photo_positions, pool_index

TOKEN = "123:ABC"
BOT_USER = {"id": 123, "is_bot": True, "first_name": "Một cửa", "username": "motcua_bench_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
BASE_URL = "http://127.0.0.1:9/bot"  # never contacted: LocalRequest answers every call
BASE_FILE_URL = "http://127.0.0.1:9/file/bot"
DATE = int(FIXED_NOW.timestamp())
REPLY_TIMEOUT = 60.0  # seconds a citizen waits for the bot's answer before giving up on it
ADMIN_CHAT_ID = -1001


class LocalRequest(BaseRequest):
    """Answers every Bot API call in memory; counts calls and the messages each chat received."""

    def __init__(self, files: dict[str, bytes] | None = None) -> None:
        self.files = files or {}
        self.calls: Counter[str] = Counter()
        self.sent: Counter[int] = Counter()  # messages the bot sent, per chat
        self.last_message: dict[int, int] = {}
        self.texts: list[str] = []  # kept only when ``keep_texts`` (for checks in tests)
        self.keep_texts = False
        self.next_id = 1
        self.changed = asyncio.Event()

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, read_timeout=None,
                         write_timeout=None, connect_timeout=None, pool_timeout=None) -> tuple[int, bytes]:
        """Answer one call: a file download returns bytes, an API method a JSON result."""
        if "/file/bot" in url:
            name = url.rsplit("/", 1)[1].rsplit(".", 1)[0]
            self.calls["download"] += 1
            return (200, self.files[name]) if name in self.files else (404, b"Not Found")
        api_method = url.rsplit("/", 1)[1]
        self.calls[api_method] += 1
        params: dict[str, Any] = {}
        if request_data is not None:
            if request_data.contains_files:
                request_data.multipart_data  # noqa: B018 - the encoding an HTTP client would do
            else:
                request_data.json_parameters  # noqa: B018 - the encoding an HTTP client would do
            params = request_data.parameters
        result = self.result(api_method, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def result(self, method: str, params: dict[str, Any]) -> Any:
        """A plausible Bot API result for a method and its parameters."""
        if method == "getMe":
            return BOT_USER
        if method == "getFile":
            file_id = str(params.get("file_id"))
            size = len(self.files.get(file_id, b""))
            return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": size, "file_path": f"photos/{file_id}.jpg"}
        if method in ("sendMessage", "sendPhoto", "sendDocument"):
            return self.message(params, method)
        if method == "sendMediaGroup":
            media = params.get("media") or []
            return [self.message(params, "sendPhoto") for _ in media]
        if method in ("editMessageText", "editMessageReplyMarkup", "editMessageCaption"):
            return {**self.message_dict(params), "message_id": params.get("message_id", 1), "edit_date": DATE}
        if method == "getUpdates":
            return []
        return True

    def message(self, params: dict[str, Any], method: str) -> dict[str, Any]:
        """Record a message sent to a chat and return it as Telegram would."""
        message = self.message_dict(params)
        if method == "sendPhoto":
            message.pop("text", None)
            message["photo"] = [{"file_id": f"sent-{message['message_id']}", "file_unique_id": f"s{message['message_id']}",
                                 "width": 410, "height": 410, "file_size": 1500}]
            if params.get("caption"):
                message["caption"] = params["caption"]
        chat_id = message["chat"]["id"]
        self.sent[chat_id] += 1
        self.last_message[chat_id] = message["message_id"]
        if self.keep_texts:
            self.texts.append(message.get("text") or message.get("caption") or "")
        self.changed.set()
        return message

    def message_dict(self, params: dict[str, Any]) -> dict[str, Any]:
        """The common part of a message the bot sent."""
        chat_id = int(params.get("chat_id", 0))
        self.next_id += 1
        chat = {"id": chat_id, "type": "private", "first_name": "Dân"} if chat_id > 0 else \
            {"id": chat_id, "type": "supergroup", "title": "Một cửa – cán bộ"}
        message = {"message_id": self.next_id, "date": DATE, "chat": chat, "from": BOT_USER}
        if "text" in params:
            message["text"] = params["text"]
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def wait_for_reply(self, chat_id: int, before: int, timeout: float = REPLY_TIMEOUT) -> bool:
        """Wait until the chat received more than ``before`` messages; tell whether it did in time."""
        deadline = time.perf_counter() + timeout
        while self.sent[chat_id] <= before:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return False
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), min(remaining, 0.05))
            except asyncio.TimeoutError:
                pass
        return True


class UpdateFactory:
    """Telegram update dicts for the happy path's inputs, as the Bot API would deliver them."""

    def __init__(self, pool: list[bytes], request: LocalRequest) -> None:
        self.pool = pool
        self.request = request
        self.update_id = 0

    def user(self, citizen: int) -> dict[str, Any]:
        """The Telegram user behind a citizen index."""
        return {"id": FIRST_USER_ID + citizen, "is_bot": False, "first_name": "Dân", "last_name": str(citizen),
                "language_code": "vi"}

    def _next(self) -> int:
        self.update_id += 1
        return self.update_id

    def message(self, citizen: int, **content: Any) -> dict[str, Any]:
        """A private message update from the citizen."""
        user = self.user(citizen)
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"], "last_name": user["last_name"]}
        update_id = self._next()
        return {"update_id": update_id,
                "message": {"message_id": update_id, "date": DATE, "chat": chat, "from": user, **content}}

    def updates(self, citizen: int, step: int, item: Input, positions: list[int]) -> list[dict[str, Any]]:
        """The updates one input becomes (several for an album)."""
        if item.kind == "command":
            text = "/" + item.value
            return [self.message(citizen, text=text, entities=[{"type": "bot_command", "offset": 0, "length": len(text)}])]
        if item.kind == "text":
            return [self.message(citizen, text=item.value)]
        if item.kind == "press":
            user = self.user(citizen)
            message_id = self.request.last_message.get(user["id"], 1)
            update_id = self._next()
            bot_message = {"message_id": message_id, "date": DATE, "from": BOT_USER, "text": "…",
                           "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]}}
            return [{"update_id": update_id, "callback_query": {
                "id": str(update_id), "from": user, "chat_instance": str(user["id"]), "data": item.value,
                "message": bot_message}}]
        group = {"media_group_id": f"{FIRST_USER_ID + citizen}{step:03d}"} if len(positions) > 1 else {}
        return [self.message(citizen, photo=self.photo_sizes(pool_index(citizen, p)), **group) for p in positions]

    def photo_sizes(self, k: int) -> list[dict[str, Any]]:
        """A photo as Telegram describes it: thumbnails, then the full size last."""
        size = len(self.pool[k])
        return [
            {"file_id": f"pool-{k}-s", "file_unique_id": f"p{k}s", "width": 90, "height": 68, "file_size": 1800},
            {"file_id": f"pool-{k}-m", "file_unique_id": f"p{k}m", "width": 320, "height": 240, "file_size": 16000},
            {"file_id": f"pool-{k}", "file_unique_id": f"p{k}", "width": 1600, "height": 1200, "file_size": size},
        ]


def pool_files(pool: list[bytes]) -> dict[str, bytes]:
    """The file ids LocalRequest can serve: each pool photo under its full-size file id."""
    return {f"pool-{k}": data for k, data in enumerate(pool)}


async def feed(application, request: LocalRequest, pool: list[bytes], inputs: list[Input], citizens: int,
               lanes: int = 1) -> dict[str, Any]:
    """Play every citizen's inputs through ``application.process_update``; return timings and counts.

    Citizens are split over ``lanes`` concurrent workers (1 = one update at a time, PTB's default); each
    worker plays its citizens' inputs in a shuffled merge and waits for the bot's reply to each input.
    """
    factory = UpdateFactory(pool, request)
    positions = photo_positions(inputs)
    schedule = interleave(citizens, len(inputs))
    latencies = array("d")
    by_kind: dict[str, list[float]] = {}
    unanswered = 0
    bot = application.bot

    async def worker(lane: int) -> None:
        nonlocal unanswered
        for citizen, step in schedule:
            if citizen % lanes != lane:
                continue
            chat_id = FIRST_USER_ID + citizen
            begin = time.perf_counter()
            before = request.sent[chat_id]
            for data in factory.updates(citizen, step, inputs[step], positions[step]):
                await application.process_update(Update.de_json(data, bot))
            if request.sent[chat_id] <= before and not await request.wait_for_reply(chat_id, before):
                unanswered += 1
            latencies.append(time.perf_counter() - begin)
            by_kind.setdefault(inputs[step].kind, []).append(latencies[-1])

    started = time.perf_counter()
    await asyncio.gather(*(worker(lane) for lane in range(lanes)))
    seconds = time.perf_counter() - started
    return {"inputs": len(schedule), "updates": factory.update_id, "seconds": seconds, "latencies": latencies,
            "by_kind": by_kind, "unanswered": unanswered, "calls": dict(request.calls)}


def kind_percentiles(by_kind: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """p50 and p99 latency in ms for each kind of input (text, press, command, photos)."""
    from bench.common import percentile

    return {kind: {"count": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 3),
                   "p99_ms": round(percentile(values, 0.99) * 1000, 3)} for kind, values in sorted(by_kind.items())}
