# SPDX-License-Identifier: EUPL-1.2
"""A provider user sees its own youth and no other provider's, by any route."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in


@pytest.fixture
def provider_client(world) -> Client:
    client = Client()
    sign_in(client, world.users[Role.PROVIDER])
    return client


@pytest.mark.django_db
def test_own_youth_is_visible(world, provider_client):
    anna = world.youth["anna"]
    response = provider_client.get(reverse("clients:youth-detail", kwargs={"pk": anna.pk}))
    assert response.status_code == 200
    assert "Visser" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("other", ["bram", "chris"])
def test_other_providers_youth_is_unreachable_by_every_route(world, provider_client, other):
    youth = world.youth[other]
    allocation = world.allocations[other]

    detail = provider_client.get(reverse("clients:youth-detail", kwargs={"pk": youth.pk}))
    assert detail.status_code == 404

    url = reverse("clients:youth-search")
    search = provider_client.post(url, {"q": youth.bsn}, follow=True)
    assert search.status_code == 200
    assert youth.family_name not in search.content.decode()
    by_name = provider_client.post(url, {"q": youth.family_name}, follow=True)
    assert by_name.status_code == 200
    assert f"/jeugdigen/{youth.pk}/" not in by_name.content.decode()

    listing = provider_client.get(reverse("allocations:allocation-list"))
    assert youth.family_name not in listing.content.decode()
    filtered = provider_client.get(
        reverse("allocations:allocation-list"), {"nummer": allocation.number}
    )
    assert youth.family_name not in filtered.content.decode()

    export = b"".join(
        provider_client.get(reverse("allocations:allocation-export")).streaming_content
    ).decode()
    rows = [line.split(";") for line in export.splitlines()[1:]]
    assert (allocation.municipality.cbs_code, allocation.number) not in {
        (row[1], row[0]) for row in rows
    }
    assert len(rows) == 2  # only its own: anna (ZHZ) and daan (IJZK)

    api_detail = provider_client.get(reverse("api-youth-detail", kwargs={"pk": youth.pk}))
    assert api_detail.status_code == 404
    api_search = provider_client.post(
        reverse("api-youth-search"),
        data=json.dumps({"q": youth.bsn}),
        content_type="application/json",
    )
    assert api_search.json() == []
    api_list = provider_client.get(reverse("api-allocation-list")).json()
    assert {row["youth"] for row in api_list["results"]} == {
        world.youth["anna"].pk,
        world.youth["daan"].pk,
    }

    privacy = provider_client.get(reverse("audit:privacy-youth", kwargs={"pk": youth.pk}))
    assert privacy.status_code == 403


@pytest.mark.django_db
def test_other_provider_is_not_even_listed(world, provider_client):
    listing = provider_client.get(reverse("contracting:provider-list")).content.decode()
    assert world.other_provider.name not in listing
    detail = provider_client.get(
        reverse("contracting:provider-detail", kwargs={"pk": world.other_provider.pk})
    )
    assert detail.status_code == 404
    ceilings = provider_client.get(reverse("budgets:ceiling-list")).content.decode()
    assert world.other_provider.name not in ceilings


@pytest.mark.django_db
def test_provider_sees_a_masked_bsn(world, provider_client):
    anna = world.youth["anna"]
    page = provider_client.get(reverse("clients:youth-detail", kwargs={"pk": anna.pk}))
    assert anna.bsn not in page.content.decode()
    assert anna.bsn[-3:] in page.content.decode()
