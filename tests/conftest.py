"""Shared test options: ``--update-transcripts`` (or ``UPDATE_TRANSCRIPTS=1``) rewrites the transcripts' golden
records instead of comparing against them."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-transcripts", action="store_true", default=False,
                     help="regenerate tests/transcripts/golden/*.yaml from what the transcripts produce now")


@pytest.fixture(scope="session")
def update_transcripts(request: pytest.FixtureRequest) -> bool:
    """Whether to rewrite the golden records rather than compare."""
    return bool(request.config.getoption("--update-transcripts") or os.environ.get("UPDATE_TRANSCRIPTS") == "1")
