# SPDX-License-Identifier: EUPL-1.2
"""The waiting list filters with one grammar (``waitinglists/filters.py``): the screen's Dutch
parameters and the API's English ones select the same entries, a value outside the user's
choices is refused on both (the API with 400 and the parameter's message, the screen with the
message beside the field and no rows), and the screen opens on the entries waiting now while
the API without a status gives every entry."""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entry_close, waiting_entry_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_a_fixed_day() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def _entries(world: World) -> dict[str, WaitingEntry]:
    entries = {
        key: waiting_entry_report(
            actor=None,
            youth=world.youth[key],
            lot=world.lot,
            provider=provider,
            product=world.product,
            waiting_since=dt.date(2025, 5, 1),
            source=WaitingSource.STAFF,
        )
        for key, provider in (
            ("anna", world.provider),
            ("bram", world.provider),
            ("chris", world.other_provider),
        )
    }
    waiting_entry_close(
        actor=None,
        entry=entries["bram"],
        outflow_date=dt.date(2025, 6, 1),
        outflow_reason=OutflowReason.ELSEWHERE,
    )
    return entries


def _screen(client: Client, query: dict[str, str | int]) -> tuple[int, list[int], str]:
    response = client.get(reverse("waitinglists:entry-list"), query)
    html = response.content.decode()
    return response.status_code, [int(pk) for pk in re.findall(r'data-entry="(\d+)"', html)], html


def _api(client: Client, query: dict[str, str | int]) -> tuple[int, object]:
    response = client.get(reverse("api-waiting-entry-list"), query)
    return response.status_code, response.json()


def test_screen_and_api_select_the_same_entries(world: World):
    """The provider's own list (the API is the provider's): Anna waits, Bram left the list;
    Chris waits at another provider and is in neither."""
    entries = _entries(world)
    anna, bram = entries["anna"].pk, entries["bram"].pk
    provider = Client()
    sign_in(provider, world.users[Role.PROVIDER])

    own = world.provider.pk
    cases: list[tuple[dict[str, str | int], dict[str, str | int], list[int]]] = [
        ({}, {"status": "open"}, [anna]),
        ({"status": "closed"}, {"status": "closed"}, [bram]),
        ({"status": "all"}, {}, [anna, bram]),
        ({"status": "all", "aanbieder": own}, {"provider": own}, [anna, bram]),
        (
            {"status": "open", "perceel": world.lot.pk},
            {"status": "open", "lot": world.lot.pk},
            [anna],
        ),
    ]
    for screen_query, api_query, expected in cases:
        status, shown, _html = _screen(provider, screen_query)
        assert (status, sorted(shown)) == (200, sorted(expected)), screen_query
        status, body = _api(provider, api_query)
        assert status == 200, body
        assert isinstance(body, dict)
        assert sorted(row["id"] for row in body["results"]) == sorted(expected), api_query


def test_a_value_outside_the_choices_is_refused_on_both(world: World):
    _entries(world)
    provider = Client()
    sign_in(provider, world.users[Role.PROVIDER])
    other = world.other_provider.pk  # not a choice for this provider

    status, body = _api(provider, {"provider": other})
    assert status == 400
    assert isinstance(body, dict)
    assert "provider" in body
    status, body = _api(provider, {"status": "weg"})
    assert status == 400
    assert isinstance(body, dict)
    assert "status" in body

    status, shown, html = _screen(provider, {"aanbieder": other})
    assert status == 200
    assert shown == []
    assert "Selecteer een geldige keuze" in html
