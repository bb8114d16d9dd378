# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
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


def home_summary(*, user: User) -> dict[str, object]:
    """Counts for the role-aware home page; no personal data."""
    from jeugdregie.accounts.permissions import Capability
    from jeugdregie.allocations.selectors import allocations_visible_to
    from jeugdregie.budgets.selectors import ceilings_visible_to
    from jeugdregie.contracting.selectors import contracts_visible_to, providers_visible_to

    figures: dict[str, int] = {}
    notes: dict[str, int] = {}
    if user_can(user, Capability.VIEW_PROVIDERS):
        figures["contracting:provider-list"] = providers_visible_to(user=user).count()
    if user_can(user, Capability.VIEW_CONTRACTS):
        figures["contracting:contract-list"] = contracts_visible_to(user=user).count()
    if user_can(user, Capability.VIEW_CEILINGS):
        figures["budgets:ceiling-list"] = ceilings_visible_to(user=user).count()
    if user_can(user, Capability.VIEW_ALLOCATIONS):
        allocations = allocations_visible_to(user=user)
        figures["allocations:allocation-list"] = allocations.count()
        notes["allocations:allocation-list"] = allocations.filter(end__isnull=True).count()
    return {"organisation": user.organisation, "figures": figures, "open_ended": notes}
