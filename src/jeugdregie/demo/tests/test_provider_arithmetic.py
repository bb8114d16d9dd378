# SPDX-License-Identifier: EUPL-1.2
"""The splitting helpers behind provider sizes: exact totals, largest items first."""

from decimal import Decimal

from jeugdregie.demo.arithmetic import (
    assign_greedily,
    fill_by_capacity,
    largest_remainder,
    split_amount,
)
from jeugdregie.demo.profiles.base import ProviderPlan


def test_largest_remainder_adds_up_to_the_total():
    assert largest_remainder(10, [0.25, 0.59, 0.16]) == [2, 6, 2]  # 2.5, 5.9, 1.6
    assert sum(largest_remainder(10_400, [0.25, 0.59, 0.09, 0.04, 0.03])) == 10_400
    assert largest_remainder(0, [1, 2]) == [0, 0]


def test_split_amount_keeps_every_cent():
    parts = split_amount(Decimal("100.00"), [1, 1, 1])

    assert sum(parts) == Decimal("100.00")
    assert sorted(parts) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


def test_providers_fill_the_pools_with_the_most_room_first():
    large, small = ProviderPlan(key="large"), ProviderPlan(key="small")

    fill_by_capacity(
        [(small, Decimal(30)), (large, Decimal(70))], {"GGZ": Decimal(60), "JO": Decimal(40)}
    )

    assert large.targets == {"GGZ": Decimal(60), "JO": Decimal(10)}
    assert small.targets == {"JO": Decimal(30)}


def test_the_largest_allocations_go_to_the_providers_with_most_room():
    costs = [(1, Decimal(50)), (2, Decimal(40)), (3, Decimal(30)), (4, Decimal(20))]

    assignment = assign_greedily(costs, [(100, Decimal(70)), (200, Decimal(70))])

    assert assignment == {1: 100, 2: 200, 3: 200, 4: 100}
