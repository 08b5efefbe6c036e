"""Open the SQLite database and bring its schema up to date (the migrations live in storage/migrations.py).

One file in the data directory holds sessions, dossiers, attachments and the audit log.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from storage.clock import utc_now
from storage.migrations import MIGRATIONS, migrate

__all__ = ["MIGRATIONS", "Database", "WriteConflict", "checkpoint", "migrate", "open_database", "transaction", "utc_now"]


def open_database(path: Path | str, *, synchronous: str = "NORMAL") -> Database:
    """Open (creating if needed) the database file and apply pending migrations."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = Database(str(path))
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute(f"PRAGMA synchronous={synchronous}")
    db.conn.execute("PRAGMA busy_timeout=5000")
    db.conn.execute("PRAGMA foreign_keys=ON")
    # Deleted and overwritten content is zeroed, so erased personal data leaves no bytes behind (storage/erasure.py).
    db.conn.execute("PRAGMA secure_delete=ON")
    # Checkpoint rarely inside citizens' commits; housekeeping empties the log (storage.erasure.scrub) in the background.
    db.conn.execute("PRAGMA wal_autocheckpoint=10000")
    migrate(db)
    return db


def checkpoint(db: Database) -> None:
    """Copy the write-ahead log into the database file without blocking writers."""
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")


SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT = 5, 517


class WriteConflict(Exception):
    """Another connection was writing, or wrote after this transaction read: nothing was stored; run it again."""


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """Run the block as one transaction: all of it is stored, or none (a nested block is a savepoint).

    Raises WriteConflict when SQLite refuses the write because another connection holds the write lock or
    changed the database since this transaction first read it (two hosts on one file).
    """
    try:
        with db.atomic():
            yield db
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) in (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT):
            raise WriteConflict() from exc
        raise
