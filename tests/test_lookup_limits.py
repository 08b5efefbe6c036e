"""Receipt codes are sequential; lookups by anyone but the filer are limited in the database, so they cannot
be walked: not with many accounts (a service-wide budget), not across a restart; the filer is never limited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import main
from bot.desk import VIETNAM
from bot.effects import Say
from bot.events import Citizen, TextReceived
from bot.services import LookupLimits
from bot.settings import Settings, SettingsError, load_settings
from storage import dossiers
from storage.database import transaction

START = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)
OFFICE = "000.00.59.H80"
FILER = Citizen("telegram", "1")
FILED = 300  # dossiers filed that day: codes -0001 to -0300 exist
LIMITS = LookupLimits.from_settings(Settings())


def code(number: int) -> str:
    return f"{OFFICE}-260310-{number:04d}"


class Service:
    """The wired service in-process on a data directory, with a clock the test moves."""

    def __init__(self, data_dir: Path, now: list[datetime]) -> None:
        self.data_dir, self.now = data_dir, now
        self.services = main.build(replace(Settings(), data_dir=data_dir), clock=lambda: self.now[0])

    def restart(self) -> "Service":
        """Close the database and wire everything again on the same files, as after a restart."""
        self.services.db.close()
        return Service(self.data_dir, self.now)

    async def look_up(self, citizen: Citizen, receipt_code: str) -> str:
        """Type a receipt code; return the key of the message that answered."""
        effects = await self.services.desk.handle(TextReceived(citizen, receipt_code), self.fetch)
        says = [e for e in effects if isinstance(e, Say)]
        assert len(says) == 1, effects
        return says[0].text.key

    async def fetch(self, ref):
        raise AssertionError("no photos here")

    def render(self, key_text, language: str) -> str:
        return self.services.engine.catalog.render(language, key_text)


@pytest.fixture
def service(tmp_path):
    now = [START]
    service = Service(tmp_path / "data", now)
    db = service.services.db
    with transaction(db):
        for _ in range(FILED):
            dossiers.create_dossier(
                db, office_code=OFFICE, channel=FILER.channel, user_id=FILER.user_id, flow_id="birth_registration",
                flow_version=1, answers={}, shown={}, consent={}, submitted_at=START, expected_on=date(2026, 3, 10),
            )
    yield service
    service.services.db.close()


def strangers(count: int) -> list[Citizen]:
    return [Citizen("telegram", str(5000 + n)) for n in range(count)]


async def test_a_thousand_codes_from_fifty_accounts_reveal_at_most_the_service_budget(service):
    answers: dict[str, int] = {}
    for number in range(1, 1001):
        who = strangers(50)[number % 50]
        key = await service.look_up(who, code(number))
        answers[key] = answers.get(key, 0) + 1

    statuses = answers.get("lookup-public", 0)
    assert statuses <= LIMITS.per_service == 5, answers
    assert statuses + answers.get("lookup-not-found", 0) <= LIMITS.per_service, "unknown codes are counted too"
    assert set(answers) <= {"lookup-public", "lookup-not-found", "lookup-busy", "lookup-too-many"}
    assert answers["lookup-busy"] >= 900, "once the budget is spent, everyone else is asked to try later"


async def test_walking_codes_slowly_learns_at_most_the_budget_per_window(service):
    learned_per_minute: dict[int, int] = {}
    for number in range(1, 1001):
        service.now[0] = START + timedelta(seconds=3 * number)  # 1,000 codes in 50 minutes
        if await service.look_up(strangers(50)[number % 50], code(number)) in ("lookup-public", "lookup-not-found"):
            minute = int(service.now[0].timestamp()) // 60
            learned_per_minute[minute] = learned_per_minute.get(minute, 0) + 1
    assert max(learned_per_minute.values()) <= LIMITS.per_service
    assert sum(learned_per_minute.values()) <= LIMITS.per_service * 51


async def test_an_account_past_its_limit_waits_and_a_restart_does_not_reset_any_count(service):
    walker, others = strangers(1)[0], strangers(6)[1:]
    for number in range(1, LIMITS.per_account + 1):
        assert await service.look_up(walker, code(900 + number)) == "lookup-not-found"
    assert await service.look_up(walker, code(1)) == "lookup-too-many"

    service = service.restart()
    assert await service.look_up(walker, code(1)) == "lookup-too-many", "a restart keeps the account's count"
    service.now[0] = START + timedelta(minutes=1)
    for other in others[:LIMITS.per_service]:
        assert await service.look_up(other, code(1)) == "lookup-public"
    service = service.restart()
    assert await service.look_up(others[-1], code(2)) == "lookup-busy", "and the service's"

    service.now[0] = START + timedelta(minutes=60)
    assert await service.look_up(walker, code(3)) == "lookup-public", "an hour later the account may look up again"
    service.services.db.close()


async def test_the_filer_looks_up_their_own_dossiers_without_limit_and_without_counting(service):
    for number in range(1, 201):
        assert await service.look_up(FILER, code(number)) == "lookup-own"
    for number in range(LIMITS.per_account):
        assert await service.look_up(strangers(number + 1)[number], code(1)) == "lookup-public", "nothing was counted"
    assert await service.look_up(strangers(9)[8], code(1)) == "lookup-busy"
    assert await service.look_up(FILER, code(FILED)) == "lookup-own", "the filer is never asked to wait"
    service.now[0] = START + timedelta(minutes=1)
    for number in range(LIMITS.per_account):
        await service.look_up(FILER, code(900 + number))
    assert await service.look_up(FILER, code(901)) == "lookup-too-many", "the filer's other lookups are counted"
    assert await service.look_up(FILER, code(2)) == "lookup-own"


async def test_refusals_say_when_to_try_again_politely_in_both_languages(service):
    walker = strangers(1)[0]
    for number in range(LIMITS.per_account):
        await service.look_up(walker, code(900 + number))
    service.now[0] = START + timedelta(minutes=20)
    db = service.services.db
    refusal = LIMITS.admit(db, walker.key, service.now[0])
    assert service.render(refusal, "vi").startswith("Ông/Bà đã tra cứu quá nhiều lần")
    assert "thử lại sau 40 phút" in service.render(refusal, "vi")
    assert "try again in 40 minute(s)" in service.render(refusal, "en")
    busy = LookupLimits(100, timedelta(hours=1), 0, timedelta(minutes=1)).admit(db, walker.key, service.now[0] + timedelta(seconds=15))
    assert "Ông/Bà" in service.render(busy, "vi") and "thử lại sau 1 phút" in service.render(busy, "vi")
    assert "try again in 1 minute(s)" in service.render(busy, "en")


def test_limits_are_configured_by_environment_variables():
    env = {"LOOKUP_ACCOUNT_LIMIT": "3", "LOOKUP_ACCOUNT_WINDOW_MINUTES": "120", "LOOKUP_SERVICE_LIMIT": "2",
           "LOOKUP_SERVICE_WINDOW_MINUTES": "10"}
    limits = LookupLimits.from_settings(load_settings(environ=env, dotenv=Path("/nonexistent/.env")))
    assert limits == LookupLimits(3, timedelta(hours=2), 2, timedelta(minutes=10))
    with pytest.raises(SettingsError, match="LOOKUP_SERVICE_LIMIT"):
        load_settings(environ={"LOOKUP_SERVICE_LIMIT": "0"}, dotenv=Path("/nonexistent/.env"))
