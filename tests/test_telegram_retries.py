"""Bot API calls are retried on 429 and on failures that sent nothing, never when a send may have arrived."""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.channels.telegram import with_retries


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
    call = Flaky(RetryAfter(timedelta(seconds=0)))
    assert await with_retries(call, idempotent=False) == "sent"
    assert call.attempts == 2


async def test_a_connection_that_never_opened_is_retried_even_for_a_send():
    call = Flaky(NetworkError("httpx.ConnectError: Connection refused"))
    assert await with_retries(call, idempotent=False) == "sent"
    assert call.attempts == 2


async def test_a_timed_out_send_is_not_repeated_it_may_have_arrived():
    call = Flaky(TimedOut())
    with pytest.raises(TimedOut):
        await with_retries(call, idempotent=False)
    assert call.attempts == 1


async def test_idempotent_calls_are_retried_after_a_timeout():
    call = Flaky(TimedOut(), NetworkError("httpx.ReadError"))
    assert await with_retries(call, idempotent=True) == "sent"
    assert call.attempts == 3
