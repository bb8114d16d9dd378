# SPDX-License-Identifier: EUPL-1.2
"""Free text on the worklists can hold health details: the JW315's comment and the reason of a
decision are encrypted. Existing rows are encrypted in place (the columns are text already;
the field type that decrypts on load comes after the rows are encrypted)."""

from django.db import migrations

import jeugdregie.core.fields
from jeugdregie.core import crypto

FIELDS = (
    ("AllocationRequest", "comment"),
    ("AllocationRequest", "decision_note"),
    ("ChangeRequest", "decision_note"),
)


def _convert(apps, convert):
    for model_name, name in FIELDS:
        model = apps.get_model("messaging", model_name)
        rows = model.objects.exclude(**{name: ""}).values_list("pk", name)
        for pk, value in rows.iterator():
            model.objects.filter(pk=pk).update(**{name: convert(value)})


def _encrypt(apps, schema_editor):
    _convert(apps, crypto.encrypt)


def _decrypt(apps, schema_editor):
    _convert(apps, crypto.decrypt)


class Migration(migrations.Migration):
    dependencies = [("messaging", "0002_reported_stops_and_declaration_period")]

    operations = [
        migrations.RunPython(_encrypt, _decrypt, elidable=False),
        migrations.AlterField(
            model_name="allocationrequest",
            name="comment",
            field=jeugdregie.core.fields.EncryptedTextField(blank=True, verbose_name="comment"),
        ),
        migrations.AlterField(
            model_name="allocationrequest",
            name="decision_note",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="reason of the decision"
            ),
        ),
        migrations.AlterField(
            model_name="changerequest",
            name="decision_note",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="reason of the decision"
            ),
        ),
    ]
