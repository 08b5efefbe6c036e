"""motcua's entry point: the one place that wires configuration, storage, flows, engine and channels.

    python main.py                  start the service (the sandbox when no Telegram token is set)
    python main.py check            validate every flow, locale and the configuration
    python main.py simulate <flow>  file a procedure in the terminal (photos as file paths)
    python main.py diagram <flow>   print a flow's state diagram as Mermaid
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.desk import Desk
from bot.engine import Engine
from bot.offices import Office, load_offices
from bot.photos import PhotoRules
from bot.settings import ROOT, Settings, SettingsError, load_settings
from flows.compiler import CompiledFlow, FlowError, load_flows
from flows.validators import VALIDATORS, load_vsic
from locales.catalog import Catalog, LocaleError
from storage.blobs import BlobStore
from storage.database import open_database


@dataclass
class Services:
    """The wired objects every channel shares."""

    settings: Settings
    catalog: Catalog
    flows: dict[str, CompiledFlow]
    engine: Engine
    offices: list[Office]
    db: Database
    blobs: BlobStore
    desk: Desk


def build(settings: Settings, *, db_path: Path | None = None) -> Services:
    """Wire configuration, storage, flows and engine into a desk."""
    catalog = Catalog()
    flows = load_flows(settings.flows_dir, catalog.keys(), VALIDATORS)
    vsic = load_vsic(settings.vsic_file) if settings.vsic_file.exists() else {}
    engine = Engine(flows=flows, catalog=catalog, rules=PhotoRules(), vsic=vsic)
    offices = load_offices(settings.offices_file)
    db = open_database(db_path or settings.data_dir / "motcua.sqlite")
    blobs = BlobStore(settings.data_dir / "blobs")
    desk = Desk(db=db, engine=engine, blobs=blobs, office=offices[0])
    return Services(settings, catalog, flows, engine, offices, db, blobs, desk)


def check(settings: Settings) -> list[str]:
    """Return every problem in flows, locales, message keys used by the code, and configuration."""
    problems: list[str] = []
    try:
        catalog = Catalog()
    except LocaleError as exc:
        return [str(exc)]
    problems += catalog.problems()
    try:
        flows = load_flows(settings.flows_dir, catalog.keys(), VALIDATORS)
        if not flows:
            problems.append(f"{settings.flows_dir}: no flow files")
    except FlowError as exc:
        problems += str(exc).splitlines()
    known = catalog.keys()
    for path in sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("flows/*.py")]):
        for key in sorted(set(re.findall(r'Text\(\s*"([a-z0-9-]+)"', path.read_text(encoding="utf-8")))):
            for language, keys in sorted(known.items()):
                if key not in keys:
                    problems.append(f"{path.relative_to(ROOT)}: message '{key}' is missing in '{language}'")
    try:
        load_offices(settings.offices_file)
    except Exception as exc:  # noqa: BLE001 - report any configuration error by name
        problems.append(str(exc))
    return problems


def run_check(settings: Settings) -> int:
    """Print problems and return the exit code."""
    problems = check(settings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("OK: flows, locales and configuration are valid")
    return 0


async def run_simulator(services: Services, flow_id: str) -> int:
    """File a procedure in the terminal until end of input."""
    from bot.simulator import TerminalChat

    if flow_id not in services.flows:
        print(f"unknown flow '{flow_id}'; known: {', '.join(services.flows)}", file=sys.stderr)
        return 2
    chat = TerminalChat(services.desk, services.catalog)
    print("motcua simulator — #N presses button N, file paths send photos, /back /cancel /review /help. Ctrl-D quits.\n")
    await chat.start(flow_id)
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, _read_line)
        if line is None:
            return 0
        await chat.type(line)


def _read_line() -> str | None:
    try:
        return input("> ")
    except EOFError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="main.py", description="motcua: a chat-based one-stop public service desk")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("check", help="validate flows, locales and configuration")
    simulate = commands.add_parser("simulate", help="file a procedure in the terminal")
    simulate.add_argument("flow")
    diagram = commands.add_parser("diagram", help="print a flow's state diagram as Mermaid")
    diagram.add_argument("flow")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command == "check":
        return run_check(settings)
    try:
        services = build(settings)
    except (FlowError, LocaleError, SettingsError, OSError) as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - e.g. an invalid offices file, reported by name
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    if args.command == "diagram":
        from flows.diagram import mermaid

        if args.flow not in services.flows:
            print(f"unknown flow '{args.flow}'; known: {', '.join(services.flows)}", file=sys.stderr)
            return 2
        print(mermaid(services.flows[args.flow]), end="")
        return 0
    if args.command == "simulate":
        return asyncio.run(run_simulator(services, args.flow))
    return asyncio.run(run_simulator(services, next(iter(services.flows))))


if __name__ == "__main__":
    sys.exit(main())
