# SPDX-License-Identifier: EUPL-1.2
"""Waiting-list figures as pure computations on plain facts (no database).

Definitions (also shown on the pages):

- *Length on a date d*: entries with ``waiting_since <= d`` and no outflow on or before d.
- *Waiting time* in days: for an open entry the days waited so far (``d - waiting_since``),
  for a closed entry the days waited until outflow (``outflow_date - waiting_since``).
- *Median*: the middle value of the sorted waiting times; with an even count the mean of the
  two middle values.
- *90th percentile*: nearest rank: the value at rank ``ceil(0.9 * n)`` (1-based) of the
  sorted waiting times. With 10 values it is the 9th, with 11 values the 10th.
"""

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class EntryFact:
    """What the figures need of one waiting-list entry."""

    lot_id: int
    provider_id: int | None
    product_id: int | None
    waiting_since: date
    outflow_date: date | None


@dataclass(frozen=True)
class WaitingTimes:
    count: int
    median: Decimal | None
    p90: int | None


def median(values: Sequence[int]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[middle])
    return (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2


def percentile_nearest_rank(values: Sequence[int], percent: int) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percent * len(ordered) / 100))
    return ordered[rank - 1]


def waiting_times(values: Sequence[int]) -> WaitingTimes:
    return WaitingTimes(
        count=len(values), median=median(values), p90=percentile_nearest_rank(values, 90)
    )


def is_open_on(fact: EntryFact, day: date) -> bool:
    return fact.waiting_since <= day and (fact.outflow_date is None or fact.outflow_date > day)


def length_on(facts: Iterable[EntryFact], day: date) -> int:
    return sum(1 for fact in facts if is_open_on(fact, day))


def days_waiting_so_far(facts: Iterable[EntryFact], day: date) -> list[int]:
    return [(day - fact.waiting_since).days for fact in facts if is_open_on(fact, day)]


def days_waited_until_outflow(
    facts: Iterable[EntryFact], start: date | None = None, end: date | None = None
) -> list[int]:
    """Closed entries (optionally with their outflow between start and end, inclusive)."""
    return [
        (fact.outflow_date - fact.waiting_since).days
        for fact in facts
        if fact.outflow_date is not None
        and (start is None or fact.outflow_date >= start)
        and (end is None or fact.outflow_date <= end)
    ]


@dataclass(frozen=True)
class GroupFigures:
    key: Hashable
    length: int
    open_times: WaitingTimes
    closed_times: WaitingTimes


def figures_by(
    facts: Iterable[EntryFact],
    key: Callable[[EntryFact], Key],
    *,
    on: date,
    closed_from: date | None = None,
    closed_to: date | None = None,
) -> dict[Key, GroupFigures]:
    """Length on ``on``, waiting so far (open on ``on``) and waited until outflow per group."""
    groups: dict[Key, list[EntryFact]] = defaultdict(list)
    for fact in facts:
        groups[key(fact)].append(fact)
    return {
        group: GroupFigures(
            key=group,
            length=length_on(members, on),
            open_times=waiting_times(days_waiting_so_far(members, on)),
            closed_times=waiting_times(days_waited_until_outflow(members, closed_from, closed_to)),
        )
        for group, members in groups.items()
    }


def month_flows(facts: Iterable[EntryFact], year: int) -> list[tuple[int, int, int]]:
    """(month, inflow, outflow) for every month of ``year``: entries whose waiting started,
    and entries that left the list, in that month."""
    inflow = [0] * 13
    outflow = [0] * 13
    for fact in facts:
        if fact.waiting_since.year == year:
            inflow[fact.waiting_since.month] += 1
        if fact.outflow_date is not None and fact.outflow_date.year == year:
            outflow[fact.outflow_date.month] += 1
    return [(month, inflow[month], outflow[month]) for month in range(1, 13)]
