# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients.models import ApiClient
from jeugdregie.apiclients.tests.conftest import bearer
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    browser = Client()
    sign_in(browser, user)
    return browser


def test_the_functional_administrator_registers_sees_the_token_once_and_revokes(world):
    admin = _signed_in(world.users["functional_admin"])
    organisation = world.users["provider"].organisation
    shown = admin.post(
        reverse("apiclients:client-register"),
        {"organisation": organisation.pk, "name": "Zorgsysteem", "scopes": ["aanbieders:lezen"]},
    )
    assert shown.status_code == 200
    client = ApiClient.objects.get()
    token = shown.context["token"]
    assert token in shown.content.decode()
    assert "maar één keer" in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    assert client.created_by == world.users["functional_admin"]
    assert Client().get(reverse("api-provider-list"), headers=bearer(token)).status_code == 200

    listed = admin.get(reverse("apiclients:client-list")).content.decode()
    assert "Zorgsysteem" in listed
    assert client.prefix in listed
    assert token not in listed

    revoked = admin.post(reverse("apiclients:client-revoke", kwargs={"pk": client.pk}))
    assert revoked.status_code == 302
    client.refresh_from_db()
    assert client.revoked_by == world.users["functional_admin"]
    assert Client().get(reverse("api-provider-list"), headers=bearer(token)).status_code == 401


def test_a_scope_that_does_not_fit_is_refused_on_the_form(world):
    admin = _signed_in(world.users["contract_manager"])
    refused = admin.post(
        reverse("apiclients:client-register"),
        {
            "organisation": world.users["access_staff"].organisation.pk,
            "name": "Zaaksysteem",
            "scopes": ["wachtlijst:melden"],
        },
    )
    assert refused.status_code == 400
    assert "wachtlijst:melden" in refused.content.decode()
    assert not ApiClient.objects.exists()


def test_another_region_and_other_roles_cannot_touch_the_clients(world, register):
    client = register("aanbieders:lezen").client
    other_region = _signed_in(world.users["other_region"])
    url = reverse("apiclients:client-revoke", kwargs={"pk": client.pk})
    assert other_region.post(url).status_code == 404
    assert "Zorgsysteem" not in other_region.get(reverse("apiclients:client-list")).content.decode()
    foreign = other_region.post(
        reverse("apiclients:client-register"),
        {
            "organisation": world.users["provider"].organisation.pk,
            "name": "x",
            "scopes": ["aanbieders:lezen"],
        },
    )
    assert foreign.status_code == 400  # not an organisation of its region
    provider = _signed_in(world.users["provider"])
    assert provider.get(reverse("apiclients:client-list")).status_code == 403
    assert provider.post(url).status_code == 403
    client.refresh_from_db()
    assert client.revoked_at is None
