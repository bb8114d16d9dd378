# SPDX-License-Identifier: EUPL-1.2
"""Old log records leave only through ``jeugdregie audit_prune --before``: a prefix of each
chain goes, a checkpoint keeps where the rest starts, and ``audit_verify`` starts there."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from jeugdregie.audit.constants import AccessPurpose, Log
from jeugdregie.audit.models import AccessRecord, Checkpoint
from jeugdregie.audit.services import access_record_create
from jeugdregie.audit.tests.helpers import ACCESS, tamper, verify

pytestmark = pytest.mark.django_db


def _read(world, when: str) -> None:
    with time_machine.travel(when, tick=False):
        access_record_create(
            user=world.users["access_staff"],
            youth_ids=[world.youth["anna"].pk, world.youth["chris"].pk],
            purpose=AccessPurpose.LIST,
            route="/toewijzingen/",
        )


def _prune(before: str) -> str:
    out = StringIO()
    call_command("audit_prune", "--before", before, "--by", "beheerder", stdout=out)
    return out.getvalue()


def test_pruning_removes_the_old_prefix_and_verify_starts_at_the_checkpoint(world):
    _read(world, "2019-03-01 10:00 +0100")
    _read(world, "2019-06-01 10:00 +0200")
    _read(world, "2024-06-01 10:00 +0200")
    old = list(AccessRecord.objects.filter(at__year=2019).order_by("seq"))
    kept_before = AccessRecord.objects.filter(at__year__gte=2024).count()

    out = _prune("2020-01-01")

    checkpoint = Checkpoint.objects.get(log=Log.ACCESS)
    assert (checkpoint.up_to_seq, checkpoint.last_hash) == (old[-1].seq, old[-1].hash)
    assert (checkpoint.count, checkpoint.by, str(checkpoint.before)) == (
        4,
        "beheerder",
        "2020-01-01",
    )
    assert f"Toegangslog: 4 records verwijderd, t/m record {old[-1].seq}" in out
    assert not AccessRecord.objects.filter(at__year=2019).exists()
    assert AccessRecord.objects.count() == kept_before
    code, report = verify()
    assert code == 0, report
    assert (
        f"Toegangslog: in orde, {kept_before} records gecontroleerd vanaf checkpoint {old[-1].seq}"
        in report
    )
    # the world's change records are all of today: nothing of the change log went
    assert not Checkpoint.objects.filter(log=Log.CHANGE).exists()


def test_the_chain_continues_after_everything_was_pruned(world):
    _read(world, "2019-03-01 10:00 +0100")
    _prune("2020-01-01")
    with connection.cursor() as cursor:  # everything of the access log went
        cursor.execute("SELECT count(*) FROM audit_accessrecord")
        assert cursor.fetchone()[0] == 0
    _read(world, "2024-06-01 10:00 +0200")

    assert AccessRecord.objects.earliest("seq").seq == Checkpoint.objects.get().up_to_seq + 1
    assert verify()[0] == 0


def test_a_broken_chain_is_not_pruned(world):
    _read(world, "2019-03-01 10:00 +0100")
    _read(world, "2019-06-01 10:00 +0200")
    first = AccessRecord.objects.earliest("seq")
    tamper(ACCESS, "UPDATE audit_accessrecord SET route = '/weg/' WHERE seq = %s", [first.seq])

    with pytest.raises(CommandError, match="de keten is gebroken, er is niets verwijderd"):
        _prune("2020-01-01")

    assert AccessRecord.objects.filter(at__year=2019).count() == 4
    assert not Checkpoint.objects.exists()


def test_a_date_in_the_future_is_refused(world):
    with pytest.raises(CommandError, match="De datum ligt in de toekomst"):
        _prune("2999-01-01")
    with pytest.raises(CommandError, match="geen geldige datum"):
        _prune("01-01-2020")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers: PostgreSQL")
def test_on_postgresql_the_database_refuses_to_delete_a_record_after_the_checkpoint(world):
    _read(world, "2019-03-01 10:00 +0100")
    _read(world, "2024-06-01 10:00 +0200")
    _prune("2020-01-01")
    kept = AccessRecord.objects.earliest("seq")

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_accessrecord WHERE seq = %s", [kept.seq])
