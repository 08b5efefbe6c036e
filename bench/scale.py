"""Scale section: start-up, memory and latency with 1,000,000 stored sessions.

The parent builds (once, cached under ``<results>/cache/`` and keyed by schema version) a database of
half-finished birth registrations: the row a real desk wrote for one citizen at ``child_dob``, repeated
for distinct user ids with distinct photo hashes, plus their two draft ID-card attachments each.
Each measurement runs in a fresh process (``python -m bench.scale child ...``) on a copy of it, so the
cache stays as generated: import + ``main.build(settings)`` time, the first reply, resident memory
(VmRSS) after start-up and after 1,000 inputs from citizens spread over the stored sessions, and the
per-input latency, compared with a database holding only the sessions those inputs touch.

This module imports only the standard library at the top, so the child can time the app's imports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

DATA_VERSION = 1  # bump when the generated rows change
HALF_STEP = "child_dob"  # where the stored registrations stand
INPUTS = 1_000  # inputs after start-up, one each from distinct stored citizens
CHUNK = 50_000  # rows per executemany call
CHILD_TIMEOUT = 600.0
TARGET_STARTUP_S = 1.0
TARGET_RSS_MB = 150.0


def chosen_citizens(stored: int, count: int, seed: int) -> list[int]:
    """The stored citizens the child talks to: the first for the first reply, then ``count`` more."""
    return random.Random(seed).sample(range(stored), min(stored, count + 1))


def schema_key() -> str:
    """A short key naming the current schema (the list of migrations) and the generator's version."""
    from storage.migrations import migration_names

    names = migration_names()
    return f"{names[-1]}-{hashlib.sha256(','.join(names).encode()).hexdigest()[:8]}-v{DATA_VERSION}"


def template(results_dir: Path) -> dict[str, Any]:
    """Play one citizen to HALF_STEP through a real desk; return their session row, attachments and next input."""
    import asyncio

    import main
    from bench.common import MemoAnalyse, fixed_clock, happy_path, photo_pool, photo_positions
    from bench.engine import bench_settings, citizen_of, make_event, pool_refs

    inputs = happy_path()
    pool = photo_pool(results_dir)
    refs, positions, citizen = pool_refs(pool), photo_positions(inputs), citizen_of(0)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-template-") as folder:
        services = main.build(bench_settings(Path(folder)))
        services.desk.clock = fixed_clock
        services.desk.analyse = MemoAnalyse(pool)

        async def fetch(ref):
            return pool[int(ref.file_ref.split("-")[1])]

        async def walk() -> int:
            for step, item in enumerate(inputs):
                await services.desk.handle(make_event(citizen, 0, step, item, positions[step], refs), fetch)
                row = services.db.execute("SELECT step FROM sessions WHERE key = ?", [citizen.key]).fetchone()
                if row and row[0] == HALF_STEP:
                    return step + 1
            raise RuntimeError(f"the happy path never reached {HALF_STEP}")

        following = asyncio.run(walk())
        cursor = services.db.execute("SELECT * FROM sessions WHERE key = ?", [citizen.key])
        session = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True))
        cursor = services.db.execute("SELECT * FROM attachments WHERE owner = ? ORDER BY id", [citizen.key])
        names = [c[0] for c in cursor.description]
        attachments = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        services.db.close()
    next_input = inputs[following]
    if next_input.kind != "text":
        raise RuntimeError(f"the input after {HALF_STEP} is not a text: {next_input}")
    return {"session": session, "attachments": attachments, "next_text": next_input.value, "user_id": citizen.user_id}


def fake_sha(user_index: int, photo: int) -> str:
    """A distinct, stable content hash for a stored citizen's photo."""
    return hashlib.sha256(f"bench-{user_index}-{photo}".encode()).hexdigest()


def session_rows(tpl: dict[str, Any], indices: list[int] | range) -> Iterator[tuple]:
    """Session rows for these citizen indices, made from the template row."""
    from bench.common import FIRST_USER_ID

    session = dict(tpl["session"])
    shas = [a["sha256"] for a in tpl["attachments"]]
    answers = session["answers"].replace("%", "%%")
    for sha in shas:
        answers = answers.replace(sha, "%s")
    columns = list(session)
    start = datetime(2026, 2, 8, tzinfo=timezone.utc)
    for index in indices:
        user_id = str(FIRST_USER_ID + index)
        stamp = (start + timedelta(seconds=index * 2.5)).isoformat(timespec="seconds")
        values = dict(session, key=f"telegram:{user_id}", user_id=user_id, created_at=stamp, updated_at=stamp,
                      answers=answers % tuple(fake_sha(index, k) for k in range(len(shas))))
        yield tuple(values[c] for c in columns)


def attachment_rows(tpl: dict[str, Any], indices: list[int] | range) -> Iterator[tuple]:
    """Draft attachment rows (the ID-card photos) for these citizen indices."""
    from bench.common import FIRST_USER_ID

    rows = tpl["attachments"]
    columns = [c for c in rows[0] if c != "id"] if rows else []
    for index in indices:
        owner = f"telegram:{FIRST_USER_ID + index}"
        for k, row in enumerate(rows):
            sha = fake_sha(index, k)
            values = dict(row, sha256=sha, owner=owner, path=f"/data/blobs/{sha[:2]}/{sha}.jpg")
            yield tuple(values[c] for c in columns)


def insert_all(connection: sqlite3.Connection, table: str, columns: list[str], rows: Iterator[tuple]) -> int:
    """Insert rows in chunks of CHUNK, one transaction each; return how many."""
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    total = 0
    while True:
        chunk = [row for _, row in zip(range(CHUNK), rows, strict=False)]
        if not chunk:
            return total
        connection.execute("BEGIN")
        connection.executemany(sql, chunk)
        connection.execute("COMMIT")
        total += len(chunk)


def generate(path: Path, tpl: dict[str, Any], indices: list[int] | range) -> float:
    """Create a database at path holding these citizens' sessions and attachments; return seconds taken."""
    from storage.database import open_database

    started = time.perf_counter()
    path.unlink(missing_ok=True)
    open_database(path).close()  # the schema, as the app creates it
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-262144")  # 256 MB while building the indexes
    insert_all(connection, "sessions", list(tpl["session"]), session_rows(tpl, indices))
    if tpl["attachments"]:
        columns = [c for c in tpl["attachments"][0] if c != "id"]
        insert_all(connection, "attachments", columns, attachment_rows(tpl, indices))
    connection.execute("PRAGMA journal_mode=WAL")  # as the app leaves it
    connection.close()
    return time.perf_counter() - started


def cached_database(results_dir: Path, stored: int, tpl: dict[str, Any]) -> tuple[Path, float | None]:
    """Return the cached database with ``stored`` sessions, generating it if absent (and the seconds it took)."""
    folder = results_dir / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scale-{schema_key()}-{stored}.sqlite"
    if path.exists():
        return path, None
    for old in folder.glob(f"scale-*-{stored}.sqlite*"):
        old.unlink()  # an older schema's database: rebuilt below
    building = path.with_name(path.name + ".building")
    seconds = generate(building, tpl, range(stored))
    os.replace(building, path)
    return path, seconds


def file_mb(path: Path) -> float:
    """Size of a database file plus its WAL, in MB."""
    wal = Path(str(path) + "-wal")
    return (path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6


def measure(database: Path, stored: int, next_text: str, seed: int, inputs: int) -> dict[str, Any]:
    """Copy a database into a fresh data folder and run the child measurement on it."""
    from bench.common import run_child

    with tempfile.TemporaryDirectory(prefix="motcua-bench-scale-") as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        copy = data_dir / "motcua.sqlite"
        shutil.copyfile(database, copy)
        with open(copy, "rb+") as file:  # written out before measuring, as a long-lived database file is
            os.fsync(file.fileno())
        copy_s = time.perf_counter() - started
        result = run_child("bench.scale", ["child", "--data-dir", folder, "--stored", str(stored), "--seed", str(seed),
                                           "--inputs", str(inputs), "--text", next_text], CHILD_TIMEOUT)
        result["copy_s"] = round(copy_s, 2)
        return result


def bench_scale(stored: int = 1_000_000, *, quick: bool = False, results_dir: Path | None = None) -> dict[str, Any]:
    """Run the scale section and return its result."""
    from bench.common import RESULTS_DIR, SEED, metric, section

    results_dir = results_dir or RESULTS_DIR
    inputs = min(INPUTS, max(1, stored - 1))
    tpl = template(results_dir)
    big, generated_s = cached_database(results_dir, stored, tpl)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-small-") as folder:
        small = Path(folder) / "small.sqlite"
        generate(small, tpl, chosen_citizens(stored, inputs, SEED))
        empty = measure(small, stored, tpl["next_text"], SEED, inputs)
    full = measure(big, stored, tpl["next_text"], SEED, inputs)
    notes = [
        f"{stored:,} stored sessions at step {HALF_STEP} (+{len(tpl['attachments'])} draft attachments each); "
        f"{inputs} inputs from distinct stored citizens; warm OS page cache",
        "'small' = a database holding only the sessions the inputs touch (the same inputs, nothing else stored)",
        "start-up = importing main and its dependencies + main.build(settings), in a fresh process",
    ]
    if generated_s is not None:
        notes.append(f"generated the {stored:,}-session database in {generated_s:.1f} s (cached for later runs)")
    else:
        notes.append("reused the cached database")
    for name, result in (("large", full), ("small", empty)):
        if "error" in result:
            notes.append(f"{name} database run failed: {result['error']}")
    if "error" in full:
        return section([], {"large": full, "small": empty}, notes, status="error")
    metrics = [
        metric(f"start-up, import + build() ({stored:,} sessions)", full["startup_s"], "s", target=TARGET_STARTUP_S,
               higher_is_better=False),
        metric("  of which build()", full["build_s"], "s"),
        metric("time to first reply after start-up", full["first_reply_ms"], "ms"),
        metric("resident memory after start-up", full["rss_startup_mb"], "MB", target=TARGET_RSS_MB, higher_is_better=False),
        metric(f"resident memory after {inputs} inputs", full["rss_after_mb"], "MB", target=TARGET_RSS_MB,
               higher_is_better=False),
        metric(f"latency p50 ({stored:,} sessions)", full["p50_ms"], "ms"),
        metric(f"latency p99 ({stored:,} sessions)", full["p99_ms"], "ms"),
        metric("latency p50 (small database)", empty.get("p50_ms"), "ms"),
        metric("latency p99 (small database)", empty.get("p99_ms"), "ms"),
        metric("start-up, import + build() (small database)", empty.get("startup_s"), "s"),
        metric("database size", round(file_mb(big), 1), "MB"),
    ]
    return section(metrics, {"stored": stored, "inputs": inputs, "large": full, "small": empty,
                             "database": big.name, "generated_s": generated_s}, notes)


def child(args: argparse.Namespace) -> dict[str, Any]:
    """In a fresh process: import and build the app on the data folder, then measure (see module doc)."""
    started = time.perf_counter()
    import asyncio

    import main
    from bot.settings import load_settings

    imported = time.perf_counter()
    data_dir = Path(args.data_dir)
    services = main.build(load_settings({"DATA_DIR": str(data_dir)}, dotenv=data_dir / "no.env"))
    built = time.perf_counter()

    from bench.common import FIRST_USER_ID, fixed_clock, percentile, proc_status_mb
    from bot.effects import Say
    from bot.events import Citizen, TextReceived

    rss_startup = proc_status_mb("VmRSS")
    services.desk.clock = fixed_clock
    people = [Citizen("telegram", str(FIRST_USER_ID + i)) for i in chosen_citizens(args.stored, args.inputs, args.seed)]

    async def nothing(ref):
        raise RuntimeError("no photos in this benchmark")

    async def run() -> tuple[float, list[float], int]:
        begin = time.perf_counter()
        await services.desk.handle(TextReceived(people[0], args.text), nothing)
        first_s = time.perf_counter() - begin
        latencies, replies = [], 0
        for citizen in people[1:]:
            begin = time.perf_counter()
            effects = await services.desk.handle(TextReceived(citizen, args.text), nothing)
            latencies.append(time.perf_counter() - begin)
            replies += sum(isinstance(e, Say) for e in effects)
        return first_s, latencies, replies

    first_s, latencies, replies = asyncio.run(run())
    steps = services.db.execute(
        f"SELECT step, count(*) FROM sessions WHERE key IN ({', '.join('?' for _ in people)}) GROUP BY step",
        [c.key for c in people],
    ).fetchall()
    return {
        "import_s": round(imported - started, 3),
        "build_s": round(built - imported, 3),
        "startup_s": round(built - started, 3),
        "first_reply_ms": round(first_s * 1000, 2),
        "rss_startup_mb": round(rss_startup, 1),
        "rss_after_mb": round(proc_status_mb("VmRSS"), 1),
        "rss_peak_mb": round(proc_status_mb("VmHWM"), 1),
        "inputs": len(latencies),
        "replies": replies,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "inputs_per_s": round(len(latencies) / sum(latencies), 1) if latencies else 0.0,
        "sessions": services.db.execute("SELECT count(*) FROM sessions").fetchone()[0],
        "steps_after": dict(steps),
    }


def main_cli(argv: list[str]) -> int:
    """``python -m bench.scale child ...`` runs the measurement child and prints its JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("child")
    run.add_argument("--data-dir", required=True)
    run.add_argument("--stored", type=int, required=True)
    run.add_argument("--seed", type=int, required=True)
    run.add_argument("--inputs", type=int, default=INPUTS)
    run.add_argument("--text", required=True)
    args = parser.parse_args(argv)
    print(json.dumps(child(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main_cli(sys.argv[1:]))
