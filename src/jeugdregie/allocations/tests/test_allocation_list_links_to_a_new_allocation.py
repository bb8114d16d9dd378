# SPDX-License-Identifier: EUPL-1.2
"""The allocation list offers "Nieuwe toewijzing" to exactly the roles that may allocate."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "sees_link"),
    [
        (Role.CONTRACT_MANAGER, True),
        (Role.ACCESS_STAFF, True),
        (Role.GI_STAFF, False),
        (Role.PROVIDER, False),
    ],
)
def test_the_new_allocation_link_follows_the_capability(world, role, sees_link):
    client = Client()
    sign_in(client, world.users[role])
    page = client.get(reverse("allocations:allocation-list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert (f'href="{reverse("allocations:allocation-create")}"' in html) is sees_link
    assert ("Nieuwe toewijzing" in html) is sees_link
