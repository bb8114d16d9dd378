# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie audit_verify`` recomputes both chains and names the first record where an
attacker with SQL access (past the database's triggers) edited or removed something."""

import json

import pytest

from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.services import access_record_create
from jeugdregie.audit.tests.helpers import ACCESS, CHANGE, tamper, verify

pytestmark = pytest.mark.django_db


def _reads(world, count: int) -> list[AccessRecord]:
    for _ in range(count):
        access_record_create(
            user=world.users["access_staff"],
            youth_ids=[world.youth["anna"].pk],
            purpose=AccessPurpose.DETAIL,
            route="/jeugdigen/1/",
        )
    return list(AccessRecord.objects.order_by("seq"))


def test_an_untouched_log_verifies_with_its_counts(world):
    records = _reads(world, 3)

    code, out = verify()

    assert code == 0, out
    assert f"Toegangslog: in orde, {len(records)} records gecontroleerd vanaf het begin" in out
    assert f"laatste record {records[-1].seq}, hash {records[-1].hash}" in out
    changes = ChangeRecord.objects.count()
    assert changes > 0
    assert f"Wijzigingslog: in orde, {changes} records gecontroleerd" in out


def test_an_edited_access_record_is_found_with_its_sequence_number(world):
    records = _reads(world, 3)
    edited = records[-2]
    tamper(
        ACCESS,
        "UPDATE audit_accessrecord SET route = %s WHERE seq = %s",
        ["/iets-anders/", edited.seq],
    )

    code, out = verify()

    assert code == 1
    assert f"Toegangslog: BREUK bij record {edited.seq}: record {edited.seq} klopt niet" in out
    assert "Wijzigingslog: in orde" in out


def test_an_edited_change_record_is_found_even_with_its_hash_recomputed_by_the_attacker(world):
    # The attacker edits a record and gives it a new hash; the next record's link breaks.
    records = list(ChangeRecord.objects.order_by("seq"))
    target, following = records[1], records[2]
    tamper(
        CHANGE,
        "UPDATE audit_changerecord SET object_pk = '999', hash = %s WHERE seq = %s",
        ["f" * 64, target.seq],
    )

    code, out = verify()

    assert code == 1
    assert f"Wijzigingslog: BREUK bij record {target.seq}" in out
    tamper(
        CHANGE, "UPDATE audit_changerecord SET hash = %s WHERE seq = %s", [target.hash, target.seq]
    )
    tamper(
        CHANGE,
        "UPDATE audit_changerecord SET object_pk = %s WHERE seq = %s",
        [target.object_pk, target.seq],
    )
    assert verify()[0] == 0
    assert following.seq == target.seq + 1


def test_a_removed_record_is_a_gap(world):
    records = _reads(world, 4)
    tamper(
        ACCESS,
        "DELETE FROM audit_accessrecord WHERE seq IN (%s, %s)",
        [records[1].seq, records[2].seq],
    )

    code, out = verify("--json")

    assert code == 1
    access = json.loads(out[: out.rindex("]") + 1])[0]
    assert access["log"] == "access"
    assert access["ok"] is False
    assert access["problem"]["kind"] == "missing"
    assert access["problem"]["seq"] == records[1].seq
    assert access["problem"]["message"] == (
        f"records {records[1].seq} t/m {records[2].seq} ontbreken"
    )


def test_a_log_cut_short_is_found_against_a_head_noted_earlier(world):
    records = _reads(world, 3)
    last = records[-1]
    tamper(ACCESS, "DELETE FROM audit_accessrecord WHERE seq = %s", [last.seq])
    assert verify()[0] == 0  # the chain itself is whole: only a noted head shows the cut

    code, out = verify("--verwacht", f"access:{last.seq}:{last.hash}")

    assert code == 1
    assert f"record {last.seq} ontbreekt: het log is ingekort" in out
