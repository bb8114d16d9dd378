# SPDX-License-Identifier: EUPL-1.2
"""The arithmetic of ``budgets.md`` §2 and §3, as pure functions of dates and amounts.

Everything is computed exactly with fractions and rounded once, half up, to cents: per
allocation for the commitment, and once for the new-inflow forecast. The ledger (stored and
recomputed) and every screen use these functions only, so their numbers cannot drift apart.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from jeugdregie.budgets.constants import BudgetStatus
from jeugdregie.contracting.constants import Frequency, Unit

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
INFLOW_MONTHS = 3  # new inflow is averaged over the last 3 complete months


def _exact(value: Decimal) -> Fraction:
    return Fraction(value)


def round_half_up(value: Fraction) -> Decimal:
    """Exact half-up rounding of a fraction to cents (not the banker's rounding)."""
    hundredths = value * 100
    sign = -1 if hundredths < 0 else 1
    magnitude = abs(hundredths)
    floor = magnitude.numerator // magnitude.denominator
    whole = floor + 1 if magnitude - floor >= Fraction(1, 2) else floor
    return (Decimal(sign * whole) / 100).quantize(CENT)


def days(first: date, last: date) -> int:
    """Days from first to last, both inclusive (0 when last lies before first)."""
    return max((last - first).days + 1, 0)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_fractions(first: date, last: date) -> Fraction:
    """Months between first and last (inclusive), each month counted as its share of days."""
    total = Fraction(0)
    cursor = first
    while cursor <= last:
        month_end = date(cursor.year, cursor.month, days_in_month(cursor.year, cursor.month))
        stop = min(month_end, last)
        total += Fraction(days(cursor, stop), days_in_month(cursor.year, cursor.month))
        cursor = stop + timedelta(days=1)
    return total


@dataclass(frozen=True)
class Terms:
    """What an allocation buys: volume × price per frequency, or a budget in euros."""

    start: date
    end: date | None
    volume: int | None
    frequency: str
    budget: Decimal | None
    unit_price: Decimal | None

    def total(self) -> Fraction | None:
        if self.budget is not None:
            return _exact(self.budget)
        if self.volume is None or self.unit_price is None:
            return None
        return self.volume * _exact(self.unit_price)


def unit_price_of(
    *, allocation_price: Decimal | None, unit: str, tariff: Decimal | None
) -> Decimal | None:
    """An allocation's own price, else 1 for an amount in euros (WJ756 83), else the tariff."""
    if allocation_price is not None:
        return allocation_price
    if unit == Unit.EURO:
        return Decimal(1)
    return tariff


def expected_cost(terms: Terms, *, year: int, first: date, last: date | None = None) -> Fraction:
    """The expected cost (exact) of the allocation in ``year`` from ``first`` on (§2).

    The window runs from max(first, start, 1 Jan) to min(end, 31 Dec), both inclusive; an
    open end runs to 31 Dec. Per day: volume × tariff × days; per week: ... × days / 7;
    per month: for each calendar month ... × window days in it / days of that month; a
    total volume or a budget is spread evenly over all days of the allocation (an open end
    counts to 31 Dec of the year) times the window's days. ``last`` cuts the window short
    (for the undeclared care of a past month).
    """
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    window_first = max(first, terms.start, year_start)
    window_last = min(terms.end or year_end, year_end, last or year_end)
    window_days = days(window_first, window_last)
    if window_days == 0:
        return Fraction(0)
    if terms.budget is not None or terms.frequency in ("", Frequency.TOTAL):
        total = terms.total()
        if total is None:
            return Fraction(0)
        all_days = days(terms.start, terms.end or year_end)
        return total * window_days / all_days
    if terms.volume is None or terms.unit_price is None:
        return Fraction(0)
    per_unit = terms.volume * _exact(terms.unit_price)
    match terms.frequency:
        case Frequency.PER_DAY:
            return per_unit * window_days
        case Frequency.PER_WEEK:
            return per_unit * window_days / 7
        case Frequency.PER_MONTH:
            return per_unit * month_fractions(window_first, window_last)
        case _:
            return Fraction(0)


def commitment(terms: Terms, *, year: int, on: date) -> Decimal:
    """``C`` of one allocation on reference date ``on``, rounded half up to cents."""
    return round_half_up(expected_cost(terms, year=year, first=on))


def inflow_window(on: date) -> tuple[date, date]:
    """The last 3 complete calendar months before the month of ``on``."""
    last = date(on.year, on.month, 1) - timedelta(days=1)
    month_index = on.year * 12 + (on.month - 1) - INFLOW_MONTHS
    first = date(month_index // 12, month_index % 12 + 1, 1)
    return first, last


def inflow_cost(terms: Terms, *, year: int, on: date) -> Decimal:
    """What a new allocation brought into ``year``: its cost there from its own start.

    Non-zero only for an allocation that started within the last 3 complete months
    before ``on`` (the allocation is *new*).
    """
    first, last = inflow_window(on)
    if not first <= terms.start <= last:
        return ZERO
    return commitment(terms, year=year, on=terms.start)


def remaining_months(*, year: int, on: date) -> Fraction:
    """Months of ``year`` from ``on`` to 31 Dec; the month of ``on`` counts pro rata."""
    first = max(on, date(year, 1, 1))
    return month_fractions(first, date(year, 12, 31))


@dataclass(frozen=True)
class Figures:
    """A provider's position for a year on a reference date (budgets.md §2)."""

    year: int
    on: date
    ceiling: Decimal | None
    realisation: Decimal
    commitment: Decimal
    inflow: Decimal
    client_stop: bool
    warning_pct: Decimal
    critical_pct: Decimal
    exhausted_pct: Decimal

    @property
    def spent(self) -> Decimal:
        return self.realisation + self.commitment

    @property
    def headroom(self) -> Decimal | None:
        return None if self.ceiling is None else self.ceiling - self.spent

    @property
    def exhaustion(self) -> Decimal | None:
        """(R + C) / ceiling as a percentage with two decimals (half up)."""
        if not self.ceiling:
            return None
        return round_half_up(Fraction(self.spent) * 100 / Fraction(self.ceiling))

    @property
    def monthly_inflow(self) -> Fraction:
        if self.client_stop:
            return Fraction(0)
        return Fraction(self.inflow) / INFLOW_MONTHS

    @property
    def new_inflow(self) -> Decimal:
        """``N``: average monthly cost of new allocations × remaining months of the year."""
        return round_half_up(self.monthly_inflow * remaining_months(year=self.year, on=self.on))

    @property
    def forecast(self) -> Decimal:
        return self.spent + self.new_inflow

    @property
    def status(self) -> str:
        return status_of(
            spent=self.spent,
            ceiling=self.ceiling,
            client_stop=self.client_stop,
            warning_pct=self.warning_pct,
            critical_pct=self.critical_pct,
            exhausted_pct=self.exhausted_pct,
        )

    @property
    def projected_exhaustion_date(self) -> date | None:
        """The first day on which R + C + N(t) reaches the ceiling; None if not in the year.

        N(t) is the monthly inflow times the months (pro rata by days) from the reference
        date up to and including day t.
        """
        if self.ceiling is None:
            return None
        first, year_end = max(self.on, date(self.year, 1, 1)), date(self.year, 12, 31)
        if first > year_end:
            return None
        gap = Fraction(self.ceiling) - Fraction(self.spent)
        if gap <= 0:
            return first
        rate = self.monthly_inflow
        if rate <= 0:
            return None
        cursor, reached = first, Fraction(0)
        while cursor <= year_end:
            dim = days_in_month(cursor.year, cursor.month)
            month_last = date(cursor.year, cursor.month, dim)
            month_share = rate * Fraction(days(cursor, month_last), dim)
            if reached + month_share >= gap:
                needed = (gap - reached) * dim / rate  # days into this month
                whole = -(-needed.numerator // needed.denominator)  # ceiling
                return cursor + timedelta(days=max(int(whole), 1) - 1)
            reached += month_share
            cursor = month_last + timedelta(days=1)
        return None


def status_of(
    *,
    spent: Decimal,
    ceiling: Decimal | None,
    client_stop: bool,
    warning_pct: Decimal,
    critical_pct: Decimal,
    exhausted_pct: Decimal,
) -> str:
    """ok < warning ≤ waarschuwing < critical ≤ kritiek < 100% ≤ bereikt; a stop overrides."""
    if client_stop:
        return BudgetStatus.CLIENT_STOP
    if ceiling is None:
        return BudgetStatus.OK
    used = spent * 100
    if used >= exhausted_pct * ceiling:
        return BudgetStatus.REACHED
    if used >= critical_pct * ceiling:
        return BudgetStatus.CRITICAL
    if used >= warning_pct * ceiling:
        return BudgetStatus.WARNING
    return BudgetStatus.OK
