# SPDX-License-Identifier: EUPL-1.2
"""The budget ledger: computed from scratch, and stored and kept up to date incrementally.

Reference date of the stored ledger
-----------------------------------
The commitment ``C`` depends on the reference date *d* (it counts the allocations' days
from *d* on), so a stored commitment is only true for one date. Every stored row
(``ProviderLedger``, ``AllocationCommitment``) carries that date in ``as_of``, and it is
always the day the row was last written ("today" in Europe/Amsterdam):

- each write (allocation created, changed or ended; realisation booked or credited;
  ceiling set) recomputes the one allocation's share as of today and adds the difference
  to the provider's row — when that row is still as of today. A row of an earlier day is
  first rebuilt for the whole provider as of today (so one stale row never mixes dates);
- ``jeugdregie budget_recompute`` (run nightly) rebuilds every row as of today.

Because both paths sum the same per-allocation amounts, each rounded half up to cents
once by ``arithmetic.commitment``, and realisation is a plain sum of booked lines, the
incremental ledger equals a full recompute on the same date exactly (tested with
Hypothesis). Screens read the stored rows when they are as of the requested date and
compute in memory otherwise (``budget_status --date`` in the past or future).

The ledger holds a row per (region, provider, year) for every year with a ceiling or
realisation, and for the current year once the provider has an allocation in the region.
A row's status uses the thresholds that hold on its reference date
(``regions.selectors.status_thresholds``: the region's own, else the dated policy).

Every write function is one transaction of its own when called alone; inside a caller's
transaction (a service, a message) it takes no savepoint (``savepoint=False``): a failure
here is a failure of the caller's whole transaction, and each booking saves two round trips.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.arithmetic import (
    ZERO,
    Figures,
    Terms,
    commitment,
    inflow_cost,
    status_of,
    unit_price_of,
)
from jeugdregie.budgets.constants import ClientStopStatus
from jeugdregie.budgets.models import (
    AllocationCommitment,
    BudgetCeiling,
    ClientStop,
    ProviderLedger,
    Realisation,
)
from jeugdregie.contracting.selectors import TariffBook, tariff_book
from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import StatusThresholds, status_thresholds

Key = tuple[int, int]  # (provider id, year)
# --- the nee-tenzij exclusion (the one definition) ----------------------------------------
# Care granted under a nee-tenzij exception (budgets.md §5) is tracked on its own line, apart
# from the ceiling: an allocation is apart when its ``APART_FIELD`` is set, and a realisation
# line counts for the ceiling unless it belongs to such an allocation. The query
# (``COUNTS_FOR_CEILING``) and the Python path (``allocation_apart``,
# ``realisation_counts_for_ceiling``) are all built from ``APART_FIELD``.
APART_FIELD = "ceiling_exception"


def allocation_apart(ceiling_exception_id: int | None) -> bool:
    """Whether an allocation (its ``APART_FIELD`` id) is care apart from the ceiling."""
    return ceiling_exception_id is not None


def realisation_counts_for_ceiling(realisation: Realisation) -> bool:
    """The Python twin of ``COUNTS_FOR_CEILING`` for one realisation line."""
    allocation = realisation.allocation
    return allocation is None or not allocation_apart(getattr(allocation, f"{APART_FIELD}_id"))


# No allocation (imported realisation), or an allocation whose APART_FIELD is empty.
COUNTS_FOR_CEILING = Q(allocation__isnull=True) | Q(**{f"allocation__{APART_FIELD}__isnull": True})


@dataclass(frozen=True)
class PricedAllocation:
    pk: int
    provider_id: int
    status: str
    terms: Terms
    apart: bool = False  # under a nee-tenzij exception: its own line, not the ceiling's

    def figures(self, *, year: int, on: date) -> tuple[Decimal, Decimal]:
        """(commitment, new-inflow cost) of this allocation in ``year`` on ``on``."""
        if self.status == AllocationStatus.WITHDRAWN or self.apart:
            return ZERO, ZERO
        return (
            commitment(self.terms, year=year, on=on),
            inflow_cost(self.terms, year=year, on=on),
        )


ALLOCATION_FIELDS = (
    "pk",
    "provider_id",
    "product_id",
    "unit",
    "unit_price",
    "start",
    "end",
    "volume",
    "frequency",
    "budget",
    "status",
    f"{APART_FIELD}_id",
)


def priced_rows(rows: Iterable[tuple[Any, ...]], tariffs: TariffBook) -> list[PricedAllocation]:
    """Allocations as ``ALLOCATION_FIELDS`` tuples, priced (own price, euros or tariff)."""
    priced = []
    for (
        pk,
        provider_id,
        product_id,
        unit,
        price,
        start,
        end,
        volume,
        frequency,
        budget,
        status,
        exception_id,
    ) in rows:
        terms = Terms(
            start=start,
            end=end,
            volume=volume,
            frequency=frequency,
            budget=budget,
            unit_price=unit_price_of(
                allocation_price=price, unit=unit, tariff=tariffs.price(product_id, start)
            ),
        )
        priced.append(
            PricedAllocation(pk, provider_id, status, terms, allocation_apart(exception_id))
        )
    return priced


def priced_allocation(allocation: Allocation) -> PricedAllocation:
    tariffs = tariff_book(product_ids=[allocation.product_id])
    row = tuple(
        getattr(allocation, name) if name != "pk" else allocation.pk for name in ALLOCATION_FIELDS
    )
    return priced_rows([row], tariffs)[0]


@dataclass
class LedgerRow:
    """One provider's ledger for a year as computed (not yet stored)."""

    provider_id: int
    year: int
    ceiling: Decimal | None = None
    realisation: Decimal = ZERO
    commitment: Decimal = ZERO
    inflow: Decimal = ZERO
    client_stop: bool = False


@dataclass
class Computation:
    region: Region
    on: date
    rows: dict[Key, LedgerRow] = field(default_factory=dict)
    commitments: dict[tuple[int, int], tuple[Decimal, Decimal]] = field(default_factory=dict)

    def figures(self, row: LedgerRow) -> Figures:
        return figures_of(
            self.region,
            year=row.year,
            on=self.on,
            ceiling=row.ceiling,
            realisation=row.realisation,
            commitment=row.commitment,
            inflow=row.inflow,
            client_stop=row.client_stop,
        )


def figures_of(
    region: Region,
    *,
    year: int,
    on: date,
    ceiling: Decimal | None,
    realisation: Decimal,
    commitment: Decimal,
    inflow: Decimal,
    client_stop: bool,
) -> Figures:
    thresholds = status_thresholds(region=region, on=on)
    return Figures(
        year=year,
        on=on,
        ceiling=ceiling,
        realisation=realisation,
        commitment=commitment,
        inflow=inflow,
        client_stop=client_stop,
        warning_pct=thresholds.warning_pct,
        critical_pct=thresholds.critical_pct,
        exhausted_pct=thresholds.exhausted_pct,
    )


def ceilings_by_key(*, region: Region, provider_id: int | None = None) -> dict[Key, Decimal]:
    """The ceiling per provider and year: the provider's own, else the sum of its lot ceilings."""
    ceilings = BudgetCeiling.objects.filter(region=region)
    if provider_id is not None:
        ceilings = ceilings.filter(provider_id=provider_id)
    whole: dict[Key, Decimal] = {}
    lots: dict[Key, Decimal] = defaultdict(Decimal)
    for provider, year, lot_id, amount in ceilings.values_list(
        "provider_id", "year", "lot_id", "amount"
    ):
        if lot_id is None:
            whole[(provider, year)] = amount
        else:
            lots[(provider, year)] += amount
    return {**lots, **whole}


def providers_with_active_stop(
    *, region: Region, on: date, provider_id: int | None = None
) -> set[int]:
    stops = ClientStop.objects.filter(
        region=region, status=ClientStopStatus.CONFIRMED, start__lte=on
    )
    if provider_id is not None:
        stops = stops.filter(provider_id=provider_id)
    return set(stops.values_list("provider_id", flat=True))


def compute_ledger(*, region: Region, on: date, provider_id: int | None = None) -> Computation:
    """The ledger of a region (or one provider in it) on ``on``, from scratch."""
    result = Computation(region=region, on=on)
    only = Q() if provider_id is None else Q(provider_id=provider_id)
    ceilings = ceilings_by_key(region=region, provider_id=provider_id)
    realised: dict[Key, Decimal] = defaultdict(Decimal)
    for provider, year, is_credit, total in (
        Realisation.objects.filter(only, COUNTS_FOR_CEILING, region=region)
        .values_list("provider_id", "year", "is_credit")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        realised[(provider, year)] += -total if is_credit else total
    allocations = Allocation.objects.filter(only, municipality__region=region)
    tariffs = tariff_book(region=region)
    priced = priced_rows(allocations.values_list(*ALLOCATION_FIELDS).order_by(), tariffs)
    stopped = providers_with_active_stop(region=region, on=on, provider_id=provider_id)

    years: dict[int, set[int]] = defaultdict(set)
    for provider, year in (*ceilings, *realised):
        years[provider].add(year)
    for allocation in priced:
        years[allocation.provider_id].add(on.year)
    for provider, provider_years in years.items():
        for year in provider_years:
            result.rows[(provider, year)] = LedgerRow(
                provider_id=provider,
                year=year,
                ceiling=ceilings.get((provider, year)),
                realisation=realised.get((provider, year), ZERO),
                client_stop=provider in stopped,
            )
    for allocation in priced:
        for year in years[allocation.provider_id]:
            amount, inflow = allocation.figures(year=year, on=on)
            if amount or inflow:
                row = result.rows[(allocation.provider_id, year)]
                row.commitment += amount
                row.inflow += inflow
                result.commitments[(allocation.pk, year)] = (amount, inflow)
    return result


# --- the stored ledger ----------------------------------------------------------------


def _status(thresholds: StatusThresholds, row: LedgerRow) -> str:
    return status_of(
        spent=row.realisation + row.commitment,
        ceiling=row.ceiling,
        client_stop=row.client_stop,
        warning_pct=thresholds.warning_pct,
        critical_pct=thresholds.critical_pct,
        exhausted_pct=thresholds.exhausted_pct,
    )


def _status_changes(
    region: Region, before: dict[Key, str], after: Iterable[ProviderLedger]
) -> list[tuple[ProviderLedger, str]]:
    """Rows whose status differs from before: (row, old status)."""
    return [
        (row, before[(row.provider_id, row.year)])
        for row in after
        if (row.provider_id, row.year) in before
        and before[(row.provider_id, row.year)] != row.status
    ]


def _after_status_changes(region: Region, changes: list[tuple[ProviderLedger, str]]) -> None:
    """Side effects of status changes (notifications); see ``budgets.services``."""
    if not changes:
        return
    from jeugdregie.budgets.alerts import status_changed

    for row, old in changes:
        status_changed(region=region, ledger=row, old_status=old)


@transaction.atomic(savepoint=False)
def ledger_store(*, region: Region, on: date, provider_id: int | None = None) -> int:
    """Rebuild the stored ledger of a region (or one provider in it) as of ``on``."""
    computation = compute_ledger(region=region, on=on, provider_id=provider_id)
    thresholds = status_thresholds(region=region, on=on)
    only = Q() if provider_id is None else Q(provider_id=provider_id)
    # Only the ledger rows, in id order: the model's ordering joins the region and the
    # provider, and a plain FOR UPDATE would lock those rows too (every message of every
    # provider refers to the region: a parallel import would wait, or deadlock, on it).
    old_rows = (
        ProviderLedger.objects.select_for_update(of=("self",))
        .filter(only, region=region)
        .order_by("pk")
    )
    before = {(r.provider_id, r.year): r.status for r in old_rows}
    old_rows.delete()
    # Keys first, then a plain delete: a join inside the DELETE makes PostgreSQL walk every
    # dead row version that a long transaction (many service calls) leaves behind.
    allocation_ids = list(
        Allocation.objects.filter(
            municipality__region=region,
            **({} if provider_id is None else {"provider_id": provider_id}),
        ).values_list("pk", flat=True)
    )
    for offset in range(0, len(allocation_ids), 2000):
        AllocationCommitment.objects.filter(
            allocation_id__in=allocation_ids[offset : offset + 2000]
        ).delete()
    rows = ProviderLedger.objects.bulk_create(
        [
            ProviderLedger(
                region=region,
                provider_id=row.provider_id,
                year=row.year,
                as_of=on,
                ceiling=row.ceiling,
                realisation=row.realisation,
                commitment=row.commitment,
                inflow=row.inflow,
                status=_status(thresholds, row),
            )
            for row in computation.rows.values()
        ],
        batch_size=2000,
    )
    AllocationCommitment.objects.bulk_create(
        [
            AllocationCommitment(
                allocation_id=allocation_id,
                year=year,
                as_of=on,
                commitment=amount,
                inflow=inflow,
            )
            for (allocation_id, year), (amount, inflow) in computation.commitments.items()
        ],
        batch_size=5000,
    )
    _after_status_changes(region, _status_changes(region, before, rows))
    return len(rows)


def ledger_recompute(*, region: Region | None = None, on: date | None = None) -> int:
    """Full recompute of the stored ledger (``jeugdregie budget_recompute``)."""
    on = on or timezone.localdate()
    regions = [region] if region else list(Region.objects.order_by("code"))
    return sum(ledger_store(region=r, on=on) for r in regions)


def _current_rows(*, region: Region, provider_id: int, today: date) -> list[ProviderLedger] | None:
    """The provider's rows as of today, locked (only they), each with ``stopped`` (a client
    stop is active today); None when they must be rebuilt first.

    Plain SQL: every booking runs this, and building it with the ORM costs more than
    running it."""
    ledger, stops = ProviderLedger._meta.db_table, ClientStop._meta.db_table
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    rows = list(
        ProviderLedger.objects.raw(
            f"SELECT l.*, EXISTS (SELECT 1 FROM {stops} s WHERE s.region_id = l.region_id "  # noqa: S608
            "AND s.provider_id = l.provider_id AND s.status = %s AND s.start <= %s) AS stopped "
            f"FROM {ledger} l WHERE l.region_id = %s AND l.provider_id = %s ORDER BY l.year{lock}",
            [ClientStopStatus.CONFIRMED.value, today, region.pk, provider_id],
        )
    )
    if not rows or any(row.as_of != today for row in rows):
        return None
    return rows


def _save_status(region: Region, rows: list[ProviderLedger], stopped: bool) -> None:
    before = {(row.provider_id, row.year): row.status for row in rows}
    for row in rows:
        thresholds = status_thresholds(region=region, on=row.as_of)
        row.status = status_of(
            spent=row.realisation + row.commitment,
            ceiling=row.ceiling,
            client_stop=stopped,
            warning_pct=thresholds.warning_pct,
            critical_pct=thresholds.critical_pct,
            exhausted_pct=thresholds.exhausted_pct,
        )
    for row in rows:
        row.save(update_fields=["ceiling", "realisation", "commitment", "inflow", "status"])
    changes = [(row, before[(row.provider_id, row.year)]) for row in rows]
    _after_status_changes(region, [(row, old) for row, old in changes if old != row.status])


def _stop_active(rows: list[ProviderLedger]) -> bool:
    """Whether a client stop is active, as read with the rows by ``_current_rows``."""
    return any(getattr(row, "stopped", False) for row in rows)


@transaction.atomic(savepoint=False)
def ledger_allocation_changed(*, allocation: Allocation) -> None:
    """Book an allocation's new state into the stored ledger (create, change, end)."""
    today = timezone.localdate()
    region = allocation.municipality.region
    rows = _current_rows(region=region, provider_id=allocation.provider_id, today=today)
    if rows is None or today.year not in {row.year for row in rows}:
        ledger_store(region=region, on=today, provider_id=allocation.provider_id)
        return
    priced = priced_allocation(allocation)
    stored = {c.year: c for c in AllocationCommitment.objects.filter(allocation=allocation)}
    changed = []
    for row in rows:
        amount, inflow = priced.figures(year=row.year, on=today)
        previous = stored.get(row.year)
        old_amount, old_inflow = (
            (previous.commitment, previous.inflow) if previous else (ZERO, ZERO)
        )
        if (amount, inflow) == (old_amount, old_inflow):
            continue
        row.commitment += amount - old_amount
        row.inflow += inflow - old_inflow
        changed.append(row)
        if previous is None:
            AllocationCommitment.objects.create(
                allocation=allocation, year=row.year, as_of=today, commitment=amount, inflow=inflow
            )
        elif amount or inflow:
            previous.commitment, previous.inflow = amount, inflow
            previous.save(update_fields=["commitment", "inflow"])
        else:
            previous.delete()
    if changed:
        _save_status(region, changed, _stop_active(rows))


@transaction.atomic(savepoint=False)
def ledger_realisations_booked(
    *, region: Region, provider_id: int, realisations: list[Realisation]
) -> None:
    """Book realisation lines of one provider into the stored ledger: one update per year
    (lines of care under a nee-tenzij exception are on their own line, not in the ledger)."""
    counted = [r for r in realisations if realisation_counts_for_ceiling(r)]
    if not counted:
        return
    today = timezone.localdate()
    rows = _current_rows(region=region, provider_id=provider_id, today=today)
    by_year: dict[int, Decimal] = {}
    for realisation in counted:
        by_year[realisation.year] = by_year.get(realisation.year, ZERO) + realisation.signed_amount
    if rows is None or not set(by_year) <= {row.year for row in rows}:
        ledger_store(region=region, on=today, provider_id=provider_id)
        return
    changed = [row for row in rows if row.year in by_year]
    for row in changed:
        row.realisation += by_year[row.year]
    _save_status(region, changed, _stop_active(rows))


@transaction.atomic(savepoint=False)
def ledger_ceiling_changed(*, ceiling: BudgetCeiling) -> None:
    today = timezone.localdate()
    region = ceiling.region
    rows = _current_rows(region=region, provider_id=ceiling.provider_id, today=today)
    row = next((r for r in rows or [] if r.year == ceiling.year), None)
    if row is None:
        ledger_store(region=region, on=today, provider_id=ceiling.provider_id)
        return
    row.ceiling = ceilings_by_key(region=region, provider_id=ceiling.provider_id).get(
        (ceiling.provider_id, ceiling.year)
    )
    _save_status(region, [row], _stop_active(rows or []))


@transaction.atomic(savepoint=False)
def ledger_client_stop_changed(*, region: Region, provider_id: int) -> None:
    """A stop confirmed or lifted changes the status of every year of the provider."""
    today = timezone.localdate()
    rows = _current_rows(region=region, provider_id=provider_id, today=today)
    if rows is None:
        ledger_store(region=region, on=today, provider_id=provider_id)
        return
    _save_status(region, rows, _stop_active(rows))
