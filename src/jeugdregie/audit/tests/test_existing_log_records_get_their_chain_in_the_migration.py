# SPDX-License-Identifier: EUPL-1.2
"""The migration carries existing logs over: each record gets its sequence number (in order
of time) and hash, access records the user's name and the youth's keyed BSN hash with the
key's version, and the change log's description and values are encrypted at rest."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.tests.helpers import verify
from jeugdregie.core.crypto import blind_index_key_version

BEFORE = [("audit", "0002_access_purpose_audit")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_existing_records_get_sequence_numbers_hashes_and_keyed_bsn_hashes(world):
    anna, bram = world.youth["anna"], world.youth["bram"]
    user = world.users["access_staff"]
    executor = _migrate(BEFORE)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        old = executor.loader.project_state(BEFORE).apps
        old_access = old.get_model("audit", "AccessRecord")
        old_change = old.get_model("audit", "ChangeRecord")
        old_change.objects.all().delete()  # the world's, made by the new code
        first = old_access.objects.create(
            user_id=user.pk, role="access_staff", youth_id=bram.pk, purpose="detail", route="/b/"
        )
        second = old_access.objects.create(
            user_id=user.pk, role="access_staff", youth_id=anna.pk, purpose="list", route="/a/"
        )
        old_change.objects.create(
            model="clients.Youth",
            object_pk=str(anna.pk),
            object_repr="Anna Visser",
            action="update",
            changes={"notitie": ["", "Zorgen over thuissituatie"]},
        )
    finally:
        _migrate(leaves)

    records = list(AccessRecord.objects.order_by("seq"))
    assert [(r.pk, r.seq) for r in records] == [(first.pk, 1), (second.pk, 2)]
    assert [r.youth_id for r in records] == [bram.pk, anna.pk]
    assert [r.bsn_hash for r in records] == [bram.bsn_index, anna.bsn_index]
    assert {r.username for r in records} == {user.username}
    assert {r.key_version for r in records} == {blind_index_key_version()}
    assert {r.event for r in records} == {"read"}
    [change] = ChangeRecord.objects.all()
    assert change.seq == 1
    assert change.changes == {"notitie": ["", "Zorgen over thuissituatie"]}
    with connection.cursor() as cursor:
        cursor.execute("SELECT object_repr, changes FROM audit_changerecord")
        description, values = cursor.fetchone()
    assert "Anna" not in description
    assert "thuissituatie" not in str(values)
    code, out = verify()
    assert code == 0, out
    assert "Toegangslog: in orde, 2 records" in out
    assert "Wijzigingslog: in orde, 1 records" in out
