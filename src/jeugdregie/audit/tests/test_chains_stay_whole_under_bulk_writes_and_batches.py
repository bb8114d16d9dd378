# SPDX-License-Identifier: EUPL-1.2
"""Bulk writers stay one INSERT with the chain computed in Python; a batch (the iJw import's
transaction per message) writes its records at its very end, so the chain's lock is held
only for that insert and the commit; on PostgreSQL parallel writers keep one gapless chain."""

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from ijw import codelists as cl
from jeugdregie.audit.chain import GENESIS, chain_fields, record_hash
from jeugdregie.audit.constants import AccessPurpose, ChangeAction
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.services import (
    access_record_create,
    audit_batch,
    change_record_create,
    change_records_create,
)
from jeugdregie.audit.tests.helpers import verify
from jeugdregie.clients.models import Youth
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import synthetic_test_bsn


def _inserts(queries: CaptureQueriesContext, table: str) -> list[int]:
    """Positions of the INSERTs into ``table`` among the captured statements."""
    return [
        index
        for index, query in enumerate(queries.captured_queries)
        if query["sql"].startswith(f'INSERT INTO "{table}"')
    ]


@pytest.mark.django_db
def test_a_read_of_many_youth_is_one_insert_with_a_gapless_chain(world):
    youth_ids = list(Youth.objects.values_list("pk", flat=True))
    before = AccessRecord.objects.count()

    with CaptureQueriesContext(connection) as queries:
        count = access_record_create(
            user=world.users["contract_manager"],
            youth_ids=youth_ids,
            purpose=AccessPurpose.LIST,
            route="/toewijzingen/",
        )

    assert count == len(youth_ids) >= 4
    assert len(_inserts(queries, "audit_accessrecord")) == 1
    records = list(AccessRecord.objects.order_by("seq"))
    assert [r.seq for r in records] == list(range(1, before + count + 1))
    previous = GENESIS
    for record in records:  # the hash covers the predecessor's hash and the record itself
        assert record.hash == record_hash(
            log="access", seq=record.seq, previous=previous, fields=chain_fields(record)
        )
        previous = record.hash
    keys = dict(Youth.objects.values_list("pk", "bsn_index"))
    assert all(r.bsn_hash == (keys[r.youth_id] or "") for r in records[-count:])
    assert all(r.key_version for r in records[-count:])
    assert verify()[0] == 0


@pytest.mark.django_db
def test_many_new_objects_are_one_insert_into_the_change_log(world):
    youth = list(Youth.objects.all())
    last = ChangeRecord.objects.latest("seq").seq

    with CaptureQueriesContext(connection) as queries:
        change_records_create(user=None, instances=youth, action=ChangeAction.CREATE)

    assert len(_inserts(queries, "audit_changerecord")) == 1
    seqs = list(
        ChangeRecord.objects.filter(seq__gt=last).order_by("seq").values_list("seq", flat=True)
    )
    assert seqs == list(range(last + 1, last + len(youth) + 1))
    assert verify()[0] == 0


@pytest.mark.django_db
def test_a_batch_writes_its_records_at_its_end_and_none_of_a_rolled_back_savepoint(world):
    anna, bram = world.youth["anna"], world.youth["bram"]
    last = ChangeRecord.objects.latest("seq").seq

    with audit_batch():
        change_record_create(user=None, instance=anna, action=ChangeAction.UPDATE)
        assert not ChangeRecord.objects.filter(seq__gt=last).exists()  # kept until the end
        try:
            with transaction.atomic():
                change_record_create(user=None, instance=bram, action=ChangeAction.UPDATE)
                raise RuntimeError("this part is undone")
        except RuntimeError:
            pass
        with audit_batch():  # a nested batch writes with the outer one
            change_record_create(user=None, instance=anna, action=ChangeAction.DELETE)
        assert not ChangeRecord.objects.filter(seq__gt=last).exists()

    written = ChangeRecord.objects.filter(seq__gt=last).order_by("seq")
    assert [(r.object_pk, r.action) for r in written] == [
        (str(anna.pk), ChangeAction.UPDATE),
        (str(anna.pk), ChangeAction.DELETE),
    ]
    assert [r.seq for r in written] == [last + 1, last + 2]

    def failing() -> None:
        with audit_batch():
            change_record_create(user=None, instance=anna, action=ChangeAction.UPDATE)
            raise RuntimeError("all undone")

    with pytest.raises(RuntimeError):
        failing()
    assert ChangeRecord.objects.filter(seq__gt=last).count() == 2
    assert verify()[0] == 0


@pytest.fixture
def _june() -> Iterator[None]:
    with time_machine.travel("2025-06-02 10:00 +0200", tick=False):
        yield


@pytest.mark.django_db
@pytest.mark.usefixtures("_june")
def test_a_received_message_writes_its_change_records_last_in_one_insert(world):
    allocation = world.allocations["anna"]
    data = m.jw307(
        world.provider.agb_code,
        "STOP1",
        bsn=synthetic_test_bsn(0),
        day=dt.date(2025, 6, 2),
        number=int(allocation.number),
        allocation_start=allocation.start,
        start=dt.date(2025, 2, 3),
        end=dt.date(2025, 4, 10),
        reason=cl.RedenBeeindiging.VOLGENS_PLAN,
    )
    last = ChangeRecord.objects.latest("seq").seq

    with CaptureQueriesContext(connection) as queries:
        message_receive(data=data)

    assert ChangeRecord.objects.filter(seq__gt=last).exists()
    inserts = _inserts(queries, "audit_changerecord")
    assert len(inserts) == 1
    statements = [q["sql"] for q in queries.captured_queries]
    writes = [
        i
        for i, sql in enumerate(statements)
        if sql.startswith(("INSERT", "UPDATE", "DELETE")) and "audit_" not in sql.split("(")[0]
    ]
    assert max(writes) < inserts[0]  # the domain's writes all came first
    # right before the insert, with no savepoint between: the read of the chain's last
    # record, on PostgreSQL together with taking the lock (audit_chain_head)
    head = statements[inserts[0] - 1]
    assert "audit_changerecord" in head or "audit_chain_head" in head
    if connection.vendor == "postgresql":
        assert "audit_chain_head" in head
        assert sum("audit_chain_head" in sql for sql in statements) == 1
    assert verify()[0] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel writers: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_parallel_writers_on_postgresql_keep_one_gapless_chain(world):
    youth_ids = list(Youth.objects.values_list("pk", flat=True))
    user = world.users["contract_manager"]
    anna = world.youth["anna"]
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(10):
                with audit_batch():
                    change_record_create(user=None, instance=anna, action=ChangeAction.UPDATE)
                    access_record_create(
                        user=user, youth_ids=youth_ids, purpose=AccessPurpose.LIST, route="/"
                    )
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    for model in (AccessRecord, ChangeRecord):
        seqs = list(model.objects.order_by("seq").values_list("seq", flat=True))
        assert seqs == list(range(1, len(seqs) + 1))
    assert AccessRecord.objects.count() == 40 * len(youth_ids)
    assert verify()[0] == 0
