# SPDX-License-Identifier: EUPL-1.2
"""budgets.md §2 and §3 as case tables: one row per case, with the expected outcome."""

import datetime as dt
from decimal import Decimal

import pytest

from jeugdregie.budgets.arithmetic import Figures, Terms, commitment, inflow_cost
from jeugdregie.contracting.constants import Frequency

D = dt.date


def terms(start, end, *, volume=None, frequency="", budget=None, price=None) -> Terms:
    return Terms(
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=Decimal(budget) if budget else None,
        unit_price=Decimal(price) if price else None,
    )


# fmt: off
COMMITMENT_CASES = [
    # case, allocation terms, reference date, year, expected C
    ("per day: volume × tariff × days",
     terms(D(2025, 1, 1), D(2025, 6, 10), volume=1, frequency=Frequency.PER_DAY, price="100"),
     D(2025, 6, 1), 2025, "1000.00"),
    ("per week: volume × tariff × days / 7",
     terms(D(2025, 1, 6), None, volume=3, frequency=Frequency.PER_WEEK, price="80"),
     D(2025, 6, 1), 2025, "7337.14"),
    ("per month: each calendar month pro rata by its own days",
     terms(D(2025, 1, 1), None, volume=10, frequency=Frequency.PER_MONTH, price="50"),
     D(2025, 6, 15), 2025, "3266.67"),
    ("total volume spread over all days of the allocation",
     terms(D(2025, 2, 1), D(2025, 7, 31), volume=40, frequency=Frequency.TOTAL, price="100"),
     D(2025, 6, 1), 2025, "1348.07"),
    ("output budget spread over all days, also those in the next year",
     terms(D(2025, 3, 1), D(2026, 2, 28), budget="12000"), D(2025, 6, 1), 2025, "7035.62"),
    ("rounded half up, not to even: 1.00 × 1/8 = 0.125 → 0.13",
     terms(D(2025, 6, 1), D(2025, 6, 8), budget="1.00"), D(2025, 6, 8), 2025, "0.13"),
    ("an allocation that ended before the reference date commits nothing",
     terms(D(2025, 1, 1), D(2025, 5, 31), volume=3, frequency=Frequency.PER_WEEK, price="80"),
     D(2025, 6, 1), 2025, "0.00"),
    ("an allocation starting after the reference date counts from its start",
     terms(D(2025, 12, 1), None, volume=7, frequency=Frequency.PER_WEEK, price="10"),
     D(2025, 6, 1), 2025, "310.00"),
    ("next year's ledger counts from 1 January",
     terms(D(2025, 3, 1), D(2026, 2, 28), budget="12000"), D(2025, 6, 1), 2026, "1939.73"),
    ("no tariff, no commitment",
     terms(D(2025, 1, 1), None, volume=3, frequency=Frequency.PER_WEEK), D(2025, 6, 1), 2025,
     "0.00"),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "allocation", "on", "year", "expected"),
    COMMITMENT_CASES,
    ids=[c[0] for c in COMMITMENT_CASES],
)
def test_commitment_of_one_allocation(case, allocation, on, year, expected):
    assert commitment(allocation, year=year, on=on) == Decimal(expected)


def test_only_allocations_of_the_last_three_complete_months_are_new_inflow():
    on = D(2025, 6, 1)
    march = terms(D(2025, 3, 1), D(2026, 2, 28), budget="12000")
    february = terms(D(2025, 2, 28), D(2026, 2, 28), budget="12000")
    june = terms(D(2025, 6, 1), D(2026, 2, 28), budget="12000")
    assert inflow_cost(march, year=2025, on=on) == Decimal("10060.27")
    assert inflow_cost(february, year=2025, on=on) == Decimal("0.00")
    assert inflow_cost(june, year=2025, on=on) == Decimal("0.00")


def figures(spent: str, ceiling: str | None = "100", *, inflow: str = "0", stop: bool = False):
    return Figures(
        year=2025,
        on=D(2025, 6, 1),
        ceiling=Decimal(ceiling) if ceiling is not None else None,
        realisation=Decimal(spent),
        commitment=Decimal(0),
        inflow=Decimal(inflow),
        client_stop=stop,
        warning_pct=Decimal(80),
        critical_pct=Decimal(95),
        exhausted_pct=Decimal(100),
    )


# fmt: off
STATUS_CASES = [
    ("79.99", False, "ok"),
    ("80.00", False, "waarschuwing"),
    ("94.99", False, "waarschuwing"),
    ("95.00", False, "kritiek"),
    ("99.99", False, "kritiek"),
    ("100.00", False, "bereikt"),
    ("130.00", False, "bereikt"),
    ("10.00", True, "clientenstop"),
]
# fmt: on


@pytest.mark.parametrize(("spent", "stop", "expected"), STATUS_CASES)
def test_status_thresholds(spent, stop, expected):
    assert figures(spent, stop=stop).status == expected


# fmt: off
PROJECTION_CASES = [
    # spent, inflow over 3 months, client stop, projected exhaustion date
    ("70", "90", False, D(2025, 6, 30)),   # 30 a month closes a gap of 30 in June
    ("70", "180", False, D(2025, 6, 15)),  # 60 a month: half of June
    ("70", "9", False, None),              # 3 a month: 21 by 31 Dec, never reached
    ("70", "180", True, None),             # no new inflow under a client stop
    ("100", "0", False, D(2025, 6, 1)),    # already reached on the reference date
]
# fmt: on


@pytest.mark.parametrize(("spent", "inflow", "stop", "expected"), PROJECTION_CASES)
def test_projected_exhaustion_date(spent, inflow, stop, expected):
    assert figures(spent, inflow=inflow, stop=stop).projected_exhaustion_date == expected


def test_forecast_adds_the_new_inflow_of_the_remaining_months():
    position = figures("70", inflow="9")
    assert position.new_inflow == Decimal("21.00")  # 9 / 3 × 7 months
    assert position.forecast == Decimal("91.00")
    assert figures("70", inflow="9", stop=True).forecast == Decimal("70")
