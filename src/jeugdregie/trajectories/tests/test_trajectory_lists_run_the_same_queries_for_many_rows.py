# SPDX-License-Identifier: EUPL-1.2
"""The trajectory list and the two extension worklists run as many queries for one row as
for many (no query per row)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import synthetic_test_bsn
from jeugdregie.trajectories.services import trajectory_create
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.extensions import extension_request


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _trajectory(p2: Perceel2, number: int) -> Allocation:
    youth = youth_create(
        actor=None,
        bsn=synthetic_test_bsn(100 + number),
        given_name="Extra",
        family_name=f"Jeugdige {number}",
        birth_date=dt.date(2014, 5, 1),
        municipality=p2.world.haarlem,
    )
    allocation = allocation_grant(
        actor=None,
        youth=youth,
        provider=p2.world.provider,
        product=p2.product,
        start=dt.date(2025, 2, 1),
        end=dt.date(2026, 1, 31),
        volume=1,
        frequency=Frequency.PER_WEEK,
    )
    trajectory_create(actor=None, allocation=allocation, practitioner_name=f"B{number}")
    return allocation


def _grow(p2: Perceel2, count: int) -> None:
    """More trajectories in Haarlem: per round one with a third extension pending at the CJG
    (under the pilot) and one pending at the referrer (after the pilot)."""
    first = Youth.objects.count()
    for number in range(first, first + 2 * count, 2):
        reviewed = _trajectory(p2, number)
        for on, end, assessment in (
            (dt.date(2025, 12, 1), dt.date(2026, 7, 31), ""),
            (dt.date(2025, 12, 10), dt.date(2027, 1, 31), "Nodig."),
            (dt.date(2025, 12, 20), dt.date(2027, 7, 31), ""),
        ):
            extension_request(
                actor=None,
                provider=p2.world.provider,
                allocation=reviewed,
                requested_end=end,
                request_date=on,
                self_assessment=assessment,
            )
        extension_request(
            actor=None,
            provider=p2.world.provider,
            allocation=_trajectory(p2, number + 1),
            requested_end=dt.date(2026, 6, 30),
            request_date=dt.date(2026, 1, 10),
        )


PAGES = [
    (Role.PROVIDER, "trajectories:trajectory-list"),
    ("cjg", "trajectories:trajectory-list"),
    ("cjg", "trajectories:review-list"),
    ("cjg", "trajectories:referrer-list"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "name"), PAGES)
def test_list_query_count_does_not_grow_with_rows(p2, who, name):
    user = p2.cjg if who == "cjg" else p2.world.users[who]
    client = Client()
    sign_in(client, user)
    url = reverse(name)
    _grow(p2, 1)
    client.get(url)
    few = _queries(client, url)
    _grow(p2, 8)
    many = _queries(client, url)
    assert client.get(url).content.decode().count("Extra Jeugdige") >= 9
    assert many == few, f"{name}: {few} queries with few rows, {many} with more"
