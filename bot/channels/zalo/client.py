"""A small async client of the Zalo Bot Platform API (``{base_url}/bot{token}/{method}``, POST JSON).

Answers are ``{ok, result}`` or ``{ok: false, error_code, description}``; failures raise
:class:`~bot.channels.zalo.errors.ZaloError` subclasses (401/403 :class:`ZaloUnauthorized`, 429
:class:`ZaloQuotaExceeded`, no answer :class:`ZaloConnectionError`). The token appears in request URLs
only, never in errors, logs or ``repr``. With a :class:`RetryPolicy`, each request is retried as
:func:`retrying` allows (the channels' one retry rule, :mod:`bot.channels.retry`); each part of a long
message separately, so a retry never sends a part twice.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from bot.channels import retry
from bot.channels.retry import DEFAULT_POLICY, RetryPolicy
from bot.channels.text import split_text
from bot.channels.zalo.errors import (
    ZaloBadUpdate,
    ZaloConnectionError,
    ZaloDownloadError,
    ZaloError,
    ZaloFileTooLarge,
    ZaloPartialSend,
    ZaloPollTimeout,
    ZaloQuotaExceeded,
    ZaloUnauthorized,
    failure,
)
from bot.channels.zalo.updates import ZaloUpdate, parse_update

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
DEFAULT_TIMEOUT = 20.0
MESSAGE_LIMIT = 2000  # characters in one sendMessage
MAX_POLL_SECONDS = 60
CHAT_ACTIONS = frozenset({"typing", "upload_photo"})
_UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
T = TypeVar("T")

__all__ = [
    "DEFAULT_BASE_URL", "MESSAGE_LIMIT", "RetryPolicy", "ZaloBadUpdate", "ZaloClient", "ZaloConnectionError",
    "ZaloDownloadError", "ZaloError", "ZaloFileTooLarge", "ZaloPartialSend", "ZaloQuotaExceeded",
    "ZaloUnauthorized", "ZaloUpdate", "retrying", "split_text",
]


async def retrying(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy = DEFAULT_POLICY,
    *,
    idempotent: bool = False,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Await a Zalo call under the channels' retry rule (429s, unsent requests, lost answers if ``idempotent``)."""
    return await retry.retrying(call, failure, policy, idempotent=idempotent, sleep=sleep)


def _retry_after(body: dict[str, Any], headers: httpx.Headers) -> float | None:
    """Read a retry hint from ``parameters.retry_after`` or the ``Retry-After`` header."""
    parameters = body.get("parameters")
    candidates = [parameters.get("retry_after") if isinstance(parameters, dict) else None,
                  headers.get("retry-after")]
    for value in candidates:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
    return None


def _error(method: str, status: int, body: dict[str, Any], headers: httpx.Headers) -> ZaloError:
    """Build the exception for a refused call."""
    try:
        code = int(body.get("error_code") or status)
    except (TypeError, ValueError):
        code = status
    description = str(body.get("description") or f"HTTP {status}")
    if code in (401, 403) or status in (401, 403):
        return ZaloUnauthorized(code if code in (401, 403) else status, f"{method}: {description}")
    if code == 429 or status == 429:
        return ZaloQuotaExceeded(f"{method}: {description}", _retry_after(body, headers))
    if code == 408 or status == 408:
        return ZaloPollTimeout(description)
    return ZaloError(code, f"{method}: {description}")


class ZaloClient:
    """An async Zalo Bot API client; ``async with ZaloClient(token) as zalo`` closes what it opened."""

    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL, http: httpx.AsyncClient | None = None,
                 timeout: float = DEFAULT_TIMEOUT, *, retry: RetryPolicy | None = None) -> None:
        if not token or "/" in token:
            raise ValueError("a Zalo bot token is required and cannot contain '/'")
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry
        self._owns_http = http is None
        self._http = http if http is not None else httpx.AsyncClient(timeout=timeout)

    def __repr__(self) -> str:
        return f"ZaloClient(base_url={self.base_url!r}, token=<hidden>)"

    async def __aenter__(self) -> "ZaloClient":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_http:
            await self._http.aclose()

    # ------------------------------------------------------------------------------ calls

    async def call(self, method: str, params: dict[str, Any] | None = None, *,
                   timeout: float | None = None) -> Any:
        """Call one API method once and return its ``result`` (raises ZaloError)."""
        url = f"{self.base_url}/bot{self._token}/{method}"
        try:
            response = await self._http.post(url, json=params or {}, timeout=timeout or self.timeout)
        except _UNSENT_ERRORS as exc:
            raise ZaloConnectionError(f"{method}: cannot connect ({type(exc).__name__})",
                                      request_sent=False) from exc
        except httpx.TransportError as exc:
            raise ZaloConnectionError(f"{method}: no answer ({type(exc).__name__})", request_sent=True) from exc
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise _error(method, response.status_code, {"description": f"HTTP {response.status_code} "
                                                        "without a JSON answer"}, response.headers)
        if body.get("ok") is True and response.status_code < 400:
            return body.get("result")
        raise _error(method, response.status_code, body, response.headers)

    async def _call(self, method: str, params: dict[str, Any] | None = None, *, idempotent: bool) -> Any:
        """Call a method, with retries when the client has a policy."""
        if self.retry is None:
            return await self.call(method, params)
        return await retrying(lambda: self.call(method, params), self.retry, idempotent=idempotent)

    async def get_me(self) -> dict[str, Any]:
        """Return the bot's own account (id, account_name, ...)."""
        return await self._call("getMe", idempotent=True)

    async def get_update(self, timeout: float) -> ZaloUpdate | None:
        """Long-poll for the next update, up to ``timeout`` seconds; None when nothing came (408)."""
        seconds = min(MAX_POLL_SECONDS, max(0, math.ceil(timeout)))
        try:
            result = await self.call("getUpdates", {"timeout": seconds}, timeout=seconds + self.timeout)
        except ZaloPollTimeout:
            return None
        if not result:
            return None
        try:
            return parse_update(result)
        except ValueError as exc:
            raise ZaloBadUpdate(str(exc), result) from exc

    async def set_webhook(self, url: str, secret_token: str) -> Any:
        """Ask Zalo to POST updates to ``url`` with ``X-Bot-Api-Secret-Token: secret_token``."""
        return await self._call("setWebhook", {"url": url, "secret_token": secret_token}, idempotent=True)

    async def delete_webhook(self) -> Any:
        """Stop webhook delivery (getUpdates works again)."""
        return await self._call("deleteWebhook", idempotent=True)

    async def get_webhook_info(self) -> dict[str, Any]:
        """Describe the current webhook."""
        return await self._call("getWebhookInfo", idempotent=True)

    async def send_message(self, chat_id: str, text: str) -> list[dict[str, Any]]:
        """Send text, split into ordered parts of at most 2000 characters; return each part's result."""
        parts = [part for part in split_text(text, MESSAGE_LIMIT) if part.strip()]
        if not parts:
            raise ValueError("cannot send an empty message")
        results: list[dict[str, Any]] = []
        for index, part in enumerate(parts):
            try:
                results.append(await self._call("sendMessage", {"chat_id": chat_id, "text": part},
                                                idempotent=False))
            except ZaloError as exc:
                if results:
                    raise ZaloPartialSend(exc, results, parts[index:]) from exc
                raise
        return results

    async def send_photo(self, chat_id: str, photo_url: str, caption: str = "") -> dict[str, Any]:
        """Send a photo by public URL, with an optional caption."""
        params: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return await self._call("sendPhoto", params, idempotent=False)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        """Show "typing..." in the chat."""
        if action not in CHAT_ACTIONS:
            raise ValueError(f"unknown chat action {action!r}")
        return await self._call("sendChatAction", {"chat_id": chat_id, "action": action}, idempotent=True)

    # ------------------------------------------------------------------------------ files

    async def download(self, url: str, max_bytes: int, timeout: float) -> bytes:
        """Fetch a file (a photo_url) at once, refusing more than ``max_bytes`` with ZaloFileTooLarge."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise ZaloDownloadError(400, "only http(s) URLs can be downloaded")
        try:
            async with asyncio.timeout(timeout):
                return await self._stream(url, max_bytes, timeout)
        except TimeoutError:
            raise ZaloDownloadError(408, f"download did not finish within {timeout:g}s") from None
        except httpx.TimeoutException as exc:
            raise ZaloDownloadError(408, f"download timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise ZaloConnectionError(f"download failed ({type(exc).__name__})", request_sent=True) from exc

    async def _stream(self, url: str, max_bytes: int, timeout: float) -> bytes:
        """Stream a GET into memory, stopping as soon as it grows past ``max_bytes``."""
        async with self._http.stream("GET", url, follow_redirects=True, timeout=timeout) as response:
            if response.status_code != 200:
                raise ZaloDownloadError(response.status_code, f"download failed: HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ZaloFileTooLarge(max_bytes, int(declared))
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise ZaloFileTooLarge(max_bytes)
            return bytes(data)

