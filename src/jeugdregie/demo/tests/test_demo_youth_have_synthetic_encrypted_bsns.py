# SPDX-License-Identifier: EUPL-1.2
"""Demo youth have synthetic BSNs that pass the eleven-test, stored only encrypted."""

import random

import pytest
from django.db import connection

from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import (
    bsn_lookup_key,
    family_name_lookup_key,
    given_name_lookup_key,
)
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.demo.arithmetic import synthetic_bsns


@pytest.mark.django_db
def test_every_demo_bsn_is_from_the_test_range_valid_and_unique(small_demo):
    bsns = [youth.bsn for youth in Youth.objects.all()]
    known = [bsn for bsn in bsns if bsn]

    assert len(bsns) == 670
    assert len(known) == 670  # at small scale every youth fits in the test range
    assert len(set(known)) == len(known)
    assert all(passes_eleven_test(bsn) for bsn in known)
    assert all(bsn.startswith("9999") and int(bsn[4:8]) >= 500 for bsn in known)


@pytest.mark.django_db
def test_no_plaintext_bsn_or_name_is_in_the_youth_table(small_demo):
    plaintext = {
        youth.pk: (youth.bsn, youth.given_name, youth.family_name) for youth in Youth.objects.all()
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, bsn, given_name, family_name FROM clients_youth")
        stored = cursor.fetchall()

    assert len(stored) == len(plaintext)
    for pk, bsn, given_name, family_name in stored:
        assert (bsn, given_name, family_name) != plaintext[pk]
        assert all(value.startswith("gAAAAA") for value in (bsn, given_name, family_name))
        assert plaintext[pk][0] not in bsn


@pytest.mark.django_db
def test_demo_youth_can_be_found_by_bsn_family_name_and_given_name(small_demo):
    youth = Youth.objects.order_by("pk")[123]

    assert Youth.objects.get(bsn_index=bsn_lookup_key(youth.bsn)) == youth
    assert youth in Youth.objects.filter(
        family_name_index=family_name_lookup_key(youth.family_name),
        given_name_index=given_name_lookup_key(youth.given_name),
    )
    # the bulk insert fills the indexes of every youth, not only of the one looked at
    assert not Youth.objects.filter(given_name_index="").exists()
    assert not Youth.objects.filter(family_name_index="").exists()


def test_the_reserved_stems_stay_free_for_hand_made_test_data():
    with pytest.raises(ValueError, match="reserved for tests"):
        synthetic_bsns(random.Random(1), 10, stems=range(0, 600))


def test_beyond_the_test_range_youth_get_no_bsn_rather_than_a_real_looking_one():
    bsns = synthetic_bsns(random.Random(1), 12_000, stems=range(500, 10_000))

    known = [bsn for bsn in bsns if bsn]
    assert len(bsns) == 12_000
    assert 8_600 < len(known) < 8_700  # one valid number per stem unless its check is 10
    assert len(set(known)) == len(known)
    assert all(bsn.startswith("9999") and passes_eleven_test(bsn) for bsn in known)
