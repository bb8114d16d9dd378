# SPDX-License-Identifier: EUPL-1.2
"""A provider's report keeps the identity it submitted; the notes become plain text columns.

- ``youth`` becomes optional (a provider may report a BSN the region does not know).
- ``submitted_*``: the BSN, name and birth date as the provider typed them (encrypted) and a
  keyed hash of the BSN.
- ``bridging_note`` and ``outflow_note`` become text columns; 0004 encrypts their rows and
  0005 gives them the field type that decrypts on load. (Three migrations, each its own
  transaction: PostgreSQL refuses to alter a table in the transaction that updated its rows.)
"""

from django.db import migrations, models

import jeugdregie.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("waitinglists", "0002_reported_by_is_followed_by_the_demo_purge"),
    ]

    operations = [
        migrations.AlterField(
            model_name="waitingentry",
            name="youth",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty when a provider reported a BSN the region does not know.",
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="waiting_entries",
                to="clients.youth",
                verbose_name="youth",
            ),
        ),
        migrations.AddField(
            model_name="waitingentry",
            name="submitted_bsn",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="BSN as submitted"
            ),
        ),
        migrations.AddField(
            model_name="waitingentry",
            name="submitted_bsn_index",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="waitingentry",
            name="submitted_given_name",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="given name as submitted"
            ),
        ),
        migrations.AddField(
            model_name="waitingentry",
            name="submitted_family_name",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="family name as submitted"
            ),
        ),
        migrations.AddField(
            model_name="waitingentry",
            name="submitted_birth_date",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True,
                help_text="YYYY-MM-DD, encrypted.",
                verbose_name="birth date as submitted",
            ),
        ),
        migrations.AlterField(
            model_name="waitingentry",
            name="bridging_note",
            field=models.TextField(blank=True, verbose_name="bridging care"),
        ),
        migrations.AlterField(
            model_name="waitingentry",
            name="outflow_note",
            field=models.TextField(blank=True, verbose_name="outflow note"),
        ),
    ]
