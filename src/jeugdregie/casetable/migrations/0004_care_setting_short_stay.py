# SPDX-License-Identifier: EUPL-1.2
"""A third care setting, short stay (kortdurend verblijf; afwegingskader.md §3, corrected
December 2026); the column grows to hold its value."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casetable", "0003_encrypt_motivations_and_notes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="care_setting",
            field=models.CharField(
                blank=True,
                choices=[
                    ("verblijf", "Residential (verblijf)"),
                    ("kortdurend_verblijf", "Short stay (kortdurend verblijf)"),
                    ("ambulant", "Ambulant"),
                ],
                max_length=19,
                verbose_name="care setting",
            ),
        ),
    ]
