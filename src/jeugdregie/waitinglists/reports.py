# SPDX-License-Identifier: EUPL-1.2
"""The monitoring page shared with providers: waiting, inflow, outflow and treatment duration
per provider and product in one region and year; the screen and the XLSX use the same rows.
"""

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.regions.models import Region
from jeugdregie.waitinglists.figures import (
    EntryFact,
    WaitingTimes,
    days_waited_until_outflow,
    days_waiting_so_far,
    length_on,
    month_flows,
    waiting_times,
)
from jeugdregie.waitinglists.models import WaitingEntry

DURATION_BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 91), (92, 182), (183, 365), (366, None))
"""Treatment duration classes in days: up to 3 months, 3-6, 6-12 and more than 12 months."""

TRAJECTORIES_APP = "jeugdregie.trajectories"

Key = tuple[int | None, int | None]
"""(provider id, product id): one row of the monitoring table."""


@dataclass
class MonitoringRow:
    provider: str
    product: str
    inflow: int = 0
    outflow: int = 0
    length: int = 0
    open_times: WaitingTimes = field(default_factory=lambda: waiting_times([]))
    closed_times: WaitingTimes = field(default_factory=lambda: waiting_times([]))
    treatments: int = 0
    mean_duration: Decimal | None = None
    duration_buckets: list[int] = field(default_factory=list)
    extension_shares: list[Decimal | None] = field(default_factory=list)


@dataclass
class Monitoring:
    region: Region
    year: int
    on: date
    provider: Provider | None
    rows: list[MonitoringRow]
    months: list[tuple[int, int, int]]
    extensions_available: bool


def _name(obj: Any) -> str:
    return "" if obj is None else str(obj.name)


def _product_label(product: Product | None) -> str:
    return "" if product is None else f"{product.code} {product.name}"


def _trajectory_figures(
    region: Region, start: date, on: date, provider_id: int | None
) -> tuple[dict[Key, list[int]], dict[Key, list[int]]] | None:
    """From the trajectories app, when installed: per (provider, product) of the coordinating
    allocation, the durations in days of trajectories that ended in the period, and the
    number of granted extensions of every trajectory that ran in it. None without the app."""
    if not apps.is_installed(TRAJECTORIES_APP):
        return None
    trajectory_model = apps.get_model("trajectories", "Trajectory")
    trajectories = trajectory_model.objects.filter(
        allocation__municipality__region=region, start__lte=on
    ).filter(Q(allocation__end__isnull=True) | Q(allocation__end__gte=start))
    if provider_id is not None:
        trajectories = trajectories.filter(allocation__provider_id=provider_id)
    rows = trajectories.annotate(
        granted=Count("extensions", filter=Q(extensions__status="granted"))
    ).values_list(
        "allocation__provider_id", "allocation__product_id", "start", "allocation__end", "granted"
    )
    durations: dict[Key, list[int]] = defaultdict(list)
    extensions: dict[Key, list[int]] = defaultdict(list)
    for provider, product, begin, finish, granted in rows:
        extensions[(provider, product)].append(granted)
        if finish is not None and start <= finish <= on:
            durations[(provider, product)].append((finish - begin).days + 1)
    return durations, extensions


def _shares(counts: list[int]) -> list[Decimal | None]:
    """Share (percent, 1 decimal) of trajectories with 0, 1, 2 and 3+ extensions."""
    if not counts:
        return [None, None, None, None]
    classes = [0, 0, 0, 0]
    for count in counts:
        classes[min(count, 3)] += 1
    return [
        (Decimal(100 * part) / len(counts)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        for part in classes
    ]


def monitoring_report(
    *, region: Region, year: int, today: date, provider: Provider | None = None
) -> Monitoring:
    """Figures per provider and product; ``provider`` limits everything to that provider."""
    on = min(today, date(year, 12, 31))
    start, end = date(year, 1, 1), date(year, 12, 31)
    entries = WaitingEntry.objects.filter(lot__region=region, waiting_since__lte=end)
    allocations = Allocation.objects.filter(
        municipality__region=region, end__gte=start, end__lte=on
    )
    if provider is not None:
        entries = entries.filter(provider=provider)
        allocations = allocations.filter(provider=provider)

    groups: dict[Key, list[EntryFact]] = defaultdict(list)
    for lot_id, provider_id, product_id, since, outflow in entries.values_list(
        "lot_id", "provider_id", "product_id", "waiting_since", "outflow_date"
    ):
        groups[(provider_id, product_id)].append(
            EntryFact(lot_id, provider_id, product_id, since, outflow)
        )
    durations: dict[Key, list[int]] = defaultdict(list)
    for provider_id, product_id, begin, finish in allocations.values_list(
        "provider_id", "product_id", "start", "end"
    ):
        if finish is not None:
            durations[(provider_id, product_id)].append((finish - begin).days + 1)
    from_trajectories = _trajectory_figures(region, start, on, provider.pk if provider else None)
    extension_counts: dict[Key, list[int]] = {}
    if from_trajectories is not None:
        trajectory_durations, extension_counts = from_trajectories
        # Where a provider and product have trajectories, their duration is the trajectory's.
        for key in extension_counts:
            durations[key] = trajectory_durations.get(key, [])
    keys: set[Key] = set(groups) | set(durations) | set(extension_counts)

    providers = Provider.objects.in_bulk({k[0] for k in keys if k[0] is not None})
    products = Product.objects.in_bulk({k[1] for k in keys if k[1] is not None})
    rows = []
    for key in keys:
        facts = groups.get(key, [])
        days = durations.get(key, [])
        row = MonitoringRow(
            provider=_name(providers.get(key[0])) if key[0] else _("(no provider: perceel 1)"),
            product=_product_label(products.get(key[1])) if key[1] else "",
            inflow=sum(1 for f in facts if start <= f.waiting_since <= on),
            outflow=sum(1 for f in facts if f.outflow_date and start <= f.outflow_date <= on),
            length=length_on(facts, on),
            open_times=waiting_times(days_waiting_so_far(facts, on)),
            closed_times=waiting_times(days_waited_until_outflow(facts, start, on)),
            treatments=len(days),
            mean_duration=(
                (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"), ROUND_HALF_UP)
                if days
                else None
            ),
            duration_buckets=[
                sum(1 for d in days if low <= d and (high is None or d <= high))
                for low, high in DURATION_BUCKETS
            ],
            extension_shares=_shares(extension_counts.get(key, [])),
        )
        rows.append(row)
    rows.sort(key=lambda r: (r.provider.casefold(), r.product))
    all_facts = [fact for facts in groups.values() for fact in facts]
    return Monitoring(
        region=region,
        year=year,
        on=on,
        provider=provider,
        rows=rows,
        months=month_flows(all_facts, year),
        extensions_available=from_trajectories is not None,
    )


def export_header() -> list[str]:
    return [
        _("Provider"),
        _("Product"),
        _("Inflow"),
        _("Outflow"),
        _("Waiting on reference date"),
        _("Waiting so far: median (days)"),
        _("Waiting so far: 90th percentile (days)"),
        _("Waited until outflow: median (days)"),
        _("Waited until outflow: 90th percentile (days)"),
        _("Treatments ended"),
        _("Treatment duration: mean (days)"),
        _("Up to 3 months"),
        _("3 to 6 months"),
        _("6 to 12 months"),
        _("More than 12 months"),
        _("Trajectories with 0 extensions (%)"),
        _("1 extension (%)"),
        _("2 extensions (%)"),
        _("3 or more extensions (%)"),
    ]


def export_rows(monitoring: Monitoring) -> list[list[Hashable]]:
    """The cells of the table on screen, in the same order (None is an empty cell)."""
    return [
        [
            row.provider,
            row.product or None,
            row.inflow,
            row.outflow,
            row.length,
            row.open_times.median,
            row.open_times.p90,
            row.closed_times.median,
            row.closed_times.p90,
            row.treatments,
            row.mean_duration,
            *row.duration_buckets,
            *row.extension_shares,
        ]
        for row in monitoring.rows
    ]
