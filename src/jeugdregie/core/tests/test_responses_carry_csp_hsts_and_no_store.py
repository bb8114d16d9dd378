# SPDX-License-Identifier: EUPL-1.2
"""Attack 6 of the trust review: every response has a Content-Security-Policy that allows
only this site; outside demo mode HSTS and secure cookies are on; every response to a
signed-in user or API client says ``Cache-Control: no-store`` (pages, htmx partials,
exports, the API)."""

import runpy
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.services import api_client_create
from jeugdregie.conf import settings as settings_module
from jeugdregie.conf.headers import content_security_policy, origin, proxy_ssl_header
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

ONE_YEAR = 365 * 24 * 3600


def _settings_module(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    """The product's settings as a fresh process with this environment would read them."""
    for name in ("DJANGO_HSTS_SECONDS", "DJANGO_SECURE_COOKIES", "DJANGO_HSTS_INCLUDE_SUBDOMAINS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(settings_module.__file__, run_name="settings_probe")


def _policy(header: str) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in header.split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.django_db
def test_every_page_allows_only_this_site(world: World, client: Client) -> None:
    anonymous = client.get(reverse("login"))
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    signed_in = client.get(reverse("allocations:allocation-list"))

    for response in (anonymous, signed_in):
        policy = _policy(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert "script-src" not in policy  # falls back to 'self': no inline script, no eval
        assert "style-src" not in policy
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_forms_may_also_go_to_the_sign_in_provider() -> None:
    policy = content_security_policy(
        form_targets=[
            "https://login.example.nl/realms/gemeente/protocol/openid-connect/auth",
            "https://login.example.nl/realms/gemeente/protocol/openid-connect/logout",
            "",
            "not a url",
        ]
    )
    assert policy["DIRECTIVES"]["form-action"] == ["'self'", "https://login.example.nl"]
    assert origin("http://127.0.0.1:9000/auth") == "http://127.0.0.1:9000"


def test_outside_demo_mode_hsts_and_secure_cookies_are_on_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = _settings_module(monkeypatch, JEUGDREGIE_DEMO="0")
    assert real["SECURE_HSTS_SECONDS"] >= ONE_YEAR
    assert real["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert real["SESSION_COOKIE_SECURE"] is True
    assert real["CSRF_COOKIE_SECURE"] is True

    demo = _settings_module(monkeypatch, JEUGDREGIE_DEMO="1")
    assert demo["SECURE_HSTS_SECONDS"] == 0  # plain http on 127.0.0.1
    assert demo["SESSION_COOKIE_SECURE"] is False

    overridden = _settings_module(
        monkeypatch, JEUGDREGIE_DEMO="0", DJANGO_HSTS_SECONDS="600", DJANGO_SECURE_COOKIES="0"
    )
    assert (overridden["SECURE_HSTS_SECONDS"], overridden["SESSION_COOKIE_SECURE"]) == (600, False)


@pytest.mark.django_db
def test_a_secure_request_outside_demo_mode_gets_hsts_and_secure_cookies(
    settings: LazySettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _settings_module(monkeypatch, JEUGDREGIE_DEMO="0")
    settings.JEUGDREGIE_DEMO = False
    for name in (
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    ):
        setattr(settings, name, real[name])

    response = Client().get(reverse("login"), secure=True)

    assert response["Strict-Transport-Security"] == f"max-age={ONE_YEAR}; includeSubDomains"
    assert response.cookies["csrftoken"]["secure"] is True
    # Over plain http (a misconfigured proxy) browsers ignore HSTS; Django does not send it.
    assert "Strict-Transport-Security" not in Client().get(reverse("login"))


@pytest.mark.django_db
def test_behind_a_tls_proxy_its_header_makes_the_request_secure(settings: LazySettings) -> None:
    settings.SECURE_HSTS_SECONDS = ONE_YEAR
    settings.SECURE_PROXY_SSL_HEADER = proxy_ssl_header("X-Forwarded-Proto: https")
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")

    response = Client().get(reverse("login"), headers={"X-Forwarded-Proto": "https"})

    assert response["Strict-Transport-Security"].startswith(f"max-age={ONE_YEAR}")
    assert proxy_ssl_header("") is None
    assert proxy_ssl_header("HTTP_X_FORWARDED_PROTO=https") == ("HTTP_X_FORWARDED_PROTO", "https")
    with pytest.raises(ValueError, match="DJANGO_SECURE_PROXY_SSL_HEADER"):
        proxy_ssl_header("X-Forwarded-Proto")


@pytest.mark.django_db
def test_nothing_a_signed_in_user_receives_may_be_stored(world: World, client: Client) -> None:
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    responses = {
        "page": client.get(reverse("allocations:allocation-list")),
        "htmx partial": client.get(
            reverse("allocations:allocation-list"),
            {"status": "ended"},
            headers={"HX-Request": "true"},
        ),
        "csv export": client.get(reverse("allocations:allocation-export")),
        "xlsx export": client.get(reverse("budgets:budget-overview-xlsx")),
        "api": client.get(reverse("api-allocation-list")),
        "redirect": client.get(reverse("login")),  # signed in already: sent home
        "not found": client.get("/bestaat-niet/"),
    }
    for name, response in responses.items():
        assert response.status_code in (200, 302, 404), name
        assert response["Cache-Control"] == "no-store", name


@pytest.mark.django_db
def test_nothing_an_api_client_receives_may_be_stored(world: World) -> None:
    organisation = world.users[Role.PROVIDER].organisation
    assert organisation is not None
    registration = api_client_create(
        actor=world.users[Role.FUNCTIONAL_ADMIN],
        organisation=organisation,
        name="Zorgsysteem",
        scopes=[Scope.ALLOCATIONS_READ],
    )
    response = Client().get(
        reverse("api-allocation-list"), headers={"Authorization": f"Bearer {registration.token}"}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
