# SPDX-License-Identifier: EUPL-1.2
"""Demo youth have synthetic BSNs that pass the eleven-test, stored only encrypted."""

import random

import pytest
from django.db import connection

from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key, family_name_lookup_key
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.demo.arithmetic import synthetic_bsns


@pytest.mark.django_db
def test_every_demo_bsn_is_synthetic_valid_and_unique(small_demo):
    bsns = [youth.bsn for youth in Youth.objects.all()]

    assert len(bsns) == 670
    assert len(set(bsns)) == len(bsns)
    assert all(passes_eleven_test(bsn) for bsn in bsns)
    # The 999 range; the 9999 block stays free for hand-made test youth (see arithmetic).
    assert all(bsn.startswith("999") and not bsn.startswith("9999") for bsn in bsns)


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
def test_demo_youth_can_be_found_by_bsn_and_family_name(small_demo):
    youth = Youth.objects.order_by("pk")[123]

    assert Youth.objects.get(bsn_index=bsn_lookup_key(youth.bsn)) == youth
    assert youth in Youth.objects.filter(
        family_name_index=family_name_lookup_key(youth.family_name)
    )


def test_synthetic_bsns_never_use_the_9999_block():
    with pytest.raises(ValueError, match="9999 block is reserved"):
        synthetic_bsns(random.Random(1), 10, blocks=(9,))


def test_the_999_blocks_hold_enough_bsns_for_the_large_scale():
    bsns = synthetic_bsns(random.Random(1), 54_000, blocks=range(9))

    assert len(set(bsns)) == 54_000
    assert all(passes_eleven_test(bsn) for bsn in bsns[:1000])
