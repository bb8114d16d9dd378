# SPDX-License-Identifier: EUPL-1.2
"""Signing in from tests: a test client as a user who passed every step of the sign-in.

The users of the test world have TOTP devices with known keys (``known_totp_key``), so a
browser test can compute the code an authenticator app would show (``totp_code``).
"""

import hashlib
import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.models import User
from jeugdregie.authentication.selectors import confirmed_device
from jeugdregie.authentication.services import totp_device_create

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"  # noqa: S105 - a path


def known_totp_key(username: str) -> str:
    """The (hex) TOTP key of a test user's device: known, different per user."""
    return hashlib.sha1(f"jeugdregie-test-totp:{username}".encode()).hexdigest()  # noqa: S324


def totp_device_for_tests(user: User) -> TOTPDevice:
    """The user's confirmed device; one with the known test key when it has none yet."""
    return confirmed_device(user=user) or totp_device_create(
        user=user, key=known_totp_key(user.username), confirmed=True
    )


def totp_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now, or the next step's when this step's code was
    used already (a device accepts each time step once; it allows one step ahead)."""
    device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step) + device.drift
    step = max(now, device.last_t + 1)
    return str(hotp(device.bin_key, step, digits=device.digits)).zfill(device.digits)


def sign_in(client: Client, user: User) -> None:
    """Log ``client`` in as ``user`` with the password and, where required, the second
    factor passed: Django's session plus django-otp's marker of the verified device."""
    device = totp_device_for_tests(user)
    client.force_login(user, backend=PASSWORD_BACKEND)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
