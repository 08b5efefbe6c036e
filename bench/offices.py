"""Offices section: /pending and /stats of one office among 100 offices and 100,000 dossiers.

A province's deployment: 100 offices (each its admin chat and one official) in an offices file, and 100,000
birth registrations spread evenly over them in a real SQLite file (WAL, the app's migrations and indexes),
filed over the last year: most handed over, about one in twelve still waiting for officials, some of those
past their due date. The commands go through the back office as an official types them in their office's
chat (``BackOffice.command``, scoped to that chat's office) and the answer is rendered as the chat shows it;
median and p99 over officials of offices picked at random. The supervisors' chat (every office at once) is
timed too, without a target.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

OFFICES = 100
TARGET_MS = 50.0
SEED = 12
STATES = (  # (state, weight): most dossiers are finished; about one in twelve waits for officials
    ("handed_over", 70), ("done", 10), ("not_accepted", 3), ("withdrawn", 3), ("stopped", 1), ("supplement_requested", 4),
    ("new", 3), ("accepted", 2), ("processing", 2), ("supplement_received", 1), ("payment_requested", 1),
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi")
GIVEN = ("An", "Bình", "Châu", "Dung", "Giang", "Hà", "Khôi", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Tâm", "Vy")
TODAY = date(2026, 3, 10)


def office_code(number: int) -> str:
    return f"000.00.{number:02d}.H{80 + number // 100}"


def write_offices(path: Path, count: int) -> None:
    """Write an offices file of ``count`` offices, each with its admin chat and one official, and a supervisors' chat."""
    import yaml

    offices = [{
        "code": office_code(number), "commune": f"9{number:04d}", "name": f"UBND xã Thử {number}",
        "address": f"Số {number} đường Trung tâm", "hours": "Thứ Hai – Thứ Sáu, 7:30–17:00",
        "admin_chat": -10_000 - number, "officials": [50_000 + number],
    } for number in range(count)]
    path.write_text(yaml.safe_dump({"province": "Tỉnh Thử", "supervisors_chat": -9_999, "offices": offices},
                                   allow_unicode=True), encoding="utf-8")


def fill(db, offices: int, dossiers: int) -> dict[str, int]:
    """Insert the dossiers in bulk (the FTS trigger indexes their names as for real filings); return counts by state."""
    rng = random.Random(SEED)
    states, weights = zip(*STATES, strict=True)
    counted: dict[str, int] = {}
    rows = []
    for number in range(dossiers):
        office = number % offices
        filed = datetime(2025, 3, 10, 8, 0) + timedelta(minutes=rng.randrange(365 * 24 * 60))
        state = rng.choices(states, weights)[0]
        counted[state] = counted.get(state, 0) + 1
        due = (filed + timedelta(days=rng.choice((3, 5, 7)))).date()
        answers = {"requester_name": f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}",
                   "child_name": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"}
        done = state in ("done", "handed_over")
        rows.append((
            f"{office_code(office)}-{filed:%y%m%d}-{number:06d}", office_code(office), "birth_registration", 1, "telegram",
            str(100_000 + number), 1, json.dumps(answers, ensure_ascii=False), "{}", "{}", filed.isoformat(timespec="seconds") + "+07:00",
            due.isoformat(), filed.isoformat(), state, 1, (filed + timedelta(days=2)).isoformat() + "+07:00" if done else None,
            rng.randint(3, 5) if state == "handed_over" and rng.random() < 0.3 else None,
        ))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO dossiers (receipt_code, office_code, flow_id, flow_version, channel, user_id, status, answers, "
            "shown, consent, submitted_at, expected_on, updated_at, state, version, done_at, rating) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
        )
    db.execute("ANALYZE")
    return counted


def timed(run, times: int) -> list[float]:
    """Run ``run`` once to warm up, then ``times`` times; return the times in ms."""
    run()
    found = []
    for _ in range(times):
        begin = time.perf_counter()
        run()
        found.append((time.perf_counter() - begin) * 1000)
    return found


def bench_offices(dossiers: int = 100_000, *, quick: bool = False, results_dir: Path | None = None) -> dict[str, Any]:
    """Run the offices section and return its result."""
    from dataclasses import replace

    import main
    from bench.common import metric, percentile, section
    from bench.engine import bench_settings
    from bot.desk import VIETNAM
    from bot.events import Official
    from locales.catalog import DEFAULT_LANGUAGE

    runs = 20 if quick else 200
    metrics, details = [], {}
    with tempfile.TemporaryDirectory(prefix="motcua-bench-offices-") as folder:
        data = Path(folder)
        write_offices(data / "offices.yaml", OFFICES)
        settings = replace(bench_settings(data), offices_file=data / "offices.yaml")
        clock = lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0, tzinfo=VIETNAM)  # noqa: E731
        services = main.build(settings, clock=clock)
        begin = time.perf_counter()
        counted = fill(services.db, OFFICES, dossiers)
        details["fill_s"] = round(time.perf_counter() - begin, 1)
        details["dossiers"], details["offices"], details["by_state"] = dossiers, OFFICES, counted
        backoffice, render = services.backoffice, services.catalog.render
        rng = random.Random(SEED)

        def answer(command: str, number: int | None) -> str:
            if number is None:  # the supervisors' chat: every office
                official, chat = Official("9", "Giám sát"), services.offices.supervisors_chat
            else:
                official, chat = Official(str(50_000 + number), "Cán bộ"), -10_000 - number
            posts = backoffice.command(official, command, "", chat)
            return "\n".join(render(DEFAULT_LANGUAGE, post.text) for post in posts)

        sample = answer("pending", 0)
        details["pending_sample_lines"] = sample.count("\n") + 1
        details["pending_renders"] = "Hồ sơ đang chờ xử lý" in sample and "{???}" not in sample
        for command in ("pending", "stats"):
            times = timed(lambda c=command: answer(c, rng.randrange(OFFICES)), runs)
            median, p99 = round(statistics.median(times), 2), round(percentile(times, 0.99), 2)
            metrics.append(metric(f"/{command} in an office's chat (median)", median, "ms", target=TARGET_MS,
                                  higher_is_better=False, note=f"p99 {p99} ms"))
            metrics.append(metric(f"/{command} in an office's chat (p99)", p99, "ms", target=TARGET_MS, higher_is_better=False))
            details[f"office_{command}"] = {"median_ms": median, "p99_ms": p99, "runs": runs}
        for command in ("pending", "stats"):
            times = timed(lambda c=command: answer(c, None), max(5, runs // 10))
            median, p99 = round(statistics.median(times), 2), round(percentile(times, 0.99), 2)
            metrics.append(metric(f"/{command} in the supervisors' chat, every office (median)", median, "ms",
                                  higher_is_better=False, note=f"p99 {p99} ms"))
            details[f"supervisors_{command}"] = {"median_ms": median, "p99_ms": p99, "runs": max(5, runs // 10)}
        services.db.close()
    notes = [f"{dossiers:,} dossiers over {OFFICES} offices in a real SQLite file (WAL); each command through "
             "BackOffice.command and rendered; a random office's official each run, after one warm-up run"]
    return section(metrics, details, notes)


if __name__ == "__main__":
    print(json.dumps(bench_offices(), indent=1, ensure_ascii=False, default=str))
