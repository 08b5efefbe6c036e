"""Photo section: ``bot.photos.analyse`` on phone-sized JPEGs, with and without QR decoding.

Pictures come from tests/imagegen: a document page (no QR code) and a chip ID card with its QR code, at
1600x1200 (what Telegram delivers for a compressed photo) and 4000x3000 (a 12-megapixel original sent as
a file). Each case runs once to warm up, then ``runs`` times; median and p95 are reported.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

TARGET_MS = 30.0  # at 1600x1200
SIZES = ((1600, 1200), (4000, 3000))


def pictures(width: int, height: int) -> dict[str, bytes]:
    """The test pictures at one size: a document and an ID card with a QR code."""
    from tests import imagegen

    return {
        "document": imagegen.document_photo(width, height, seed=7),
        "id card": imagegen.id_card_photo(imagegen.id_qr_payload(), width=width, height=height),
    }


def timed(data: bytes, decode_qr: bool, runs: int) -> tuple[list[float], Any]:
    """Run analyse once to warm up, then ``runs`` times; return the times in ms and the last report."""
    from bot.photos import analyse

    report = analyse(data, decode_qr=decode_qr)
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        report = analyse(data, decode_qr=decode_qr)
        times.append((time.perf_counter() - begin) * 1000)
    return times, report


def bench_photos(runs: int = 30, *, quick: bool = False) -> dict[str, Any]:
    """Run the photo section and return its result."""
    from bench.common import metric, percentile, section

    metrics, details = [], {}
    for width, height in SIZES[:1] if quick else SIZES:
        images = pictures(width, height)
        cases = (("document", False), ("document", True), ("id card", True))
        for name, decode_qr in cases:
            times, report = timed(images[name], decode_qr, runs)
            median, p95 = round(statistics.median(times), 2), round(percentile(times, 0.95), 2)
            label = f"{width}x{height} {name}, {'with' if decode_qr else 'without'} QR decoding"
            target = TARGET_MS if width == 1600 else None
            metrics.append(metric(f"analyse {label} (median)", median, "ms", target=target, higher_is_better=False,
                                  note=f"p95 {p95} ms; {len(images[name]) // 1024} kB JPEG; QR found: {bool(report.qr_texts)}"))
            details[label] = {"median_ms": median, "p95_ms": p95, "runs": runs, "bytes": len(images[name]),
                              "qr_found": bool(report.qr_texts), "sharpness": round(report.sharpness, 1),
                              "brightness": round(report.brightness, 1)}
    notes = [f"{runs} runs per case after one warm-up run, in this process, one thread"]
    if quick:
        notes.append("quick run: 1600x1200 only")
    return section(metrics, details, notes)
