"""The schema, as an ordered list of migrations. Never edit one that has shipped: add a new one.

sqlite-utils' own ``Migrations`` applies them in order, once each, each in a transaction with its record in
``_sqlite_migrations``. Databases created before we used it recorded their migrations in ``_migrations``;
those records are carried over once, so nothing runs twice.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("motcua")
migration = MIGRATIONS()


def migrate(db: Database) -> list[str]:
    """Apply the migrations this database has not seen yet; return their names."""
    _adopt_old_records(db)
    pending = [m.name for m in MIGRATIONS.pending(db)]
    MIGRATIONS.apply(db)
    return pending


def migration_names() -> list[str]:
    """Return the names of every migration, in the order they apply."""
    return [m.name for m in MIGRATIONS._migrations]


def _adopt_old_records(db: Database) -> None:
    if "_migrations" not in db.table_names():
        return
    known = {m.name for m in MIGRATIONS.applied(db)}
    old = [row for row in db.table("_migrations").rows if row["name"] not in known]
    if old:
        MIGRATIONS.ensure_migrations_table(db)
        with db.atomic():
            db.table(MIGRATIONS.migrations_table).insert_all(
                {"migration_set": MIGRATIONS.name, "name": row["name"], "applied_at": row["applied_at"]} for row in old
            )


@migration
def m001_sessions(db: Database) -> None:
    """Create the table of conversations, one row per citizen, loaded lazily by key."""
    db.table("sessions").create(
        {
            "key": str,
            "channel": str,
            "user_id": str,
            "language": str,
            "flow_id": str,
            "flow_version": int,
            "step": str,
            "answers": str,
            "state": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="key",
    )
    db.table("sessions").create_index(["updated_at"])


@migration
def m002_dossiers(db: Database) -> None:
    """Create dossiers, their attachments, the receipt sequence and the append-only audit log."""
    db.table("dossiers").create(
        {
            "id": int,
            "receipt_code": str,
            "office_code": str,
            "flow_id": str,
            "flow_version": int,
            "channel": str,
            "user_id": str,
            "status": int,
            "answers": str,
            "shown": str,
            "consent": str,
            "submitted_at": str,
            "expected_on": str,
            "updated_at": str,
        },
        pk="id",
    )
    db.table("dossiers").create_index(["receipt_code"], unique=True)
    db.table("dossiers").create_index(["channel", "user_id"])
    db.table("dossiers").create_index(["status", "submitted_at"])
    db.table("attachments").create(
        {
            "id": int,
            "sha256": str,
            "size": int,
            "mime": str,
            "width": int,
            "height": int,
            "path": str,
            "owner": str,
            "slot": str,
            "dossier_id": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("dossier_id", "dossiers", "id")],
    )
    db.table("attachments").create_index(["owner", "sha256"])
    db.table("attachments").create_index(["dossier_id"])
    db.table("receipt_sequences").create({"office_code": str, "day": str, "last": int}, pk=("office_code", "day"))
    db.table("audit").create(
        {"id": int, "at": str, "actor": str, "action": str, "subject": str, "detail": str},
        pk="id",
    )
    db.table("audit").create_index(["subject"])
    for operation in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER audit_no_{operation.lower()} BEFORE {operation} ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


@migration
def m003_lifecycle(db: Database) -> None:
    """Add the dossier's lifecycle fields, officials' pending tasks, feedback and seen update ids."""
    dossiers = db.table("dossiers")
    for column, kind in (
        ("state", str), ("version", int), ("pickup_on", str), ("fee", int), ("reason", str),
        ("supplement", str), ("last_actor", str), ("last_action", str), ("last_action_at", str),
        ("admin_message_id", int), ("done_at", str), ("rating", int), ("comment", str),
    ):
        dossiers.add_column(column, kind)
    db.execute("UPDATE dossiers SET state = 'new', version = 0 WHERE state IS NULL")
    db.table("official_tasks").create(
        {"official_id": str, "dossier_id": int, "action": str, "version": int, "data": str, "created_at": str},
        pk="official_id",
    )
    db.table("feedback").create({"id": int, "channel": str, "user_id": str, "text": str, "at": str}, pk="id")
    db.table("seen_updates").create({"channel": str, "update_id": str, "at": str}, pk=("channel", "update_id"))


@migration
def m004_draft_reminders(db: Database) -> None:
    """Remember when an idle draft's owner was reminded before it is deleted."""
    db.table("sessions").add_column("reminded_at", str)
    db.table("seen_updates").create_index(["at"])


@migration
def m005_channel_menus(db: Database) -> None:
    """Remember the numbered menu last shown to a citizen on a channel without buttons (Zalo)."""
    db.table("channel_menus").create({"key": str, "menu": str}, pk="key")


@migration
def m006_lookup_indexes(db: Database) -> None:
    """Index receipt codes case-insensitively (citizens type them either way) and photos by hash."""
    db.execute("CREATE INDEX dossiers_receipt_code_nocase ON dossiers (receipt_code COLLATE NOCASE)")
    db.execute("CREATE INDEX attachments_sha256 ON attachments (sha256)")


NAMES_OF = (
    "(SELECT replace(replace(group_concat(value, ' '), 'đ', 'd'), 'Đ', 'D') FROM json_each({answers}) "
    "WHERE key LIKE '%name' AND type = 'text')"
)


@migration
def m007_dossier_names(db: Database) -> None:
    """Index the names in dossiers' answers for /find: full text, accents and case folded away."""
    db.execute("CREATE VIRTUAL TABLE dossier_names USING fts5(names, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute(f"INSERT INTO dossier_names (rowid, names) SELECT id, {NAMES_OF.format(answers='answers')} FROM dossiers")
    db.execute(
        "CREATE TRIGGER dossier_names_insert AFTER INSERT ON dossiers BEGIN "
        f"INSERT INTO dossier_names (rowid, names) VALUES (new.id, {NAMES_OF.format(answers='new.answers')}); END"
    )
    db.execute(
        "CREATE TRIGGER dossier_names_update AFTER UPDATE OF answers ON dossiers BEGIN "
        "DELETE FROM dossier_names WHERE rowid = old.id; "
        f"INSERT INTO dossier_names (rowid, names) VALUES (new.id, {NAMES_OF.format(answers='new.answers')}); END"
    )


@migration
def m008_lookup_limits(db: Database) -> None:
    """Count lookups of other people's receipt codes per account and for the whole service, across restarts."""
    db.table("lookup_attempts").create({"account": str, "at": int})
    db.table("lookup_attempts").create_index(["account", "at"])
    db.table("lookup_attempts").create_index(["at"])
    db.table("lookup_windows").create({"starts_at": int, "used": int}, pk="starts_at")


@migration
def m009_inbox_outbox(db: Database) -> None:
    """Keep every platform update until it is processed (the inbox, replacing seen_updates) and everything an
    input causes to be sent until it is delivered (the outbox)."""
    db.table("inbox").create(
        {"seq": int, "channel": str, "update_id": str, "chat": str, "payload": str, "received_at": str, "processed_at": str},
        pk="seq",
    )
    db.execute("CREATE UNIQUE INDEX inbox_update ON inbox (channel, update_id)")
    db.execute("CREATE INDEX inbox_waiting ON inbox (chat, seq) WHERE processed_at IS NULL")
    db.execute("CREATE INDEX inbox_processed_at ON inbox (processed_at)")
    db.execute(
        "INSERT OR IGNORE INTO inbox (channel, update_id, chat, payload, received_at, processed_at) "
        "SELECT channel, update_id, '', '{}', at, at FROM seen_updates"
    )
    db.table("seen_updates").drop()
    db.table("outbox").create(
        {
            "id": int, "chat": str, "channel": str, "target": str, "effect": str, "language": str, "dossier_id": int,
            "state": str, "attempts": int, "not_before": float, "message_id": int, "created_at": str, "sent_at": str,
        },
        pk="id",
    )
    db.execute("CREATE INDEX outbox_waiting ON outbox (chat, id) WHERE state IN ('pending', 'sending')")
    db.execute("CREATE INDEX outbox_sent_at ON outbox (sent_at)")


@migration
def m010_offices(db: Database) -> None:
    """Answer each office's /pending, /stats and /find from indexes (100 offices, 100,000 dossiers), and remember
    the day the supervisors' digest was last sent."""
    db.execute("CREATE INDEX dossiers_office_state ON dossiers (office_code, state, submitted_at, id)")  # /pending, /stats
    db.execute("CREATE INDEX dossiers_office_flow ON dossiers (office_code, flow_id)")  # /stats by procedure
    db.execute("CREATE INDEX dossiers_flow ON dossiers (flow_id)")  # the same for every office
    db.execute("CREATE INDEX dossiers_state_office ON dossiers (state, office_code, expected_on)")  # waiting, overdue
    # /stats' processing time and satisfaction read these columns only: from the index, not the rows with answers
    db.execute("CREATE INDEX dossiers_office_done ON dossiers (office_code, submitted_at, done_at, rating)")
    db.execute("CREATE INDEX dossiers_submitted_office ON dossiers (submitted_at, office_code)")  # received today
    db.table("digests").create({"chat": int, "day": str, "sent_at": str}, pk="chat")


@migration
def m011_fee_paid_and_handover(db: Database) -> None:
    """Record who confirmed a dossier's fee paid and when, and the day its result was handed over (until now
    only the last action's time told it)."""
    table = db.table("dossiers")
    for column in ("fee_paid_at", "fee_paid_by", "handed_over_at"):
        table.add_column(column, str)
    db.execute("UPDATE dossiers SET handed_over_at = last_action_at WHERE state = 'handed_over' AND last_action = 'hand_over'")


@migration
def m012_supplement_changes(db: Database) -> None:
    """Keep a dossier's answers as they were before its last supplement, so the card can show what changed."""
    db.table("dossiers").add_column("before_supplement", str)


@migration
def m013_reminders(db: Database) -> None:
    """Remember each reminder sent (a citizen's pickup, an office's morning list) so it goes out once, across
    restarts; index the dates they are found by."""
    db.table("reminders_sent").create({"key": str, "sent_at": str}, pk="key")
    db.execute("CREATE INDEX dossiers_expected_on ON dossiers (expected_on, state)")
    db.execute("CREATE INDEX dossiers_pickup_on ON dossiers (pickup_on, state)")
