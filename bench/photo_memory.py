"""Photo memory section: many citizens sending huge PNGs at once through the real desk, while others type.

Two pictures, written row by row so the parent never holds their pixels:
- the hostile one: 9400x9400 RGBA, a few hundred kB of PNG, under Pillow's own limit; before the pixel cap
  one such check peaked at 1.4 GB (and four at once took the process from 206 MB to 5.5 GB);
- the largest accepted: RGBA just under the 40-megapixel cap, which is decoded and checked in full.

Each scenario runs in a fresh process (``python -m bench.photo_memory child ...``) so that ``VmHWM`` in
/proc/self/status is that process's own peak: the service is wired as ``main.build`` wires it (real
desk, real checks, the photo pool), the photo senders are put at the ID card step, then all of them send
their picture at once (each download a separate copy of the bytes), while other citizens type a message
every 50 ms and the time to their reply is measured. Measured, never asserted.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

HOSTILE_SIDE = 9400  # the picture: 88.4 megapixels, under Pillow's 89.5
AT_CAP_SIDE = 6320  # 39.9 megapixels: the largest square the default 40-megapixel cap accepts
TARGET_PEAK_MB = 500.0
TARGET_TEXT_MS = 1000.0
TYPE_EVERY_S = 0.05
CHILD_TIMEOUT = 600.0
PICTURE_VERSION = 1  # bump when flat_png changes


def flat_png(side: int) -> bytes:
    """An RGBA PNG of side x side: white with bands of thin dark lines, compressed row by row."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    white = b"\x00" + b"\xff" * (side * 4)  # filter byte 0, then the row's pixels
    dark = bytearray(white)
    dark[1::388] = b"\x00" * len(dark[1::388])  # every 97th pixel's red channel dark
    lines = bytes(dark)
    compressor, parts = zlib.compressobj(9), []
    for row in range(side):
        parts.append(compressor.compress(lines if (row // 40) % 5 == 0 else white))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


def child(args: argparse.Namespace) -> dict[str, Any]:
    """In a fresh process: wire the service, send the picture from every photo citizen at once, measure."""
    import asyncio

    import main
    from bench.common import FIRST_USER_ID, fixed_clock, percentile, proc_status_mb
    from bot.effects import Say
    from bot.events import ButtonPressed, Citizen, PhotoReceived, PhotoRef, TextReceived
    from bot.settings import load_settings

    data_dir = Path(args.data_dir)
    services = main.build(load_settings({"DATA_DIR": str(data_dir)}, dotenv=data_dir / "no.env"))
    services.desk.clock = fixed_clock
    desk, picture = services.desk, Path(args.png).read_bytes()
    senders = [Citizen("telegram", str(FIRST_USER_ID + i)) for i in range(args.photos)]
    typists = [Citizen("telegram", str(FIRST_USER_ID + 10_000 + i)) for i in range(args.typists)]

    async def download(ref: PhotoRef) -> bytes:
        return bytes(bytearray(picture))  # each citizen's download is its own copy

    async def send_photo(citizen: Citizen) -> tuple[float, list]:
        event = PhotoReceived(citizen, (PhotoRef(file_ref="png", size=len(picture), mime="image/png"),))
        effects = await desk.handle(event, download)
        return time.perf_counter(), effects

    async def type_until(citizen: Citizen, done: asyncio.Event, latencies: list[float]) -> None:
        while not done.is_set():
            begin = time.perf_counter()
            await desk.handle(TextReceived(citizen, "Xin chào"), download)
            latencies.append(time.perf_counter() - begin)
            await asyncio.sleep(TYPE_EVERY_S)

    async def run() -> dict[str, Any]:
        for citizen in senders:
            for data in ("m:birth_registration", "a:consent:yes", "a:relationship:father"):
                await desk.handle(ButtonPressed(citizen, data), download)
        for citizen in typists:
            await desk.handle(TextReceived(citizen, "Xin chào"), download)
        before = proc_status_mb("VmHWM")
        done, latencies = asyncio.Event(), []
        typing = [asyncio.create_task(type_until(citizen, done, latencies)) for citizen in typists]
        began, cpu = time.perf_counter(), time.process_time()
        answered = await asyncio.gather(*(send_photo(citizen) for citizen in senders))
        done.set()
        await asyncio.gather(*typing)
        said = [effect.text for _, effects in answered for effect in effects if isinstance(effect, Say)]
        replies = [services.catalog.render("en", text) for text in said]
        return {
            "photos": len(senders),
            "typists": len(typists),
            "png_bytes": len(picture),
            "peak_before_mb": round(before, 1),
            "peak_mb": round(proc_status_mb("VmHWM"), 1),
            "rss_after_mb": round(proc_status_mb("VmRSS"), 1),
            "all_photos_answered_s": round(max(at for at, _ in answered) - began, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "refused_over_cap": sum("too large to open" in text for text in replies),
            "still_at_the_step": sum(1 for citizen in senders if desk.session(citizen).step == "requester_id_card"),
            "text_replies": len(latencies),
            "text_p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
            "text_p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
            "text_max_ms": round(max(latencies, default=0.0) * 1000, 1),
        }

    return asyncio.run(run())


def cached_png(side: int, results_dir: Path) -> bytes:
    """The flat PNG of this side, written once under the results folder's cache (it takes seconds to make)."""
    path = results_dir / "cache" / f"photo-memory-v{PICTURE_VERSION}" / f"rgba-{side}.png"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(flat_png(side))
        temporary.replace(path)
    return path.read_bytes()


def scenario(png: bytes, photos: int, typists: int) -> dict[str, Any]:
    """Run one scenario in a fresh process on a fresh data folder; return its figures or an error."""
    from bench.common import run_child

    with tempfile.TemporaryDirectory(prefix="motcua-bench-photo-memory-") as folder:
        path = Path(folder) / "picture.png"
        path.write_bytes(png)
        return run_child("bench.photo_memory", ["child", "--data-dir", folder, "--png", str(path),
                                                "--photos", str(photos), "--typists", str(typists)], CHILD_TIMEOUT)


def bench_photo_memory(citizens: int = 10, *, quick: bool = False, results_dir: Path | None = None) -> dict[str, Any]:
    """Run the photo memory section and return its result."""
    from bench.common import RESULTS_DIR, metric, section

    results_dir = results_dir or RESULTS_DIR
    typists = 3 if quick else 10
    hostile = scenario(cached_png(HOSTILE_SIDE, results_dir), citizens, typists)
    at_cap = scenario(cached_png(AT_CAP_SIDE, results_dir), min(citizens, 2) if quick else citizens, typists)
    details = {"hostile": hostile, "at_cap": at_cap}
    notes = [
        f"{HOSTILE_SIDE}x{HOSTILE_SIDE} RGBA PNG ({hostile.get('png_bytes', 0) // 1024} kB): refused from its header; "
        f"{AT_CAP_SIDE}x{AT_CAP_SIDE} RGBA PNG ({at_cap.get('png_bytes', 0) // 1024} kB): decoded and checked in full",
        f"{typists} other citizens type a message every {TYPE_EVERY_S * 1000:.0f} ms meanwhile; "
        "peak = VmHWM of a fresh process (wiring included), 'before' = VmHWM once everyone stood at their step",
    ]
    errors = [f"{name}: {result['error']}" for name, result in details.items() if "error" in result]
    if errors:
        return section([], details, notes + errors, status="error")
    metrics = []
    for name, result in (("9400x9400 PNG", hostile), ("39.9 MP PNG", at_cap)):
        label = f"{result['photos']} citizens send a {name} at once"
        metrics += [
            metric(f"{label}: peak memory (VmHWM)", result["peak_mb"], "MB", target=TARGET_PEAK_MB,
                   higher_is_better=False, note=f"{result['peak_before_mb']} MB before the photos"),
            metric(f"{label}: all photos answered", result["all_photos_answered_s"], "s",
                   note=f"{result['refused_over_cap']} refused over the cap, CPU {result['cpu_s']} s"),
            metric(f"{label}: others' text replies p99", result["text_p99_ms"], "ms", target=TARGET_TEXT_MS,
                   higher_is_better=False, note=f"max {result['text_max_ms']} ms, {result['text_replies']} replies"),
        ]
    if quick:
        notes.append(f"quick run: {at_cap['photos']} citizens for the picture at the cap")
    return section(metrics, details, notes)


def main_cli(argv: list[str]) -> int:
    """``python -m bench.photo_memory child ...`` runs one scenario and prints its JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.photo_memory")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("child")
    run.add_argument("--data-dir", required=True)
    run.add_argument("--png", required=True)
    run.add_argument("--photos", type=int, required=True)
    run.add_argument("--typists", type=int, required=True)
    args = parser.parse_args(argv)
    print(json.dumps(child(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main_cli(sys.argv[1:]))
