# SPDX-License-Identifier: EUPL-1.2
"""The figures on a role's home page, asked of the apps below."""

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.allocations.selectors import allocations_visible_to
from jeugdregie.budgets.selectors import ceilings_visible_to
from jeugdregie.contracting.selectors import contracts_visible_to, providers_visible_to

__all__ = ["home_summary"]


def home_summary(*, user: User) -> dict[str, object]:
    """Counts for the role-aware home page; no personal data."""
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
