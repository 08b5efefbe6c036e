"""Token buckets that model Telegram's flood limits per chat and per bot.

Telegram tolerates short bursts but holds a bot to about one message per second in a private chat,
twenty per minute in a group and thirty per second overall; going over yields a 429 with
``retry_after``. The limits here are configurable and can be switched off.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BucketSpec:
    """A refill rate in tokens per second and a burst capacity."""

    rate: float
    burst: float


@dataclass(frozen=True)
class RateLimits:
    """The flood limits a sandbox enforces; ``enabled=False`` turns them all off."""

    private: BucketSpec = BucketSpec(rate=1.0, burst=20)
    group: BucketSpec = BucketSpec(rate=20 / 60, burst=20)
    per_bot: BucketSpec | None = BucketSpec(rate=30.0, burst=30)
    enabled: bool = True

    @classmethod
    def disabled(cls) -> "RateLimits":
        """Return limits that never refuse."""
        return cls(enabled=False)


@dataclass
class TokenBucket:
    """A bucket holding up to ``spec.burst`` tokens that refills at ``spec.rate`` per second."""

    spec: BucketSpec
    tokens: float
    updated: float

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.spec.burst, self.tokens + elapsed * self.spec.rate)
        self.updated = now

    def shortfall(self, amount: float, now: float) -> float:
        """Return the seconds until ``amount`` tokens are available (0 if they are now)."""
        self._refill(now)
        missing = amount - self.tokens
        if missing <= 0:
            return 0.0
        if self.spec.rate <= 0:
            return float("inf")
        return missing / self.spec.rate

    def take(self, amount: float, now: float) -> None:
        """Remove ``amount`` tokens (callers check :meth:`shortfall` first)."""
        self._refill(now)
        self.tokens -= amount


@dataclass
class RateLimiter:
    """Per-chat and per-bot buckets; :meth:`acquire` is all-or-nothing."""

    limits: RateLimits = field(default_factory=RateLimits)
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[Hashable, TokenBucket] = field(default_factory=dict)

    def configure(self, limits: RateLimits) -> None:
        """Replace the limits and forget every bucket."""
        self.limits = limits
        self._buckets.clear()

    def _bucket(self, key: Hashable, spec: BucketSpec, now: float) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None or bucket.spec != spec:
            bucket = TokenBucket(spec=spec, tokens=spec.burst, updated=now)
            self._buckets[key] = bucket
        return bucket

    def acquire(self, bot_id: int, chat_id: int, *, is_group: bool, amount: int = 1) -> float | None:
        """Spend ``amount`` messages for a bot in a chat; return seconds to wait if over a limit."""
        if not self.limits.enabled:
            return None
        now = self.clock()
        buckets = [
            self._bucket(
                ("chat", bot_id, chat_id),
                self.limits.group if is_group else self.limits.private,
                now,
            )
        ]
        if self.limits.per_bot is not None:
            buckets.append(self._bucket(("bot", bot_id), self.limits.per_bot, now))
        wait = max(bucket.shortfall(amount, now) for bucket in buckets)
        if wait > 0:
            return wait
        for bucket in buckets:
            bucket.take(amount, now)
        return None
