# SPDX-License-Identifier: EUPL-1.2
"""The waiting-list page, the monitoring page and the API run as many queries for many
entries as for one (no N+1)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.services import waiting_entry_report
from jeugdregie.waitinglists.tests.hand_fixture import youth_born

PAGES = [
    (Role.CONTRACT_MANAGER, "waitinglists:entry-list"),
    (Role.ACCESS_STAFF, "waitinglists:entry-list"),
    (Role.PROVIDER, "waitinglists:entry-list"),
    (Role.POLICY, "waitinglists:entry-list"),
    (Role.CONTRACT_MANAGER, "waitinglists:monitoring"),
    (Role.PROVIDER, "waitinglists:monitoring"),
    (Role.PROVIDER, "api-waiting-entry-list"),
]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _grow(world, start: int, count: int) -> None:
    for index in range(start, start + count):
        waiting_entry_report(
            actor=None,
            youth=youth_born(world, index, dt.date(2018 if index % 2 else 2010, 1, 1)),
            lot=world.lot,
            provider=world.other_provider if index % 3 == 2 else world.provider,
            product=world.product,
            waiting_since=dt.date(2025, 1, 1) + dt.timedelta(days=index),
            source=WaitingSource.STAFF,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "name"), PAGES)
def test_query_count_does_not_grow_with_entries(world, role, name):
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        _grow(world, 0, 1)
        client = Client()
        sign_in(client, world.users[role])
        url = reverse(name)
        client.get(url)
        few = _queries(client, url)
        _grow(world, 1, 14)
        many = _queries(client, url)
        assert many == few, f"{name} as {role}: {few} queries with one entry, {many} with 15"
