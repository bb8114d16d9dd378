# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import role_can


def user_can(user: User | AnonymousUser, capability: str) -> bool:
    return bool(
        user.is_authenticated
        and isinstance(user, User)
        and user.organisation_id is not None
        and role_can(user.role, capability)
    )


def region_id_of(user: User) -> int | None:
    return user.organisation.region_id if user.organisation else None


def users_list(*, actor: User) -> QuerySet[User]:
    """Users of the actor's region, for the privacy officer's "what did this user see"."""
    return (
        User.objects.filter(organisation__region_id=region_id_of(actor))
        .select_related("organisation")
        .order_by("username")
    )
