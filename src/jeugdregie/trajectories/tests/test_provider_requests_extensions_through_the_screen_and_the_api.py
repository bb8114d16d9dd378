# SPDX-License-Identifier: EUPL-1.2
"""The provider screen and the API take the same extension requests as the service, and
answer bad ones with the Dutch reason (400) without changing anything."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.testing.auth import sign_in
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionSource, ExtensionStatus
from jeugdregie.trajectories.models import Extension


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.mark.django_db
def test_the_screen_refuses_an_end_before_the_current_end_in_dutch(p2):
    client = _client(p2.world.users[Role.PROVIDER])
    url = reverse("trajectories:extension-request", kwargs={"pk": p2.trajectory.pk})
    response = client.post(url, {"requested_end": "2025-12-31"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is niets opgeslagen." in page
    assert "ligt niet na de huidige einddatum 31-1-2026" in page
    assert not Extension.objects.exists()
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2026, 1, 31)


@pytest.mark.django_db
def test_the_api_records_a_request_and_refuses_an_unknown_allocation(p2):
    client = _client(p2.world.users[Role.PROVIDER])
    url = reverse("api-extension-request")
    unknown = client.post(
        url,
        data=json.dumps(
            {"municipality": "0392", "allocation_number": "4711", "requested_end": "2026-07-31"}
        ),
        content_type="application/json",
    )
    assert unknown.status_code == 400
    assert "Toewijzing 4711 van gemeente 0392 is onbekend" in unknown.content.decode()
    assert not Extension.objects.exists()

    created = client.post(
        url,
        data=json.dumps(
            {
                "municipality": "0392",
                "allocation_number": p2.allocation.number,
                "requested_end": "2026-07-31",
            }
        ),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    extension = Extension.objects.get()
    assert body["id"] == extension.pk
    assert extension.source == ExtensionSource.API
    # Today lies after the pilot (2025): the standard route, waiting for the referrer.
    assert (body["route"], body["status"]) == (
        ExtensionRoute.STANDARD_REFERRER,
        ExtensionStatus.PENDING,
    )


@pytest.mark.django_db
def test_another_provider_cannot_open_or_extend_the_trajectory(p2):
    client = _client(p2.world.users["other_provider"])
    detail = reverse("trajectories:trajectory-detail", kwargs={"pk": p2.trajectory.pk})
    assert client.get(detail).status_code == 404
    response = client.post(
        reverse("api-extension-request"),
        data=json.dumps(
            {
                "municipality": "0392",
                "allocation_number": p2.allocation.number,
                "requested_end": "2026-07-31",
            }
        ),
        content_type="application/json",
    )
    # The same answer as for a number that does not exist (issue 11).
    assert response.status_code == 400
    assert response.json() == {
        "allocation_number": [f"Toewijzing {p2.allocation.number} van gemeente 0392 is onbekend."]
    }
    assert not Extension.objects.exists()
