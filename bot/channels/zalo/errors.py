"""Errors of the Zalo Bot API client; all derive from :class:`ZaloError`."""

from __future__ import annotations

from typing import Any

from bot.channels.retry import Failure, RateLimited, Verdict


class ZaloError(Exception):
    """A failed Zalo call: the API's ``error_code`` (0 when there was no answer) and ``description``."""

    def __init__(self, error_code: int, description: str) -> None:
        super().__init__(f"{error_code}: {description}" if error_code else description)
        self.error_code = error_code
        self.description = description


class ZaloUnauthorized(ZaloError):
    """The bot token was refused (401/403)."""


class ZaloQuotaExceeded(ZaloError):
    """The bot's quota is used up (429); ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(self, description: str, retry_after: float | None = None) -> None:
        super().__init__(429, description)
        self.retry_after = retry_after


class ZaloPollTimeout(ZaloError):
    """getUpdates had nothing new within its timeout (408); ``get_update`` turns it into None."""

    def __init__(self, description: str = "Request timeout") -> None:
        super().__init__(408, description)


class ZaloConnectionError(ZaloError):
    """No answer came. ``request_sent`` is False only when the request certainly never reached Zalo."""

    def __init__(self, description: str, *, request_sent: bool) -> None:
        super().__init__(0, description)
        self.request_sent = request_sent


class ZaloDownloadError(ZaloError):
    """Downloading a file failed (``error_code`` is the HTTP status, 408 on timeout)."""


class ZaloFileTooLarge(ZaloDownloadError):
    """A download was refused because it exceeds ``max_bytes``."""

    def __init__(self, max_bytes: int, size: int | None = None) -> None:
        what = f"{size} bytes" if size is not None else "more bytes"
        super().__init__(413, f"file too large: {what} than the {max_bytes} allowed")
        self.max_bytes = max_bytes
        self.size = size


class ZaloBadUpdate(ZaloError, ValueError):
    """Zalo answered getUpdates with something :func:`parse_update` cannot read; ``payload`` keeps it."""

    def __init__(self, description: str, payload: Any) -> None:
        super().__init__(0, f"unreadable update: {description}")
        self.payload = payload


class ZaloPartialSend(ZaloError):
    """A long text was sent in parts and a later part failed: ``sent`` went out, ``remaining`` did not.

    The failure is chained as ``__cause__``; ``error_code``/``description`` are copied from it.
    """

    def __init__(self, cause: ZaloError, sent: list[Any], remaining: list[str]) -> None:
        super().__init__(cause.error_code, f"{len(sent)} part(s) sent, {len(remaining)} not: {cause.description}")
        self.cause = cause
        self.sent = sent
        self.remaining = remaining


def failure(error: BaseException) -> Verdict:
    """Tell the retry helper what a failed Zalo call means: rate limited, never sent, maybe sent, or other."""
    if isinstance(error, ZaloQuotaExceeded):
        return RateLimited(error.retry_after)
    if isinstance(error, ZaloConnectionError):
        return Failure.MAYBE_SENT if error.request_sent else Failure.NOT_SENT
    return None
