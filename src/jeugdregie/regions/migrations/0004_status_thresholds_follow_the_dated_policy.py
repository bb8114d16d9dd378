# SPDX-License-Identifier: EUPL-1.2
"""The budget status thresholds of a region may be empty: an empty threshold follows the
dated policy (``policy/<region>/status_thresholds/``, the product's defaults in
``policy/default/``). Existing regions keep their values, which now hold as the region's
own: nothing changes for them until their administrator empties a threshold."""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_region_client_stop_allows_extensions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='region',
            name='status_critical_pct',
            field=models.DecimalField(blank=True, decimal_places=2, help_text="Empty: the threshold of the region's dated policy in force (status_thresholds) applies.", max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('200'))], verbose_name='critical threshold (%)'),
        ),
        migrations.AlterField(
            model_name='region',
            name='status_exhausted_pct',
            field=models.DecimalField(blank=True, decimal_places=2, help_text="Empty: the threshold of the region's dated policy in force (status_thresholds) applies.", max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('200'))], verbose_name='exhausted threshold (%)'),
        ),
        migrations.AlterField(
            model_name='region',
            name='status_warning_pct',
            field=models.DecimalField(blank=True, decimal_places=2, help_text="Empty: the threshold of the region's dated policy in force (status_thresholds) applies.", max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('200'))], verbose_name='warning threshold (%)'),
        ),
    ]
