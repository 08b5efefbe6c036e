"""Make erased personal data unreadable in the database's files, not only absent from its tables.

Deleting a row is not enough: SQLite leaves the old bytes in the page's free space and, in WAL mode, every
earlier version of a changed page stays in ``motcua.sqlite-wal`` until the log is checkpointed and reset.
``secure_delete`` (set when the database is opened) zeroes freed space and freed pages; ``scrub`` then
copies the log into the database file and truncates the log to zero bytes, so the zeroed pages replace
every older copy. Call it after the erasing transaction has committed.

The full-text name index (``dossier_names``) holds only names of submitted dossiers, which no erase
deletes (drafts are never indexed), so erasing needs no FTS5 'optimize' to drop old index segments.
"""

from __future__ import annotations

import logging

from sqlite_utils import Database

log = logging.getLogger(__name__)


def scrub(db: Database) -> bool:
    """Checkpoint the write-ahead log into the database file and truncate it; tell whether it is now empty.

    It waits (up to the busy timeout) for readers on other connections; if one still holds an old snapshot,
    the log is not truncated and the next scrub (housekeeping runs one every few minutes) finishes the job.
    """
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        log.warning("the write-ahead log could not be emptied yet (a reader holds it); it will be retried")
    return not busy
