# SPDX-License-Identifier: EUPL-1.2
"""Attack 3 (API part): no HTTP Basic; a registered client's token, its scopes, revocation."""

import base64
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jeugdregie.apiclients.models import ApiClient
from jeugdregie.apiclients.services import api_client_revoke
from jeugdregie.apiclients.tests.conftest import bearer
from jeugdregie.audit.models import AccessRecord
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_http_basic_is_refused_even_with_the_right_password(world):
    credentials = base64.b64encode(f"aanbieder:{PASSWORD}".encode()).decode()
    response = Client().get(
        reverse("api-provider-list"), headers={"Authorization": f"Basic {credentials}"}
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_valid_token_reads_and_the_access_record_names_the_service_user(world, register):
    registration = register("jeugdigen:lezen")
    anna = world.youth["anna"]
    response = Client().get(
        reverse("api-youth-detail", kwargs={"pk": anna.pk}), headers=bearer(registration.token)
    )
    assert response.status_code == 200
    assert response.json()["family_name"] == "Visser"
    record = AccessRecord.objects.get(youth=anna)
    service_user = registration.client.service_user
    assert record.user == service_user
    assert service_user.organisation == world.users["provider"].organisation
    assert service_user.role == "provider"
    registration.client.refresh_from_db()
    assert registration.client.last_used_at is not None


def test_the_client_sees_only_what_its_organisation_may_see(world, register):
    token = register("jeugdigen:lezen").token
    chris = world.youth["chris"]  # in care at the other provider
    response = Client().get(
        reverse("api-youth-detail", kwargs={"pk": chris.pk}), headers=bearer(token)
    )
    assert response.status_code == 404


def test_a_token_without_the_scope_gets_403(world, register):
    token = register("aanbieders:lezen").token
    client = Client()
    assert client.get(reverse("api-provider-list"), headers=bearer(token)).status_code == 200
    refused = client.get(
        reverse("api-youth-detail", kwargs={"pk": world.youth["anna"].pk}), headers=bearer(token)
    )
    assert refused.status_code == 403
    assert "jeugdigen:lezen" in refused.json()["detail"]
    # reading the waiting list does not allow reporting on it
    token = register("wachtlijst:lezen").token
    assert client.get(reverse("api-waiting-entry-list"), headers=bearer(token)).status_code == 200
    report = client.post(
        reverse("api-waiting-entry-list"),
        {"entries": []},
        "application/json",
        headers=bearer(token),
    )
    assert report.status_code == 403


def test_a_revoked_token_is_refused_on_its_next_request(world, register):
    registration = register("aanbieders:lezen")
    client = Client()
    url = reverse("api-provider-list")
    assert client.get(url, headers=bearer(registration.token)).status_code == 200
    api_client_revoke(actor=world.users["functional_admin"], client=registration.client)
    assert client.get(url, headers=bearer(registration.token)).status_code == 401


def test_an_expired_or_altered_token_is_refused(world, register):
    registration = register("aanbieders:lezen")
    url = reverse("api-provider-list")
    altered = registration.token[:-4] + (
        "AAAA" if not registration.token.endswith("AAAA") else "BBBB"
    )
    assert Client().get(url, headers=bearer(altered)).status_code == 401
    ApiClient.objects.filter(pk=registration.client.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert Client().get(url, headers=bearer(registration.token)).status_code == 401


def test_only_a_hash_of_the_token_is_stored(register):
    registration = register("aanbieders:lezen")
    stored = ApiClient.objects.filter(pk=registration.client.pk).values().get()
    secret = registration.token.split("_", 2)[2]
    assert all(secret not in str(value) for value in stored.values())
    assert registration.token.startswith(f"jr_{registration.client.prefix}_")


def test_a_token_needs_no_csrf_token_but_the_session_does(world, register):
    data = {"start": "2030-01-01", "reason": "vol"}
    url = reverse("api-client-stop-request")
    token = register("clientenstops:aanvragen").token
    with_token = Client(enforce_csrf_checks=True).post(
        url, data, "application/json", headers=bearer(token)
    )
    assert with_token.status_code == 201
    browser = Client(enforce_csrf_checks=True)
    sign_in(browser, world.users["provider"])
    without_csrf = browser.post(url, data, "application/json")
    assert without_csrf.status_code == 403
    assert "CSRF" in without_csrf.json()["detail"]


def test_the_signed_in_browser_still_uses_the_api_by_its_role(world):
    browser = Client()
    sign_in(browser, world.users["provider"])
    assert browser.get(reverse("api-provider-list")).status_code == 200
    assert browser.get(reverse("api-allocation-list")).status_code == 200
