# Audit chain anchoring: entries chained with HMAC under the ring's audit key say so (`keyed`; older entries keep
# their SHA-256), and on PostgreSQL a statement trigger refuses TRUNCATE as the row trigger refuses UPDATE/DELETE.
# A session may allow TRUNCATE with `SET hramada.allow_audit_truncate = on` (test databases are emptied so).

from django.db import migrations, models

TRUNCATE_SQL = """
CREATE OR REPLACE FUNCTION core_auditentry_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('hramada.allow_audit_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'core_auditentry is append-only: TRUNCATE refused'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditentry_no_truncate
    BEFORE TRUNCATE ON core_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditentry_no_truncate();
CREATE TRIGGER core_auditchainhead_no_truncate
    BEFORE TRUNCATE ON core_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditentry_no_truncate();
"""

DROP_TRUNCATE_SQL = """
DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry;
DROP TRIGGER IF EXISTS core_auditchainhead_no_truncate ON core_auditchainhead;
DROP FUNCTION IF EXISTS core_auditentry_no_truncate();
"""


def forbid_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRUNCATE_SQL, params=None)


def allow_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRUNCATE_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_staff_administration")]

    operations = [
        migrations.AddField(model_name="auditentry", name="keyed", field=models.BooleanField(default=False)),
        migrations.RunPython(forbid_truncate, allow_truncate),
    ]
