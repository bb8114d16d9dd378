# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client

from jeugdregie.testing.factories import PASSWORD


@pytest.mark.django_db
def test_every_role_logs_in_and_sees_its_home_page(world):
    for user in world.users.values():
        client = Client()
        assert client.login(username=user.username, password=PASSWORD)
        response = client.get("/")
        assert response.status_code == 200
        assert user.username in response.content.decode()
