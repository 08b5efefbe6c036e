"""Bot API calls are retried on 429 and on failures that sent nothing, never when a send may have arrived."""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.channels.telegram import with_retries


class Clock:
    """Stands in for asyncio.sleep: records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class Flaky:
    """A call that fails with the given errors, then succeeds; counts attempts."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.attempts = 0

    async def __call__(self) -> str:
        self.attempts += 1
        if self.errors:
            raise self.errors.pop(0)
        return "sent"


async def test_flood_limit_is_waited_out_then_sent_once():
    call, clock = Flaky(RetryAfter(timedelta(seconds=7))), Clock()
    assert await with_retries(call, idempotent=False, sleep=clock) == "sent"
    assert call.attempts == 2 and clock.waits == [7]


async def test_a_flood_limit_longer_than_a_minute_is_not_waited_out():
    call, clock = Flaky(RetryAfter(timedelta(seconds=600))), Clock()
    with pytest.raises(RetryAfter):
        await with_retries(call, idempotent=False, sleep=clock)
    assert call.attempts == 1 and clock.waits == []


async def test_tries_are_bounded():
    call, clock = Flaky(*[NetworkError("httpx.ConnectError: Connection refused")] * 9), Clock()
    with pytest.raises(NetworkError):
        await with_retries(call, idempotent=True, sleep=clock)
    assert call.attempts == 5 and len(clock.waits) == 4 and all(0 < wait <= 60 for wait in clock.waits)


async def test_a_connection_that_never_opened_is_retried_even_for_a_send():
    call = Flaky(NetworkError("httpx.ConnectError: Connection refused"))
    assert await with_retries(call, idempotent=False, sleep=Clock()) == "sent"
    assert call.attempts == 2


async def test_a_timed_out_send_is_not_repeated_it_may_have_arrived():
    call = Flaky(TimedOut())
    with pytest.raises(TimedOut):
        await with_retries(call, idempotent=False, sleep=Clock())
    assert call.attempts == 1


async def test_idempotent_calls_are_retried_after_a_timeout():
    call = Flaky(TimedOut(), NetworkError("httpx.ReadError"))
    assert await with_retries(call, idempotent=True, sleep=Clock()) == "sent"
    assert call.attempts == 3
