# SPDX-License-Identifier: EUPL-1.2
"""A provider sees, reports, changes and closes only its own waiting-list entries, on the
screens and through the API, and its monitoring page holds its own rows only."""

import datetime as dt
import json
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entry_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_a_fixed_day() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def _entries(world) -> dict[str, WaitingEntry]:
    return {
        key: waiting_entry_report(
            actor=None,
            youth=world.youth[key],
            lot=world.lot,
            provider=provider,
            product=world.product,
            waiting_since=dt.date(2025, 5, 1),
            source=WaitingSource.STAFF,
        )
        for key, provider in (("anna", world.provider), ("chris", world.other_provider))
    }


def _login(world, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def test_the_provider_list_detail_and_api_hold_its_own_entries_only(world):
    entries = _entries(world)
    client = _login(world, Role.PROVIDER)
    html = client.get(reverse("waitinglists:entry-list")).content.decode()
    assert re.findall(r'data-entry="(\d+)"', html) == [str(entries["anna"].pk)]
    assert "Bakker" not in html
    assert "Het Anker" not in html  # not even in the figures per provider
    other = entries["chris"].pk
    for name in ("entry-detail", "entry-update", "entry-close"):
        assert client.get(reverse(f"waitinglists:{name}", kwargs={"pk": other})).status_code == 404
    assert (
        client.post(
            reverse("api-waiting-entry-close", kwargs={"pk": other}),
            data=json.dumps({"outflow_date": "2025-06-30", "outflow_reason": "moved"}),
            content_type="application/json",
        ).status_code
        == 404
    )
    listed = client.get(reverse("api-waiting-entry-list")).json()
    assert [row["id"] for row in listed["results"]] == [entries["anna"].pk]


def test_a_provider_closes_its_own_entry_through_the_api(world):
    entries = _entries(world)
    response = _login(world, Role.PROVIDER).post(
        reverse("api-waiting-entry-close", kwargs={"pk": entries["anna"].pk}),
        data=json.dumps({"outflow_date": "2025-06-30", "outflow_reason": "care_started"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    entries["anna"].refresh_from_db()
    assert entries["anna"].outflow_reason == OutflowReason.CARE_STARTED
    entries["chris"].refresh_from_db()
    assert entries["chris"].outflow_date is None


def test_a_provider_reports_on_the_screen_for_itself_only(world):
    client = _login(world, Role.PROVIDER)
    form = client.get(reverse("waitinglists:entry-report")).content.decode()
    assert 'name="provider"' not in form  # no provider to choose: it is always its own
    response = client.post(
        reverse("waitinglists:entry-report"),
        {
            "bsn": world.youth["chris"].bsn,
            "given_name": "Chris",
            "family_name": "Bakker",
            "birth_date": "2012-03-03",
            "lot": world.lot.pk,
            "product": world.product.pk,
            "waiting_since": "2025-06-02",
            "bridging_note": "Praktijkondersteuner GGZ",
        },
    )
    assert response.status_code == 302
    entry = WaitingEntry.objects.get()
    assert (entry.provider_id, entry.source) == (world.provider.pk, WaitingSource.PROVIDER_SCREEN)


def test_the_monitoring_page_of_a_provider_shows_its_own_rows(world):
    _entries(world)
    client = _login(world, Role.PROVIDER)
    html = client.get(reverse("waitinglists:monitoring"), {"jaar": 2025}).content.decode()
    assert "De Linde Jeugdzorg" in html
    assert "Het Anker" not in html
    contract_manager = _login(world, Role.CONTRACT_MANAGER)
    html = contract_manager.get(reverse("waitinglists:monitoring"), {"jaar": 2025}).content.decode()
    assert "De Linde Jeugdzorg" in html
    assert "Het Anker" in html
