"""Adapter section: motcua's own Telegram adapter (bot/channels/telegram.py) fed the baseline's updates offline.

The service is wired as ``main.build`` does, the PTB application with ``LocalRequest`` (no network), and
the same happy-path updates as the baseline are played through ``Application.process_update``. Photos
are downloaded through getFile (answered locally) and checked by the injected precomputed reports, so
the figure is adapter + PTB + desk + storage. The application's own concurrency setting is respected.
The adapter module is imported lazily: without it the section is skipped with a note.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import tempfile
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

ADAPTER_MODULE = "bot.channels.telegram"
OFFICIAL_ID = 2001
MAX_LANES = 256  # concurrent citizens at most (PTB's concurrent_updates=True allows 256)
DRAIN_TIMEOUT = 30.0  # seconds to wait for the adapter's background tasks (album flushes) at the end


def load_adapter():
    """Import the adapter module, or return None (and the reason) when it does not exist yet."""
    try:
        return importlib.import_module(ADAPTER_MODULE), ""
    except ModuleNotFoundError as exc:
        if exc.name and (ADAPTER_MODULE.startswith(exc.name) or exc.name.startswith(ADAPTER_MODULE)):
            return None, f"{ADAPTER_MODULE} does not exist yet: not measured"
        raise


def wire(module, services, request, updates_request):
    """Build the adapter's PTB application on the services, whichever of its two known shapes it has."""
    from bench.telegram_offline import BASE_FILE_URL, BASE_URL

    settings = services.settings
    parameters = list(inspect.signature(module.build_application).parameters)
    if parameters and parameters[0] == "services":
        return module.build_application(services, settings, request=request, get_updates_request=updates_request), None
    application = module.build_application(settings.telegram_token, base_url=BASE_URL, base_file_url=BASE_FILE_URL,
                                           request=request, get_updates_request=updates_request)
    if "admin_chats" in inspect.signature(module.TelegramChannel).parameters:  # per-office admin chats (offices file)
        import main

        admin = main.admin_chats(services.offices)
    else:
        admin = settings.admin_chat_id
    channel = module.TelegramChannel(services.desk, services.catalog, services.dispatcher, admin)
    channel.install(application)
    services.dispatcher.register(channel)
    services.dispatcher.admin = channel
    if hasattr(channel, "receive"):  # the durable inbox: an update is stored, then processed by the intake
        from telegram import Update
        from telegram.ext import TypeHandler

        async def store(update, context) -> None:
            channel.receive(update)

        application.add_handler(TypeHandler(Update, store))
    return application, channel


def build_services(data_dir: Path, pool: list[bytes]):
    """Wire motcua as main.build does, with a bot token, an admin chat, the fixed clock and memoised photo reports."""
    import main
    from bench.common import MemoAnalyse, fixed_clock
    from bench.engine import bench_settings
    from bench.telegram_offline import ADMIN_CHAT_ID, TOKEN

    settings = replace(bench_settings(data_dir), telegram_token=TOKEN)
    if "admin_chat_id" in {f.name for f in fields(settings)}:  # before the offices file held admin chats and officials
        settings = replace(settings, admin_chat_id=ADMIN_CHAT_ID, officials=frozenset({OFFICIAL_ID}))
    if "clock" in inspect.signature(main.build).parameters:
        services = main.build(settings, clock=fixed_clock)
    else:
        services = main.build(settings)
    services.desk.clock = fixed_clock
    services.desk.analyse = MemoAnalyse(pool)
    return services


async def drain(channel, timeout: float = DRAIN_TIMEOUT) -> None:
    """Wait for the adapter's background tasks (album flushes) to finish."""
    deadline = time.perf_counter() + timeout
    while channel is not None and getattr(channel, "tasks", None) and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)


async def play(module, citizens: int, data_dir: Path, pool: list[bytes]) -> dict[str, Any]:
    """Build, start and feed the adapter's application; return timings and counts."""
    from bench.common import happy_path, proc_status_mb
    from bench.telegram_offline import LocalRequest, feed, pool_files

    services = build_services(data_dir, pool)
    request = LocalRequest(pool_files(pool))
    started = time.perf_counter()
    application, channel = wire(module, services, request, LocalRequest())
    await application.initialize()
    await application.start()
    sender = getattr(services, "sender", None)
    if sender is not None:
        sender.start()
    startup_s = time.perf_counter() - started
    lanes = max(1, min(MAX_LANES, citizens, application.update_processor.max_concurrent_updates))
    result = await feed(application, request, pool, happy_path(), citizens, lanes=lanes)
    await drain(channel)
    if sender is not None:
        await sender.idle(DRAIN_TIMEOUT)
        await sender.stop()
        await channel.stop()
    await application.stop()
    await application.shutdown()
    result["lanes"] = lanes
    result["startup_s"] = startup_s
    result["dossiers"] = services.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    result["rss_mb"] = proc_status_mb("VmRSS")
    services.db.close()
    return result


def bench_adapter_offline(citizens: int = 2_000, *, quick: bool = False, results_dir: Path | None = None,
                          baseline_rate: float | None = None) -> dict[str, Any]:
    """Run the adapter section (skipped with a note when the adapter is missing) and return its result."""
    from bench.common import RESULTS_DIR, metric, percentile, photo_pool, section, skipped
    from bench.telegram_offline import kind_percentiles

    module, reason = load_adapter()
    if module is None:
        return skipped(reason)
    pool = photo_pool(results_dir or RESULTS_DIR)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-adapter-") as folder:
        run = asyncio.run(play(module, citizens, Path(folder), pool))
    latencies = list(run["latencies"])
    rate = round(run["inputs"] / run["seconds"], 1)
    notes = [
        f"{citizens} citizens x {run['inputs'] // citizens} inputs, the baseline's updates, up to {run['lanes']} "
        f"citizens at a time (the application's concurrency) and no think time, so the event loop is saturated: "
        f"every real suspension (getFile, download, to_thread) waits one pass over all busy citizens, which is why "
        f"photo inputs take seconds here (see latency_by_kind)",
        f"API calls answered in memory: {run['calls']}",
        "albums are gathered with the adapter's own wait after the last part; photo checks use precomputed reports",
    ]
    if run["dossiers"] != citizens or run["unanswered"]:
        notes.append(f"WARNING: {run['dossiers']} dossiers stored of {citizens}; {run['unanswered']} inputs unanswered")
    metrics = [
        metric("inputs/s through PTB + adapter + desk", rate, "inputs/s", target=3_000),
        metric("latency p50 per input", round(percentile(latencies, 0.5) * 1000, 3), "ms"),
        metric("latency p99 per input", round(percentile(latencies, 0.99) * 1000, 3), "ms"),
        metric("latency p99, typed and pressed inputs", _p99_without_photos(run["by_kind"]), "ms"),
        metric("Bot API calls per input", round(sum(run["calls"].values()) / run["inputs"], 2), ""),
    ]
    if baseline_rate:
        metrics.append(metric("throughput ratio motcua / baseline", round(rate / baseline_rate, 2), "x"))
    details = {"citizens": citizens, "inputs_per_s": rate, "latency_by_kind": kind_percentiles(run["by_kind"]),
               **{k: v for k, v in run.items() if k not in ("latencies", "by_kind")}}
    return section(metrics, details, notes)


def _p99_without_photos(by_kind: dict[str, list[float]]) -> float:
    """p99 latency in ms of the inputs that are not photos (albums wait for their last part)."""
    from bench.common import percentile

    values = [v for kind, items in by_kind.items() if kind != "photos" for v in items]
    return round(percentile(values, 0.99) * 1000, 3)
