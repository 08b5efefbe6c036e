"""What every benchmark section shares: the happy-path inputs, the photo pool, figures and the machine.

The citizen's inputs are read from ``tests/transcripts/birth_happy_path.yaml`` (one full birth
registration); photos come from a pool of pre-made JPEGs (tests/imagegen) cached under the results folder.
"""

from __future__ import annotations

import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.desk import VIETNAM
from bot.photos import ImageReport, analyse

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
HAPPY_PATH = ROOT / "tests" / "transcripts" / "birth_happy_path.yaml"
FIXED_NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)  # the transcript's clock
POOL_SIZE = 6  # distinct pre-made photos, reused across citizens
POOL_VERSION = 1  # bump when the pool's pictures change
FIRST_USER_ID = 5_000_000_000  # Telegram-like user ids: citizen i is FIRST_USER_ID + i
SEED = 20260310


@dataclass(frozen=True)
class Input:
    """One thing the citizen does: a command, a text, a button press, or photos (an album when > 1)."""

    kind: str  # "command", "text", "press" or "photos"
    value: str = ""
    photos: int = 0


def fixed_clock() -> datetime:
    """Return the transcript's fixed 'now' (Vietnam time)."""
    return FIXED_NOW


def happy_path(path: Path = HAPPY_PATH) -> list[Input]:
    """Read the citizen's inputs of the happy-path transcript, in order."""
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    inputs = []
    for item in script["conversation"]:
        if "text" in item:
            text = str(item["text"])
            inputs.append(Input("command", text[1:]) if text.startswith("/") else Input("text", text))
        elif "press" in item:
            inputs.append(Input("press", str(item["press"])))
        elif "album" in item:
            inputs.append(Input("photos", photos=len(item["album"])))
        elif "photo" in item:
            inputs.append(Input("photos", photos=1))
        else:
            raise ValueError(f"{path}: input not supported by the benchmark: {item}")
    return inputs


def photo_positions(inputs: list[Input]) -> list[list[int]]:
    """For each input, the positions of its photos among all the script's photos (empty for others)."""
    positions, counter = [], 0
    for item in inputs:
        positions.append(list(range(counter, counter + item.photos)))
        counter += item.photos
    return positions


def pool_index(citizen: int, position: int) -> int:
    """Which pool photo a citizen sends at a photo position: distinct within a citizen's filing."""
    return (citizen + position) % POOL_SIZE


def photo_pool(results_dir: Path = RESULTS_DIR) -> list[bytes]:
    """Return POOL_SIZE distinct 1600x1200 document JPEGs, generated once and cached on disk."""
    from tests import imagegen

    folder = results_dir / "cache" / f"photos-v{POOL_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    pool = []
    for index in range(POOL_SIZE):
        path = folder / f"document-{index}.jpg"
        if not path.exists():
            data = imagegen.document_photo(seed=1000 + index, title=f"GIẤY TỜ {index}")
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        pool.append(path.read_bytes())
    return pool


class MemoAnalyse:
    """A stand-in for ``bot.photos.analyse``: the real report, computed once per distinct content."""

    def __init__(self, pool: list[bytes] = ()) -> None:
        self.reports: dict[tuple[bytes, bool], ImageReport] = {}
        for data in pool:
            for decode_qr in (False, True):
                self(data, decode_qr=decode_qr)

    def __call__(self, data: bytes, *, decode_qr: bool = False, **limits: int) -> ImageReport:
        """Return the memoised report of these bytes."""
        key = (data, decode_qr)
        report = self.reports.get(key)
        if report is None:
            report = self.reports[key] = analyse(data, decode_qr=decode_qr, **limits)
        return report


def interleave(citizens: int, steps: int, seed: int = SEED) -> list[tuple[int, int]]:
    """A shuffled merge of every citizen's inputs: (citizen, step) pairs, each citizen's steps in order."""
    order = [citizen for citizen in range(citizens) for _ in range(steps)]
    random.Random(seed).shuffle(order)
    done = [0] * citizens
    schedule = []
    for citizen in order:
        schedule.append((citizen, done[citizen]))
        done[citizen] += 1
    return schedule


def percentile(values: list[float], fraction: float) -> float:
    """The value below which this fraction of the values lie (nearest rank); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def proc_status_mb(field: str = "VmRSS") -> float:
    """Read a memory figure of this process from /proc/self/status, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def metric(name: str, value: float | None, unit: str = "", *, target: float | None = None,
           higher_is_better: bool = True, note: str = "") -> dict[str, Any]:
    """One figure of a section, with its target and whether it is met (None when there is no target)."""
    met = None
    if target is not None and value is not None:
        met = value >= target if higher_is_better else value <= target
    return {
        "metric": name, "value": value, "unit": unit, "target": target,
        "target_op": (">=" if higher_is_better else "<=") if target is not None else "", "met": met, "note": note,
    }


def section(metrics: list[dict[str, Any]], details: dict[str, Any] | None = None, notes: list[str] | None = None,
            status: str = "ok") -> dict[str, Any]:
    """A section's result as stored in the JSON file."""
    return {"status": status, "metrics": metrics, "details": details or {}, "notes": notes or []}


def skipped(reason: str) -> dict[str, Any]:
    """A section that could not run, with the reason."""
    return section([], notes=[reason], status="skipped")


def machine() -> dict[str, Any]:
    """Describe the machine: CPU model, cores, RAM, Python and library versions."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import telegram

    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "python_telegram_bot": telegram.__version__,
    }


def run_child(module: str, args: list[str], timeout: float, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``python -m module args`` in a fresh process; return the JSON it prints last, or an error."""
    command = [sys.executable, "-m", module, *args]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return {"error": f"exit {done.returncode}: " + " | ".join(tail)}
    return json.loads(lines[-1])
