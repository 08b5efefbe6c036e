"""Reading a webhook's JSON body safely: bounded in size and depth, an object or nothing.

Every webhook route (Zalo's and Telegram's, both aiohttp routes) reads its body with ``read_json``,
after checking its secret header and before anything else looks at the body. A body that is too large
gets 413, one that is not UTF-8 JSON, is nested deeper than ``MAX_DEPTH``, or is JSON but not an object
gets 400; either way it is never processed, and no such body can make the route answer 500 (a body of
100,000 nested ``[`` used to raise an unhandled ``RecursionError``). Use::

    async def handle(self, request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), self._secret):
            return web.json_response({"ok": False, "description": "Forbidden"}, status=403)
        payload = await read_json(request, max_bytes=MAX_BODY_BYTES)  # raises 413 / 400, answered by aiohttp
        ...  # store the update, then answer 200

The raised ``web.HTTPException`` carries a JSON body ``{"ok": false, "description": ...}`` like the
platforms' own error answers; aiohttp sends it as the response.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from aiohttp import web

MAX_DEPTH = 32  # a Zalo or Telegram update is nested about 5 deep
CHUNK_BYTES = 64 * 1024


async def read_json(request: web.Request, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Return the request's body parsed as a JSON object; raise 413 if larger than ``max_bytes``, 400 if not a shallow object."""
    if request.content_length is not None and request.content_length > max_bytes:
        _refuse(web.HTTPRequestEntityTooLarge, "Payload too large", max_size=max_bytes, actual_size=request.content_length)
    body = bytearray()
    async for chunk in request.content.iter_chunked(CHUNK_BYTES):  # a chunked body declares no length
        body += chunk
        if len(body) > max_bytes:
            _refuse(web.HTTPRequestEntityTooLarge, "Payload too large", max_size=max_bytes, actual_size=len(body))
    try:
        payload = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        _refuse(web.HTTPBadRequest, "Body is nested too deeply")
    except (ValueError, UnicodeDecodeError):  # not JSON, not UTF-8, NaN/Infinity, an integer of 4,300+ digits
        _refuse(web.HTTPBadRequest, "Body is not JSON")
    if not isinstance(payload, dict):
        _refuse(web.HTTPBadRequest, "Body is not a JSON object")
    if _depth(payload) > max_depth:
        _refuse(web.HTTPBadRequest, "Body is nested too deeply")
    return payload


def _depth(value: Any) -> int:
    """Return how deeply lists and objects nest in a parsed JSON value (iteratively: no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _no_constant(name: str) -> NoReturn:
    """Refuse NaN, Infinity and -Infinity, which are not JSON."""
    raise ValueError(f"{name} is not JSON")


def _refuse(exception: type[web.HTTPException], description: str, **kwargs: Any) -> NoReturn:
    """Raise an aiohttp HTTP error whose body says what was wrong, as JSON."""
    raise exception(text=json.dumps({"ok": False, "description": description}), content_type="application/json", **kwargs)
