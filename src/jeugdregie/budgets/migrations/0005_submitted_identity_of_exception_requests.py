# SPDX-License-Identifier: EUPL-1.2
"""A provider's nee-tenzij request keeps the identity it submitted (issue 11).

- ``youth`` becomes optional: a provider may name a BSN the region does not know, and is
  answered the same as for one it does.
- ``submitted_*``: the BSN, name and birth date as the provider typed them (encrypted) and a
  keyed hash of the BSN. 0006 fills the BSN of existing requests.
"""

import django.db.models.deletion
from django.db import migrations, models

import jeugdregie.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0004_encrypt_reasons_and_explanations"),
        ("clients", "0002_bsn_may_be_unknown"),
    ]

    operations = [
        migrations.AddField(
            model_name="ceilingexception",
            name="submitted_birth_date",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True,
                help_text="YYYY-MM-DD, encrypted.",
                verbose_name="birth date as submitted",
            ),
        ),
        migrations.AddField(
            model_name="ceilingexception",
            name="submitted_bsn",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="BSN as submitted"
            ),
        ),
        migrations.AddField(
            model_name="ceilingexception",
            name="submitted_bsn_index",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="ceilingexception",
            name="submitted_family_name",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="family name as submitted"
            ),
        ),
        migrations.AddField(
            model_name="ceilingexception",
            name="submitted_given_name",
            field=jeugdregie.core.fields.EncryptedTextField(
                blank=True, verbose_name="given name as submitted"
            ),
        ),
        migrations.AlterField(
            model_name="ceilingexception",
            name="youth",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty when the region's records hold no youth with the submitted BSN.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ceiling_exceptions",
                to="clients.youth",
                verbose_name="youth",
            ),
        ),
    ]
