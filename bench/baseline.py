"""Baseline section: the idiomatic PTB bot (bench/baselines/conversation_bot.py) fed the same updates offline.

Throughput: citizens file the happy path through ``Application.process_update`` (one update at a time,
PTB's default), with a fresh pickle file. Scale: for 10k, 100k and 1M stored conversations, a pickle
file in PicklePersistence's format (half-finished registrations at the child's date of birth) is made
once in a child process and cached; a fresh process then measures start-up (imports, building the
application, ``initialize()`` loading the pickle), resident memory, the latency of 1,000 inputs from
stored citizens, and one persistence cycle with a single changed citizen (PicklePersistence rewrites
the whole file for every changed user_data entry and every changed conversation).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PICKLE_VERSION = 1  # bump when the generated pickle changes
STORED_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000,)
INPUTS = 1_000
CHILD_TIMEOUT = 420.0  # per child process; a size that takes longer is reported as not measured
GENERATE_TIMEOUT = 420.0
NEXT_TEXT = "01/03/2026"  # the stored citizens are asked the child's date of birth


def stored_user_data(index: int) -> dict[str, Any]:
    """The answers of a half-finished registration (up to the child's sex), distinct per citizen."""
    return {
        "consent": "yes",
        "relationship": "father",
        "requester_id_card": [f"AgACAgUAAxkBAAIB{index:010d}Zm9ZAAHm1wABFrontAAEBAAMCAAN5AAM2BA",
                              f"AgACAgUAAxkBAAIB{index:010d}Zm9ZAAHm1wABBackAAAEBAAMCAAN5AAM2BA"],
        "requester_name": f"Trần Văn Bình {index}",
        "requester_id": f"{index:012d}",
        "requester_residence": f"Số {index} Lê Lợi, Phường Tân Ninh, Tây Ninh",
        "requester_phone": f"09{index % 100_000_000:08d}",
        "child_name": f"Trần Bảo An {index}",
        "child_sex": "female",
    }


def generate(path: Path, stored: int) -> float:
    """Write a PicklePersistence file with ``stored`` conversations waiting at the child's date of birth."""
    from bench.baselines.conversation_bot import CHILD_DOB, CONVERSATION
    from bench.common import FIRST_USER_ID

    started = time.perf_counter()
    users = range(FIRST_USER_ID, FIRST_USER_ID + stored)
    data = {
        "conversations": {CONVERSATION: {(user, user): CHILD_DOB for user in users}},
        "user_data": {user: stored_user_data(user - FIRST_USER_ID) for user in users},
        "chat_data": {},
        "bot_data": {"submitted": 0},
        "callback_data": None,
    }
    building = path.with_name(path.name + ".building")
    with building.open("wb") as file:
        pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
    building.replace(path)
    return time.perf_counter() - started


def cached_pickle(results_dir: Path, stored: int) -> tuple[Path | None, dict[str, Any]]:
    """Return the cached pickle with ``stored`` conversations, generating it in a child process if absent."""
    from bench.common import run_child

    folder = results_dir / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"baseline-v{PICKLE_VERSION}-{stored}.pickle"
    if path.exists():
        return path, {"reused": True}
    result = run_child("bench.baseline", ["generate", "--path", str(path), "--stored", str(stored)], GENERATE_TIMEOUT)
    return (path if path.exists() else None), result


async def throughput(citizens: int, results_dir: Path) -> dict[str, Any]:
    """Play every citizen's happy path through the baseline bot in this process."""
    from bench.baselines.conversation_bot import build_application
    from bench.common import happy_path, photo_pool, proc_status_mb
    from bench.telegram_offline import LocalRequest, feed, pool_files

    # the baseline implements the birth flow of version 1: it replays that flow's happy path
    pool, inputs = photo_pool(results_dir), happy_path(Path(__file__).parent / "baselines" / "birth_happy_path_v1.yaml")
    with tempfile.TemporaryDirectory(prefix="motcua-bench-baseline-") as folder:
        request = LocalRequest(pool_files(pool))
        application = build_application(Path(folder) / "bot.pickle", request=request, get_updates_request=LocalRequest())
        await application.initialize()
        result = await feed(application, request, pool, inputs, citizens, lanes=1)
        result["submitted"] = application.bot_data.get("submitted", 0)
        result["rss_mb"] = proc_status_mb("VmRSS")
        await application.shutdown()  # writes the pickle once (not timed)
    return result


def child(args: argparse.Namespace) -> dict[str, Any]:
    """In a fresh process: start the bot on a pickle file, then measure (see module doc)."""
    started = time.perf_counter()
    import asyncio

    from telegram import Update

    from bench.baselines.conversation_bot import build_application
    from bench.common import percentile, proc_status_mb
    from bench.telegram_offline import LocalRequest, UpdateFactory

    imported = time.perf_counter()
    chosen = random.Random(args.seed).sample(range(args.stored), min(args.stored, args.inputs + 1))

    async def run() -> dict[str, Any]:
        request = LocalRequest()
        application = build_application(args.pickle, request=request, get_updates_request=LocalRequest())
        await application.initialize()
        ready = time.perf_counter()
        rss_startup = proc_status_mb("VmRSS")
        factory = UpdateFactory([], request)
        bot = application.bot

        async def one(citizen: int) -> float:
            begin = time.perf_counter()
            await application.process_update(Update.de_json(factory.message(citizen, text=NEXT_TEXT), bot))
            return time.perf_counter() - begin

        first_s = await one(chosen[0])
        begin = time.perf_counter()
        await application.update_persistence()
        cycle_s = time.perf_counter() - begin
        latencies = [await one(citizen) for citizen in chosen[1:]]
        figures = {
            "import_s": round(imported - started, 3),
            "build_and_load_s": round(ready - imported, 3),
            "startup_s": round(ready - started, 3),
            "first_reply_ms": round(first_s * 1000, 2),
            "rss_startup_mb": round(rss_startup, 1),
            "rss_after_mb": round(proc_status_mb("VmRSS"), 1),
            "rss_peak_mb": round(proc_status_mb("VmHWM"), 1),
            "persistence_cycle_one_citizen_s": round(cycle_s, 3),
            "inputs": len(latencies),
            "replies": request.calls["sendMessage"],
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 3),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
            "conversations": len(application.persistence.conversations.get("birth_registration", {})),
        }
        return figures

    return asyncio.run(run())


def measure(path: Path, stored: int, seed: int) -> dict[str, Any]:
    """Copy the pickle into a temporary folder (the child rewrites it) and run the child on it."""
    from bench.common import run_child

    with tempfile.TemporaryDirectory(prefix="motcua-bench-pickle-") as folder:
        copy = Path(folder) / "bot.pickle"
        shutil.copyfile(path, copy)
        result = run_child("bench.baseline", ["child", "--pickle", str(copy), "--stored", str(stored),
                                              "--seed", str(seed), "--inputs", str(min(INPUTS, stored - 1))], CHILD_TIMEOUT)
    result["pickle_mb"] = round(path.stat().st_size / 1e6, 1)
    return result


def bench_baseline(citizens: int = 2_000, *, quick: bool = False, results_dir: Path | None = None,
                   sizes: tuple[int, ...] | None = None) -> dict[str, Any]:
    """Run the baseline section and return its result."""
    import asyncio

    from bench.common import RESULTS_DIR, SEED, metric, percentile, section
    from bench.telegram_offline import kind_percentiles

    results_dir = results_dir or RESULTS_DIR
    sizes = sizes or (QUICK_SIZES if quick else STORED_SIZES)
    run = asyncio.run(throughput(citizens, results_dir))
    latencies = list(run["latencies"])
    rate = round(run["inputs"] / run["seconds"], 1)
    notes = [f"{citizens} citizens x {run['inputs'] // citizens} inputs, one update at a time (PTB's default); "
             f"API calls answered in memory: {run['calls']}",
             "the baseline keeps photos as file ids: it downloads, checks and stores nothing"]
    if run["submitted"] != citizens or run["unanswered"]:
        notes.append(f"WARNING: {run['submitted']} registrations completed of {citizens}; {run['unanswered']} inputs unanswered")
    metrics = [
        metric("inputs/s through PTB (process_update)", rate, "inputs/s"),
        metric("latency p50 per input", round(percentile(latencies, 0.5) * 1000, 3), "ms"),
        metric("latency p99 per input", round(percentile(latencies, 0.99) * 1000, 3), "ms"),
    ]
    scale: dict[str, Any] = {}
    for stored in sizes:
        path, generated = cached_pickle(results_dir, stored)
        if path is None:
            scale[str(stored)] = {"error": f"could not generate: {generated.get('error', generated)}"}
            notes.append(f"{stored:,} conversations: not measured (generation failed or exceeded {GENERATE_TIMEOUT:.0f} s)")
            continue
        result = measure(path, stored, SEED)
        result["generated"] = generated
        scale[str(stored)] = result
        if "error" in result:
            notes.append(f"{stored:,} conversations: not measured ({result['error']}; cap {CHILD_TIMEOUT:.0f} s)")
            continue
        label = f"{stored:,} stored"
        metrics += [
            metric(f"start-up, import + build + initialize ({label})", result["startup_s"], "s"),
            metric(f"resident memory after start-up ({label})", result["rss_startup_mb"], "MB"),
            metric(f"resident memory after {result['inputs']} inputs ({label})", result["rss_after_mb"], "MB"),
            metric(f"latency p50 / p99 ({label})", result["p50_ms"], "ms", note=f"p99 {result['p99_ms']} ms"),
            metric(f"persistence cycle, 1 changed citizen ({label})", result["persistence_cycle_one_citizen_s"], "s",
                   note=f"pickle {result['pickle_mb']} MB; every changed citizen costs about as much again"),
        ]
    details = {"citizens": citizens, "latency_by_kind": kind_percentiles(run["by_kind"]),
               "throughput": {k: v for k, v in run.items() if k not in ("latencies", "by_kind")},
               "inputs_per_s": rate, "scale": scale}
    return section(metrics, details, notes)


def main_cli(argv: list[str]) -> int:
    """``python -m bench.baseline generate|child ...``: the child processes of this section."""
    parser = argparse.ArgumentParser(prog="python -m bench.baseline")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("generate")
    make.add_argument("--path", required=True, type=Path)
    make.add_argument("--stored", required=True, type=int)
    run = commands.add_parser("child")
    run.add_argument("--pickle", required=True)
    run.add_argument("--stored", required=True, type=int)
    run.add_argument("--seed", required=True, type=int)
    run.add_argument("--inputs", type=int, default=INPUTS)
    args = parser.parse_args(argv)
    if args.command == "generate":
        print(json.dumps({"generated_s": round(generate(args.path, args.stored), 2)}))
    else:
        print(json.dumps(child(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main_cli(sys.argv[1:]))
