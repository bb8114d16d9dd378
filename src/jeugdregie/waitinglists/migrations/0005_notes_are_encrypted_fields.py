# SPDX-License-Identifier: EUPL-1.2
"""The notes, encrypted by 0004, get the field type that decrypts on load (no schema change)."""

from django.db import migrations

import jeugdregie.core.fields


class Migration(migrations.Migration):
    dependencies = [("waitinglists", "0004_encrypt_notes_and_keep_what_providers_saw")]

    operations = [
        migrations.AlterField(
            model_name="waitingentry",
            name="bridging_note",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="bridging care"
            ),
        ),
        migrations.AlterField(
            model_name="waitingentry",
            name="outflow_note",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="outflow note"
            ),
        ),
    ]
