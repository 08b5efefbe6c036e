"""Run the sandbox on its own: ``python -m sandbox --port 8081 --token 123:ABC --username motcua_bot``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from sandbox.server import SandboxServer


async def _serve(args: argparse.Namespace) -> None:
    server = SandboxServer(args.host, args.port, rate_limits=not args.no_rate_limits)
    server.add_bot(args.token, args.username, args.name, privacy_mode=not args.no_privacy)
    await server.start()
    print(f"sandbox on {server.base_url}  (PTB base_url={server.bot_api_url} base_file_url={server.file_url})")
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main() -> None:
    """Parse the command line and serve until interrupted."""
    parser = argparse.ArgumentParser(description="Run the motcua Telegram sandbox.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:SANDBOX-TOKEN")
    parser.add_argument("--username", default="motcua_bot")
    parser.add_argument("--name", default="Một Cửa")
    parser.add_argument("--no-rate-limits", action="store_true")
    parser.add_argument("--no-privacy", action="store_true", help="let the bot read all group messages")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
