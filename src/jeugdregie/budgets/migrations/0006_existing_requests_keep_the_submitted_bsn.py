# SPDX-License-Identifier: EUPL-1.2
"""Existing nee-tenzij requests of providers get the BSN the provider typed as their submission.

A provider's request was found by the exact BSN it typed, so the youth's BSN is what it
submitted; it was asked for no name or birth date, and is shown none (never the youth
record's). Requests granted through the afwegingskader (made by the region) keep no
submission. A separate migration from 0005: PostgreSQL refuses to alter a table in the
transaction that updated its rows.
"""

from django.db import migrations

PROVIDER = "provider"


def _submitted_bsn_from_youth(apps, schema_editor):
    exception_model = apps.get_model("budgets", "CeilingException")
    requests = exception_model.objects.filter(
        requested_by__role=PROVIDER, submitted_bsn="", youth__isnull=False
    ).select_related("youth")
    for exception in requests.iterator():
        youth = exception.youth
        if not youth.bsn:
            continue
        exception.submitted_bsn = youth.bsn
        exception.submitted_bsn_index = youth.bsn_index or ""
        exception.save(update_fields=["submitted_bsn", "submitted_bsn_index"])


class Migration(migrations.Migration):
    dependencies = [("budgets", "0005_submitted_identity_of_exception_requests")]

    operations = [
        migrations.RunPython(_submitted_bsn_from_youth, migrations.RunPython.noop, elidable=False),
    ]
