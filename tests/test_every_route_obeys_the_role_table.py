# SPDX-License-Identifier: EUPL-1.2
"""Every URL × every role: allowed (200) or forbidden (403/404), as the route table says."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jeugdregie.testing.factories import PASSWORD
from tests.routes import ROLE_COLUMNS, ROUTES, UNTABLED, Route


def _named_routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _named_routes(pattern.url_patterns, namespace)
        elif pattern.name:
            names.add(f"{prefix}{pattern.name}")
    return names


def test_the_route_table_covers_every_named_url():
    tabled = {route.name for route in ROUTES} | set(UNTABLED)
    assert _named_routes(get_resolver().url_patterns) == tabled


def _call(client: Client, route: Route, world) -> int:
    url = reverse(route.name, kwargs=route.kwargs(world))
    method = getattr(client, route.method)
    response = method(url, route.data(world)) if route.method == "post" else method(url)
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method}:{r.name}")
def test_route_answers_each_role_as_the_table_says(route: Route, world):
    got = {}
    for role in ROLE_COLUMNS:
        client = Client()
        assert client.login(username=world.users[role].username, password=PASSWORD)
        got[role] = _call(client, route, world)
    assert got == route.statuses()


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method}:{r.name}")
def test_anonymous_visitors_are_sent_to_the_login_page(route: Route, world):
    status = _call(Client(), route, world)
    if route.api:
        assert status in (401, 403)
    else:
        assert status == 302


@pytest.mark.django_db
def test_users_of_another_region_see_nothing_of_this_region(world):
    client = Client()
    assert client.login(username=world.users["other_region"].username, password=PASSWORD)
    assert (
        client.get(
            reverse("clients:youth-detail", kwargs={"pk": world.youth["anna"].pk})
        ).status_code
        == 404
    )
    page = client.get(reverse("allocations:allocation-list")).content.decode()
    assert "Visser" not in page
    assert "Bakker" not in page
    contracts = client.get(reverse("contracting:contract-list")).content.decode()
    assert "RTA-0" not in contracts
