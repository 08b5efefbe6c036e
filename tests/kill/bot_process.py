"""The bot process the kill test kills: ``python main.py`` as in production, started warm.

It imports everything first, then waits for a line on stdin and only then serves (main.main, configured by
the environment). The kill test keeps one such process waiting, so a restart after a SIGKILL costs the
opening of the database, not the imports.
"""

from __future__ import annotations

import faulthandler
import signal
import sys

import main
from bot.channels import telegram  # noqa: F401 - imported lazily by main.start_telegram: import it now
from bot import housekeeping, media  # noqa: F401

if __name__ == "__main__":
    faulthandler.register(signal.SIGUSR2)

    def dump(*_):
        import asyncio
        for task in asyncio.all_tasks():
            task.print_stack(file=sys.stderr)
        sys.stderr.flush()

    signal.signal(signal.SIGUSR1, dump)  # the kill test asks a process that does not start what it waits for
    if not sys.stdin.readline():
        sys.exit(0)
    sys.exit(main.main([]))
