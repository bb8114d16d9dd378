# SPDX-License-Identifier: EUPL-1.2
"""In the demo the accounts that need a second factor can pass it: every demo account has an
authenticator-app key fixed like the password, and ``demo_logins`` prints it with the code
of the moment."""

from base64 import b32encode
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.demo.constants import DEMO_LOGINS, DEMO_PASSWORD, demo_totp_key
from jeugdregie.testing.auth import totp_code

pytestmark = pytest.mark.django_db


def test_every_demo_account_has_an_app_with_a_fixed_key_and_demo_logins_prints_it(small_demo):
    devices = {
        device.user.username: device
        for device in TOTPDevice.objects.filter(confirmed=True).select_related("user")
    }
    output = StringIO()
    call_command("demo_logins", stdout=output)
    text = output.getvalue()

    for login in DEMO_LOGINS:
        assert devices[login.username].key == demo_totp_key(login.username)
    assert "Tweede stap (TOTP)" in text
    for username in ("contractbeheer", "beheer", "privacy", "aanbieder"):
        secret = b32encode(devices[username].bin_key).decode()
        assert f"{username}" in text
        assert secret in text
    assert "code nu " in text


def test_a_demo_account_signs_in_with_the_printed_code(small_demo):
    client = Client()
    response = client.post("/inloggen/", {"username": "beheer", "password": DEMO_PASSWORD})
    assert response["Location"].startswith("/inloggen/tweede-stap/")

    device = TOTPDevice.objects.get(user__username="beheer")
    done = client.post("/inloggen/tweede-stap/", {"code": totp_code(device), "next": "/beheer/"})

    assert done["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200
