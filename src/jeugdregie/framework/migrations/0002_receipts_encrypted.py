# SPDX-License-Identifier: EUPL-1.2
"""Receipt inputs and results hold a youth's situation: encrypt them at rest."""

import json
from typing import Any

from django.db import migrations

import jeugdregie.core.fields
from jeugdregie.core import crypto


def encrypt_existing(apps: Any, schema_editor: Any) -> None:
    """Rows written before this migration hold plain JSON text: encrypt it in place."""
    table = apps.get_model("framework", "EvaluationReceipt")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, inputs, result FROM {table}")  # noqa: S608
        rows = cursor.fetchall()
        for pk, inputs, result in rows:
            values = [
                crypto.encrypt(json.dumps(json.loads(v), sort_keys=True, ensure_ascii=False))
                for v in (inputs, result)
            ]
            cursor.execute(
                f"UPDATE {table} SET inputs = %s, result = %s WHERE id = %s",  # noqa: S608
                [*values, pk],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("framework", "0001_evaluation_receipts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="evaluationreceipt",
            name="inputs",
            field=jeugdregie.core.fields.EncryptedJSONField(verbose_name="inputs"),
        ),
        migrations.AlterField(
            model_name="evaluationreceipt",
            name="result",
            field=jeugdregie.core.fields.EncryptedJSONField(verbose_name="result"),
        ),
        migrations.RunPython(encrypt_existing, migrations.RunPython.noop),
    ]
