# SPDX-License-Identifier: EUPL-1.2
"""Reads of the sign-in: who needs a second factor, who passed it, which device a user has."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.models import User
from jeugdregie.authentication.constants import OIDC_BACKEND, SECOND_FACTOR_ALWAYS

__all__ = [
    "confirmed_device",
    "device_being_enrolled",
    "second_factor_passed",
    "second_factor_required",
    "signed_in_with_sso",
    "sso_enabled",
]


def sso_enabled() -> bool:
    """Single sign-on is on when the installation has a client id at an identity provider."""
    return bool(settings.OIDC_RP_CLIENT_ID)


def second_factor_required(user: User | AnonymousUser) -> bool:
    """Local accounts of these users need a second factor: the functional administrator,
    the privacy officer, contract management and staff always, other roles as configured."""
    if not isinstance(user, User):
        return False
    return (
        user.is_staff
        or user.is_superuser
        or user.role in SECOND_FACTOR_ALWAYS
        or user.role in settings.JEUGDREGIE_SECOND_FACTOR_ROLES
    )


def signed_in_with_sso(request: HttpRequest) -> bool:
    """Whether this session's user signed in through the identity provider, which did the
    second factor (Django keeps the backend that authenticated the user in the session)."""
    return bool(request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND)


def second_factor_passed(request: HttpRequest) -> bool:
    """Signed in with everything the user's account needs: password and, where required, a
    TOTP code in this session, or single sign-on."""
    user = request.user
    if not user.is_authenticated or not second_factor_required(user):
        return True
    if signed_in_with_sso(request):
        return True
    return bool(getattr(user, "otp_device", None) is not None)


def confirmed_device(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def device_being_enrolled(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
