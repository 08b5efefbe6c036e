"""Reference implementations motcua is compared with (bench/baseline.py drives them)."""
