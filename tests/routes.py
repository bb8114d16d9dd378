# SPDX-License-Identifier: EUPL-1.2
"""The route table: every URL of the product, what each role gets, and what it shows.

Columns are the roles in this order:
CM contract management, AS access team, GI certified institution, EX expert table,
PR provider, PO policy, FA functional administrator, PV privacy officer.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.factories import World

ROLE_COLUMNS = [
    Role.CONTRACT_MANAGER,
    Role.ACCESS_STAFF,
    Role.GI_STAFF,
    Role.EXPERT_MEMBER,
    Role.PROVIDER,
    Role.POLICY,
    Role.FUNCTIONAL_ADMIN,
    Role.PRIVACY_OFFICER,
]


@dataclass(frozen=True)
class Route:
    name: str
    expected: str  # one status code per role column, e.g. "200 403 ..."
    kwargs: Callable[[World], dict[str, Any]] = lambda w: {}
    method: str = "get"
    data: Callable[[World], dict[str, Any]] = lambda w: {}
    personal_data: bool = False  # shows personal data, so every read must be logged
    api: bool = False

    def statuses(self) -> dict[str, int]:
        codes = [int(code) for code in self.expected.split()]
        assert len(codes) == len(ROLE_COLUMNS), self.name
        return dict(zip(ROLE_COLUMNS, codes, strict=True))


def anna(w: World) -> dict[str, Any]:
    return {"pk": w.youth["anna"].pk}


def anna_bsn(w: World) -> dict[str, Any]:
    return {"q": w.youth["anna"].bsn}


def client_stop(w: World) -> dict[str, Any]:
    """A requested client stop of the world's provider (made once per test)."""
    from jeugdregie.budgets.constants import ClientStopStatus
    from jeugdregie.budgets.models import ClientStop

    stop, _created = ClientStop.objects.get_or_create(
        region=w.region,
        provider=w.provider,
        defaults={"status": ClientStopStatus.REQUESTED, "start": date(2030, 1, 1), "reason": "vol"},
    )
    return {"pk": stop.pk}


def ceiling_exception(w: World) -> dict[str, Any]:
    """A requested nee-tenzij exception of the world's provider for Chris."""
    from jeugdregie.budgets.models import CeilingException

    exception, _created = CeilingException.objects.get_or_create(
        region=w.region,
        provider=w.provider,
        youth=w.youth["chris"],
        product=w.product,
        defaults={"cannot_wait": True, "only_here": True, "explanation": "spoed"},
    )
    return {"pk": exception.pk}


# fmt: off
ROUTES = [
    #                                          CM  AS  GI  EX  PR  PO  FA  PV
    Route("home",                             "200 200 200 200 200 200 200 200"),
    Route("contracting:provider-list",        "200 200 200 200 200 200 200 403"),
    Route("contracting:provider-create",      "200 403 403 403 403 403 200 403"),
    Route("contracting:provider-detail",      "200 200 200 200 200 200 200 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("contracting:provider-update",      "200 403 403 403 403 403 200 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("contracting:contract-list",        "200 200 200 200 200 200 200 403"),
    Route("contracting:lot-list",             "200 200 200 200 200 200 200 403"),
    Route("budgets:ceiling-list",             "200 403 403 200 200 200 403 403"),
    Route("budgets:ceiling-set",              "200 403 403 403 403 403 403 403"),
    Route("budgets:ceiling-proposal",         "200 403 403 403 403 403 403 403"),
    Route("budgets:provider-budget",          "200 403 403 403 200 403 403 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("budgets:provider-budget",          "200 403 403 403 404 403 403 403",
          kwargs=lambda w: {"pk": w.other_provider.pk}),
    Route("budgets:budget-overview",          "200 403 403 403 403 200 403 403"),
    Route("budgets:budget-overview-csv",      "200 403 403 403 403 200 403 403"),
    Route("budgets:budget-overview-xlsx",     "200 403 403 403 403 200 403 403"),
    Route("budgets:client-stop-list",         "200 403 403 403 403 403 403 403"),
    Route("budgets:client-stop-request",      "403 403 403 403 200 403 403 403"),
    Route("budgets:client-stop-decide",       "200 403 403 403 403 403 403 403",
          kwargs=client_stop),
    Route("budgets:exception-list",           "200 403 403 403 200 403 403 403"),
    Route("budgets:exception-request",        "403 403 403 403 200 403 403 403"),
    Route("budgets:exception-decide",         "200 403 403 403 403 403 403 403",
          kwargs=ceiling_exception),
    Route("budgets:exception-report",         "200 403 403 403 200 403 403 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("budgets:exception-report",         "200 403 403 403 404 403 403 403",
          kwargs=lambda w: {"pk": w.other_provider.pk}),
    Route("budgets:client-stop-lift",         "200 403 403 403 403 403 403 403",
          kwargs=client_stop),
    Route("clients:youth-search",             "200 200 200 200 200 403 403 403"),
    Route("clients:youth-search",             "200 200 200 200 200 403 403 403",
          method="post", data=anna_bsn, personal_data=True),
    Route("clients:youth-create",             "403 200 200 403 403 403 403 403"),
    Route("clients:youth-detail",             "200 200 404 404 200 403 403 403",
          kwargs=anna, personal_data=True),
    Route("allocations:allocation-list",      "200 200 200 403 200 403 403 403",
          personal_data=True),
    Route("allocations:allocation-export",    "200 200 200 403 200 403 403 403",
          personal_data=True),
    Route("allocations:allocation-create",    "200 200 403 403 403 403 403 403"),
    Route("monitoring:region-stats",          "200 403 403 403 403 200 200 403"),
    Route("monitoring:region-stats-export",   "200 403 403 403 403 200 200 403"),
    Route("regions:municipality-list",        "200 200 200 200 200 200 200 403"),
    Route("regions:municipality-create",      "403 403 403 403 403 403 200 403"),
    Route("notifications:notification-list",  "200 200 200 200 200 200 200 200"),
    Route("notifications:notification-mark-read", "302 302 302 302 302 302 302 302",
          method="post"),
    Route("audit:privacy",                    "403 403 403 403 403 403 403 200"),
    Route("audit:privacy-youth",              "403 403 403 403 403 403 403 200",
          kwargs=anna, personal_data=True),
    Route("audit:privacy-user",               "403 403 403 403 403 403 403 200",
          kwargs=lambda w: {"pk": w.users[Role.ACCESS_STAFF].pk}),
    Route("api-provider-list",                "200 200 200 200 200 200 200 403", api=True),
    Route("api-provider-detail",              "200 200 200 200 200 200 200 403", api=True,
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("api-youth-search",                 "200 200 200 200 200 403 403 403", api=True,
          method="post", data=anna_bsn, personal_data=True),
    Route("api-youth-detail",                 "200 200 404 404 200 403 403 403", api=True,
          kwargs=anna, personal_data=True),
    Route("api-allocation-list",              "200 200 200 403 200 403 403 403", api=True,
          personal_data=True),
    Route("api-client-stop-request",          "403 403 403 403 201 403 403 403", api=True,
          method="post", data=lambda w: {"start": "2099-01-01", "reason": "Plafond bereikt"}),
    Route("api-schema",                       "200 200 200 200 200 200 200 200", api=True),
]
# fmt: on

# Routes outside the table, with the reason.
UNTABLED = {
    "login": "public: the login page",
    "logout": "ends the session of whoever calls it",
}
