# SPDX-License-Identifier: EUPL-1.2
"""The change log never holds a value of an encrypted field: snapshots redact every one of
them without the caller naming it, a change to one is still recorded (without its value), and
the log's own description and values are encrypted at rest."""

import pytest
from django.db import connection

from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.services import (
    REDACTED,
    change_record_create,
    change_records_create,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_a_snapshot_redacts_the_encrypted_fields_by_itself(world):
    anna = world.youth["anna"]

    values = snapshot(anna)

    assert [values[name] for name in ("given_name", "family_name", "bsn")] == [REDACTED] * 3
    assert "Anna" not in str(values)
    assert "Visser" not in str(values)
    assert values["birth_date"] == str(anna.birth_date)  # not encrypted: as it is


def test_bulk_change_records_redact_and_do_not_name_the_object(world):
    anna = world.youth["anna"]

    [record] = change_records_create(user=None, instances=[anna], action=ChangeAction.CREATE)

    stored = ChangeRecord.objects.get(pk=record.pk)
    assert stored.changes["given_name"] == [None, REDACTED]
    assert stored.object_repr == f"clients.Youth {anna.pk}"
    assert "Visser" not in str(stored.changes) + stored.object_repr


def test_a_change_of_an_encrypted_field_is_recorded_without_its_value(world):
    anna = world.youth["anna"]
    before = snapshot(anna)
    anna.given_name = "Anne"

    record = change_record_create(
        user=None, instance=anna, action=ChangeAction.UPDATE, before=before
    )

    stored = ChangeRecord.objects.get(pk=record.pk)
    assert stored.changes == {"given_name": [REDACTED, REDACTED]}  # changed, value unknown
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_repr, changes FROM audit_changerecord WHERE id = %s", [record.pk]
        )
        description, changes = cursor.fetchone()
    assert REDACTED not in str(changes)
    assert "given_name" not in str(changes)
    assert "clients.Youth" not in str(description)
