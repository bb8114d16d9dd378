# SPDX-License-Identifier: EUPL-1.2
"""Calendar months: the one owner of "have N full months passed?" and of "the same day N months
later".

Pure (no Django): the rule engine's ``months_between`` and the waiting list's GI signal both
count with it, so the afwegingskader (U02) and the waiting list agree on the day a GI case
gets priority (issue 17, corrected December 2026: "from the day 3 full months after the
ruling have passed", seeds/000).

A month is complete on the same day-of-month in a later month. When that later month has no
such day (31 January, 30 November), the month completes on the first day of the month after
it: ruling 31 January 2025 -> 3 full months from 1 May 2025; ruling 30 November 2024 -> from
1 March 2025; ruling 15 January 2025 -> from 15 April 2025.
"""

import calendar
from datetime import date


def full_months_between(start: date, end: date) -> int:
    """The number of whole calendar months completed from ``start`` to ``end`` (negative when
    ``end`` is before ``start``)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def full_months_passed(*, since: date, on: date, months: int) -> bool:
    """Whether ``months`` whole calendar months have passed since ``since`` on the day ``on``
    (true from that day on, the day itself included)."""
    return full_months_between(since, on) >= months


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (or earlier), clamped to the month's end:
    31 May + 3 months is 31 August; 30 November + 3 months is 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
