# SPDX-License-Identifier: EUPL-1.2
"""A request date of 31-12-9999 made the framework's check 100 years past it and ended in a
server error; dates outside 1900–2999 are now refused at the field, in Dutch, and nothing is
registered."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable.models import Case
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("request_date", "9999-12-31"), ("request_date", "0001-01-01"), ("end", "9999-12-31")],
)
def test_a_date_at_the_ends_of_the_calendar_is_refused_in_dutch(
    world: World, field: str, value: str
) -> None:
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    request = {
        "kind": "ceiling_overrun",
        "bsn": world.youth["anna"].bsn,
        "provider": world.provider.pk,
        "product": world.product.pk,
        "care_setting": "ambulant",
        "request_date": "2025-03-03",
        "start": "2025-08-01",
        "end": "2026-01-31",
        "volume": "10",
        "frequency": "4",
        "tariff": "90.00",
    }

    response = client.post(reverse("casetable:case-create"), {**request, field: value})

    assert response.status_code == 400
    assert "Geef een datum van 1-1-1900 tot en met 31-12-2999." in response.content.decode()
    assert not Case.objects.exists()
    # The same request with ordinary dates is registered.
    assert client.post(reverse("casetable:case-create"), request).status_code == 302
