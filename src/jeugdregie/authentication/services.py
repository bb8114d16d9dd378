# SPDX-License-Identifier: EUPL-1.2
"""Writes on users and their sign-in: accounts (every change in the change log with who made
it; a password logged as set or changed, never as its hash), users from the identity
provider, TOTP devices."""

import logging
from typing import Any

from django.contrib.auth.models import Permission
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND, Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.selectors import organisation_by_code
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.authentication.constants import MANAGEMENT_APPS

__all__ = [
    "PASSWORD_CHANGED",
    "PASSWORD_NONE",
    "PASSWORD_SET",
    "SECOND_FACTOR_RESET",
    "SignInRefused",
    "logger",
    "totp_device_confirm",
    "totp_device_create",
    "user_change_record",
    "user_create",
    "user_management_access_grant",
    "user_permissions_snapshot",
    "user_role_set",
    "user_second_factor_reset",
    "user_snapshot",
    "user_sso_refuse",
    "user_sso_sync",
]

PASSWORD_SET = "[ingesteld]"  # noqa: S105 - a marker, not a password
PASSWORD_CHANGED = "[gewijzigd]"  # noqa: S105
PASSWORD_NONE = "[geen]"  # noqa: S105
"""What the change log shows for a password: whether there is one and whether it changed."""


def user_snapshot(user: User, *, password_changed: bool = False) -> dict[str, Any]:
    """The user's fields as the change log keeps them: the password hash replaced by a marker."""
    values = snapshot(user)
    if not user.has_usable_password():
        values["password"] = PASSWORD_NONE
    else:
        values["password"] = PASSWORD_CHANGED if password_changed else PASSWORD_SET
    return values


def user_permissions_snapshot(user: User) -> dict[str, str]:
    """Groups and permissions of a saved user as they are in the database, readable."""
    permissions = user.user_permissions.select_related("content_type").order_by(
        "content_type__app_label", "codename"
    )
    return {
        "groups": ", ".join(user.groups.order_by("name").values_list("name", flat=True)),
        "user_permissions": ", ".join(
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in permissions
        ),
    }


def user_change_record(
    *,
    actor: User | None,
    user: User,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    password_changed: bool = False,
) -> ChangeRecord:
    """Log a change to ``user`` made by ``actor`` (None: the system, e.g. ``seed_demo``).

    ``before`` is ``user_snapshot`` of the user as it was; a role or organisation that
    changed shows as old and new value next to the actor, so granting a role is on record.
    """
    if after is None:
        after = (
            user_snapshot(user, password_changed=password_changed)
            if action != ChangeAction.DELETE
            else {}
        )
    return change_record_create(
        user=actor, instance=user, action=action, before=before, after=after
    )


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    organisation: Organisation,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    created_by: User | None = None,
) -> User:
    """A user with a role in an organisation of the kind the role belongs to (``User.clean``)."""
    user = User(
        username=username,
        organisation=organisation,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    user_change_record(actor=created_by, user=user, action=ChangeAction.CREATE)
    return user


@transaction.atomic
def user_management_access_grant(*, actor: User | None, user: User) -> User:
    """Open the management site to a functional administrator: staff status and the view,
    add and change permissions of ``MANAGEMENT_APPS`` (never delete, never superuser)."""
    if user.role != Role.FUNCTIONAL_ADMIN:
        raise ValueError("only a functional administrator gets into the management site")
    stored = User.objects.get(pk=user.pk)
    before = {**user_snapshot(stored), **user_permissions_snapshot(stored)}
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=MANAGEMENT_APPS).exclude(
            codename__startswith="delete_"
        )
    )
    user = User.objects.get(pk=user.pk)  # a fresh permission cache
    user_change_record(
        actor=actor,
        user=user,
        action=ChangeAction.UPDATE,
        before=before,
        after={**user_snapshot(user), **user_permissions_snapshot(user)},
    )
    return user


@transaction.atomic
def user_role_set(
    *, user: User, role: str, organisation: Organisation | None, actor: User | None
) -> User:
    """Give ``user`` a role in ``organisation`` (checked by ``User.clean``) and log the grant
    with who gave it (``actor``; None when the identity provider's groups decided)."""
    if user.role == role and user.organisation_id == (organisation.pk if organisation else None):
        return user
    before = user_snapshot(User.objects.get(pk=user.pk))
    user.role, user.organisation = role, organisation
    user.full_clean()
    user.save(update_fields=["role", "organisation"])
    user_change_record(actor=actor, user=user, action=ChangeAction.UPDATE, before=before)
    return user


SECOND_FACTOR_RESET = "second_factor"
"""The pseudo-field under which the change log records a reset of a user's second factor."""


@transaction.atomic
def user_second_factor_reset(*, actor: User | None, user: User) -> int:
    """Remove the user's authenticator-app devices (phone lost or replaced): at the next
    sign-in the user sets up a new app. Logged with who did it. Returns the number removed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    removed, _details = TOTPDevice.objects.filter(user=user).delete()
    if removed:
        change_record_create(
            user=actor,
            instance=user,
            action=ChangeAction.UPDATE,
            before={SECOND_FACTOR_RESET: "[ingesteld]"},
            after={SECOND_FACTOR_RESET: "[opnieuw in te stellen]"},
        )
    return int(removed)


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
    organisation = organisation_by_code(organisation_code)
    if organisation is None or organisation.kind != ROLE_ORGANISATION_KIND[role]:
        logger.error(
            "JEUGDREGIE_OIDC_GROUPS maps to role %s at organisation '%s', which %s",
            role,
            organisation_code,
            "does not exist" if organisation is None else f"is of kind {organisation.kind}",
        )
        raise SignInRefused(SignInRefused.CONFIGURATION)
    user = User.objects.select_for_update(of=("self",)).filter(username=username).first()
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
    user = User.objects.select_for_update(of=("self",)).filter(username=username).first()
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
