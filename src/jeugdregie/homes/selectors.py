# SPDX-License-Identifier: EUPL-1.2
"""The figures on a role's home page, asked of the apps below."""

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.allocations.selectors import allocations_visible_to
from jeugdregie.budgets.selectors import budgets_worklist, ceilings_visible_to
from jeugdregie.casetable.selectors import cases_worklist
from jeugdregie.contracting.selectors import contracts_visible_to, providers_visible_to
from jeugdregie.core.worklists import WorkItem
from jeugdregie.messaging.selectors import requests_worklist
from jeugdregie.trajectories.selectors import extensions_worklist

__all__ = ["home_summary", "home_worklist"]

WORKLISTS = (requests_worklist, budgets_worklist, cases_worklist, extensions_worklist)
"""Every app's ``*_worklist(*, user)``, in the order the home shows them."""


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


def home_worklist(*, user: User) -> list[WorkItem]:
    """What waits for the user, from every app that has work for its role."""
    return [item for worklist in WORKLISTS for item in worklist(user=user)]
