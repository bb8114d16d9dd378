# SPDX-License-Identifier: EUPL-1.2
"""Attack 3 of the trust issue in the web login: wrong passwords in a row, then the right
one. After AXES_FAILURE_LIMIT (5) failures of one username from one address, the right
password is refused with a Dutch page for the cool-off period; wrong second-factor codes
count as failures too."""

import time
from datetime import timedelta

import pytest
import time_machine
from axes.signals import user_locked_out
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.constants import Role
from jeugdregie.authentication.tests.test_a_new_account_sets_up_an_authenticator_app_and_then_signs_in_with_its_code import (  # noqa: E501
    wrong_code,
)
from jeugdregie.testing.factories import PASSWORD, World

pytestmark = pytest.mark.django_db

OFFICE = "192.0.2.10"


def _attempt(client: Client, username: str, password: str, forwarded_for: str | None = None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else None
    return client.post("/inloggen/", {"username": username, "password": password}, headers=headers)


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_five_wrong_ones(world: World):
    user = world.users[Role.ACCESS_STAFF]
    client = Client(REMOTE_ADDR=OFFICE)
    locked: list[str] = []

    def remember(sender: object, username: str, **kwargs: object) -> None:
        locked.append(username)

    user_locked_out.connect(remember)
    try:
        answers = [
            _attempt(client, user.username, "geraden-wachtwoord").status_code for _ in range(5)
        ]
        right = _attempt(client, user.username, PASSWORD)
    finally:
        user_locked_out.disconnect(remember)

    assert answers == [200, 200, 200, 200, 429]
    assert right.status_code == 429
    text = right.content.decode()
    assert "Te veel mislukte inlogpogingen" in text
    assert "30 minuten" in text
    assert not _signed_in(client)
    assert user.username in locked


def test_thirty_wrong_passwords_then_the_right_one_is_still_refused(world: World):
    user = world.users[Role.GI_STAFF]
    client = Client(REMOTE_ADDR=OFFICE)
    for _ in range(30):
        _attempt(client, user.username, "nog-een-gok-123")

    assert _attempt(client, user.username, PASSWORD).status_code == 429
    assert not _signed_in(client)


def test_the_lock_is_on_username_and_address_and_ends_after_the_cool_off(world: World):
    user = world.users[Role.ACCESS_STAFF]
    attacker = Client(REMOTE_ADDR=OFFICE)
    for _ in range(5):
        _attempt(attacker, user.username, "geraden-wachtwoord")

    # a forged X-Forwarded-For does not give the attacker a fresh address
    forged = _attempt(attacker, user.username, PASSWORD, forwarded_for="198.51.100.7")
    assert forged.status_code == 429

    colleague = Client(REMOTE_ADDR="192.0.2.99")
    assert _attempt(colleague, user.username, PASSWORD).status_code == 302
    assert _signed_in(colleague)

    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert _attempt(attacker, user.username, PASSWORD).status_code == 302
        assert _signed_in(attacker)


def test_the_failure_limit_and_cool_off_are_configurable(world: World, settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = world.users[Role.ACCESS_STAFF]
    client = Client(REMOTE_ADDR=OFFICE)
    _attempt(client, user.username, "geraden-wachtwoord")
    assert _attempt(client, user.username, "geraden-wachtwoord").status_code == 429


def test_wrong_second_factor_codes_count_towards_the_lockout(world: World):
    user = world.users[Role.CONTRACT_MANAGER]
    device = TOTPDevice.objects.get(user=user)
    client = Client(REMOTE_ADDR=OFFICE)
    assert _attempt(client, user.username, PASSWORD).status_code == 302

    answers = []
    start = time.time()
    for attempt in range(5):
        with time_machine.travel(start + 40 * attempt, tick=False):  # past the app's throttle
            answers.append(client.post("/inloggen/tweede-stap/", {"code": wrong_code(device)}))

    assert [answer.status_code for answer in answers] == [400, 400, 400, 400, 429]
    assert not _signed_in(client), "locked out during the second step: signed out"
    with time_machine.travel(start + 200, tick=False):
        assert _attempt(client, user.username, PASSWORD).status_code == 429
