# SPDX-License-Identifier: EUPL-1.2
"""Encrypt the notes already on the waiting list (free text that can hold health details), and
give the entries a provider reported itself, or derived from its own request, the identity of
their youth as their submission: what the provider was shown until now, so they look the same
to it as before."""

from django.db import migrations

from jeugdregie.core import crypto

NOTES = ("bridging_note", "outflow_note")
OWN_REPORTS = ("provider_screen", "provider_api", "request")


def _encrypt_notes(apps, schema_editor):
    entry_model = apps.get_model("waitinglists", "WaitingEntry")
    for name in NOTES:
        rows = entry_model.objects.exclude(**{name: ""}).values_list("pk", name)
        for pk, value in rows.iterator():
            entry_model.objects.filter(pk=pk).update(**{name: crypto.encrypt(value)})


def _decrypt_notes(apps, schema_editor):
    entry_model = apps.get_model("waitinglists", "WaitingEntry")
    for name in NOTES:
        rows = entry_model.objects.exclude(**{name: ""}).values_list("pk", name)
        for pk, value in rows.iterator():
            entry_model.objects.filter(pk=pk).update(**{name: crypto.decrypt(value)[:500]})


def _submitted_from_youth(apps, schema_editor):
    entry_model = apps.get_model("waitinglists", "WaitingEntry")
    entries = entry_model.objects.filter(
        source__in=OWN_REPORTS, submitted_bsn="", youth__isnull=False
    ).select_related("youth")
    for entry in entries.iterator():
        youth = entry.youth
        if not youth.bsn:
            continue
        entry.submitted_bsn = youth.bsn
        entry.submitted_bsn_index = youth.bsn_index or ""
        entry.submitted_given_name = youth.given_name
        entry.submitted_family_name = youth.family_name
        entry.submitted_birth_date = youth.birth_date.isoformat()
        entry.save(
            update_fields=[
                "submitted_bsn",
                "submitted_bsn_index",
                "submitted_given_name",
                "submitted_family_name",
                "submitted_birth_date",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("waitinglists", "0003_submitted_identity_and_plain_notes")]

    operations = [
        migrations.RunPython(_submitted_from_youth, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(_encrypt_notes, _decrypt_notes, elidable=False),
    ]
