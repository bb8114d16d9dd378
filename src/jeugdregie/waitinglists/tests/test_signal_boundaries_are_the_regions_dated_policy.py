# SPDX-License-Identifier: EUPL-1.2
"""The boundaries of the priority signals are dated policy: the product's defaults (younger
than 8, 3 full months after a court ruling) unless the region's own tree
(``JEUGDREGIE_POLICY_DIR``) has a version in force on the day of viewing."""

import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.services import referral_create
from jeugdregie.core.policy import PolicyError
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.policy import WaitingListBoundaries, waiting_list_boundaries
from jeugdregie.waitinglists.services import waiting_entry_report
from jeugdregie.waitinglists.tests.hand_fixture import youth_born

pytestmark = pytest.mark.django_db

OWN = (
    "valid_from: 2025-06-01\nsource: Verordening jeugdhulp ZHZ 2025 art. 7\n"
    "young_child_age: 12\ngi_ruling_months: 2\n"
)


def _signals(world) -> dict[int, list[str]]:
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    html = client.get(reverse("waitinglists:entry-list")).content.decode()
    rows = re.findall(r'data-entry="(\d+)">(.*?)</tr>', html, re.S)
    return {int(pk): re.findall(r'data-signal="(\w+)"', row) for pk, row in rows}


def _entries(world) -> tuple[int, int]:
    ten = youth_born(world, 0, dt.date(2015, 5, 1))
    gi_youth = youth_born(world, 1, dt.date(2010, 5, 1))
    referral = referral_create(
        actor=None,
        youth=gi_youth,
        referrer_type=ReferrerType.CERTIFIED_INSTITUTION,
        date=dt.date(2025, 3, 1),
        referrer_organisation=world.gi,
    )
    entries = [
        waiting_entry_report(
            actor=None,
            youth=youth,
            lot=world.lot,
            provider=world.provider,
            product=world.product,
            waiting_since=dt.date(2025, 3, 20),
            source=WaitingSource.STAFF,
            referral=referral if youth == gi_youth else None,
            court_ruling_date=dt.date(2025, 3, 15) if youth == gi_youth else None,
        )
        for youth in (ten, gi_youth)
    ]
    return entries[0].pk, entries[1].pk


def test_the_regions_own_boundaries_hold_from_their_first_day(world, settings, tmp_path: Path):
    own = tmp_path / "zhz" / "waiting_list" / "2025-06-01.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(OWN, encoding="utf-8")

    with time_machine.travel("2025-05-31 10:00 +0200", tick=False):
        ten, gi_case = _entries(world)
        settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
        # The region's own version starts tomorrow; nothing of the region's own covers
        # today: its files replace the product's for the region, so today is refused.
        with pytest.raises(PolicyError, match="zhz/waiting_list: no version in force"):
            waiting_list_boundaries(region_code="zhz", on=dt.date(2025, 5, 31))
        settings.JEUGDREGIE_POLICY_DIR = ""
        # The product's defaults: ten years old is not young; 2 months and 16 days after
        # the ruling is not yet 3 full months.
        assert _signals(world) == {ten: [], gi_case: []}

    with time_machine.travel("2025-06-01 10:00 +0200", tick=False):
        settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
        assert waiting_list_boundaries(region_code="zhz", on=dt.date(2025, 6, 1)) == (
            WaitingListBoundaries(young_child_age=12, gi_ruling_months=2)
        )
        assert _signals(world) == {ten: ["young_child"], gi_case: ["gi_ruling"]}
        # Another region keeps the product's defaults.
        assert waiting_list_boundaries(region_code="ijzk", on=dt.date(2025, 6, 1)) == (
            WaitingListBoundaries(young_child_age=8, gi_ruling_months=3)
        )
