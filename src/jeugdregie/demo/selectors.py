# SPDX-License-Identifier: EUPL-1.2
import time
from base64 import b32encode
from dataclasses import dataclass

from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.authentication.selectors import second_factor_required
from jeugdregie.demo.constants import DEMO_LOGINS

__all__ = [
    "DemoLoginRow",
    "demo_login_rows",
]


@dataclass(frozen=True)
class DemoLoginRow:
    username: str
    role: str
    organisation: str
    region_code: str
    purpose: str
    exists: bool
    second_factor: bool = False
    """The account signs in with a code from an authenticator app (TOTP) after the password."""
    totp_secret: str = ""
    """The key to enter in the app (base32), empty without a device."""
    totp_code: str = ""
    """The code the app shows now (valid for the current 30 seconds)."""


def demo_login_rows() -> list[DemoLoginRow]:
    """The demo accounts as they are in the database, with Dutch role names."""
    users = {
        user.username: user
        for user in User.objects.filter(
            username__in=[login.username for login in DEMO_LOGINS]
        ).select_related("organisation")
    }
    devices = {
        device.user_id: device
        for device in TOTPDevice.objects.filter(user__in=users.values(), confirmed=True).order_by(
            "-pk"
        )
    }
    rows = []
    with translation.override("nl"):
        for login in DEMO_LOGINS:
            user = users.get(login.username)
            organisation = user.organisation if user else None
            device = devices.get(user.pk) if user else None
            rows.append(
                DemoLoginRow(
                    username=login.username,
                    role=str(Role(login.role).label),
                    organisation=organisation.name if organisation else "(ontbreekt)",
                    region_code=login.region,
                    purpose=login.purpose,
                    exists=user is not None,
                    second_factor=user is not None and second_factor_required(user),
                    totp_secret=b32encode(device.bin_key).decode() if device else "",
                    totp_code=_current_code(device) if device else "",
                )
            )
    return rows


def _current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return str(totp.token()).zfill(device.digits)
