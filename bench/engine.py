"""Engine section: N citizens each file a full birth registration through ``Desk.handle``, in one process.

Every citizen plays the happy-path transcript's inputs; their inputs are interleaved (a seeded shuffled
merge). The desk is wired by ``main.build`` on a durable SQLite file in a temporary folder (WAL,
``synchronous=NORMAL`` as the app opens it; ``FULL`` is measured on fewer citizens). Photos are
pre-made JPEGs; ``Desk.analyse`` returns their precomputed reports, so photo analysis (see
bench/photos.py) is not in these figures, but hashing, storing and recording the photos is.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

from bot.desk import DossierSubmitted
from bot.effects import Say
from bot.events import ButtonPressed, Citizen, CommandReceived, PhotoReceived, PhotoRef, TextReceived
from bot.settings import load_settings
from bench.common import (
    FIRST_USER_ID, RESULTS_DIR, Input, MemoAnalyse, fixed_clock, happy_path, interleave, metric, percentile,
    photo_pool, photo_positions, pool_index, proc_status_mb, section,
)

TARGET_INPUTS_PER_S = 10_000
FULL_SYNC_CITIZENS = 500  # citizens for the synchronous=FULL comparison (at most)
PROFILE_CITIZENS = 1_000


def citizen_of(index: int) -> Citizen:
    """The index-th benchmark citizen (on the "telegram" channel)."""
    return Citizen("telegram", str(FIRST_USER_ID + index))


def pool_refs(pool: list[bytes]) -> list[PhotoRef]:
    """Platform references to the pool photos, as an adapter would build them before downloading."""
    return [PhotoRef(file_ref=f"pool-{k}", size=len(data), mime="image/jpeg") for k, data in enumerate(pool)]


def make_event(citizen: Citizen, index: int, step: int, item: Input, positions: list[int], refs: list[PhotoRef]):
    """Turn one abstract input of citizen ``index`` into the desk event an adapter would produce."""
    if item.kind == "command":
        return CommandReceived(citizen, item.value)
    if item.kind == "text":
        return TextReceived(citizen, item.value)
    if item.kind == "press":
        return ButtonPressed(citizen, item.value)
    photos = tuple(refs[pool_index(index, position)] for position in positions)
    return PhotoReceived(citizen, photos, album_id=f"album-{index}-{step}" if len(photos) > 1 else "")


def bench_settings(data_dir: Path):
    """Settings as the app reads them, with DATA_DIR pointing at a benchmark folder (no .env)."""
    return load_settings({"DATA_DIR": str(data_dir)}, dotenv=data_dir / "no.env")


async def play(desk, catalog, citizens: int, inputs: list[Input], pool: list[bytes]) -> dict[str, Any]:
    """Feed every citizen's inputs to the desk one at a time; return timings and counts."""
    refs = pool_refs(pool)
    positions = photo_positions(inputs)
    people = [citizen_of(i) for i in range(citizens)]

    async def fetch(ref: PhotoRef) -> bytes:
        return pool[int(ref.file_ref.split("-")[1])]

    latencies = array("d")
    submits = array("d")  # latency of each citizen's last input (sending the dossier), in order
    last_step = len(inputs) - 1
    render_seconds = 0.0
    dossiers = 0
    schedule = interleave(citizens, len(inputs))
    started = time.perf_counter()
    for index, step in schedule:
        event = make_event(people[index], index, step, inputs[step], positions[step], refs)
        begin = time.perf_counter()
        effects = await desk.handle(event, fetch)
        end = time.perf_counter()
        latencies.append(end - begin)
        if step == last_step:
            submits.append(end - begin)
        for effect in effects:
            if isinstance(effect, Say):
                catalog.render("vi", effect.text)
                for row in effect.buttons:
                    for button in row:
                        catalog.render("vi", button.label)
            elif isinstance(effect, DossierSubmitted):
                dossiers += 1
        render_seconds += time.perf_counter() - end
    elapsed = time.perf_counter() - started - render_seconds
    return {"inputs": len(schedule), "seconds": elapsed, "latencies": latencies, "render_seconds": render_seconds,
            "dossiers": dossiers, "submits": submits}


def run_once(citizens: int, inputs: list[Input], pool: list[bytes], synchronous: str = "NORMAL") -> dict[str, Any]:
    """Build the app on a fresh temporary data folder and play all citizens; return the figures."""
    import main

    with tempfile.TemporaryDirectory(prefix="motcua-bench-engine-") as folder:
        data_dir = Path(folder)
        services = main.build(bench_settings(data_dir))
        services.db.conn.execute(f"PRAGMA synchronous={synchronous}")
        services.desk.clock = fixed_clock
        services.desk.analyse = MemoAnalyse(pool)
        result = asyncio.run(play(services.desk, services.catalog, citizens, inputs, pool))
        database = data_dir / "motcua.sqlite"
        wal = Path(str(database) + "-wal")
        result["db_bytes"] = database.stat().st_size
        result["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
        result["stored_dossiers"] = services.db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        result["rss_mb"] = proc_status_mb("VmRSS")
        services.db.close()
    return result


def summary(result: dict[str, Any]) -> dict[str, float]:
    """Throughput and latency figures of one run."""
    latencies = list(result["latencies"])
    submits = list(result["submits"])
    tenth = max(1, len(submits) // 10)
    return {
        "submit_first_tenth_p50_ms": round(percentile(submits[:tenth], 0.5) * 1000, 3),
        "submit_last_tenth_p50_ms": round(percentile(submits[-tenth:], 0.5) * 1000, 3),
        "inputs": result["inputs"],
        "seconds": round(result["seconds"], 3),
        "inputs_per_s": round(result["inputs"] / result["seconds"], 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "max_ms": round(max(latencies) * 1000, 3),
    }


def bench_engine(citizens: int = 10_000, *, quick: bool = False, results_dir: Path = RESULTS_DIR) -> dict[str, Any]:
    """Run the engine section and return its result."""
    inputs = happy_path()
    pool = photo_pool(results_dir)
    normal = run_once(citizens, inputs, pool, "NORMAL")
    figures = summary(normal)
    full_citizens = min(citizens, FULL_SYNC_CITIZENS)
    full = summary(run_once(full_citizens, inputs, pool, "FULL"))
    db_mb = (normal["db_bytes"] + normal["wal_bytes"]) / 1e6
    render_us = normal["render_seconds"] / normal["inputs"] * 1e6
    notes = [
        f"{citizens} citizens x {len(inputs)} inputs (the happy-path transcript), shuffled merge, one input at a time",
        "photo analysis replaced by precomputed reports (see the photos section); storage, hashing and receipts included",
    ]
    if normal["dossiers"] != citizens or normal["stored_dossiers"] != citizens:
        notes.append(f"WARNING: {normal['dossiers']} dossiers submitted ({normal['stored_dossiers']} stored), expected {citizens}")
    metrics = [
        metric("inputs/s (WAL, synchronous=NORMAL)", figures["inputs_per_s"], "inputs/s", target=TARGET_INPUTS_PER_S),
        metric("latency p50 per input", figures["p50_ms"], "ms"),
        metric("latency p99 per input", figures["p99_ms"], "ms"),
        metric("sending the dossier, p50 of the first / last tenth", figures["submit_first_tenth_p50_ms"], "ms",
               note=f"last tenth {figures['submit_last_tenth_p50_ms']} ms"),
        metric("inputs", figures["inputs"], ""),
        metric("time", figures["seconds"], "s"),
        metric("database size (file + WAL)", round(db_mb, 1), "MB", note=f"{db_mb * 1e3 / citizens:.1f} kB per dossier"),
        metric(f"inputs/s (synchronous=FULL, {full_citizens} citizens)", full["inputs_per_s"], "inputs/s",
               target=TARGET_INPUTS_PER_S),
        metric("rendering the replies (not in the figures above)", round(render_us, 1), "µs/input"),
        metric("resident memory after the run", round(normal["rss_mb"], 1), "MB"),
    ]
    details = {"citizens": citizens, "inputs_per_citizen": len(inputs), "normal": figures, "full": full,
               "full_citizens": full_citizens, "db_bytes": normal["db_bytes"], "wal_bytes": normal["wal_bytes"],
               "dossiers": normal["dossiers"], "render_us_per_input": round(render_us, 2)}
    return section(metrics, details, notes)


def profile_engine(citizens: int = PROFILE_CITIZENS, *, results_dir: Path = RESULTS_DIR, top: int = 25) -> dict[str, Any]:
    """Run the engine section under cProfile; save the stats and return the top functions as text."""
    inputs = happy_path()
    pool = photo_pool(results_dir)
    profiler = cProfile.Profile()
    profiler.enable()
    result = run_once(citizens, inputs, pool, "NORMAL")
    profiler.disable()
    results_dir.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(str(results_dir / "engine.prof"))
    report = {}
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order).print_stats(top)
        report[order] = buffer.getvalue()
    report["inputs"] = result["inputs"]
    report["seconds_profiled"] = round(result["seconds"], 3)
    return report
