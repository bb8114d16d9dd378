# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.permissions import role_can

__all__ = [
    "ScopePaths",
    "organisation_by_code",
    "organisation_scope",
    "own_provider_id",
    "region_id_of",
    "user_can",
    "users_list",
]


def organisation_by_code(code: str) -> Organisation | None:
    """An organisation by its stable code (the one the sign-in's group mapping, user_create
    and apiclient_create name)."""
    return Organisation.objects.filter(code=code.strip()).first()


def user_can(user: User | AnonymousUser, capability: str) -> bool:
    return bool(
        user.is_authenticated
        and isinstance(user, User)
        and user.organisation_id is not None
        and role_can(user.role, capability)
    )


def region_id_of(user: User) -> int:
    """The region the user works for; users without an organisation may see nothing."""
    if user.organisation is None:
        raise PermissionDenied
    return user.organisation.region_id


def own_provider_id(user: User) -> int:
    """The provider a provider user works for."""
    if user.organisation is None or user.organisation.provider_id is None:
        raise PermissionDenied
    return user.organisation.provider_id


def users_list(*, actor: User) -> QuerySet[User]:
    """Users of the actor's region, for the privacy officer's "what did this user see"."""
    return (
        User.objects.filter(organisation__region_id=region_id_of(actor))
        .select_related("organisation")
        .order_by("username")
    )


@dataclass(frozen=True)
class ScopePaths:
    """How a model reaches the things a user's organisation is: lookup paths for a Q filter."""

    region: str
    municipality: str
    referring_organisation: str
    provider: str
    # The youth's id (e.g. "pk" on Youth, "youth_id" elsewhere): expert-table members see the
    # youth of the cases on a table they sit on. Empty: the model shows them nothing.
    youth: str = ""


def organisation_scope(user: User, *, capability: str, paths: ScopePaths) -> Q | None:
    """The rows of a model holding personal data that this user may see; None means none.

    Contract management sees its region, access staff their municipality, GI staff the youth
    their institution referred, a provider its own clients. Expert-table members see exactly
    the youth of the cases on a table they sit on (``casetable.selectors.youth_on_tables_of``,
    the one definition of it).
    """
    if not user_can(user, capability) or user.organisation is None:
        return None
    organisation = user.organisation
    match user.role:
        case Role.CONTRACT_MANAGER:
            return Q(**{paths.region: organisation.region_id})
        case Role.ACCESS_STAFF:
            return Q(**{paths.municipality: organisation.municipality_id})
        case Role.GI_STAFF:
            return Q(**{paths.referring_organisation: organisation.pk})
        case Role.PROVIDER:
            return Q(**{paths.provider: own_provider_id(user)})
        case Role.EXPERT_MEMBER if paths.youth:
            # Imported here: the expert table is an app above accounts.
            from jeugdregie.casetable.selectors import youth_on_tables_of

            return Q(**{f"{paths.youth}__in": youth_on_tables_of(user=user)})
        case _:
            return None
