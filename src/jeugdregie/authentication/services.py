# SPDX-License-Identifier: EUPL-1.2
"""Writes of the sign-in: users from the identity provider, TOTP devices."""

import logging

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.services import user_change_record, user_snapshot
from jeugdregie.audit.constants import ChangeAction

logger = logging.getLogger(__name__)


class SignInRefused(Exception):  # noqa: N818 - a refusal, not a programming error
    """The identity provider signed the user in, but jeugdregie gives no access."""

    NO_ROLE = "geen-rol"
    LOCAL_ACCOUNT = "lokaal-account"
    INACTIVE = "geblokkeerd"
    CONFIGURATION = "configuratie"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def user_sso_sync(
    *,
    username: str,
    role: str,
    organisation_code: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """Create or update the user the identity provider signed in, with the role and
    organisation its groups map to. Every change of these is in the change log.

    A sign-in never takes over a local account (one with a password): the provider's user
    name could otherwise be made to match a provider's local account.
    """
    organisation = Organisation.objects.filter(code=organisation_code).first()
    if organisation is None or organisation.kind != ROLE_ORGANISATION_KIND[role]:
        logger.error(
            "JEUGDREGIE_OIDC_GROUPS maps to role %s at organisation '%s', which %s",
            role,
            organisation_code,
            "does not exist" if organisation is None else f"is of kind {organisation.kind}",
        )
        raise SignInRefused(SignInRefused.CONFIGURATION)
    user = User.objects.select_for_update().filter(username=username).first()
    before = None
    if user is None:
        user = User(username=username)
        user.set_unusable_password()
    else:
        if user.has_usable_password():
            raise SignInRefused(SignInRefused.LOCAL_ACCOUNT)
        if not user.is_active:
            raise SignInRefused(SignInRefused.INACTIVE)
        before = user_snapshot(user)
    user.role, user.organisation = role, organisation
    user.first_name, user.last_name = first_name[:150], last_name[:150]
    user.email = email[:254]
    user.full_clean()
    user.save()
    # actor None: the identity provider's groups decided (the record shows no person)
    if before is None:
        user_change_record(actor=None, user=user, action=ChangeAction.CREATE)
    elif before != user_snapshot(user):
        user_change_record(actor=None, user=user, action=ChangeAction.UPDATE, before=before)
    return user


@transaction.atomic
def user_sso_refuse(*, username: str) -> None:
    """The provider signed in a user whose groups give no role: an earlier role goes (logged),
    so the account keeps no access it no longer has at the provider."""
    user = User.objects.select_for_update().filter(username=username).first()
    if user is None or user.has_usable_password() or (not user.role and not user.organisation_id):
        return
    before = user_snapshot(user)
    user.role, user.organisation = "", None
    user.save(update_fields=["role", "organisation"])
    user_change_record(actor=None, user=user, action=ChangeAction.UPDATE, before=before)


def totp_device_create(*, user: User, key: str | None = None, confirmed: bool) -> TOTPDevice:
    """A TOTP device for ``user``; ``key`` (hex) only for demo and test accounts."""
    return TOTPDevice.objects.create(
        user=user, name="authenticator", key=key or random_hex(20), confirmed=confirmed
    )


def totp_device_confirm(*, device: TOTPDevice) -> TOTPDevice:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device
