# SPDX-License-Identifier: EUPL-1.2
"""A token valid until 31-12-9999 ended in a server error (the token ends at the start of the
next day, past the calendar); a date outside 1900–2999 is refused at the field, in Dutch,
and no client is registered."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.apiclients.models import ApiClient
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World


@pytest.mark.django_db
@pytest.mark.parametrize("expires_on", ["9999-12-31", "0001-01-01"])
def test_a_validity_date_at_the_ends_of_the_calendar_is_refused_in_dutch(
    world: World, expires_on: str
) -> None:
    client = Client()
    sign_in(client, world.users[Role.FUNCTIONAL_ADMIN])

    response = client.post(
        reverse("apiclients:client-register"),
        {
            "organisation": world.users[Role.PROVIDER].organisation_id,
            "name": "Zorgsysteem",
            "scopes": ["aanbieders:lezen"],
            "expires_on": expires_on,
        },
    )

    assert response.status_code == 400
    assert "Geef een datum van 1-1-1900 tot en met 31-12-2999." in response.content.decode()
    assert not ApiClient.objects.exists()
