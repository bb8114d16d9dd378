# SPDX-License-Identifier: EUPL-1.2
"""The youth page links to the screens a role may use next (issue 14): a new allocation, a
light-contract request, a waiting-list report; each only for roles with the capability,
each a page that role can open, none on an anonymised youth. The search API is as tolerant
as the page and keeps names out of the URL too."""

import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.services import youth_anonymise, youth_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

NEW_ALLOCATION = "/toewijzingen/nieuw/"
LIGHT_CONTRACT = "/afweging/nieuw/"
WAITING = "/wachtlijsten/melden/"
# (role, youth it sees): the links it is offered
OFFERED = {
    (Role.CONTRACT_MANAGER, "anna"): {NEW_ALLOCATION, LIGHT_CONTRACT, WAITING},
    (Role.ACCESS_STAFF, "anna"): {NEW_ALLOCATION, LIGHT_CONTRACT, WAITING},
    (Role.GI_STAFF, "bram"): {LIGHT_CONTRACT, WAITING},
    (Role.PROVIDER, "anna"): {WAITING},
}


def client_for(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def next_steps(page: str) -> set[str]:
    found = re.search(r'<ul class="utrecht-unordered-list" id="acties">(.*?)</ul>', page, re.S)
    return set(re.findall(r'href="([^"]+)"', found.group(1))) if found else set()


@pytest.mark.parametrize(("role", "key"), list(OFFERED), ids=lambda v: str(v))
def test_each_role_is_offered_the_steps_it_may_take_and_can_open_them(world, role, key):
    client = client_for(world, role)
    page = client.get(reverse("clients:youth-detail", kwargs={"pk": world.youth[key].pk}))
    assert page.status_code == 200
    links = next_steps(page.content.decode())
    assert links == OFFERED[(role, key)]
    for link in links:
        assert client.get(link).status_code == 200, link
        assert world.youth[key].bsn not in link


def test_the_expert_table_sees_the_youth_but_is_offered_no_step(world):
    from jeugdregie.casetable.tests import (
        test_an_expert_member_sees_exactly_the_youth_of_cases_on_their_tables as expert,
    )

    expert._meeting(world, [world.users[Role.EXPERT_MEMBER]], expert._case(world, "anna"))
    client = client_for(world, Role.EXPERT_MEMBER)
    page = client.get(reverse("clients:youth-detail", kwargs={"pk": world.youth["anna"].pk}))
    assert page.status_code == 200
    assert next_steps(page.content.decode()) == set()
    assert 'id="acties"' not in page.content.decode()


def test_an_anonymised_youth_offers_no_step(world):
    anna = youth_anonymise(youth=world.youth["anna"])
    page = client_for(world, Role.CONTRACT_MANAGER).get(
        reverse("clients:youth-detail", kwargs={"pk": anna.pk})
    )
    assert page.status_code == 200
    assert next_steps(page.content.decode()) == set()


def test_the_search_api_finds_by_name_and_birth_date_in_the_body(world):
    emma = youth_create(
        actor=None,
        bsn=synthetic_test_bsn(50),
        given_name="Émma",
        family_name="de Vries",
        birth_date=dt.date(2014, 11, 3),
        municipality=world.dordrecht,
    )
    client = client_for(world, Role.ACCESS_STAFF)
    url = reverse("api-youth-search")

    def ids(body: dict[str, str]) -> list[int]:
        response = client.post(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 200
        return [row["id"] for row in response.json()]

    assert ids({"q": "Vries"}) == [emma.pk]
    assert ids({"q": "emma"}) == [emma.pk]
    assert ids({"birth_date": "2014-11-03"}) == [emma.pk]
    assert ids({"q": "Vries", "birth_date": "2014-11-04"}) == []
    refused = client.post(url, json.dumps({"q": " "}), content_type="application/json")
    assert refused.status_code == 400
