# SPDX-License-Identifier: EUPL-1.2
"""The demo gets waiting-list entries per region: the same for the same seed and day, made
once (a second run adds nothing), on contracted providers of the region's lots only; removing
the demo removes the entries its users reported."""

import datetime as dt

import pytest

from jeugdregie.accounts.constants import Role
from jeugdregie.contracting.models import Contract
from jeugdregie.demo.purge import demo_purge
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.demo import demo_waiting_entries
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entry_report

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


def test_removing_the_demo_removes_the_entries_its_users_reported(world):
    waiting_entry_report(
        actor=world.users[Role.PROVIDER],
        youth=world.youth["anna"],
        lot=world.lot,
        provider=world.provider,
        product=world.product,
        waiting_since=TODAY,
        source=WaitingSource.PROVIDER_SCREEN,
        today=TODAY,
    )
    demo_purge(region_codes=[world.region.code], usernames=[world.users[Role.PROVIDER].username])
    assert not WaitingEntry.objects.exists()
