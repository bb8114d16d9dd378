# SPDX-License-Identifier: EUPL-1.2
"""The planned cost of an allocation within a year, as screens and statistics use it."""

import datetime as dt
from decimal import Decimal

import pytest

from jeugdregie.allocations.selectors import allocation_cost_in_year
from jeugdregie.contracting.constants import Frequency

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "volume", "frequency", "budget", "price", "year", "expected"),
    [
        # total volume within the period, fully inside the year
        (D(2025, 2, 1), D(2025, 7, 31), 40, Frequency.TOTAL, None, "100", 2025, "4000.00"),
        # total volume spread over two years by days: 2024-12-01..2025-01-30 = 61 days,
        # 30 of them in 2025
        (D(2024, 12, 1), D(2025, 1, 30), 61, Frequency.TOTAL, None, "10", 2025, "300.00"),
        (D(2024, 12, 1), D(2025, 1, 30), 61, Frequency.TOTAL, None, "10", 2024, "310.00"),
        # per week: 2 hours a week over 14 days = 4 hours
        (D(2025, 3, 1), D(2025, 3, 14), 2, Frequency.PER_WEEK, None, "50", 2025, "200.00"),
        # per day, open-ended: runs to the end of the year (2025-12-22..31 = 10 days)
        (D(2025, 12, 22), None, 1, Frequency.PER_DAY, None, "300", 2025, "3000.00"),
        # budget allocation, half in the year
        (D(2025, 7, 2), D(2026, 6, 30), None, "", Decimal("3640"), None, 2025, "1830.00"),
        # outside the year
        (D(2026, 1, 1), D(2026, 2, 1), 5, Frequency.TOTAL, None, "10", 2025, "0"),
        # no tariff known: no cost rather than a guess
        (D(2025, 1, 1), D(2025, 2, 1), 5, Frequency.TOTAL, None, None, 2025, "0"),
    ],
)
def test_cost_in_year(start, end, volume, frequency, budget, price, year, expected):
    cost = allocation_cost_in_year(
        year=year,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=budget,
        unit_price=Decimal(price) if price else None,
    )
    assert cost == Decimal(expected)
