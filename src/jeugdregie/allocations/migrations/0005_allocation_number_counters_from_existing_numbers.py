# SPDX-License-Identifier: EUPL-1.2
"""Every municipality with allocations gets its counter at its highest number, so the numbering
continues where the old "maximum plus one" left it."""

from typing import Any

from django.db import migrations
from django.db.models import BigIntegerField, Max
from django.db.models.functions import Cast


def counters_from_existing_numbers(apps: Any, schema_editor: Any) -> None:
    allocation = apps.get_model("allocations", "Allocation")
    counter = apps.get_model("allocations", "AllocationNumberCounter")
    highest = (
        allocation.objects.values("municipality_id")
        .annotate(highest=Max(Cast("number", BigIntegerField())))
        .order_by()
    )
    counter.objects.bulk_create(
        [
            counter(municipality_id=row["municipality_id"], last_number=row["highest"] or 0)
            for row in highest
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("allocations", "0004_allocationnumbercounter"),
    ]

    operations = [
        migrations.RunPython(
            counters_from_existing_numbers, migrations.RunPython.noop, elidable=False
        ),
    ]
