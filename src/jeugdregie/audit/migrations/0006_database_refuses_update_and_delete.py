# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the database itself refuses UPDATE and DELETE on the access log, the change
log and the checkpoints (row-level BEFORE triggers). A DELETE of log records is accepted
only for records covered by a checkpoint of their log (``audit_prune`` writes the checkpoint
first). TRUNCATE is not a row operation and stays possible (the test suite's flush).

Own triggers rather than django-pgtrigger: pgtrigger's triggers obey a session setting
(``pgtrigger.ignore``) that any connection may set, which would make them a convention; these
can only be switched off by the table's owner with ALTER TABLE. Also the function
``audit_chain_head``: the appenders' lock and a log's last record in one round trip.
Nothing happens on SQLite.
"""

from typing import Any

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pruned bigint;
BEGIN
    IF TG_OP = 'DELETE' AND TG_ARGV[0] <> '' THEN
        SELECT max(up_to_seq) INTO pruned FROM audit_checkpoint WHERE log = TG_ARGV[0];
        IF pruned IS NOT NULL AND OLD.seq <= pruned THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '% on %: audit records are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Old records leave only through jeugdregie audit_prune.';
END
$$
"""
# Taking the appenders' lock and reading a log's last record in one round trip (see
# audit.chain.locked_head): VOLATILE, so its queries see what was committed before the lock was
# granted. The key is audit.chain.LOCK_KEY (frozen here).
LOCK_KEY = 0x6A72_2D61_7564_6974
HEAD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_chain_head(log_name text)
RETURNS TABLE (last_seq bigint, last_hash text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    IF log_name = 'access' THEN
        RETURN QUERY SELECT r.seq, r.hash::text FROM audit_accessrecord r ORDER BY r.seq DESC LIMIT 1;
    ELSE
        RETURN QUERY SELECT r.seq, r.hash::text FROM audit_changerecord r ORDER BY r.seq DESC LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN QUERY SELECT c.up_to_seq, c.last_hash::text FROM audit_checkpoint c
            WHERE c.log = log_name ORDER BY c.up_to_seq DESC LIMIT 1;
    END IF;
END
$$
"""
TABLES = (
    ("audit_accessrecord", "access"),
    ("audit_changerecord", "change"),
    ("audit_checkpoint", ""),
)


def _postgresql(schema_editor: Any) -> bool:
    return bool(schema_editor.connection.vendor == "postgresql")


def install(apps: Any, schema_editor: Any) -> None:
    if not _postgresql(schema_editor):
        return
    schema_editor.execute(FUNCTION, params=None)  # the % in it are PL/pgSQL's
    schema_editor.execute(HEAD_FUNCTION, params=None)
    for table, log in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION audit_refuse_change('{log}')"
        )


def uninstall(apps: Any, schema_editor: Any) -> None:
    if not _postgresql(schema_editor):
        return
    for table, _log in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_refuse_change()")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_chain_head(text)")


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_sequence_unique_change_log_encrypted")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
