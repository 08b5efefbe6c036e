"""Waking what waits on the world: long polls, webhook deliveries and event streams.

:class:`Pulse` is a broadcast signal fired after every change of the world; waiters re-check their own
condition when woken. :class:`Runtime` bundles the world with its pulse and the server's closing flag.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from sandbox.state import World


class Pulse:
    """A signal that wakes every current waiter each time it fires."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake everyone waiting now; later waiters wait for the next fire."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float | None) -> bool:
        """Wait for the next fire; return False on timeout."""
        event = self._event
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True

    async def wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Wait until ``condition()`` holds or ``timeout`` seconds pass; return the final condition."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            await self.wait(remaining)
        return True


@dataclass
class Runtime:
    """The world plus what the HTTP layer needs to react to it."""

    world: World
    pulse: Pulse = field(default_factory=Pulse)
    closing: bool = False

    def __post_init__(self) -> None:
        self.world.listeners.append(self.pulse.fire)

    def close(self) -> None:
        """Mark the server as stopping and wake every waiter so it can finish."""
        self.closing = True
        self.pulse.fire()
