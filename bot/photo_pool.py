"""The one thread where photos are decoded and checked, so memory stays bounded however many citizens send.

A picture being checked holds up to about 6 bytes per pixel (see bot/photos.py): 240 MB at the
40-megapixel cap. Python's default thread pool would run as many checks at once as it has threads
(cores + 4), so a handful of large pictures took the process to gigabytes; this pool runs one check at a
time and the others wait their turn in order (a 12-megapixel phone photo takes tens of milliseconds). The
event loop keeps the other core to answer everyone else meanwhile: Pillow, numpy and zxing-cpp release
the GIL while they work.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

WORKERS = 1  # checks decoded at once, process-wide: the memory bound is WORKERS x one check at the cap
_POOL = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="photo-check")

T = TypeVar("T")


async def run(function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a photo decode or check in the dedicated pool and wait for its result."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_POOL, functools.partial(function, *args, **kwargs))
