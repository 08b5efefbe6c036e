"""Play every golden conversation under tests/transcripts/ against the engine, desk and SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import KINDS, Engine
from bot.photos import PhotoRules
from flows.compiler import load_flows
from flows.validators import VALIDATORS, load_vsic
from locales.catalog import LOCALES_DIR, Catalog
from tests.transcript import GOLDEN_DIR, OFFICE, TranscriptRunner, load_script, parse_now, play

HERE = Path(__file__).parent
ROOT = HERE.parent
SCRIPTS = sorted((HERE / "transcripts").glob("*.yaml"))


@pytest.fixture(scope="module")
def engine() -> Engine:
    """Build the engine once on the real flows plus the test-only third procedure."""
    catalog = Catalog(LOCALES_DIR, HERE / "flows" / "locales")
    catalog.set_default("office", OFFICE.desk_name)
    flows = load_flows(ROOT / "flows", catalog.keys(), VALIDATORS, KINDS)
    flows.update(load_flows(HERE / "flows", catalog.keys(), VALIDATORS, KINDS))
    vsic = load_vsic(ROOT / "flows" / "reference" / "vsic2018.csv")
    return Engine(flows=flows, catalog=catalog, rules=PhotoRules(), vsic=vsic)


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
async def test_transcript(path: Path, engine: Engine, tmp_path: Path, update_transcripts: bool) -> None:
    """Play the transcript; every expectation in it must hold and the replies equal its golden record."""
    script = load_script(path)
    runner = TranscriptRunner(engine, tmp_path, parse_now(script.get("now", "2026-03-10 10:00")))
    await _setup(runner, script.get("setup") or {})
    await play(runner, script, GOLDEN_DIR / path.name, update=update_transcripts)


async def _setup(runner: TranscriptRunner, setup: dict) -> None:
    """Prepare the database a transcript assumes (e.g. an approved business of the same name)."""
    from storage.dossiers import create_dossier

    desk = runner.restart()
    for name in setup.get("approved_businesses", []):
        create_dossier(
            desk.db, office_code=desk.office.code, channel="test", user_id="other", flow_id="household_business",
            flow_version=1, answers={"business_name": name}, shown={}, consent={}, submitted_at=runner.now,
            expected_on=runner.now.date(), status=10,
        )
