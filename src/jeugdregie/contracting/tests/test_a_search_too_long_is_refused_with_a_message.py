# SPDX-License-Identifier: EUPL-1.2
"""A search of 60,000 characters is refused with a Dutch message, not a server error.

SQLite refuses a LIKE pattern of more than 50,000 bytes (found by the provider fuzz test);
a search is at most 100 characters on the screens and in the API.
"""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in

TOO_LONG = "x" * 60_000


@pytest.fixture
def provider(world) -> Client:
    client = Client()
    sign_in(client, world.users[Role.PROVIDER])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["contracting:provider-list", "contracting:contract-list", "budgets:ceiling-list"]
)
def test_a_long_search_on_a_list_shows_the_limit(provider, name):
    response = provider.get(reverse(name), {"q": TOO_LONG})
    assert response.status_code == 200
    assert "niet meer dan 100 tekens" in response.content.decode()


@pytest.mark.django_db
def test_a_long_search_in_the_api_is_bad_input(provider):
    response = provider.get(reverse("api-provider-list"), {"q": TOO_LONG})
    assert response.status_code == 400
    assert response.json() == {"q": ["Zoek met hooguit 100 tekens."]}
    assert provider.get(reverse("api-provider-list"), {"q": "Linde"}).status_code == 200
