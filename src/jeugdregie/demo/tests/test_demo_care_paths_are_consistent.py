# SPDX-License-Identifier: EUPL-1.2
"""Demo youth, referrals, allocations and contracts fit together like real ones would."""

import datetime as dt
from collections import Counter

import pytest

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract
from jeugdregie.demo.tests.helpers import YEAR

FIRST_DAY, LAST_DAY = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@pytest.mark.django_db
def test_every_youth_is_referred_once_before_care_starts(small_demo):
    first_start = {youth_id: min(starts) for youth_id, starts in _starts_by_youth().items()}
    referrals = Referral.objects.select_related("youth")

    assert Counter(referral.youth_id for referral in referrals) == Counter(first_start.keys())
    for referral in referrals:
        assert referral.youth.birth_date < referral.date <= first_start[referral.youth_id]
        assert 0 <= age_on(referral.youth.birth_date, dt.date(YEAR, 7, 1)) <= 17


@pytest.mark.django_db
def test_allocations_overlap_the_year_and_their_status_fits_their_dates(small_demo):
    allocations = list(Allocation.objects.prefetch_related("delivery_periods"))
    statuses = Counter(allocation.status for allocation in allocations)

    assert statuses[AllocationStatus.IN_CARE] > statuses[AllocationStatus.ALLOCATED] > 0
    assert statuses[AllocationStatus.ENDED] > 0
    assert any(allocation.start < FIRST_DAY for allocation in allocations)
    for allocation in allocations:
        assert allocation.start <= LAST_DAY
        assert allocation.end is None or allocation.end >= FIRST_DAY
        periods = list(allocation.delivery_periods.all())
        if allocation.status == AllocationStatus.ENDED:
            assert allocation.end is not None
            assert allocation.end <= LAST_DAY
            assert [(p.start >= allocation.start, p.end) for p in periods] == [
                (True, allocation.end)
            ]
        elif allocation.status == AllocationStatus.IN_CARE:
            assert [p.end for p in periods] == [None]
        else:
            assert periods == []


@pytest.mark.django_db
def test_every_allocation_is_at_a_provider_contracted_for_its_lot(small_demo):
    contracted = {
        (contract.region_id, contract.provider_id, lot.pk)
        for contract in Contract.objects.prefetch_related("lots")
        for lot in contract.lots.all()
    }
    for region_id, provider_id, lot_id in Allocation.objects.values_list(
        "municipality__region_id", "provider_id", "product__lot_id"
    ):
        assert (region_id, provider_id, lot_id) in contracted


@pytest.mark.django_db
def test_youth_live_in_every_municipality_of_their_region(small_demo):
    municipalities = set(Youth.objects.values_list("municipality__cbs_code", flat=True))

    assert len(municipalities) == 17


def _starts_by_youth() -> dict[int, list[dt.date]]:
    starts: dict[int, list[dt.date]] = {}
    for youth_id, start in Allocation.objects.values_list("youth_id", "start"):
        starts.setdefault(youth_id, []).append(start)
    return starts
