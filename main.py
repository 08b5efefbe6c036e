"""motcua's entry point: the one place that wires configuration, storage, flows, engine and channels.

    python main.py                  start the service: on Telegram with TELEGRAM_BOT_TOKEN, else the sandbox
    python main.py check            validate every flow, locale and the configuration
    python main.py simulate <flow>  file a procedure in the terminal (photos as file paths)
    python main.py diagram <flow>   print a flow's state diagram as Mermaid
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import secrets
import signal
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from bot.backoffice import BackOffice
from bot.desk import Desk, vietnam_now
from bot.declaration import Declarations
from bot.dispatch import Dispatcher
from bot.engine import KINDS, Engine
from bot.offices import Offices, load_offices
from bot.offices import problems as office_problems
from bot.photos import PhotoRules
from bot.sender import Sender
from bot.services import MENU_BUTTONS, CitizenServices, LookupLimits
from bot.settings import ROOT, Settings, SettingsError, load_settings
from flows import places
from flows.compiler import CompiledFlow, FlowError, load_flows
from flows.forms import FormError, load_forms
from flows.forms import problems as form_problems
from flows.validators import VALIDATORS, load_id_provinces, load_vsic
from flows.vsic import keyword_problems
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
    offices: Offices
    db: Database
    blobs: BlobStore
    backoffice: BackOffice
    desk: Desk
    dispatcher: Dispatcher
    sender: Sender


def build(settings: Settings, *, db_path: Path | None = None, clock=vietnam_now) -> Services:
    """Wire configuration, storage, flows, engine, back office and services into a desk."""
    catalog = Catalog()
    flows = load_flows(settings.flows_dir, catalog.keys(), VALIDATORS, KINDS)
    vsic = load_vsic(settings.vsic_file) if settings.vsic_file.exists() else {}
    rules = PhotoRules(max_pixels=settings.photo_max_megapixels * 1_000_000)
    engine = Engine(flows=flows, catalog=catalog, rules=rules, vsic=vsic, menu_extras=MENU_BUTTONS)
    offices = load_offices(settings.offices_file)
    catalog.set_default("office", offices[0].desk_name)
    db = open_database(db_path or settings.data_dir / "motcua.sqlite")
    blobs = BlobStore(settings.data_dir / "blobs")
    backoffice = BackOffice(db, flows, offices, callback_secret(settings.data_dir), clock)
    backoffice.declarations = Declarations(load_forms(settings.flows_dir / "forms"), commune_name)
    desk = Desk(db=db, engine=engine, blobs=blobs, offices=offices, clock=clock, backoffice=backoffice)
    desk.services = CitizenServices(db, engine, backoffice, LookupLimits.from_settings(settings))
    dispatcher = Dispatcher()
    sender = Sender(db, dispatcher, desk.receipt_image, desk.card_posted, draw_qr=desk.qr_image,
                    report_prompt=desk.prompt_posted, draw_declaration=desk.declaration_document)
    return Services(settings, catalog, flows, engine, offices, db, blobs, backoffice, desk, dispatcher, sender)


def commune_name(code: str) -> str:
    """Return a commune's name from its 2025 code ("Phường Tân Ninh"), or "" if unknown (the declaration's place)."""
    found = places.commune(code) if code else None
    return found.name if found is not None else ""


def callback_secret(data_dir: Path) -> bytes:
    """Return the key that signs admin buttons, created once in the data directory."""
    path = data_dir / "callback.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


def check(settings: Settings) -> list[str]:
    """Return every problem in flows, locales, message keys used by the code, and configuration."""
    problems: list[str] = []
    try:
        catalog = Catalog()
    except LocaleError as exc:
        return [str(exc)]
    problems += catalog.problems()
    try:
        flows = load_flows(settings.flows_dir, catalog.keys(), VALIDATORS, KINDS)
        if not flows:
            problems.append(f"{settings.flows_dir}: no flow files")
    except FlowError as exc:
        problems += str(exc).splitlines()
        flows = {}
    try:
        problems += form_problems(load_forms(settings.flows_dir / "forms"), {k: v.flow for k, v in flows.items()})
    except FormError as exc:
        problems.append(str(exc))
    known = catalog.keys()
    for path in sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("flows/*.py")]):
        for key in sorted(set(re.findall(r'Text\(\s*"([a-z0-9-]+)"', path.read_text(encoding="utf-8")))):
            for language, keys in sorted(known.items()):
                if key not in keys:
                    problems.append(f"{path.relative_to(ROOT)}: message '{key}' is missing in '{language}'")
    try:
        load_id_provinces()
    except (OSError, ValueError) as exc:
        problems.append(f"personal ID province codes: {exc}")
    problems += offices_problems(settings)
    if settings.vsic_file.exists():
        problems += keyword_problems(load_vsic(settings.vsic_file))
    problems += places.problems()
    return problems


def offices_problems(settings: Settings) -> list[str]:
    """Return what makes the offices file unusable (every office needs a known commune, an admin chat, officials)."""
    try:
        known = {commune.code: commune.name for province in places.provinces() for commune in places.communes(province.code)}
        return office_problems(load_offices(settings.offices_file), known)
    except Exception as exc:  # noqa: BLE001 - report any configuration error by name
        return [str(exc)]


def admin_chats(offices: Offices) -> tuple[int, ...]:
    """Return the chats where officials work: every office's admin chat, and the supervisors' chat."""
    chats = offices.admin_chats()
    if offices.supervisors_chat is not None and offices.supervisors_chat not in chats:
        chats += (offices.supervisors_chat,)
    return chats


def run_check(settings: Settings) -> int:
    """Print problems and return the exit code."""
    problems = check(settings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("OK: flows, locales, place data and configuration are valid")
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


BOT_COMMANDS = (
    ("start", "Menu chính"), ("help", "Hướng dẫn"), ("back", "Quay lại câu trước"), ("cancel", "Hủy hồ sơ đang khai"),
    ("review", "Xem lại hồ sơ đang khai"), ("mydossiers", "Hồ sơ của tôi"), ("lookup", "Tra cứu hồ sơ"),
    ("feedback", "Góp ý"), ("privacy", "Dữ liệu của tôi"), ("deletemydata", "Xóa hồ sơ khai dở"), ("language", "Ngôn ngữ / Language"),
)


async def start_telegram(services: Services, *, base_url: str, base_file_url: str, webhook: bool = False, album_wait: float = 1.0):
    """Start the bot (our polling loop, or our webhook route) and the outbox's sender; return the PTB
    application (used for its bot) and the channel."""
    from telegram import BotCommand, Update

    from bot.channels.telegram import TelegramChannel, build_application
    from bot.media import start_web

    settings = services.settings
    application = build_application(settings.telegram_token, base_url=base_url, base_file_url=base_file_url)
    channel = TelegramChannel(services.desk, services.catalog, services.dispatcher, admin_chats(services.offices), album_wait=album_wait)
    channel.install(application)
    services.dispatcher.register(channel)
    services.dispatcher.admin = channel
    await application.initialize()
    application.bot_data.update(channel=channel, services=services)
    if services.sender.task is None:
        services.sender.start()  # first: what a previous run left unsent goes out before anything new
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in BOT_COMMANDS])
    if webhook:
        from aiohttp import web

        channel.webhook_secret = settings.telegram_webhook_secret
        application.bot_data["web"] = await start_web(
            settings.telegram_webhook_listen, settings.telegram_webhook_port, [web.post("/telegram", channel.webhook)]
        )
        channel.intake.resume()
        await application.bot.set_webhook(settings.telegram_webhook_url, secret_token=settings.telegram_webhook_secret or None,
                                          allowed_updates=Update.ALL_TYPES)
    else:
        await application.bot.delete_webhook()
        channel.start_polling()
    return application, channel


async def stop_telegram(application) -> None:
    """Stop polling (or the webhook route), processing and sending; what is unfinished waits in the database."""
    channel = application.bot_data.get("channel")
    if channel is not None:
        await channel.stop()
    web = application.bot_data.pop("web", None)
    if web is not None:
        await web.cleanup()
    services = application.bot_data.get("services")
    if services is not None:
        await services.sender.stop()
    await application.shutdown()


async def start_zalo(services: Services, *, base_url: str, web_port: int | None = None):
    """Start the Zalo channel (polling, or webhook through the bot's web server) and its media links."""
    from aiohttp import web as aioweb

    from bot.channels.zalo.channel import ZaloChannel
    from bot.channels.zalo.client import ZaloClient
    from bot.channels.zalo.webhook import WebhookHandler
    from bot.media import MediaLinks, media_routes, start_web

    settings = services.settings
    client = ZaloClient(settings.zalo_token, base_url=base_url)
    links = MediaLinks(callback_secret(settings.data_dir), settings.public_base_url)
    channel = ZaloChannel(client, services.desk, services.catalog, services.dispatcher, links=links)
    services.dispatcher.register(channel)
    if services.sender.task is None:
        services.sender.start()
    routes = media_routes(links, services.blobs)
    webhook = None
    if settings.zalo_webhook_url:
        webhook = WebhookHandler(settings.zalo_webhook_secret, channel.on_update)
        routes.append(aioweb.post("/zalo/webhook", webhook.handle))
    runner = await start_web(settings.web_host, settings.web_port if web_port is None else web_port, routes)
    if not settings.public_base_url:
        host, port = runner.addresses[0][:2]
        links.public_base_url = f"http://{host}:{port}"
    if webhook is not None:
        channel.intake.resume()
        await client.set_webhook(settings.zalo_webhook_url, settings.zalo_webhook_secret)
    else:
        await client.delete_webhook()
        channel.start_polling()
    return channel, client, runner


async def stop_zalo(channel, client, runner) -> None:
    """Stop polling, the web server and the HTTP client."""
    await channel.stop()
    await runner.cleanup()
    await client.close()


async def start_sandbox(settings: Settings, *, port: int | None = None):
    """Start the local Telegram- and Zalo-compatible server with the demo bots, people, the offices' groups and the
    supervisors' group (those of the offices file: sandbox/demo.py matches bot/offices.yaml)."""
    from sandbox import demo
    from sandbox.server import SandboxServer

    server = SandboxServer(settings.sandbox_host, settings.sandbox_port if port is None else port, rate_limits=True)
    demo.populate(server, load_offices(settings.offices_file))
    await server.start()
    sandbox_settings = replace(settings, telegram_token=demo.TOKEN, zalo_token=settings.zalo_token or demo.ZALO_TOKEN)
    return server, sandbox_settings


async def serve(settings: Settings) -> int:
    """Run the service until interrupted: on Telegram with a token, otherwise on the embedded sandbox."""
    from bot.housekeeping import run_housekeeping

    server = None
    if settings.telegram_token:
        base_url, file_url = settings.telegram_base_url, settings.telegram_base_file_url
    else:
        try:
            server, settings = await start_sandbox(settings)
        except OSError as exc:
            print(f"cannot start the sandbox on {settings.sandbox_host}:{settings.sandbox_port} ({exc.strerror}); "
                  "set SANDBOX_PORT to a free port", file=sys.stderr)
            return 2
        base_url, file_url = server.bot_api_url, server.file_url
    services = build(settings)
    application, _ = await start_telegram(services, base_url=base_url, base_file_url=file_url,
                                          webhook=bool(settings.telegram_webhook_url and settings.telegram_token))
    zalo = None
    if settings.zalo_token:
        on_sandbox = server is not None and server.zalo.world.bot_by_token(settings.zalo_token) is not None
        zalo = await start_zalo(services, base_url=server.zalo_base_url if on_sandbox else settings.zalo_base_url)
    sweeper = asyncio.create_task(run_housekeeping(services, services.dispatcher))
    if server is not None:
        print(f"motcua sandbox: open {server.base_url} — file a dossier as a citizen, decide as an official. Ctrl-C stops.", flush=True)
    else:
        print("motcua is serving on Telegram. Ctrl-C stops.", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    sweeper.cancel()
    if zalo is not None:
        await stop_zalo(*zalo)
    await stop_telegram(application)
    if server is not None:
        await server.stop()
    services.db.close()
    return 0


def configure_logging() -> None:
    """Log to stderr; keep HTTP client logs (which carry the bot token in URLs) out."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "telegram", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


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
    if args.command is None:
        problems = offices_problems(settings) if settings.telegram_token else []
        if problems:
            print("\n".join(["cannot start: the offices file is not ready for Telegram", *problems]), file=sys.stderr)
            return 2
        configure_logging()
        return asyncio.run(serve(settings))
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
    return asyncio.run(run_simulator(services, args.flow))


if __name__ == "__main__":
    sys.exit(main())
