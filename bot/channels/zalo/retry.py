"""Bounded retries of Zalo calls that never send anything twice.

:func:`retrying` retries a call after a 429 (waiting the server's hint when it gives one) and after a
connection error that happened before the request was sent. A call that may have reached Zalo (the
answer was lost) is retried only when the caller declares it ``idempotent``: a lost ``sendMessage`` answer
is never retried, since the message may already be on the citizen's screen.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.channels.zalo.errors import ZaloConnectionError, ZaloQuotaExceeded

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How many tries in all and how long to wait between them (exponential, jittered, capped)."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0

    def backoff(self, attempt: int) -> float:
        """Return the wait after failed try number ``attempt`` (1-based), in seconds."""
        delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return delay * random.uniform(0.5, 1.0)


DEFAULT_POLICY = RetryPolicy()


async def retrying(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy = DEFAULT_POLICY,
    *,
    idempotent: bool = False,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Await ``call()``, retrying 429s and unsent requests (any lost answer if ``idempotent``)."""
    attempt = 1
    while True:
        try:
            return await call()
        except ZaloQuotaExceeded as exc:
            if attempt >= policy.attempts:
                raise
            delay = exc.retry_after if exc.retry_after is not None else policy.backoff(attempt)
            if delay > policy.max_delay:
                raise
            LOGGER.info("Zalo quota exceeded; retrying in %.1fs (try %d/%d)", delay, attempt, policy.attempts)
        except ZaloConnectionError as exc:
            if attempt >= policy.attempts or (exc.request_sent and not idempotent):
                raise
            delay = policy.backoff(attempt)
            LOGGER.info("Zalo unreachable (%s); retrying in %.1fs (try %d/%d)",
                        exc.description, delay, attempt, policy.attempts)
        await sleep(delay)
        attempt += 1
