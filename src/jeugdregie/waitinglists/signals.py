# SPDX-License-Identifier: EUPL-1.2
"""Priority signals of a waiting youth, computed on the day of viewing (pure functions; the
boundaries are the region's dated policy of that day, ``waitinglists.policy``)."""

from datetime import date

from jeugdregie.clients.constants import ReferrerType
from jeugdregie.core.calendar_months import add_months, full_months_passed
from jeugdregie.waitinglists.constants import PrioritySignal
from jeugdregie.waitinglists.policy import WaitingListBoundaries

GI_REFERRERS = frozenset({ReferrerType.CERTIFIED_INSTITUTION, ReferrerType.COURT})
"""COD327 referrer types that make a case a GI case (child protection measure)."""


def is_young_child(*, birth_date: date, today: date, boundaries: WaitingListBoundaries) -> bool:
    """Younger than ``young_child_age`` (8) years today: that birthday (29 February: 28
    February) is after today."""
    return add_months(birth_date, 12 * boundaries.young_child_age) > today


def is_gi_case(*, referrer_type: str | None, referred_by_institution: bool) -> bool:
    return referred_by_institution or referrer_type in GI_REFERRERS


def is_gi_ruling_overdue(
    *,
    gi_case: bool,
    court_ruling_date: date | None,
    today: date,
    boundaries: WaitingListBoundaries,
) -> bool:
    """A GI case for which ``gi_ruling_months`` (3) full calendar months have passed since
    the ruling: priority from that day on, the day itself included (issue 17, corrected
    December 2026: the waiting list and the afwegingskader's U02 count with the same
    ``core.calendar_months``).

    Ruling 15 January: the signal shows from 15 April. Ruling 31 January: April has no 31st,
    so the third month completes on 1 May.
    """
    if not gi_case or court_ruling_date is None:
        return False
    return full_months_passed(since=court_ruling_date, on=today, months=boundaries.gi_ruling_months)


def priority_signals(
    *,
    birth_date: date | None,
    referrer_type: str | None,
    referred_by_institution: bool,
    court_ruling_date: date | None,
    today: date,
    boundaries: WaitingListBoundaries,
) -> list[PrioritySignal]:
    signals = []
    if birth_date is not None and is_young_child(
        birth_date=birth_date, today=today, boundaries=boundaries
    ):
        signals.append(PrioritySignal.YOUNG_CHILD)
    gi_case = is_gi_case(
        referrer_type=referrer_type, referred_by_institution=referred_by_institution
    )
    if is_gi_ruling_overdue(
        gi_case=gi_case, court_ruling_date=court_ruling_date, today=today, boundaries=boundaries
    ):
        signals.append(PrioritySignal.GI_RULING)
    return signals
