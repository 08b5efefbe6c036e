"""Wire section: 100 citizens file at once over HTTP, through the sandbox's Bot API, to the real bot.

The sandbox (sandbox/, standing in for Telegram, rate limits off) and the citizens (SandboxClient) run
in this process; motcua runs in a child process (``python -m bench.wire bot ...``) started the way
``main.serve`` starts it (``main.start_telegram``: long polling, real HTTP client, real photo checks),
with the transcript's fixed clock. Each citizen plays the happy path, waiting for the bot's answer to each
input (until the bot is quiet for a moment) before the next. Without the Telegram adapter the section is
skipped with a note.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CITIZENS = 100
QUIET_S = 0.05  # the bot's answer is complete when nothing new came for this long
REPLY_TIMEOUT = 30.0
READY_TIMEOUT = 60.0
SECTION_TIMEOUT = 600.0  # the whole run, at most
BOT_TOKEN = "123:ABC"


def cpu_seconds() -> float:
    """CPU time (user + system) this process used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def wait_answer(user, timeout: float = REPLY_TIMEOUT) -> float:
    """Wait for the bot's first message after the citizen's last action, then until it is quiet; return the
    moment (perf_counter) the first message was seen."""
    await user.wait_for(lambda message: True, timeout=timeout)
    arrived = time.perf_counter()
    chat = user.id
    cursor = user._cursor.get(chat, 0)  # noqa: SLF001 - the client's own per-chat position
    for _ in range(50):  # bounded: a reply has far fewer messages than this
        log = await user.client.log(chat, cursor, timeout=QUIET_S, user_id=user.id)
        events = [e for e in log["events"] if (e.get("message") or {}).get("from", {}).get("is_bot")]
        if not events:
            break
        cursor = max(e["seq"] for e in events)
    user._cursor[chat] = max(cursor, user._cursor.get(chat, 0))  # noqa: SLF001
    return arrived


async def citizen(client, index: int, inputs, positions, pool, latencies: dict, failures: list) -> None:
    """One citizen files the happy path over the wire."""
    from bench.common import FIRST_USER_ID, pool_index

    user = await client.user(FIRST_USER_ID + index, "Dân", str(index))
    for step, item in enumerate(inputs):
        begin = time.perf_counter()
        try:
            if item.kind == "command":
                await user.send("/" + item.value)
            elif item.kind == "text":
                await user.send(item.value)
            elif item.kind == "press":
                await press(user, item.value)
            elif item.photos > 1:
                await user.send_album([pool[pool_index(index, p)] for p in positions[step]])
            else:
                await user.send_photo(pool[pool_index(index, positions[step][0])])
            arrived = await wait_answer(user)
        except Exception as exc:  # noqa: BLE001 - a citizen who got stuck is reported, the others go on
            failures.append(f"citizen {index} input {step}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            return
        latencies.setdefault(item.kind, []).append(arrived - begin)


async def press(user, data: str, attempts: int = 20) -> None:
    """Press a button, retrying briefly while the message carrying it is still on its way."""
    for attempt in range(attempts):
        try:
            await user.click(data)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.05)


def start_bot(server, data_dir: Path, log) -> subprocess.Popen:
    """Start motcua in a child process against the sandbox (its stderr goes to ``log``, a file)."""
    from bench.common import ROOT

    profile = os.environ.get("BENCH_WIRE_PROFILE")  # a file: run the bot under cProfile and save its stats there
    command = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else []), "-m", "bench.wire", "bot",
               "--data-dir", str(data_dir), "--base-url", server.bot_api_url, "--file-url", server.file_url]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True)


async def wait_ready(process: subprocess.Popen, timeout: float = READY_TIMEOUT) -> str:
    """Wait for the child's 'ready' line; return '' when ready, else the reason."""
    loop = asyncio.get_running_loop()
    try:
        line = await asyncio.wait_for(loop.run_in_executor(None, process.stdout.readline), timeout)
    except asyncio.TimeoutError:
        return f"the bot did not start within {timeout:.0f} s"
    return "" if line.strip() == "ready" else f"the bot did not start: {line.strip() or 'no output'}"


async def run(citizens: int, results_dir: Path) -> dict[str, Any]:
    """Start the sandbox and the bot, let the citizens file, stop everything; return figures."""
    from bench.adapter import OFFICIAL_ID
    from bench.common import happy_path, photo_pool, photo_positions
    from bench.telegram_offline import ADMIN_CHAT_ID
    from sandbox.client import SandboxClient
    from sandbox.server import SandboxServer

    inputs, pool = happy_path(), photo_pool(results_dir)
    positions = photo_positions(inputs)
    server = SandboxServer("127.0.0.1", 0, rate_limits=False)
    server.add_bot(BOT_TOKEN, "motcua_bench_bot", "Một cửa")
    server.state.add_user("Cán bộ", user_id=OFFICIAL_ID, language_code="vi")
    server.state.add_group("Một cửa – cán bộ", chat_id=ADMIN_CHAT_ID, members=[OFFICIAL_ID], bot_status="administrator")
    await server.start()
    latencies: dict[str, list[float]] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="motcua-bench-wire-") as folder, \
            open(Path(folder) / "bot.log", "w+", encoding="utf-8") as log:
        process = start_bot(server, Path(folder) / "data", log)
        try:
            problem = await wait_ready(process)
            if problem:
                log.seek(0)
                return {"error": problem + " " + " | ".join(log.read().strip().splitlines()[-3:])}
            async with SandboxClient(server.base_url) as client:
                started, cpu_started = time.perf_counter(), cpu_seconds()
                await asyncio.gather(*(citizen(client, i, inputs, positions, pool, latencies, failures)
                                       for i in range(citizens)))
                seconds, harness_cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:  # in a thread: the sandbox in this loop must keep answering the bot while it shuts down
                out, _ = await asyncio.to_thread(process.communicate, None, 30)
            except subprocess.TimeoutExpired:
                process.kill()
                out, _ = await asyncio.to_thread(process.communicate)
            await server.stop()
            log.seek(0)
            errors = log.read().strip().splitlines()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    bot = json.loads(lines[-1]) if lines else {"error": " | ".join(errors[-3:]) or "no output"}
    bot["log_lines"], bot["log_tail"] = len(errors), errors[-5:]
    bot["log_head"] = errors[:8]
    return {"inputs": sum(map(len, latencies.values())), "seconds": seconds, "by_kind": latencies, "failures": failures,
            "harness_cpu_s": round(harness_cpu, 2), "bot": bot}


def bench_wire(citizens: int = CITIZENS, *, quick: bool = False, results_dir: Path | None = None) -> dict[str, Any]:
    """Run the wire section (skipped with a note when the adapter is missing) and return its result."""
    from bench.adapter import load_adapter
    from bench.common import RESULTS_DIR, happy_path, metric, percentile, section, skipped
    from bench.telegram_offline import kind_percentiles

    module, reason = load_adapter()
    if module is None:
        return skipped(reason)
    import main

    if not hasattr(main, "start_telegram"):
        return skipped("main.start_telegram does not exist yet: not measured")
    try:
        result = asyncio.run(asyncio.wait_for(run(citizens, results_dir or RESULTS_DIR), SECTION_TIMEOUT))
    except asyncio.TimeoutError:
        return section([], notes=[f"not measured: the run exceeded {SECTION_TIMEOUT:.0f} s"], status="error")
    if "error" in result:
        return section([], notes=[result["error"]], status="error")
    latencies = [value for values in result["by_kind"].values() for value in values]
    notes = [f"{citizens} citizens at once over HTTP (127.0.0.1), sandbox without rate limits; each waits for the "
             f"bot's answer (quiet for {QUIET_S * 1000:.0f} ms) before the next input, which caps the rate",
             "real photo checks in the bot process; the sandbox and the citizens share the other process, and when it "
             "uses more CPU than the bot the rate and latencies are the harness's, not motcua's (compare the CPU figures)"]
    notes += [f"FAILED: {failure}" for failure in result["failures"][:5]]
    expected = citizens * len(happy_path())
    metrics = [
        metric("inputs/s over the wire", round(result["inputs"] / result["seconds"], 1), "inputs/s"),
        metric("round trip p50 (input sent to first reply seen)", round(percentile(latencies, 0.5) * 1000, 1), "ms"),
        metric("round trip p99", round(percentile(latencies, 0.99) * 1000, 1), "ms"),
        metric("bot CPU per input (process total after start-up)", _per_input_ms(result["bot"].get("cpu_s"), result["inputs"]),
               "ms", note=f"sandbox + citizens: {_per_input_ms(result['harness_cpu_s'], result['inputs'])} ms per input"),
        metric("inputs answered", result["inputs"], "", note=f"of {expected}"),
        metric("dossiers stored", result["bot"].get("dossiers"), "", note=f"of {citizens}"),
        metric("bot resident memory at the end", result["bot"].get("rss_mb"), "MB"),
    ]
    details = {"latency_by_kind": kind_percentiles(result["by_kind"]), **{k: v for k, v in result.items() if k != "by_kind"}}
    return section(metrics, details, notes)


async def serve_bot(args: argparse.Namespace) -> dict[str, Any]:
    """In the child: run motcua against the sandbox until SIGTERM; return what it stored."""
    import main
    from bench.adapter import build_services
    from bench.common import proc_status_mb
    from bot.photos import analyse

    services = build_services(Path(args.data_dir), [])
    services.desk.analyse = analyse  # the real checks, over the wire
    application, _channel = await main.start_telegram(services, base_url=args.base_url, base_file_url=args.file_url)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    ready_cpu = cpu_seconds()
    print("ready", flush=True)
    await stop.wait()
    cpu_s = cpu_seconds() - ready_cpu
    await main.stop_telegram(application)
    figures = {"dossiers": services.db.execute("SELECT count(*) FROM dossiers").fetchone()[0], "cpu_s": round(cpu_s, 2),
               "rss_mb": round(proc_status_mb("VmRSS"), 1), "rss_peak_mb": round(proc_status_mb("VmHWM"), 1)}
    services.db.close()
    return figures


def main_cli(argv: list[str]) -> int:
    """``python -m bench.wire bot ...`` runs motcua for the wire section and prints its figures at the end."""
    parser = argparse.ArgumentParser(prog="python -m bench.wire")
    commands = parser.add_subparsers(dest="command", required=True)
    bot = commands.add_parser("bot")
    bot.add_argument("--data-dir", required=True)
    bot.add_argument("--base-url", required=True)
    bot.add_argument("--file-url", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    print(json.dumps(asyncio.run(serve_bot(args))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main_cli(sys.argv[1:]))


def _per_input_ms(cpu_s: float | None, inputs: int) -> float | None:
    """CPU milliseconds per input, or None when unknown."""
    return round(cpu_s * 1000 / inputs, 2) if cpu_s is not None and inputs else None
