# SPDX-License-Identifier: EUPL-1.2
"""One FilterSet behind the allocation list on screen (Dutch parameters) and in the API
(English): the same selection, and a bad value is a 400 in the API but ignored on screen."""

import django_filters
import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients.services import api_client_create
from jeugdregie.core.filters import NamedFilterSet
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


def _api(world) -> Client:
    organisation = world.users["provider"].organisation
    token = api_client_create(
        actor=world.users["functional_admin"],
        organisation=organisation,
        name="Zorgsysteem",
        scopes=["toewijzingen:lezen"],
    ).token
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_the_api_and_the_screen_select_the_same_allocation(world):
    anna = world.allocations["anna"]
    api = _api(world).get(
        reverse("api-allocation-list"),
        {"number": anna.number, "status": anna.status, "active_on": anna.start.isoformat()},
    )
    assert api.status_code == 200
    assert anna.pk in [row["id"] for row in api.json()["results"]]
    assert {row["number"] for row in api.json()["results"]} == {anna.number}

    client = Client()
    sign_in(client, world.users["provider"])
    screen = client.get(
        reverse("allocations:allocation-list"),
        {"nummer": anna.number, "status": anna.status, "actief_op": anna.start.isoformat()},
    )
    assert screen.status_code == 200
    assert [a.pk for a in screen.context["page"].object_list] == [
        row["id"] for row in api.json()["results"]
    ]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("status", "bogus"), ("active_on", "2025-13-45"), ("number", "123456789")],
)
def test_a_bad_filter_value_is_a_400_naming_the_parameter_in_the_api(world, parameter, value):
    response = _api(world).get(reverse("api-allocation-list"), {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]
    assert response.json()[parameter][0]


def test_a_bad_filter_value_on_screen_is_ignored_and_shown_in_dutch(world):
    client = Client()
    sign_in(client, world.users["provider"])
    everything = client.get(reverse("allocations:allocation-list"))
    response = client.get(reverse("allocations:allocation-list"), {"actief_op": "2025-13-45"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == len(everything.context["page"].object_list)
    assert response.context["form"].errors["actief_op"] == ["Voer een geldige datum in."]


def test_a_screen_must_name_every_shared_filter():
    class Shared(django_filters.FilterSet):
        number = django_filters.CharFilter()
        status = django_filters.CharFilter()

    with pytest.raises(TypeError, match=r"unnamed filters \['status'\]"):

        class Screen(NamedFilterSet, Shared):
            parameter_names = {"number": "nummer"}
