# SPDX-License-Identifier: EUPL-1.2
"""Receipts record the SHA-256 of the exact bytes of the rule set file they were evaluated
under (the rule sets moved to the policy tree byte for byte, issue 12).

Existing receipts get it only where that can be shown: the policy tree (with
``JEUGDREGIE_POLICY_DIR``) has a file of the receipt's rule set and version, and the
receipt's ``content_hash`` (the SHA-256 of the file's text as it was read then, line endings
made ``\\n``) is that file's. Then the bytes are the ones the receipt was evaluated under and
their SHA-256 is recorded. A receipt whose version has no file any more, or whose file has
changed since, keeps an empty ``file_sha256``: a hash of other bytes would be a false
statement on an append-only record. Nothing else of a receipt changes.
"""

import hashlib
from typing import Any

from django.db import migrations, models

from jeugdregie.core.policy import AFWEGINGSKADER, DEFAULT_REGION, policy_versions


def _text_hash(text: str) -> str:
    """``content_hash`` as the engine computed it: the file read as text (universal newlines)."""
    return hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode()).hexdigest()


def record_file_hashes(apps: Any, schema_editor: Any) -> None:
    table = apps.get_model("framework", "EvaluationReceipt")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT ruleset_id, version, content_hash FROM {table}")  # noqa: S608
        kept = cursor.fetchall()
        if not kept:
            return
        files = {
            (str(file.content.get("ruleset")), str(file.content.get("version"))): file
            for file in policy_versions(region=DEFAULT_REGION, kind=AFWEGINGSKADER)
        }
        for ruleset_id, version, content_hash in kept:
            file = files.get((ruleset_id, version))
            if file is None or _text_hash(file.text) != content_hash:
                continue
            cursor.execute(
                f"UPDATE {table} SET file_sha256 = %s "  # noqa: S608
                "WHERE ruleset_id = %s AND version = %s AND content_hash = %s",
                [file.sha256, ruleset_id, version, content_hash],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("framework", "0002_receipts_encrypted"),
    ]

    operations = [
        migrations.AddField(
            model_name="evaluationreceipt",
            name="file_sha256",
            field=models.CharField(
                blank=True, default="", max_length=64, verbose_name="SHA-256 of the rule set file"
            ),
        ),
        migrations.RunPython(record_file_hashes, migrations.RunPython.noop),
    ]
