# SPDX-License-Identifier: EUPL-1.2
"""The demo gets waiting-list entries per region: the same for the same seed and day, made
once (a second run adds nothing), on contracted providers of the region's lots only. (The demo
is rebuilt by recreating the database, so there is no purge to test here.)"""

import datetime as dt

import pytest

from jeugdregie.contracting.models import Contract
from jeugdregie.waitinglists.demo import demo_waiting_entries
from jeugdregie.waitinglists.models import WaitingEntry

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 30)


def _rows() -> list[tuple[object, ...]]:
    return list(
        WaitingEntry.objects.order_by("youth_id", "waiting_since").values_list(
            "youth_id", "provider_id", "lot_id", "product_id", "waiting_since", "outflow_date"
        )
    )


def test_demo_entries_are_deterministic_and_made_once(world):
    created = demo_waiting_entries(region=world.region, seed=7, today=TODAY)
    assert created == 3  # the world's region has three youth
    first = _rows()
    assert demo_waiting_entries(region=world.region, seed=7, today=TODAY) == 0
    assert _rows() == first

    WaitingEntry.objects.all().delete()
    demo_waiting_entries(region=world.region, seed=7, today=TODAY)
    assert _rows() == first

    contracted = set(
        Contract.objects.filter(region=world.region, lots=world.lot).values_list(
            "provider_id", flat=True
        )
    )
    for entry in WaitingEntry.objects.all():
        assert entry.provider_id in contracted
        assert entry.lot.region_id == world.region.pk
        assert entry.waiting_since <= TODAY
        assert entry.outflow_date is None or entry.waiting_since <= entry.outflow_date <= TODAY
        assert bool(entry.outflow_date) == bool(entry.outflow_reason)
