# SPDX-License-Identifier: EUPL-1.2
"""The manual allocation screen calls allocation_create: refused at a provider under a
confirmed client stop with the Dutch message naming the stop and the alternatives."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.client_stops import client_stop_decide, client_stop_request
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


def _form(world, provider) -> dict[str, str]:
    return {
        "bsn": world.youth["anna"].bsn,
        "provider": str(provider.pk),
        "product": str(world.product.pk),
        "start": (timezone.localdate() + dt.timedelta(days=1)).isoformat(),
        "volume": "2",
        "frequency": Frequency.PER_WEEK,
    }


def test_access_staff_allocation_is_refused_with_the_stop_and_alternatives(world, client):
    today = timezone.localdate()
    stop = client_stop_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        start=today,
        reason="Plafond bereikt",
    )
    client_stop_decide(
        actor=world.users[Role.CONTRACT_MANAGER], stop=stop, confirm=True, reason="Akkoord"
    )
    sign_in(client, world.users[Role.ACCESS_STAFF])
    before = Allocation.objects.count()
    url = reverse("allocations:allocation-create")
    response = client.post(url, _form(world, world.provider))
    assert response.status_code == 400
    page = response.content.decode()
    assert "cliëntenstop" in page
    assert world.provider.name in page
    assert f"{world.other_provider.name} ({world.other_provider.agb_code})" in page
    assert Allocation.objects.count() == before

    response = client.post(url, _form(world, world.other_provider))
    assert response.status_code == 302
    assert Allocation.objects.filter(provider=world.other_provider).count() >= 1
    assert Allocation.objects.count() == before + 1


def test_an_unknown_bsn_is_refused_on_its_field(world, client):
    sign_in(client, world.users[Role.ACCESS_STAFF])
    data = {**_form(world, world.provider), "bsn": "999990019"}
    response = client.post(reverse("allocations:allocation-create"), data)
    assert response.status_code == 400
