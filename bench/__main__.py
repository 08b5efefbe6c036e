"""``python -m bench``: run the benchmark sections, print a table and write the figures as JSON.

    python -m bench                       everything (about 15 minutes on 2 cores)
    python -m bench --quick               a smoke run of a few seconds per section
    python -m bench --only engine,photos  some sections only (photo_memory: huge PNGs from many citizens at once)
    python -m bench --only offices        /pending and /stats among 100 offices and 100,000 dossiers
    python -m bench --profile             also profile the engine section (cProfile) and print the top costs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from bench.common import RESULTS_DIR, machine

SECTIONS = ("engine", "scale", "baseline", "adapter", "photos", "photo_memory", "wire", "offices")
FULL = {"citizens": 10_000, "ptb_citizens": 1_000, "stored": 1_000_000, "photo_runs": 30, "wire_citizens": 100,
        "office_dossiers": 100_000}
QUICK = {"citizens": 2, "ptb_citizens": 2, "stored": 50, "photo_runs": 1, "wire_citizens": 1, "office_dossiers": 2_000}


def parse(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description="motcua benchmarks (measure, never assert)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: few citizens, small databases")
    parser.add_argument("--citizens", type=int, help="citizens in the engine section (default 10,000)")
    parser.add_argument("--ptb-citizens", type=int, help="citizens in the baseline and adapter sections (default 1,000)")
    parser.add_argument("--stored", type=int, help="stored sessions in the scale section (default 1,000,000)")
    parser.add_argument("--photo-runs", type=int, help="runs per photo case (default 30)")
    parser.add_argument("--wire-citizens", type=int, help="concurrent citizens over the wire (default 100)")
    parser.add_argument("--office-dossiers", type=int, help="dossiers over 100 offices in the offices section (default 100,000)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections among {', '.join(SECTIONS)}")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR, help="where caches and results go")
    parser.add_argument("--out", type=Path, help="the JSON file to write (default <results-dir>/latest.json)")
    parser.add_argument("--profile", action="store_true", help="profile the engine section with cProfile too")
    args = parser.parse_args(argv)
    defaults = QUICK if args.quick else FULL
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.sections = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    args.out = args.out or args.results_dir / "latest.json"
    return args


def runners(args: argparse.Namespace, results: dict[str, Any]) -> dict[str, Callable[[], dict[str, Any]]]:
    """The function running each section with the chosen sizes."""
    from bench.adapter import bench_adapter_offline
    from bench.baseline import bench_baseline
    from bench.engine import bench_engine
    from bench.offices import bench_offices
    from bench.photo_memory import bench_photo_memory
    from bench.photos import bench_photos
    from bench.scale import bench_scale
    from bench.wire import bench_wire

    def baseline_rate() -> float | None:
        return (results.get("baseline") or {}).get("details", {}).get("inputs_per_s")

    quick, folder = args.quick, args.results_dir
    return {
        "engine": lambda: bench_engine(args.citizens, quick=quick, results_dir=folder),
        "scale": lambda: bench_scale(args.stored, quick=quick, results_dir=folder),
        "baseline": lambda: bench_baseline(args.ptb_citizens, quick=quick, results_dir=folder),
        "adapter": lambda: bench_adapter_offline(args.ptb_citizens, quick=quick, results_dir=folder,
                                                 baseline_rate=baseline_rate()),
        "photos": lambda: bench_photos(args.photo_runs, quick=quick),
        "photo_memory": lambda: bench_photo_memory(quick=quick, results_dir=folder),
        "wire": lambda: bench_wire(args.wire_citizens, quick=quick, results_dir=folder),
        "offices": lambda: bench_offices(args.office_dossiers, quick=quick, results_dir=folder),
    }


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (other work on the machine skews the figures)."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return []


def run_section(name: str, runner: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one section, timing it; an exception becomes an 'error' result instead of stopping the run."""
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    before, started = load_average(), time.perf_counter()
    try:
        result = runner()
    except Exception as exc:  # noqa: BLE001 - report and go on with the other sections
        trace = traceback.format_exc().strip().splitlines()
        result = {"status": "error", "metrics": [], "details": {"traceback": trace[-12:]},
                  "notes": [f"{type(exc).__name__}: {exc}"]}
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["load_average"] = {"before": before, "after": load_average()}
    print(f"[bench] {name}: {result['status']} in {result['seconds']} s", file=sys.stderr, flush=True)
    return result


def shown(value: Any, unit: str = "") -> str:
    """A figure as printed in the table."""
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def table(results: dict[str, Any]) -> str:
    """The markdown table of every section's figures, with notes below."""
    lines = ["| section | metric | value | target | met? |", "|---|---|---|---|---|"]
    notes = []
    for name, result in results.items():
        if not result["metrics"]:
            lines.append(f"| {name} | {result['status']} | — | — | — |")
        for item in result["metrics"]:
            target = f"{item['target_op']} {shown(item['target'], item['unit'])}" if item["target"] is not None else ""
            met = {True: "yes", False: "**no**", None: ""}[item["met"]]
            value = shown(item["value"], item["unit"]) + (f" ({item['note']})" if item["note"] else "")
            lines.append(f"| {name} | {item['metric']} | {value} | {target} | {met} |")
        notes += [f"- {name}: {note}" for note in result["notes"]]
    return "\n".join(lines + ([""] + notes if notes else []))


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections, print the table, write the JSON; exit 1 if a section failed."""
    args = parse(sys.argv[1:] if argv is None else argv)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    report: dict[str, Any] = {
        "version": 1,
        "started_at": started.isoformat(timespec="seconds"),
        "quick": args.quick,
        "sizes": {name: getattr(args, name) for name in FULL},
        "machine": {**machine(), "load_average_at_start": load_average()},
        "sections": {},
    }
    results = report["sections"]
    chosen = runners(args, results)
    for name in SECTIONS:
        if name in args.sections:
            results[name] = run_section(name, chosen[name])
    if args.profile:
        from bench.engine import profile_engine

        print("[bench] profiling the engine section ...", file=sys.stderr, flush=True)
        report["engine_profile"] = profile_engine(min(args.citizens, 1_000), results_dir=args.results_dir)
        print(report["engine_profile"]["tottime"])
        print(report["engine_profile"]["cumulative"])
    report["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    report["machine"]["load_average_at_end"] = load_average()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    described = report["machine"]
    print(f"\nmotcua benchmarks — {described['cpu']}, {described['cores']} cores, {described['ram_gb']} GB RAM, "
          f"Python {described['python']}, SQLite {described['sqlite']}, PTB {described['python_telegram_bot']}; "
          f"load average {described['load_average_at_start']} → {described['load_average_at_end']}\n")
    print(table(results))
    print(f"\nwritten to {args.out}")
    return 1 if any(result["status"] == "error" for result in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
