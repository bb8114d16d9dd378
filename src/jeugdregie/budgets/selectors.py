# SPDX-License-Identifier: EUPL-1.2
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils.translation import ngettext

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.arithmetic import (
    ZERO,
    Figures,
    days_in_month,
    expected_cost,
    round_half_up,
)
from jeugdregie.budgets.constants import ClientStopStatus, ExceptionStatus, RealisationSource
from jeugdregie.budgets.exceptions import exceptions_visible_to
from jeugdregie.budgets.ledger import (
    ALLOCATION_FIELDS,
    compute_ledger,
    figures_of,
    priced_rows,
    providers_with_active_stop,
)
from jeugdregie.budgets.models import (
    BudgetCeiling,
    BudgetCeilingChange,
    ClientStop,
    ProviderLedger,
    Realisation,
)
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import providers_of_region, tariff_book
from jeugdregie.core.worklists import WorkItem
from jeugdregie.regions.models import Region

__all__ = [
    "Position",
    "ProviderBudget",
    "budget_positions",
    "budget_providers_visible_to",
    "budgets_worklist",
    "ceilings_count",
    "ceilings_visible_to",
    "client_stops_visible_to",
    "default_budget_year",
    "provider_budget",
    "undeclared_past_care",
]


def ceilings_count(*, region: Region, year: int) -> int:
    """How many ceilings the region has set for the year (a figure, no amounts)."""
    return BudgetCeiling.objects.filter(region=region, year=year).count()


def ceilings_visible_to(*, user: User) -> QuerySet[BudgetCeiling]:
    if not user_can(user, Capability.VIEW_CEILINGS):
        return BudgetCeiling.objects.none()
    ceilings = BudgetCeiling.objects.filter(region_id=region_id_of(user))
    if user.role == Role.PROVIDER and user.organisation is not None:
        ceilings = ceilings.filter(provider_id=own_provider_id(user))
    return ceilings.select_related("provider", "lot").prefetch_related(
        Prefetch("changes", queryset=BudgetCeilingChange.objects.select_related("user"))
    )


@dataclass(frozen=True)
class Position:
    """A provider's budget position in a year on a reference date."""

    provider: Provider
    figures: Figures


def budget_positions(
    *, region: Region, year: int, on: date, provider_id: int | None = None
) -> list[Position]:
    """Every provider's position with a ceiling in ``year`` on ``on``, by provider name.

    The stored ledger is read when it is as of ``on``; otherwise the ledger is computed
    in memory for that date (the same arithmetic, so the same numbers).
    """
    only = Q() if provider_id is None else Q(provider_id=provider_id)
    stored = list(
        ProviderLedger.objects.filter(only, region=region, year=year, ceiling__isnull=False)
        .select_related("provider")
        .order_by("provider__name", "provider_id")
    )
    if stored and all(row.as_of == on for row in stored):
        stopped = providers_with_active_stop(region=region, on=on, provider_id=provider_id)
        return [
            Position(
                provider=row.provider,
                figures=figures_of(
                    region,
                    year=year,
                    on=on,
                    ceiling=row.ceiling,
                    realisation=row.realisation,
                    commitment=row.commitment,
                    inflow=row.inflow,
                    client_stop=row.provider_id in stopped,
                ),
            )
            for row in stored
        ]
    computation = compute_ledger(region=region, on=on, provider_id=provider_id)
    rows = [r for r in computation.rows.values() if r.year == year and r.ceiling is not None]
    providers = Provider.objects.in_bulk([r.provider_id for r in rows])
    positions = [
        Position(provider=providers[r.provider_id], figures=computation.figures(r)) for r in rows
    ]
    return sorted(positions, key=lambda p: (p.provider.name, p.provider.pk))


def undeclared_past_care(*, region: Region, provider_id: int, year: int, on: date) -> Decimal:
    """Expected cost of months before ``on`` that were never declared (budgets.md §2).

    Reported apart from ``C``. A month counts as declared for an allocation when a
    declaration line of that allocation exists for it, and for all of the provider's
    allocations when realisation was imported for the provider and that month.
    """
    year_start = date(year, 1, 1)
    last = min(on - timedelta(days=1), date(year, 12, 31))
    if last < year_start:
        return ZERO
    lines = Realisation.objects.filter(region=region, provider_id=provider_id, year=year)
    imported = set(lines.filter(source=RealisationSource.IMPORT).values_list("month", flat=True))
    declared: dict[int, set[int]] = defaultdict(set)
    for allocation_id, month in lines.filter(allocation__isnull=False).values_list(
        "allocation_id", "month"
    ):
        declared[allocation_id].add(month)
    allocations = (
        Allocation.objects.filter(
            municipality__region=region, provider_id=provider_id, start__lte=last
        )
        .filter(Q(end__isnull=True) | Q(end__gte=year_start))
        .exclude(status=AllocationStatus.WITHDRAWN)
    )
    tariffs = tariff_book(region=region)
    total = ZERO
    for allocation in priced_rows(allocations.values_list(*ALLOCATION_FIELDS).order_by(), tariffs):
        if allocation.apart:
            continue
        cost = Fraction(0)
        # months outside the allocation cost nothing (an empty window): skip them; a run of
        # consecutive undeclared months is one window (every rule adds up exactly over days)
        terms = allocation.terms
        first_month = terms.start.month if terms.start >= year_start else 1
        last_month = terms.end.month if terms.end is not None and terms.end <= last else last.month
        run_first: int | None = None
        for month in range(first_month, last_month + 2):
            undeclared = month <= last_month and not (
                month in imported or month in declared[allocation.pk]
            )
            if undeclared and run_first is None:
                run_first = month
            elif not undeclared and run_first is not None:
                run_last = min(date(year, month - 1, days_in_month(year, month - 1)), last)
                cost += expected_cost(
                    terms, year=year, first=date(year, run_first, 1), last=run_last
                )
                run_first = None
        total += round_half_up(cost)
    return total


# --- what a user may see ----------------------------------------------------------------


def budget_providers_visible_to(*, user: User) -> QuerySet[Provider]:
    """Providers whose budget page the user may open: the region's, or a provider's own."""
    if not user_can(user, Capability.VIEW_PROVIDER_BUDGETS):
        return Provider.objects.none()
    providers = providers_of_region(region=region_id_of(user))
    if user.role == Role.PROVIDER:
        providers = providers.filter(pk=own_provider_id(user))
    return providers


def client_stops_visible_to(*, user: User) -> QuerySet[ClientStop]:
    if not (
        user_can(user, Capability.DECIDE_CLIENT_STOPS)
        or user_can(user, Capability.REQUEST_CLIENT_STOP)
    ):
        return ClientStop.objects.none()
    stops = ClientStop.objects.filter(region_id=region_id_of(user))
    if user.role == Role.PROVIDER:
        stops = stops.filter(provider_id=own_provider_id(user))
    return stops.select_related("provider", "requested_by", "decided_by", "lifted_by")


@dataclass(frozen=True)
class ProviderBudget:
    provider: Provider
    year: int
    on: date
    position: Position | None
    undeclared: Decimal
    active_clients: int
    stops: list[ClientStop]


def provider_budget(*, user: User, provider_id: int, year: int, on: date) -> ProviderBudget:
    """The budget page of one provider; Provider.DoesNotExist when the user may not see it."""
    provider = budget_providers_visible_to(user=user).get(pk=provider_id)
    region = Region.objects.get(pk=region_id_of(user))
    positions = budget_positions(region=region, year=year, on=on, provider_id=provider.pk)
    active = (
        Allocation.objects.filter(municipality__region=region, provider=provider, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .exclude(status=AllocationStatus.WITHDRAWN)
        .values("youth_id")
        .distinct()
        .count()
    )
    return ProviderBudget(
        provider=provider,
        year=year,
        on=on,
        position=positions[0] if positions else None,
        undeclared=undeclared_past_care(region=region, provider_id=provider.pk, year=year, on=on),
        active_clients=active,
        stops=list(client_stops_visible_to(user=user).filter(provider=provider)),
    )


def default_budget_year(*, user: User, today: date) -> int:
    """The year budget pages open on: this year, or the last earlier year with ceilings
    when this year has none yet (before next year's ceilings are set, or in the demo)."""
    years = BudgetCeiling.objects.filter(region_id=region_id_of(user), year__lte=today.year)
    latest = years.aggregate(latest=Max("year"))["latest"]
    if latest is None or years.filter(year=today.year).exists():
        return today.year
    return int(latest)


def budgets_worklist(*, user: User) -> list[WorkItem]:
    """Client stops and nee-tenzij requests waiting for contract management's decision."""
    if not user_can(user, Capability.DECIDE_CLIENT_STOPS):
        return []
    items = []
    stops = client_stops_visible_to(user=user).filter(
        status__in=[ClientStopStatus.PROPOSED, ClientStopStatus.REQUESTED]
    )
    if count := stops.count():
        text = ngettext(
            "%(count)s client stop waits for a decision",
            "%(count)s client stops wait for a decision",
            count,
        ) % {"count": count}
        items.append(WorkItem("budgets.client_stops", text, count, "budgets:client-stop-list"))
    requested = exceptions_visible_to(user=user).filter(status=ExceptionStatus.REQUESTED)
    if count := requested.count():
        text = ngettext(
            "%(count)s nee-tenzij request waits for a decision",
            "%(count)s nee-tenzij requests wait for a decision",
            count,
        ) % {"count": count}
        items.append(WorkItem("budgets.exceptions", text, count, "budgets:exception-list"))
    return items
