# SPDX-License-Identifier: EUPL-1.2
"""A password alone opens nothing for an account that needs a second factor: not a page, not
an htmx partial, not an export, not the API, not the management site. The check is one
middleware, so every route is covered; which accounts need it depends on role and staff."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.testing.auth import PASSWORD_BACKEND, sign_in
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db

SECOND_STEP = "/inloggen/tweede-stap/"


def password_only(user: User) -> Client:
    """A session after the password step, before the second factor."""
    client = Client()
    client.force_login(user, backend=PASSWORD_BACKEND)
    return client


def _routes() -> dict[str, str]:
    return {
        "page": reverse("allocations:allocation-list"),
        "export": reverse("allocations:allocation-export"),
        "api": reverse("api-allocation-list"),
    }


@pytest.mark.parametrize("role", [Role.CONTRACT_MANAGER, Role.PROVIDER])
def test_a_password_alone_opens_no_route_for_a_role_that_needs_a_second_factor(
    world: World, role: str
):
    client = password_only(world.users[role])
    routes = _routes()

    page = client.get(routes["page"])
    assert page.status_code == 302
    assert page["Location"].startswith(SECOND_STEP)
    assert "next=%2Ftoewijzingen%2F" in page["Location"]

    partial = client.get(
        routes["page"] + "?q=anna",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/toewijzingen/"},
    )
    assert partial.status_code == 403
    assert partial["HX-Redirect"].startswith(SECOND_STEP)
    assert b"Anna" not in partial.content

    export = client.get(routes["export"])
    assert export.status_code == 302
    assert export["Location"].startswith(SECOND_STEP)

    api = client.get(routes["api"])
    assert api.status_code == 403
    assert api["Content-Type"] == "application/json"
    assert "tweede" in api.json()["detail"]


@pytest.mark.parametrize("role", [Role.CONTRACT_MANAGER, Role.PROVIDER])
def test_after_the_second_factor_the_same_routes_open(world: World, role: str):
    client = Client()
    sign_in(client, world.users[role])
    routes = _routes()

    assert client.get(routes["page"]).status_code == 200
    assert client.get(routes["page"] + "?q=anna", headers={"HX-Request": "true"}).status_code == 200
    assert client.get(routes["export"]).status_code == 200
    api = client.get(routes["api"])
    assert "tweede" not in str(api.content.decode())


@pytest.mark.parametrize("role", [Role.ACCESS_STAFF, Role.GI_STAFF])
def test_roles_without_a_required_second_factor_need_only_the_password(world: World, role: str):
    client = password_only(world.users[role])

    assert client.get(reverse("allocations:allocation-list")).status_code == 200
    assert client.get(reverse("allocations:allocation-export")).status_code == 200


def test_the_roles_that_need_it_are_configurable_beyond_the_mandatory_ones(world: World, settings):
    settings.JEUGDREGIE_SECOND_FACTOR_ROLES = [Role.ACCESS_STAFF]
    url = reverse("allocations:allocation-list")

    assert password_only(world.users[Role.ACCESS_STAFF]).get(url).status_code == 302
    assert password_only(world.users[Role.PROVIDER]).get(url).status_code == 200
    # contract management needs it whatever the setting says
    assert password_only(world.users[Role.CONTRACT_MANAGER]).get(url).status_code == 302


def test_every_staff_user_needs_it_also_in_the_management_site(world: World, settings):
    settings.JEUGDREGIE_SECOND_FACTOR_ROLES = []
    policy = world.users[Role.POLICY]
    policy.is_staff = True
    policy.save(update_fields=["is_staff"])
    client = password_only(policy)

    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(SECOND_STEP)

    sign_in(client, policy)
    assert client.get("/beheer/").status_code == 200


def test_the_management_site_signs_in_through_the_two_steps_of_every_page(client: Client):
    response = client.get("/beheer/login/?next=/beheer/accounts/user/")

    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Fbeheer%2Faccounts%2Fuser%2F"


def test_before_the_second_factor_the_page_shows_no_menu(world: World):
    client = password_only(world.users[Role.CONTRACT_MANAGER])

    page = client.get(SECOND_STEP)
    assert page.status_code == 200
    assert 'aria-label="Hoofdmenu"' not in page.content.decode()
    assert "Tweede stap" in page.content.decode()
