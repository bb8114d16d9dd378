# SPDX-License-Identifier: EUPL-1.2
"""Writes on users. Every change to a user lands in the change log with who made it; a
password is logged as set or changed, never as its hash."""

from typing import Any

from django.db import transaction

from jeugdregie.accounts.models import Organisation, User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.services import change_record_create, snapshot

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
