# SPDX-License-Identifier: EUPL-1.2
"""The numbers of the budget screens and their exports: per month for one provider, and the
region overview. Screens, CSV and XLSX all read these, so they show the same numbers."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import region_id_of, user_can
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.arithmetic import (
    ZERO,
    Figures,
    days_in_month,
    expected_cost,
    month_fractions,
    round_half_up,
)
from jeugdregie.budgets.constants import BudgetStatus
from jeugdregie.budgets.ledger import ALLOCATION_FIELDS, COUNTS_FOR_CEILING, priced_rows
from jeugdregie.budgets.models import Realisation
from jeugdregie.budgets.selectors import Position, budget_positions
from jeugdregie.contracting.constants import ANY_CONTRACT
from jeugdregie.contracting.models import Lot
from jeugdregie.contracting.selectors import providers_contracted, tariff_book
from jeugdregie.regions.models import Region


@dataclass(frozen=True)
class MonthPoint:
    """Cumulative amounts at the end of a month of the year."""

    month: int
    realisation: Decimal
    commitment: Decimal
    forecast: Decimal


def monthly_series(*, region: Region, provider_id: int, figures: Figures) -> list[MonthPoint]:
    """Cumulative realisation (by service month), + commitment (from the reference date on)
    and + new inflow per month of the year; December equals the ledger's R, R + C and F."""
    year, on = figures.year, figures.on
    realised = dict.fromkeys(range(1, 13), ZERO)
    for month, is_credit, total in (
        Realisation.objects.filter(
            COUNTS_FOR_CEILING, region=region, provider_id=provider_id, year=year
        )
        .values_list("month", "is_credit")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        realised[month] += -total if is_credit else total
    first, year_end = max(on, date(year, 1, 1)), date(year, 12, 31)
    committed = dict.fromkeys(range(1, 13), Fraction(0))
    if first <= year_end:
        tariffs = tariff_book(region=region)
        # only allocations with days from ``first`` to 31 Dec can be committed, and only in
        # the months from ``first`` on (the others cost nothing: an empty window)
        allocations = priced_rows(
            Allocation.objects.filter(
                municipality__region=region, provider_id=provider_id, start__lte=year_end
            )
            .filter(Q(end__isnull=True) | Q(end__gte=first))
            .exclude(status="withdrawn")
            .values_list(*ALLOCATION_FIELDS)
            .order_by(),
            tariffs,
        )
        for allocation in allocations:
            if allocation.apart:
                continue
            for month in range(first.month if first.year == year else 1, 13):
                last = date(year, month, days_in_month(year, month))
                committed[month] += expected_cost(allocation.terms, year=year, first=on, last=last)
    points = []
    running_r = ZERO
    for month in range(1, 13):
        running_r += realised[month]
        last = date(year, month, days_in_month(year, month))
        if month == 12:
            c, n = figures.commitment, figures.new_inflow
        else:
            c = round_half_up(committed[month])
            months = month_fractions(first, last) if last >= first else Fraction(0)
            n = round_half_up(figures.monthly_inflow * months)
        points.append(
            MonthPoint(
                month=month,
                realisation=running_r,
                commitment=running_r + c,
                forecast=running_r + c + n,
            )
        )
    return points


@dataclass(frozen=True)
class Chart:
    """A line chart as SVG coordinates (drawn by the template)."""

    width: int
    height: int
    realisation: str
    commitment: str
    forecast: str
    ceiling_y: float | None
    x_labels: list[tuple[float, str]]
    y_labels: list[tuple[float, Decimal]]


MONTH_LABELS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def chart(points: list[MonthPoint], ceiling: Decimal | None) -> Chart:
    width, height, left, right, top, bottom = 720, 320, 90, 20, 20, 40
    top_value = max([p.forecast for p in points] + [ceiling or ZERO, Decimal(1)]) * Decimal("1.1")
    span_x = (width - left - right) / 11

    def x(index: int) -> float:
        return round(left + index * span_x, 1)

    def y(value: Decimal) -> float:
        share = float(value / top_value) if top_value else 0.0
        return round(top + (height - top - bottom) * (1 - share), 1)

    def line(values: list[Decimal]) -> str:
        return " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values))

    steps = 4
    return Chart(
        width=width,
        height=height,
        realisation=line([p.realisation for p in points]),
        commitment=line([p.commitment for p in points]),
        forecast=line([p.forecast for p in points]),
        ceiling_y=y(ceiling) if ceiling is not None else None,
        x_labels=[(x(i), label) for i, label in enumerate(MONTH_LABELS)],
        y_labels=[
            (y(top_value * k / steps), (top_value * k / steps).quantize(Decimal(1)))
            for k in range(steps + 1)
        ],
    )


# --- region overview -----------------------------------------------------------------

STATUS_ORDER: dict[str, int] = {status: index for index, status in enumerate(BudgetStatus)}
OVERVIEW_SORTS = {
    "uitputting": lambda p: (p.figures.exhaustion or ZERO, p.provider.name),
    "ruimte": lambda p: (p.figures.headroom or ZERO, p.provider.name),
    "status": lambda p: (STATUS_ORDER[p.figures.status], p.provider.name),
    "naam": lambda p: (p.provider.name,),
}


@dataclass(frozen=True)
class Overview:
    year: int
    on: date
    rows: list[Position]  # empty for policy: aggregates only
    providers: int
    ceiling: Decimal
    realisation: Decimal
    commitment: Decimal
    forecast: Decimal
    top10_share: Decimal  # percentage, two decimals

    @property
    def headroom(self) -> Decimal:
        return self.ceiling - self.realisation - self.commitment


def budget_overview(
    *,
    user: User,
    year: int,
    on: date,
    lot_id: int | None = None,
    municipality_id: int | None = None,
    sort: str = "-uitputting",
) -> Overview:
    """All providers with a ceiling in the user's region, filtered and sorted; policy gets the
    totals only. The top-10 share is the share of the 10 largest (R + C) in the total."""
    if not user_can(user, Capability.VIEW_BUDGET_OVERVIEW):
        raise PermissionError
    region = Region.objects.get(pk=region_id_of(user))
    positions = budget_positions(region=region, year=year, on=on)
    if lot_id is not None:
        lot = Lot.objects.filter(region=region, pk=lot_id).first()
        in_lot = set(
            providers_contracted(
                lot=lot,
                region=region,
                on=date(year, 1, 1),
                until=date(year, 12, 31),
                kinds=ANY_CONTRACT,
            ).values_list("pk", flat=True)
            if lot is not None
            else []
        )
        positions = [p for p in positions if p.provider.pk in in_lot]
    if municipality_id is not None:
        working = set(
            Allocation.objects.filter(
                municipality_id=municipality_id, start__lte=date(year, 12, 31)
            )
            .filter(Q(end__isnull=True) | Q(end__gte=date(year, 1, 1)))
            .values_list("provider_id", flat=True)
        )
        positions = [p for p in positions if p.provider.pk in working]
    key = OVERVIEW_SORTS.get(sort.lstrip("-"), OVERVIEW_SORTS["uitputting"])
    positions.sort(key=key, reverse=sort.startswith("-"))
    spent = sorted((p.figures.spent for p in positions), reverse=True)
    total_spent = sum(spent, ZERO)
    top10 = sum(spent[:10], ZERO)
    share = round_half_up(Fraction(top10) * 100 / Fraction(total_spent)) if total_spent else ZERO
    return Overview(
        year=year,
        on=on,
        rows=[] if user.role == Role.POLICY else positions,
        providers=len(positions),
        ceiling=sum((p.figures.ceiling or ZERO for p in positions), ZERO),
        realisation=sum((p.figures.realisation for p in positions), ZERO),
        commitment=sum((p.figures.commitment for p in positions), ZERO),
        forecast=sum((p.figures.forecast for p in positions), ZERO),
        top10_share=share,
    )


def export_header() -> list[str]:
    """The overview's columns, as on screen."""
    return [
        _("Provider AGB code"),
        _("Provider"),
        _("Year"),
        _("Ceiling (€)"),
        _("Realisation (€)"),
        _("Commitments (€)"),
        _("Headroom (€)"),
        _("Exhaustion (%)"),
        _("Forecast (€)"),
        _("Expected exhaustion date"),
        _("Status"),
    ]


# The columns of ``export_header`` that hold euros, and the one that holds a percentage.
EXPORT_MONEY_COLUMNS = (3, 4, 5, 6, 8)
EXPORT_PERCENT_COLUMN = 7


def export_rows(overview: Overview) -> list[list[object]]:
    """The overview's rows as on screen: money and percentages as Decimals, dates as dates,
    the status by its label."""
    statuses = {value: str(label) for value, label in BudgetStatus.choices}
    return [
        [
            p.provider.agb_code,
            p.provider.name,
            overview.year,
            p.figures.ceiling,
            p.figures.realisation,
            p.figures.commitment,
            p.figures.headroom,
            p.figures.exhaustion,
            p.figures.forecast,
            p.figures.projected_exhaustion_date,
            statuses.get(p.figures.status, p.figures.status),
        ]
        for p in overview.rows
    ]
