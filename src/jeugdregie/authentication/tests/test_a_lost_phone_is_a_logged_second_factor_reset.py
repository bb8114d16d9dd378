# SPDX-License-Identifier: EUPL-1.2
"""Phone lost: the functional administrator resets a user's second factor from the user list
(own region only), the user sets up a new app at the next sign-in, and the change log says
who did it. Authenticator keys are never shown in the admin, and only a superuser opens the
devices themselves (a functional administrator could otherwise give another user a device
with a key it knows)."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.authentication.services import SECOND_FACTOR_RESET
from jeugdregie.authentication.tests.test_an_administrator_cannot_grant_itself_power import (
    make_functional_administrator,
)
from jeugdregie.testing.auth import sign_in, totp_device_for_tests
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db


def _reset(client: Client, *users: User) -> str:
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [u.pk for u in users]},
        follow=True,
    )
    return response.content.decode()


def test_the_administrator_resets_a_users_second_factor_and_it_is_logged(world: World):
    beheer = make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN])
    client = Client()
    sign_in(client, beheer)
    provider_user = world.users[Role.PROVIDER]
    totp_device_for_tests(provider_user)

    page = _reset(client, provider_user)

    assert "1" in page
    assert not TOTPDevice.objects.filter(user=provider_user).exists()
    record = ChangeRecord.objects.filter(object_pk=str(provider_user.pk)).order_by("-seq").first()
    assert record is not None
    assert record.user == beheer
    assert SECOND_FACTOR_RESET in record.changes

    again = Client()
    again.force_login(provider_user, backend="django.contrib.auth.backends.ModelBackend")
    response = again.get("/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]  # to the second step, which enrols anew


def test_another_regions_user_is_not_reset(world: World):
    beheer = make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN])
    client = Client()
    sign_in(client, beheer)
    stranger = world.users["other_region"]
    totp_device_for_tests(stranger)

    _reset(client, stranger)

    assert TOTPDevice.objects.filter(user=stranger).exists()


def test_devices_and_their_keys_are_for_a_superuser_only(world: World):
    beheer = make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN])
    device = totp_device_for_tests(world.users[Role.PROVIDER])
    client = Client()
    sign_in(client, beheer)
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    assert client.get(reverse("admin:otp_totp_totpdevice_changelist")).status_code == 403
    assert client.get(change).status_code in (302, 403)

    beheer.is_superuser = True
    beheer.save(update_fields=["is_superuser"])
    page = client.get(change)
    assert page.status_code == 200
    assert device.key not in page.content.decode()
