"""motcua's benchmarks: ``python -m bench`` (or ``make bench``) measures and prints, it never asserts.

Sections: engine (desk + SQLite), scale (1M stored sessions), baseline (an idiomatic PTB bot),
adapter (motcua's Telegram adapter offline), photos (image checks) and wire (over the sandbox).
Figures go to ``bench/results/latest.json`` with a description of the machine.
"""
