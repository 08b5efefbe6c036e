"""Bounded retries of platform calls that never send anything twice, for every channel (built on tenacity).

A channel says what each of its errors means with a ``classify`` function, and :func:`retrying` applies one
rule to all of them:

- :class:`RateLimited` (a 429): wait the server's ``retry_after`` (the backoff when it gives none); a hint
  longer than the policy's ``max_delay`` is not waited out: waiting less than told only earns another 429.
- :data:`Failure.NOT_SENT` (the connection never opened): always safe to repeat.
- :data:`Failure.MAYBE_SENT` (no answer came, the request may have arrived): repeated only for calls the
  caller declares ``idempotent``; a lost ``sendMessage`` answer is never repeated, since the message may
  already be on the citizen's screen.
- None: not retried.

Between other tries the wait grows exponentially with jitter (half fixed, half random), capped. The sleep is
injectable, so tests observe the waits instead of sleeping.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential, wait_random_exponential

log = logging.getLogger(__name__)
T = TypeVar("T")


class Failure(enum.Enum):
    """What a failed call may have done on the platform's side."""

    NOT_SENT = "not sent"
    MAYBE_SENT = "maybe sent"


@dataclass(frozen=True)
class RateLimited:
    """The platform refused the call for now (429); ``retry_after`` is its hint in seconds, if any."""

    retry_after: float | None


Verdict = RateLimited | Failure | None


@dataclass(frozen=True)
class RetryPolicy:
    """How many tries in all and how long to wait between them (exponential, jittered, capped)."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0


DEFAULT_POLICY = RetryPolicy()


async def retrying(
    call: Callable[[], Awaitable[T]],
    classify: Callable[[BaseException], Verdict],
    policy: RetryPolicy = DEFAULT_POLICY,
    *,
    idempotent: bool = False,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Await ``call()``, retrying 429s and unsent requests (and any lost answer if ``idempotent``)."""

    def worth_retrying(error: BaseException) -> bool:
        verdict = classify(error)
        if isinstance(verdict, RateLimited):
            return verdict.retry_after is None or verdict.retry_after <= policy.max_delay
        return verdict is Failure.NOT_SENT or (verdict is Failure.MAYBE_SENT and idempotent)

    half = policy.base_delay / 2, policy.max_delay / 2
    backoff = wait_exponential(multiplier=half[0], max=half[1]) + wait_random_exponential(multiplier=half[0], max=half[1])

    def wait(state: RetryCallState) -> float:
        verdict = classify(_error(state))
        if isinstance(verdict, RateLimited) and verdict.retry_after is not None:
            return verdict.retry_after
        return backoff(state)

    def announce(state: RetryCallState) -> None:
        delay = state.next_action.sleep if state.next_action else 0.0
        log.info("%s; retrying in %.1fs (try %d/%d)", type(_error(state)).__name__, delay, state.attempt_number, policy.attempts)

    async for attempt in AsyncRetrying(
        stop=stop_after_attempt(policy.attempts),
        retry=retry_if_exception(worth_retrying),
        wait=wait,
        sleep=sleep,
        before_sleep=announce,
        reraise=True,
    ):
        with attempt:
            return await call()
    raise AssertionError("unreachable: tenacity either returns the result or re-raises the last error")


def _error(state: RetryCallState) -> BaseException:
    error = state.outcome.exception() if state.outcome else None
    assert error is not None, "tenacity waits only after a failure"
    return error
