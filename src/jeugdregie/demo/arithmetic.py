# SPDX-License-Identifier: EUPL-1.2
"""Small, exact helpers for splitting counts and amounts and for synthetic identifiers."""

import heapq
import math
import random
from collections.abc import Iterable, Mapping, Sequence
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


def synthetic_bsns(rng: random.Random, count: int, blocks: Iterable[int]) -> list[str]:
    """``count`` distinct BSNs 999<block>xxxx<check> that pass the eleven-test.

    The 9999 block is never used: it holds only 9,091 valid numbers and stays free for
    hand-made test data and for youth registered by hand in the demo.
    """
    allowed = sorted(set(blocks))
    if any(block not in range(9) for block in allowed):
        raise ValueError("BSN blocks are digits 0-8; the 9999 block is reserved.")
    chosen: list[str] = []
    for number in rng.sample(range(len(allowed) * 10_000), len(allowed) * 10_000):
        stem = f"999{allowed[number // 10_000]}{number % 10_000:04d}"
        check = sum(int(d) * w for d, w in zip(stem, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            chosen.append(f"{stem}{check}")
            if len(chosen) == count:
                return chosen
    raise ValueError(f"Only {len(chosen)} synthetic BSNs available, {count} needed.")


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
