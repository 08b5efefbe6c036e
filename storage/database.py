"""Open the SQLite database and bring its schema up to date.

One file in the data directory holds sessions, dossiers, attachments and the audit log. Migrations are
plain functions, applied in order once each and recorded in the ``_migrations`` table.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

Migration = Callable[[Database], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(function: Migration) -> Migration:
    """Register a schema migration; they run in the order they are defined."""
    MIGRATIONS.append((function.__name__, function))
    return function


def open_database(path: Path | str, *, synchronous: str = "NORMAL") -> Database:
    """Open (creating if needed) the database file and apply pending migrations."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = Database(str(path))
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute(f"PRAGMA synchronous={synchronous}")
    db.conn.execute("PRAGMA busy_timeout=5000")
    db.conn.execute("PRAGMA foreign_keys=ON")
    # Checkpoint rarely inside citizens' commits; housekeeping checkpoints (PASSIVE) in the background.
    db.conn.execute("PRAGMA wal_autocheckpoint=10000")
    migrate(db)
    return db


def migrate(db: Database) -> list[str]:
    """Apply the migrations this database has not seen yet; return their names."""
    import storage.migrations  # noqa: F401 - registers the migrations

    if "_migrations" not in db.table_names():
        db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for name, function in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            function(db)
            db["_migrations"].insert({"name": name, "applied_at": utc_now()})
        applied.append(name)
    return applied


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 text, as stored in every table."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
