# SPDX-License-Identifier: EUPL-1.2
"""The main menu of every page: the role's pages in groups, each worklist with its counter
(from the same ``*_worklist`` selectors as the home page), and the breadcrumb back to the
page's section.

One owner of "which pages does this role reach from the menu": the groups below, filtered on
the user's capabilities. The counters are asked once per page, and only when a page shows the
menu (htmx fragments do not).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.core.worklists import WorkItem
from jeugdregie.homes.selectors import home_worklist

__all__ = ["MENU", "MenuGroup", "MenuItem", "Navigation", "navigation_for"]


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    capabilities: tuple[str, ...] = ()  # any one of them opens the page; none: every user

    def allowed(self, user: User) -> bool:
        return not self.capabilities or any(user_can(user, c) for c in self.capabilities)


@dataclass(frozen=True)
class MenuGroup:
    label: str | Promise
    items: tuple[MenuItem, ...]


def _item(label: str | Promise, url_name: str, *capabilities: str) -> MenuItem:
    return MenuItem(label, url_name, capabilities)


MENU: tuple[MenuGroup, ...] = (
    MenuGroup(
        _("Purchasing and contracts"),
        (
            _item(_("Providers"), "contracting:provider-list", Capability.VIEW_PROVIDERS),
            _item(_("Contracts"), "contracting:contract-list", Capability.VIEW_CONTRACTS),
            _item(_("Lots and products"), "contracting:lot-list", Capability.VIEW_CATALOGUE),
            _item(_("Municipalities"), "regions:municipality-list", Capability.VIEW_CATALOGUE),
        ),
    ),
    MenuGroup(
        _("Budget"),
        (
            _item(_("Budget overview"), "budgets:budget-overview", Capability.VIEW_BUDGET_OVERVIEW),
            _item(_("Budget ceilings"), "budgets:ceiling-list", Capability.VIEW_CEILINGS),
            _item(_("Client stops"), "budgets:client-stop-list", Capability.DECIDE_CLIENT_STOPS),
            _item(
                _("Nee-tenzij exceptions"),
                "budgets:exception-list",
                Capability.DECIDE_CLIENT_STOPS,
                Capability.REQUEST_CLIENT_STOP,
            ),
        ),
    ),
    MenuGroup(
        _("Youth and allocations"),
        (
            _item(_("Youth"), "clients:youth-search", Capability.VIEW_YOUTH),
            _item(_("Allocations"), "allocations:allocation-list", Capability.VIEW_ALLOCATIONS),
            _item(_("Waiting lists"), "waitinglists:entry-list", Capability.VIEW_WAITING_LIST),
            _item(_("Trajectories"), "trajectories:trajectory-list", Capability.VIEW_TRAJECTORIES),
        ),
    ),
    MenuGroup(
        _("Messages"),
        (
            _item(
                _("Requests for allocation"),
                "messaging:allocation-request-list",
                Capability.VIEW_MESSAGE_REQUESTS,
            ),
            _item(
                _("Requests for change"),
                "messaging:change-request-list",
                Capability.VIEW_MESSAGE_REQUESTS,
            ),
            _item(_("Message traffic"), "messaging:traffic", Capability.VIEW_MESSAGE_TRAFFIC),
        ),
    ),
    MenuGroup(
        _("Afwegingskader and expert table"),
        (
            _item(_("Light contracts and overruns"), "casetable:case-list", Capability.VIEW_CASES),
            _item(_("Expert table"), "casetable:meeting-list", Capability.VIEW_MEETINGS),
            _item(
                _("Afwegingskader overview"), "casetable:overview", Capability.VIEW_CASE_OVERVIEW
            ),
            _item(_("CJG review"), "trajectories:review-list", Capability.REVIEW_EXTENSIONS),
            _item(
                _("Extensions to approve"),
                "trajectories:referrer-list",
                Capability.APPROVE_EXTENSIONS,
            ),
        ),
    ),
    MenuGroup(
        _("Monitoring"),
        (
            _item(_("Region figures"), "monitoring:region-stats", Capability.VIEW_STATISTICS),
            _item(
                _("Waiting and treatment duration"),
                "waitinglists:monitoring",
                Capability.VIEW_WAITING_MONITORING,
            ),
        ),
    ),
    MenuGroup(
        _("Management"),
        (
            _item(_("Region installation"), "region-setup", Capability.VIEW_REGION_SETUP),
            _item(_("Background jobs"), "jobs:job-list", Capability.VIEW_JOBS),
            _item(_("API clients"), "apiclients:client-list", Capability.MANAGE_API_CLIENTS),
            _item(_("Privacy log"), "audit:privacy", Capability.VIEW_PRIVACY_LOG),
        ),
    ),
)


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    key: str = ""  # the URL name
    count: int = 0  # work waiting on that page (0: no counter)
    current: bool = False  # this very page
    section: bool = False  # the page is below this one


@dataclass(frozen=True)
class Group:
    label: str | Promise
    links: tuple[Link, ...]

    @property
    def count(self) -> int:
        return sum(link.count for link in self.links)

    @property
    def current(self) -> bool:
        return any(link.current or link.section for link in self.links)


class Navigation:
    """The menu of one request, built on first use."""

    def __init__(
        self, request: HttpRequest, worklist: Callable[..., list[WorkItem]] = home_worklist
    ):
        self._request = request
        self._worklist = worklist

    @cached_property
    def groups(self) -> list[Group]:
        user = self._request.user
        if not user.is_authenticated or getattr(self._request, "second_factor_pending", False):
            return []
        assert isinstance(user, User)
        counts: dict[str, int] = {}
        for work in self._worklist(user=user):
            counts[work.url_name] = counts.get(work.url_name, 0) + work.count
        path = self._request.path
        section = self._section(user, path)
        groups = []
        for group in MENU:
            links = tuple(
                Link(
                    item.label,
                    url,
                    item.url_name,
                    counts.get(item.url_name, 0),
                    current=url == path,
                    section=url == section and url != path,
                )
                for item in group.items
                if item.allowed(user)
                for url in (reverse(item.url_name),)
            )
            if links:
                groups.append(Group(group.label, links))
        return groups

    @staticmethod
    def _section(user: User, path: str) -> str:
        """The menu page this path lies below (the longest menu URL that starts it)."""
        below = [
            url
            for group in MENU
            for item in group.items
            if item.allowed(user)
            for url in (reverse(item.url_name),)
            if path.startswith(url) and url != "/"
        ]
        return max(below, key=len, default="")

    @cached_property
    def breadcrumbs(self) -> list[Link]:
        """Home, then the section of this page when the page is below it (GOV.UK: the
        breadcrumb names the pages above, not the page itself)."""
        home = reverse("home")
        if self._request.path == home or not self.groups:
            return []
        trail = [Link(_("Home"), home, "home")]
        for group in self.groups:
            for link in group.links:
                if link.section:
                    trail.append(link)
        return trail

    def __bool__(self) -> bool:
        return bool(self.groups)


def navigation_for(request: HttpRequest) -> Navigation:
    return Navigation(request)
