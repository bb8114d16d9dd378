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
    MenuItem(
        _("Requests for allocation"),
        "messaging:allocation-request-list",
        Capability.VIEW_MESSAGE_REQUESTS,
    ),
    MenuItem(
        _("Requests for change"), "messaging:change-request-list", Capability.VIEW_MESSAGE_REQUESTS
    ),
    MenuItem(_("Message traffic"), "messaging:traffic", Capability.VIEW_MESSAGE_TRAFFIC),
    MenuItem(_("Light contracts and overruns"), "casetable:case-list", Capability.VIEW_CASES),
    MenuItem(_("Expert table"), "casetable:meeting-list", Capability.VIEW_MEETINGS),
    MenuItem(_("Afwegingskader overview"), "casetable:overview", Capability.VIEW_CASE_OVERVIEW),
    MenuItem(_("Trajectories"), "trajectories:trajectory-list", Capability.VIEW_TRAJECTORIES),
    MenuItem(_("CJG review"), "trajectories:review-list", Capability.REVIEW_EXTENSIONS),
    MenuItem(
        _("Extensions to approve"), "trajectories:referrer-list", Capability.APPROVE_EXTENSIONS
    ),
    MenuItem(_("Waiting lists"), "waitinglists:entry-list", Capability.VIEW_WAITING_LIST),
    MenuItem(
        _("Waiting and treatment duration"),
        "waitinglists:monitoring",
        Capability.VIEW_WAITING_MONITORING,
    ),
    MenuItem(_("Region figures"), "monitoring:region-stats", Capability.VIEW_STATISTICS),
    MenuItem(_("Privacy log"), "audit:privacy", Capability.VIEW_PRIVACY_LOG),
    MenuItem(_("API clients"), "apiclients:client-list", Capability.MANAGE_API_CLIENTS),
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
