"""Counts of receipt-code lookups that were not the looker's own dossier, kept so a restart does not reset them.

Each such lookup is a row of ``lookup_attempts`` (account, time) and one more in its window's row of
``lookup_windows`` (the whole service's count per fixed window). Times are whole seconds since the epoch.
Rows older than the windows they count for are deleted as new ones are added.
"""

from __future__ import annotations

from sqlite_utils import Database

from storage.records import LookupCounts


def counts(db: Database, account: str, since: int, window_starts_at: int) -> LookupCounts:
    """Return the account's lookups at or after ``since`` and the service's count in the window starting then."""
    times = tuple(row[0] for row in db.execute(
        "SELECT at FROM lookup_attempts WHERE account = ? AND at >= ? ORDER BY at", [account, since]
    ))
    row = db.execute("SELECT used FROM lookup_windows WHERE starts_at = ?", [window_starts_at]).fetchone()
    return LookupCounts(times, row[0] if row else 0)


def record(db: Database, account: str, at: int, window_starts_at: int, forget_before: int) -> None:
    """Count one lookup for the account and the service's window; drop counts that no longer matter."""
    db.execute("INSERT INTO lookup_attempts (account, at) VALUES (?, ?)", [account, at])
    db.execute(
        "INSERT INTO lookup_windows (starts_at, used) VALUES (?, 1) ON CONFLICT (starts_at) DO UPDATE SET used = used + 1",
        [window_starts_at],
    )
    db.execute("DELETE FROM lookup_attempts WHERE at < ?", [forget_before])
    db.execute("DELETE FROM lookup_windows WHERE starts_at < ?", [window_starts_at])
