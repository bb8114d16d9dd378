# SPDX-License-Identifier: EUPL-1.2
from django.db.models import Prefetch, QuerySet

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange


def ceilings_visible_to(*, user: User) -> QuerySet[BudgetCeiling]:
    if not user_can(user, Capability.VIEW_CEILINGS):
        return BudgetCeiling.objects.none()
    ceilings = BudgetCeiling.objects.filter(region_id=region_id_of(user))
    if user.role == Role.PROVIDER and user.organisation is not None:
        ceilings = ceilings.filter(provider_id=own_provider_id(user))
    return ceilings.select_related("provider", "lot").prefetch_related(
        Prefetch("changes", queryset=BudgetCeilingChange.objects.select_related("user"))
    )
