"""What the Telegram and Zalo client APIs share: reading a JSON object body, and streaming a chat's
events as Server-Sent Events."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from aiohttp import web

from sandbox.live import Runtime

SSE_PING_SECONDS = 15.0


async def json_object(request: web.Request, refuse: Callable[[str], Exception]) -> dict[str, Any]:
    """Read the request's JSON body, which must be an object; ``refuse`` builds the error to raise."""
    try:
        body = await request.json()
    except ValueError:
        raise refuse("body is not valid JSON") from None
    if not isinstance(body, dict):
        raise refuse("body must be a JSON object")
    return body


async def stream_events(request: web.Request, runtime: Runtime, after: int,
                        events_after: Callable[[int], Sequence[Any]], view: Callable[[Any], dict]) -> web.StreamResponse:
    """Stream events after ``after`` (``id:`` the seq, ``event:`` the kind) until the client leaves."""
    response = web.StreamResponse(headers={
        "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no",
    })
    await response.prepare(request)
    try:
        await response.write(b"retry: 1000\n\n")
        while not runtime.closing:
            events = events_after(after)
            for event in events:
                data = json.dumps(view(event), ensure_ascii=False)
                await response.write(f"id: {event.seq}\nevent: {event.kind}\ndata: {data}\n\n".encode())
                after = event.seq
            if events:
                continue
            if not await runtime.pulse.wait(SSE_PING_SECONDS):
                await response.write(b": ping\n\n")
    except (ConnectionResetError, ConnectionError):
        pass
    return response
