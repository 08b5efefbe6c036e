"""Storage on its own: the version-checked state change, /find by name or code, /stats in SQL, migrations."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from storage import dossiers
from storage.database import open_database
from storage.migrations import migration_names

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=7)))


def _dossier(db, name: str, flow: str = "birth_registration"):
    return dossiers.create_dossier(
        db, office_code="X", channel="telegram", user_id="1", flow_id=flow, flow_version=1,
        answers={"child_name": name, "note": "Đặng"}, shown={}, consent={}, submitted_at=NOW, expected_on=NOW.date(),
    )


def test_a_state_change_from_an_outdated_version_changes_nothing(tmp_path):
    db = open_database(tmp_path / "db.sqlite")
    dossier = _dossier(db, "Trần Bảo An")
    change = dict(state="accepted", status=2, actor="A", action="accept", at=NOW.isoformat())
    assert dossiers.change_state(db, dossier.id, 0, **change)
    assert not dossiers.change_state(db, dossier.id, 0, **{**change, "actor": "B"})
    stored = dossiers.get_dossier_by_id(db, dossier.id)
    assert (stored.version, stored.last_actor) == (1, "A")


def test_find_matches_names_without_accents_or_case_and_codes_in_part(tmp_path):
    db = open_database(tmp_path / "db.sqlite")
    tran = _dossier(db, "Trần Bảo An")
    dang = _dossier(db, "Đặng Thu Hà")
    assert [d.id for d in dossiers.find_dossiers(db, "tran bao")] == [tran.id]
    assert [d.id for d in dossiers.find_dossiers(db, "dang thu")] == [dang.id]
    assert [d.id for d in dossiers.find_dossiers(db, "Bảo")] == [tran.id]
    assert dossiers.find_dossiers(db, "note") == []  # only answers named *name are indexed
    assert [d.id for d in dossiers.find_dossiers(db, tran.receipt_code[-6:])] == [tran.id]
    dossiers.replace_answers(db, tran.id, {"child_name": "Lê Minh"}, {})
    assert dossiers.find_dossiers(db, "tran bao") == [] and [d.id for d in dossiers.find_dossiers(db, "le minh")] == [tran.id]


def test_stats_count_by_state_and_procedure(tmp_path):
    db = open_database(tmp_path / "db.sqlite")
    first, _ = _dossier(db, "A"), _dossier(db, "B", flow="household_business")
    done_at = (NOW + timedelta(hours=5)).isoformat(timespec="seconds")
    dossiers.change_state(db, first.id, 0, state="done", status=9, actor="A", action="approve", at=done_at, done_at=done_at)
    dossiers.set_rating(db, first.id, 4)
    stats = dossiers.stats(db)
    assert stats.total == 2
    assert {(c.value, c.count) for c in stats.by_state} == {("done", 1), ("new", 1)}
    assert [(c.value, c.count) for c in stats.by_flow] == [("birth_registration", 1), ("household_business", 1)]
    assert round(stats.average_hours, 1) == 5.0 and stats.average_rating == 4 and stats.ratings == 1


def test_migrations_recorded_in_the_old_table_do_not_run_again(tmp_path):
    path = tmp_path / "db.sqlite"
    db = open_database(path)
    db.execute("DROP TABLE _sqlite_migrations")
    db["_migrations"].insert_all({"name": name, "applied_at": "2026-01-01T00:00:00+00:00"} for name in migration_names())
    db.close()
    reopened = open_database(path)  # would fail creating existing tables if anything ran twice
    assert [row["name"] for row in reopened["_sqlite_migrations"].rows] == migration_names()


def test_a_dossier_handed_over_before_the_column_existed_keeps_its_hand_over_day(tmp_path):
    path = tmp_path / "db.sqlite"
    db = open_database(path)
    dossier = _dossier(db, "Trần Bảo An")
    dossiers.change_state(db, dossier.id, 0, state="handed_over", status=10, actor="A", action="hand_over", at="2026-03-12T09:30:00+07:00")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_fee_paid_and_handover'")
    for column in ("fee_paid_at", "fee_paid_by", "handed_over_at"):
        db.execute(f"ALTER TABLE dossiers DROP COLUMN {column}")
    db.close()
    reopened = open_database(path)  # runs m010 again, as on a database from before it
    stored = dossiers.get_dossier_by_id(reopened, dossier.id)
    assert stored.handed_over_at == "2026-03-12T09:30:00+07:00" and stored.fee_paid_at is None
