# SPDX-License-Identifier: EUPL-1.2
"""Small, exact helpers for splitting counts and amounts and for synthetic identifiers."""

import heapq
import math
import random
from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from jeugdregie.demo.profiles.base import ProviderPlan

CENT = Decimal("0.01")


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into whole parts proportional to ``weights`` (Hamilton's method)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    exact = [total * w / weight_sum for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def split_amount(amount: Decimal, weights: Sequence[float]) -> list[Decimal]:
    """Split ``amount`` into parts proportional to ``weights``; the parts add up exactly."""
    weight_sum = sum(weights)
    parts = [(amount * Decimal(w / weight_sum)).quantize(CENT) for w in weights]
    if parts:
        parts[0] += amount - sum(parts, Decimal(0))
    return parts


def round_up(amount: Decimal, step: Decimal) -> Decimal:
    """``amount`` rounded up to a multiple of ``step`` (e.g. a ceiling to whole €10,000)."""
    return ((amount / step).to_integral_value(rounding=ROUND_CEILING) * step).quantize(CENT)


def round_to(amount: Decimal, step: Decimal) -> Decimal:
    return ((amount / step).to_integral_value(rounding=ROUND_HALF_UP) * step).quantize(CENT)


def stochastic_round(value: float, rng: random.Random) -> int:
    """Round up with probability equal to the fraction, so sums stay right on average."""
    whole = math.floor(value)
    return whole + (1 if rng.random() < value - whole else 0)


TEST_RANGE = "9999"
RESERVED_STEMS = range(0, 500)
"""Stems 9999-0000 … 9999-0499 stay free for hand-made test data and youth registered by hand."""


def synthetic_bsns(rng: random.Random, count: int, stems: range) -> list[str]:
    """Up to ``count`` distinct BSNs 9999<stem><check> that pass the eleven-test.

    The test range 9999xxxxx holds only 9,091 valid numbers (one per four-digit stem, when its
    check digit is not 10), fewer than the youth of a demo region. A region gets a block of
    stems; youth beyond what the block holds get no BSN (``""``) rather than a number outside
    the test range. The result is shuffled, so which youth lack a BSN is random.
    """
    if stems.start < RESERVED_STEMS.stop or stems.stop > 10_000:
        raise ValueError("BSN stems must lie in 0500-9999; 0000-0499 are reserved for tests.")
    chosen: list[str] = []
    for stem_number in stems:
        stem = f"{TEST_RANGE}{stem_number:04d}"
        check = sum(int(d) * w for d, w in zip(stem, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            chosen.append(f"{stem}{check}")
    rng.shuffle(chosen)
    return (chosen + [""] * count)[:count] if len(chosen) < count else chosen[:count]


def fill_by_capacity(
    plans: Sequence[tuple[ProviderPlan, Decimal]], capacities: Mapping[str, Decimal]
) -> None:
    """Give each provider its size in the pools with the most room left, largest first.

    A provider larger than the room left in one pool spreads over the next ones, so every
    pool ends up exactly filled when the sizes add up to the capacities.
    """
    remaining = dict(capacities)
    for plan, size in sorted(plans, key=lambda item: item[1], reverse=True):
        left = size
        while left > 0:
            pool = max(sorted(remaining), key=lambda code: remaining[code])
            room = remaining[pool]
            if room <= 0:
                break
            take = min(left, room)
            plan.targets[pool] = plan.targets.get(pool, Decimal(0)) + take
            remaining[pool] = room - take
            left -= take
    leftover = {pool: room for pool, room in remaining.items() if room > 0}
    if leftover and plans:
        largest = max(plans, key=lambda item: item[1])[0]
        for pool, room in leftover.items():
            largest.targets[pool] = largest.targets.get(pool, Decimal(0)) + room


def assign_greedily(
    costs: Sequence[tuple[int, Decimal]], targets: Sequence[tuple[int, Decimal]]
) -> dict[int, int]:
    """Map item ids to provider ids: the largest items first, each to the provider with the
    most planned spend still open. Providers end close to their targets."""
    if not targets:
        return {}
    heap = [(-target, order, provider) for order, (provider, target) in enumerate(targets)]
    heapq.heapify(heap)
    assignment: dict[int, int] = {}
    for item, cost in sorted(costs, key=lambda pair: (-pair[1], pair[0])):
        open_amount, order, provider = heapq.heappop(heap)
        assignment[item] = provider
        heapq.heappush(heap, (open_amount + cost, order, provider))
    return assignment
