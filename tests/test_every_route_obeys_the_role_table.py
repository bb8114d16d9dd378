# SPDX-License-Identifier: EUPL-1.2
"""Every URL × every method × every role: allowed or forbidden, as the route table says.

A forbidden attempt changes nothing (the row's ``state`` is the same before and after); an
allowed write really happens (the status of a successful write, and a changed ``state``).
Every method a view accepts has a row: a view refuses the others with 405.
"""

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.views import APIView

from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World
from tests.routes import FORBIDDEN, METHODS, ROLE_COLUMNS, ROUTES, UNTABLED, Route


def _named_patterns(
    patterns: list[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                # generated per model: tests/test_the_management_site_admits_only_its_
                # administrators.py walks every page of every registered model per role
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _named_patterns(pattern.url_patterns, namespace)
        elif pattern.name:
            yield f"{prefix}{pattern.name}", pattern


def send(client: Client, route: Route, url: str, payload: Any) -> HttpResponseBase:
    """The route's request with ``payload`` (JSON for the API, a form for pages)."""
    method = getattr(client, route.method)
    if route.method == "get":
        response = method(url, payload)
    elif route.api:
        response = method(url, json.dumps(payload), content_type="application/json")
    elif route.method == "post":
        response = method(url, payload)
    else:
        response = method(
            url, urlencode(payload, doseq=True), content_type="application/x-www-form-urlencoded"
        )
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def attempts(
    route: Route, world: World, clients: dict[str | None, Client], roles: list[str | None]
) -> dict[str | None, tuple[int, bool | None]]:
    """Per role: the status of the route's request and whether its state changed.

    The URL arguments and data are made once; each attempt is rolled back, so every role
    meets the same world, and nothing is kept.
    """
    results: dict[str | None, tuple[int, bool | None]] = {}
    with transaction.atomic():
        url = reverse(route.name, kwargs=route.kwargs(world))
        payload = route.data(world)
        for role in roles:
            with transaction.atomic():
                before = route.state(world) if route.state else None
                status = send(clients[role], route, url, payload).status_code
                changed = None if route.state is None else route.state(world) != before
                transaction.set_rollback(True)
            results[role] = (status, changed)
        transaction.set_rollback(True)
    return results


def urls_without_a_row(routes: list[Route]) -> set[str]:
    """Named URLs that have no row in ``routes`` and are not in UNTABLED."""
    named = {name for name, _pattern in _named_patterns(get_resolver().url_patterns)}
    return named - {route.name for route in routes} - set(UNTABLED)


def methods_without_a_row(
    routes: list[Route],
    world: World,
    clients: dict[str | None, Client],
    only: set[str] | None = None,
) -> list[str]:
    """The (route, method) pairs a view accepts that have no row in ``routes``.

    A method without a row must answer 405 to a role the route serves (a function view is
    asked); an API view's methods are read from the view.
    """
    rows: dict[str, list[Route]] = {}
    for route in routes:
        rows.setdefault(route.name, []).append(route)
    missing = []
    for name, pattern in _named_patterns(get_resolver().url_patterns):
        if name in UNTABLED or name not in rows or (only is not None and name not in only):
            continue  # a URL without any row is found by ``urls_without_a_row``
        tabled = {route.method for route in rows[name]}
        view_class = getattr(pattern.callback, "cls", None)
        if isinstance(view_class, type) and issubclass(view_class, APIView):
            accepted = {m.lower() for m in view_class().allowed_methods} & set(METHODS)
            missing += [
                f"{name} {method.upper()} (the API view has a handler for it)"
                for method in sorted(accepted - tabled)
            ]
            continue
        first = rows[name][0]
        served = [role for role, status in first.statuses().items() if status not in FORBIDDEN]
        role = served[0] if served else ROLE_COLUMNS[0]
        for method in METHODS:
            if method not in tabled:
                probe = replace(first, method=method, data=lambda w: {}, state=None)
                status = attempts(probe, world, clients, [role])[role][0]
                if status != 405:
                    missing.append(f"{name} {method.upper()} (answered {status} to {role})")
    return missing


def test_the_route_table_covers_every_named_url():
    named = {name for name, _pattern in _named_patterns(get_resolver().url_patterns)}
    tabled = {route.name for route in ROUTES}
    assert urls_without_a_row(ROUTES) == set(), "named URLs missing from tests/routes.py"
    assert tabled - named == set(), "rows of URLs that do not exist"
    assert tabled & set(UNTABLED) == set()


@pytest.mark.django_db
def test_every_method_a_route_accepts_has_a_row(
    module_world: World, clients: dict[str | None, Client]
):
    missing = methods_without_a_row(ROUTES, module_world, clients)
    assert not missing, (
        "Methods that routes accept without a row in tests/routes.py (add a row for every "
        "role, or refuse the method in the view with require_safe or require_http_methods):\n"
        + "\n".join(missing)
    )


@pytest.mark.django_db
def test_a_missing_row_is_named_with_its_route_and_method(
    module_world: World, clients: dict[str | None, Client]
):
    """The checks above fail for a forgotten URL or method, and say which."""
    without_url = [r for r in ROUTES if r.name != "budgets:exception-decide"]
    assert urls_without_a_row(without_url) == {"budgets:exception-decide"}
    report = ("waitinglists:entry-report", "post")
    without_post = [r for r in ROUTES if (r.name, r.method) != report]
    found = methods_without_a_row(
        without_post, module_world, clients, only={"waitinglists:entry-report"}
    )
    assert found == ["waitinglists:entry-report POST (answered 200 to contract_manager)"]
    api = ("api-waiting-entry-list", "post")
    without_api_post = [r for r in ROUTES if (r.name, r.method) != api]
    assert methods_without_a_row(
        without_api_post, module_world, clients, only={"api-waiting-entry-list"}
    ) == ["api-waiting-entry-list POST (the API view has a handler for it)"]


def _row_id(route: Route) -> str:
    return ":".join(filter(None, (route.method, route.name, route.variant)))


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=_row_id)
def test_route_answers_each_role_as_the_table_says(
    route: Route, module_world: World, clients: dict[str | None, Client]
):
    results = attempts(route, module_world, clients, list(ROLE_COLUMNS))
    assert {role: status for role, (status, _changed) in results.items()} == route.statuses()
    if route.state is not None:
        changed = {role: change for role, (_status, change) in results.items()}
        expected = {
            role: status < 400 and route.writes for role, status in route.statuses().items()
        }
        assert changed == expected, "a refused attempt changed something, or a write failed"


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=_row_id)
def test_anonymous_visitors_are_sent_to_the_login_page(
    route: Route, module_world: World, clients: dict[str | None, Client]
):
    status, changed = attempts(route, module_world, clients, [None])[None]
    if route.api:
        assert status in (401, 403)
    else:
        assert status == 302
    assert not changed


@pytest.mark.django_db
def test_users_of_another_region_see_nothing_of_this_region(module_world: World):
    world = module_world
    client = Client()
    sign_in(client, world.users["other_region"])
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
