# SPDX-License-Identifier: EUPL-1.2
"""Priority signals: a young child (under 8 today) and a GI case waiting 3 full months or
more after the court ruling, with the boundaries exact; the list shows them as text badges and
filters on them."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.services import referral_create
from jeugdregie.core.calendar_months import add_months
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import PrioritySignal, WaitingSource
from jeugdregie.waitinglists.policy import waiting_list_boundaries
from jeugdregie.waitinglists.services import waiting_entry_report
from jeugdregie.waitinglists.signals import is_gi_ruling_overdue, is_young_child
from jeugdregie.waitinglists.tests.hand_fixture import youth_born

# (birth date, today, young child?)
YOUNG_CHILD_CASES = [
    (dt.date(2017, 6, 15), dt.date(2025, 6, 14), True),  # the day before the 8th birthday
    (dt.date(2017, 6, 15), dt.date(2025, 6, 15), False),  # 8 today
    (dt.date(2016, 2, 29), dt.date(2024, 2, 28), True),  # 8th birthday counted as 29 Feb 2024
    (dt.date(2016, 2, 29), dt.date(2024, 2, 29), False),
    (dt.date(2012, 1, 1), dt.date(2025, 6, 1), False),
]

# (court ruling, today, GI case?, signal?)
GI_CASES = [
    # Corrected December 2026 (issue 17): 3 full months passed is priority, that day included.
    (dt.date(2025, 1, 14), dt.date(2025, 4, 13), True, False),  # one day short: no signal
    (dt.date(2025, 1, 15), dt.date(2025, 4, 15), True, True),  # exactly 3 months: signal
    (dt.date(2024, 11, 30), dt.date(2025, 2, 28), True, False),  # Feb has no 30th
    (dt.date(2024, 11, 30), dt.date(2025, 3, 1), True, True),
    (dt.date(2025, 1, 15), dt.date(2025, 6, 1), False, False),  # not a GI case
]


@pytest.mark.parametrize(("birth", "today", "expected"), YOUNG_CHILD_CASES)
def test_young_child_boundary(birth, today, expected):
    boundaries = waiting_list_boundaries(region_code="zhz", on=today)  # 8 years, 3 months

    assert is_young_child(birth_date=birth, today=today, boundaries=boundaries) is expected


@pytest.mark.parametrize(("ruling", "today", "gi_case", "expected"), GI_CASES)
def test_gi_ruling_boundary_is_three_full_calendar_months(ruling, today, gi_case, expected):
    boundaries = waiting_list_boundaries(region_code="zhz", on=today)
    overdue = is_gi_ruling_overdue(
        gi_case=gi_case, court_ruling_date=ruling, today=today, boundaries=boundaries
    )

    assert overdue is expected


def test_adding_months_clamps_to_the_end_of_the_month():
    assert add_months(dt.date(2025, 5, 31), 3) == dt.date(2025, 8, 31)
    assert add_months(dt.date(2024, 11, 30), 3) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 1, 31), -2) == dt.date(2024, 11, 30)


def _badges(html: str, entry_pk: int) -> list[tuple[str, str]]:
    row = re.search(rf'data-entry="{entry_pk}">(.*?)</tr>', html, re.S)
    assert row is not None
    return re.findall(r'<span class="jr-badge" data-signal="(\w+)">([^<]+)</span>', row.group(1))


@pytest.mark.django_db
def test_the_list_shows_the_signals_as_text_and_filters_on_them(world):
    with time_machine.travel("2025-04-14 10:00 +0200", tick=False):
        young = youth_born(world, 0, dt.date(2019, 5, 1))
        older = youth_born(world, 1, dt.date(2012, 5, 1))
        gi_youth = youth_born(world, 2, dt.date(2012, 5, 1))
        referral = referral_create(
            actor=None,
            youth=gi_youth,
            referrer_type=ReferrerType.CERTIFIED_INSTITUTION,
            date=dt.date(2025, 1, 10),
            referrer_organisation=world.gi,
        )
        entries = {
            name: waiting_entry_report(
                actor=None,
                youth=youth,
                lot=world.lot,
                provider=world.provider,
                product=world.product,
                waiting_since=dt.date(2025, 1, 20),
                source=WaitingSource.STAFF,
                referral=referral if youth == gi_youth else None,
                court_ruling_date=dt.date(2025, 1, 15) if youth == gi_youth else None,
            )
            for name, youth in (("young", young), ("older", older), ("gi", gi_youth))
        }
        client = Client()
        sign_in(client, world.users[Role.CONTRACT_MANAGER])
        url = reverse("waitinglists:entry-list")
        html = client.get(url).content.decode()
        assert _badges(html, entries["young"].pk) == [("young_child", "Jong kind (jonger dan 8)")]
        assert _badges(html, entries["older"].pk) == []
        # 14 April is one day short of 3 full months after the ruling of 15 January.
        assert _badges(html, entries["gi"].pk) == []

    # 15 April: 3 full months have passed, the signal shows that day (corrected December 2026).
    with time_machine.travel("2025-04-15 10:00 +0200", tick=False):
        client = Client()  # a new day, a new session (sessions end after idle time)
        sign_in(client, world.users[Role.CONTRACT_MANAGER])
        html = client.get(url).content.decode()
        assert _badges(html, entries["gi"].pk) == [
            ("gi_ruling", "GI-zaak: 3 maanden of langer na de uitspraak")
        ]
        filtered = client.get(url, {"prioriteit": PrioritySignal.GI_RULING}).content.decode()
        assert re.findall(r'data-entry="(\d+)"', filtered) == [str(entries["gi"].pk)]
        filtered = client.get(url, {"prioriteit": PrioritySignal.YOUNG_CHILD}).content.decode()
        assert re.findall(r'data-entry="(\d+)"', filtered) == [str(entries["young"].pk)]

        # GI staff see their own referral with the signal; the detail page shows it too.
        gi = Client()
        sign_in(gi, world.users[Role.GI_STAFF])
        detail = gi.get(
            reverse("waitinglists:entry-detail", kwargs={"pk": entries["gi"].pk})
        ).content.decode()
        assert "GI-zaak: 3 maanden of langer na de uitspraak" in detail
