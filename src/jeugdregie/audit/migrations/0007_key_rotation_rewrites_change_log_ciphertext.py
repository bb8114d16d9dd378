# SPDX-License-Identifier: EUPL-1.2
"""Key rotation (``jeugdregie keys_rotate``) re-encrypts the change log's encrypted columns
(``object_repr``, ``changes``) with the newest key. On PostgreSQL the log's trigger now lets
an UPDATE of the change log through when nothing but those columns changes; every other
UPDATE and every DELETE is refused as before, on every audit table.

The trigger cannot read ciphertext: what it lets through is a new ciphertext in those two
columns. What they say is kept by the hash chain, which covers the plain values
(``audit.chain``): a ciphertext of anything else breaks the chain at that record
(``jeugdregie audit_verify``). Nothing happens on SQLite.
"""

from typing import Any

from django.db import migrations

# 0006's function with one addition: TG_ARGV[1], the columns an UPDATE may change
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
    IF TG_OP = 'UPDATE' AND TG_NARGS > 1
        AND (to_jsonb(NEW) - string_to_array(TG_ARGV[1], ','))
            = (to_jsonb(OLD) - string_to_array(TG_ARGV[1], ',')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% on %: audit records are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Old records leave only through jeugdregie audit_prune.';
END
$$
"""
OLD_FUNCTION = """
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
TABLE = "audit_changerecord"
CIPHERTEXT_COLUMNS = "object_repr,changes"


def _trigger(schema_editor: Any, *args: str) -> None:
    arguments = ", ".join(f"'{a}'" for a in args)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
    schema_editor.execute(
        f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION audit_refuse_change({arguments})"
    )


def install(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # the % in it are PL/pgSQL's
    _trigger(schema_editor, "change", CIPHERTEXT_COLUMNS)


def uninstall(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    _trigger(schema_editor, "change")
    schema_editor.execute(OLD_FUNCTION, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_database_refuses_update_and_delete")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
