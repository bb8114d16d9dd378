# SPDX-License-Identifier: EUPL-1.2
"""The first sign-in of an account that needs a second factor sets up an authenticator app
(QR code, secret, otpauth link) and confirms it with a code; later sign-ins ask the code."""

import re
import time
from base64 import b32encode

import pytest
import time_machine
from django.test import Client
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.authentication.services import user_create
from jeugdregie.testing.auth import totp_code
from jeugdregie.testing.factories import PASSWORD, World

pytestmark = pytest.mark.django_db

ENROL = "/inloggen/tweede-stap/instellen/"
SECOND_STEP = "/inloggen/tweede-stap/"


def wrong_code(device: TOTPDevice) -> str:
    now = int(time.time()) // device.step + device.drift
    valid = {str(hotp(device.bin_key, t)).zfill(6) for t in range(now - 2, now + 3)}
    return next(code for code in (f"{n:06d}" for n in range(1000)) if code not in valid)


@pytest.fixture
def new_provider_user(world: World) -> User:
    organisation = world.users[Role.PROVIDER].organisation
    assert organisation is not None
    return user_create(
        username="nieuw.aanbieder", password=PASSWORD, organisation=organisation, role=Role.PROVIDER
    )


def test_a_new_account_sets_up_its_app_and_reaches_the_page_it_asked_for(new_provider_user):
    client = Client()
    response = client.post(
        "/inloggen/",
        {"username": "nieuw.aanbieder", "password": PASSWORD, "next": "/toewijzingen/"},
    )
    assert response.status_code == 302
    assert response["Location"] == ENROL + "?next=%2Ftoewijzingen%2F"
    assert client.get("/toewijzingen/")["Location"].startswith(ENROL)

    page = client.get(response["Location"])
    text = page.content.decode()
    device = TOTPDevice.objects.get(user=new_provider_user)
    secret = b32encode(device.bin_key).decode()
    assert page.status_code == 200
    assert not device.confirmed
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in text
    assert f"otpauth://totp/jeugdregie%3Anieuw.aanbieder?secret={secret}" in text.replace(
        "&amp;", "&"
    )
    assert re.search(r"<svg[^>]*>.*<path", text, re.DOTALL), "the QR code is inline SVG"
    assert client.get(ENROL).content.decode().count(secret[:8]) >= 1, "same secret on reload"

    refused = client.post(ENROL + "?next=/toewijzingen/", {"code": wrong_code(device)})
    assert refused.status_code == 400
    assert "Deze code klopt niet" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    with time_machine.travel(time.time() + 5, tick=False):  # after the one-second throttle
        confirmed = client.post(ENROL, {"code": totp_code(device), "next": "/toewijzingen/"})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/toewijzingen/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/toewijzingen/").status_code == 200


def test_a_later_sign_in_asks_the_code_and_refuses_a_used_one(world: World):
    user = world.users[Role.CONTRACT_MANAGER]
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    client = Client()

    response = client.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    assert response["Location"] == SECOND_STEP + "?next=%2F"
    assert client.get(ENROL)["Location"].startswith(SECOND_STEP), "no second enrolment"
    code = totp_code(device)
    assert client.post(SECOND_STEP, {"code": code, "next": "/cijfers/"})["Location"] == "/cijfers/"
    assert client.get("/cijfers/").status_code == 200

    client.post("/uitloggen/")
    client.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    with time_machine.travel(time.time() + 5, tick=False):
        replay = client.post(SECOND_STEP, {"code": code})
    assert replay.status_code == 400, "a code opens one sign-in only"
    assert client.get("/cijfers/").status_code == 302


def test_the_second_step_changes_the_session_id(world: World):
    user = world.users[Role.PRIVACY_OFFICER]
    client = Client()
    client.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    before = client.cookies["sessionid"].value

    client.post(SECOND_STEP, {"code": totp_code(TOTPDevice.objects.get(user=user))})

    assert client.cookies["sessionid"].value != before
