# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-genoeg-wachtwoord-2025"


def test_a_service_user_cannot_sign_in_even_with_a_password_set_by_mistake(world, register):
    service_user = register("aanbieders:lezen").client.service_user
    assert not service_user.has_usable_password()
    service_user.set_password(PASSWORD)  # e.g. an administrator's mistake
    service_user.save()
    browser = Client()
    browser.post(reverse("login"), {"username": service_user.username, "password": PASSWORD})
    assert "_auth_user_id" not in browser.session
    assert browser.get(reverse("home")).status_code == 302


def test_a_session_of_a_service_user_carries_nothing(world, register):
    service_user = register("aanbieders:lezen").client.service_user
    browser = Client()
    browser.force_login(service_user)  # forged: a session that should never exist
    assert browser.get(reverse("api-provider-list")).status_code == 401
    assert browser.get(reverse("home")).status_code == 302
