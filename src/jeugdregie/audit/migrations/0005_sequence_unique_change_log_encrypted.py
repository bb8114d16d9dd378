# SPDX-License-Identifier: EUPL-1.2
"""Sequence numbers unique; the change log's description and values encrypted at rest
(they may hold free text). The hashes of 0004 cover the plain values, so they still hold."""

from typing import Any

from django.db import migrations, models

import jeugdregie.core.fields

COLUMNS = ("object_repr", "changes")


def _convert(apps: Any, schema_editor: Any, convert: Any) -> None:
    model = apps.get_model("audit", "ChangeRecord")
    connection = schema_editor.connection
    table = connection.ops.quote_name(model._meta.db_table)
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT id, object_repr, changes FROM {table} "  # noqa: S608
                "WHERE id > %s ORDER BY id LIMIT 1000",
                [last],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                f"UPDATE {table} SET object_repr = %s, changes = %s WHERE id = %s",  # noqa: S608
                [(convert(text) if text else text, convert(values), pk) for pk, text, values in rows],
            )
            last = rows[-1][0]


def encrypt(apps: Any, schema_editor: Any) -> None:
    from jeugdregie.core.crypto import encrypt as encrypted  # noqa: PLC0415

    _convert(apps, schema_editor, encrypted)


def decrypt(apps: Any, schema_editor: Any) -> None:
    from jeugdregie.core.crypto import decrypt as decrypted  # noqa: PLC0415

    _convert(apps, schema_editor, decrypted)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chain_existing_records")]

    operations = [
        migrations.AlterField(
            model_name="accessrecord",
            name="seq",
            field=models.BigIntegerField(editable=False, unique=True, verbose_name="sequence number"),
        ),
        migrations.AlterField(
            model_name="changerecord",
            name="seq",
            field=models.BigIntegerField(editable=False, unique=True, verbose_name="sequence number"),
        ),
        migrations.AlterModelOptions(
            name="accessrecord",
            options={
                "base_manager_name": "objects",
                "ordering": ["-seq"],
                "verbose_name": "access record",
                "verbose_name_plural": "access records",
            },
        ),
        migrations.AlterModelOptions(
            name="changerecord",
            options={
                "base_manager_name": "objects",
                "ordering": ["-seq"],
                "verbose_name": "change record",
                "verbose_name_plural": "change records",
            },
        ),
        migrations.AlterField(
            model_name="changerecord",
            name="object_repr",
            field=jeugdregie.core.fields.EncryptedTextField(verbose_name="object"),
        ),
        migrations.AlterField(
            model_name="changerecord",
            name="changes",
            field=jeugdregie.core.fields.EncryptedJSONField(default=dict, verbose_name="changes"),
        ),
        migrations.RunPython(encrypt, decrypt, elidable=False),
    ]
