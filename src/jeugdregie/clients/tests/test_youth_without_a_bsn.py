# SPDX-License-Identifier: EUPL-1.2
"""A youth whose BSN is unknown gets care and shows on every page like any other youth."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import family_name_lookup_key
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.workflows.allocations import allocation_grant


@pytest.fixture
def youth_without_bsn(world) -> Youth:
    youth = Youth.objects.create(
        bsn="",
        bsn_index=None,
        given_name="Noor",
        family_name="Zonder",
        family_name_index=family_name_lookup_key("Zonder"),
        birth_date=dt.date(2014, 5, 5),
        municipality=world.dordrecht,
    )
    allocation_grant(
        actor=None,
        youth=youth,
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 3, 1),
        volume=10,
        frequency=Frequency.TOTAL,
    )
    return youth


@pytest.mark.django_db
def test_youth_without_bsn_is_listed_found_and_shown(world, youth_without_bsn):
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    listing = client.get(reverse("allocations:allocation-list")).content.decode()
    assert "Zonder" in listing
    search = client.post(reverse("clients:youth-search"), {"q": "Zonder"}, follow=True)
    found = search.content.decode()
    assert reverse("clients:youth-detail", kwargs={"pk": youth_without_bsn.pk}) in found
    detail = client.get(reverse("clients:youth-detail", kwargs={"pk": youth_without_bsn.pk}))
    assert "onbekend (geen BSN)" in detail.content.decode()


@pytest.mark.django_db
def test_many_youth_may_lack_a_bsn(world, youth_without_bsn):
    Youth.objects.create(
        bsn="",
        bsn_index=None,
        given_name="Sam",
        family_name="Ook",
        family_name_index=family_name_lookup_key("Ook"),
        birth_date=dt.date(2013, 1, 1),
        municipality=world.gorinchem,
    )
    assert Youth.objects.filter(bsn_index__isnull=True).count() == 2
    assert {y.bsn for y in Youth.objects.filter(bsn_index__isnull=True)} == {""}
