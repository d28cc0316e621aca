# The custody log is append-only in the database too, not only in CustodyEntry.save()/delete(): a trigger refuses
# UPDATE and DELETE of custody entries on PostgreSQL and on SQLite, and on PostgreSQL TRUNCATE as well. Evidence
# file rows (the hashes of what was received, where the bytes are) are guarded the same way, except their encrypted
# original name, which a key rotation (core.personal_data.reencrypt) must be able to re-encrypt.
# Test databases are emptied between transactional tests: PostgreSQL with TRUNCATE, allowed where the session sets
# `hramada.allow_audit_truncate = on` (as core's audit log, migration core/0007); SQLite with DELETE, allowed where
# the connection's hramada_custody_purge_allowed() says so (custody.register_sqlite_guard; only test settings do).
# On SQLite a later migration that rebuilds this table drops its triggers: such a migration must create them again
# (tests/evidence/test_custody_database.py fails otherwise).

from django.db import migrations

# Every column of an evidence file row but its encrypted original name.
WRITE_ONCE_COLUMNS = (
    "item_id, role, derived_from_id, file, kind, content_type, size, sha256, sha512, removed_metadata, note, "
    "created_by_id, created_at"
)

POSTGRESQL_SQL = """
CREATE OR REPLACE FUNCTION evidence_custodyentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND coalesce(current_setting('hramada.allow_audit_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER evidence_custodyentry_append_only
    BEFORE UPDATE OR DELETE ON evidence_custodyentry
    FOR EACH ROW EXECUTE FUNCTION evidence_custodyentry_append_only();
CREATE TRIGGER evidence_custodyentry_no_truncate
    BEFORE TRUNCATE ON evidence_custodyentry
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_custodyentry_append_only();
CREATE TRIGGER evidence_evidencefile_write_once
    BEFORE UPDATE OF {columns} ON evidence_evidencefile
    FOR EACH ROW EXECUTE FUNCTION evidence_custodyentry_append_only();
CREATE TRIGGER evidence_evidencefile_no_delete
    BEFORE DELETE ON evidence_evidencefile
    FOR EACH ROW EXECUTE FUNCTION evidence_custodyentry_append_only();
CREATE TRIGGER evidence_evidencefile_no_truncate
    BEFORE TRUNCATE ON evidence_evidencefile
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_custodyentry_append_only();
"""

POSTGRESQL_DROP_SQL = """
DROP TRIGGER IF EXISTS evidence_custodyentry_append_only ON evidence_custodyentry;
DROP TRIGGER IF EXISTS evidence_custodyentry_no_truncate ON evidence_custodyentry;
DROP TRIGGER IF EXISTS evidence_evidencefile_write_once ON evidence_evidencefile;
DROP TRIGGER IF EXISTS evidence_evidencefile_no_delete ON evidence_evidencefile;
DROP TRIGGER IF EXISTS evidence_evidencefile_no_truncate ON evidence_evidencefile;
DROP FUNCTION IF EXISTS evidence_custodyentry_append_only();
"""

SQLITE_SQL = [
    """
    CREATE TRIGGER evidence_evidencefile_no_update BEFORE UPDATE OF {columns} ON evidence_evidencefile
    BEGIN SELECT RAISE(ABORT, 'evidence_evidencefile is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER evidence_evidencefile_no_delete BEFORE DELETE ON evidence_evidencefile
    WHEN NOT hramada_custody_purge_allowed()
    BEGIN SELECT RAISE(ABORT, 'evidence_evidencefile is append-only: DELETE refused'); END
    """,
    """
    CREATE TRIGGER evidence_custodyentry_no_update BEFORE UPDATE ON evidence_custodyentry
    BEGIN SELECT RAISE(ABORT, 'evidence_custodyentry is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER evidence_custodyentry_no_delete BEFORE DELETE ON evidence_custodyentry
    WHEN NOT hramada_custody_purge_allowed()
    BEGIN SELECT RAISE(ABORT, 'evidence_custodyentry is append-only: DELETE refused'); END
    """,
]

SQLITE_DROP_SQL = [
    "DROP TRIGGER IF EXISTS evidence_evidencefile_no_update",
    "DROP TRIGGER IF EXISTS evidence_evidencefile_no_delete",
    "DROP TRIGGER IF EXISTS evidence_custodyentry_no_update",
    "DROP TRIGGER IF EXISTS evidence_custodyentry_no_delete",
]


def forbid_changes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_SQL.replace("{columns}", WRITE_ONCE_COLUMNS), params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_SQL:
            schema_editor.execute(statement.replace("{columns}", WRITE_ONCE_COLUMNS), params=None)


def allow_changes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_DROP_SQL, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP_SQL:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_evidence_incidents_custody_register")]

    operations = [migrations.RunPython(forbid_changes, allow_changes)]
