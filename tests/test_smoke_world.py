# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client

from jeugdregie.testing.auth import sign_in


@pytest.mark.django_db
def test_every_role_logs_in_and_sees_its_home_page(world):
    for user in world.users.values():
        client = Client()
        sign_in(client, user)
        response = client.get("/")
        assert response.status_code == 200
        assert user.username in response.content.decode()


@pytest.mark.django_db
def test_the_interface_is_dutch_even_for_an_english_browser(world):
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = client.get("/inloggen/").content.decode()
    assert 'lang="nl"' in page
    assert "Inloggen" in page
    assert "Log in" not in page
