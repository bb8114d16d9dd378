# SPDX-License-Identifier: EUPL-1.2
"""Log records are only ever inserted: not through a model, not through a queryset, and on
PostgreSQL not through plain SQL either (the database refuses UPDATE and DELETE). The one
exception is key rotation's: a new ciphertext in the change log's encrypted columns, which
the hash chain (over the plain values) checks."""

import pytest
from django.db import DatabaseError, connection, transaction

from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord, AppendOnlyError, ChangeRecord, Checkpoint
from jeugdregie.audit.services import access_record_create
from jeugdregie.audit.verification import log_verify
from jeugdregie.core import crypto

pytestmark = pytest.mark.django_db


def _read(world) -> AccessRecord:
    access_record_create(
        user=world.users["privacy_officer"],
        youth_ids=[world.youth["anna"].pk],
        purpose=AccessPurpose.DETAIL,
        route="/",
    )
    return AccessRecord.objects.latest("seq")


def test_access_records_cannot_be_changed_or_deleted(world):
    record = _read(world)
    record.purpose = "list"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    assert AccessRecord.objects.get(pk=record.pk).purpose == "detail"


def test_querysets_cannot_update_or_delete_log_records(world):
    record = _read(world)
    for records in (AccessRecord.objects.all(), ChangeRecord.objects.all()):
        with pytest.raises(AppendOnlyError):
            records.update(route="/anders/")
        with pytest.raises(AppendOnlyError):
            records.delete()
        with pytest.raises(AppendOnlyError):
            records.bulk_update(
                list(records[:1]), ["route" if records.model is AccessRecord else "model"]
            )
    with pytest.raises(AppendOnlyError):
        world.users["privacy_officer"].access_records.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessRecord._base_manager.filter(pk=record.pk).update(route="/")
    with pytest.raises(AppendOnlyError):
        Checkpoint.objects.all().delete()
    assert AccessRecord.objects.get(pk=record.pk).route == "/"


def test_allocation_changes_are_in_the_change_log(world):
    allocation = world.allocations["anna"]
    records = ChangeRecord.objects.filter(
        model="allocations.Allocation", object_pk=str(allocation.pk)
    ).order_by("seq")
    # created, then set to "in care" when delivery started
    assert [r.action for r in records] == ["create", "update"]
    assert records[1].changes["status"] == ["allocated", "in_care"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers: PostgreSQL")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_accessrecord SET route = '/anders/'",
        "DELETE FROM audit_accessrecord",
        "UPDATE audit_changerecord SET object_pk = '0'",
        "UPDATE audit_changerecord SET object_repr = changes, object_pk = '0'",
        "DELETE FROM audit_changerecord",
        "UPDATE audit_checkpoint SET up_to_seq = 0",
        "DELETE FROM audit_checkpoint",
    ],
)
def test_on_postgresql_the_database_refuses_update_and_delete_in_plain_sql(world, sql):
    _read(world)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_checkpoint (log, up_to_seq, last_hash, count, before, at, by) "
            "VALUES ('access', 0, %s, 0, '2000-01-01', now(), 'test')",
            ["0" * 64],
        )
    assert AccessRecord.objects.exists()
    assert ChangeRecord.objects.exists()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers: PostgreSQL")
def test_on_postgresql_truncate_stays_possible_for_a_rebuild(world):
    _read(world)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the insert's foreign-key checks
        cursor.execute("TRUNCATE audit_accessrecord")
    assert not AccessRecord.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers: PostgreSQL")
def test_on_postgresql_only_the_change_logs_ciphertext_can_be_rewritten(world):
    record = ChangeRecord.objects.order_by("seq").last()
    assert record is not None
    update = "UPDATE audit_changerecord SET object_repr = %s WHERE id = %s"
    with connection.cursor() as cursor:
        cursor.execute(update, [crypto.encrypt(record.object_repr), record.pk])
    assert log_verify(ChangeRecord).ok  # the same plaintext: the chain holds

    with connection.cursor() as cursor:
        cursor.execute(update, [crypto.encrypt("iets anders"), record.pk])
    report = log_verify(ChangeRecord)
    assert report.problem is not None
    assert report.problem.seq == record.seq  # another plaintext: the chain breaks there
