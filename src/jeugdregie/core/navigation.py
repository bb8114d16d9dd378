# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    capability: str | None


MENU = [
    MenuItem(_("Home"), "home", None),
    MenuItem(_("Providers"), "contracting:provider-list", Capability.VIEW_PROVIDERS),
    MenuItem(_("Contracts"), "contracting:contract-list", Capability.VIEW_CONTRACTS),
    MenuItem(_("Lots and products"), "contracting:lot-list", Capability.VIEW_CATALOGUE),
    MenuItem(_("Budget ceilings"), "budgets:ceiling-list", Capability.VIEW_CEILINGS),
    MenuItem(_("Budget overview"), "budgets:budget-overview", Capability.VIEW_BUDGET_OVERVIEW),
    MenuItem(_("Youth"), "clients:youth-search", Capability.VIEW_YOUTH),
    MenuItem(_("Allocations"), "allocations:allocation-list", Capability.VIEW_ALLOCATIONS),
    MenuItem(_("Waiting lists"), "waitinglists:entry-list", Capability.VIEW_WAITING_LIST),
    MenuItem(
        _("Waiting and treatment duration"),
        "waitinglists:monitoring",
        Capability.VIEW_WAITING_MONITORING,
    ),
    MenuItem(_("Region figures"), "monitoring:region-stats", Capability.VIEW_STATISTICS),
    MenuItem(_("Privacy log"), "audit:privacy", Capability.VIEW_PRIVACY_LOG),
]


def menu_for(request: HttpRequest) -> list[dict[str, object]]:
    user = request.user
    if not user.is_authenticated:
        return []
    current = request.resolver_match.view_name if request.resolver_match else ""
    return [
        {
            "key": item.url_name,
            "label": item.label,
            "url": reverse(item.url_name),
            "current": current == item.url_name,
        }
        for item in MENU
        if item.capability is None or user_can(user, item.capability)
    ]
