# SPDX-License-Identifier: EUPL-1.2
"""Reads of allocations, and the cost arithmetic the screens and statistics share."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import ScopePaths, organisation_scope
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.constants import Frequency

__all__ = [
    "ALLOCATION_SCOPE",
    "ALLOCATION_SORTS",
    "CENT",
    "DAYS_PER_MONTH",
    "DAYS_PER_WEEK",
    "allocation_cost_in_year",
    "allocation_units",
    "allocations_of_youth",
    "allocations_page_logged",
    "allocations_sorted",
    "allocations_visible_to",
]

DAYS_PER_WEEK = Decimal(7)
DAYS_PER_MONTH = Decimal("30.4375")
CENT = Decimal("0.01")

ALLOCATION_SORTS = {
    "start": "start",
    "-start": "-start",
    "end": "end",
    "-end": "-end",
    "number": "number",
    "-number": "-number",
    "provider": "provider__name",
    "-provider": "-provider__name",
    "product": "product__code",
    "-product": "-product__code",
}


ALLOCATION_SCOPE = ScopePaths(
    region="municipality__region_id",
    municipality="municipality_id",
    referring_organisation="referral__referrer_organisation_id",
    provider="provider_id",
)


def allocations_visible_to(*, user: User) -> QuerySet[Allocation]:
    scope = organisation_scope(user, capability=Capability.VIEW_ALLOCATIONS, paths=ALLOCATION_SCOPE)
    if scope is None:
        return Allocation.objects.none()
    return Allocation.objects.filter(scope).select_related(
        "municipality", "provider", "product", "youth", "referral"
    )


def allocations_sorted(allocations: QuerySet[Allocation], sort: str) -> QuerySet[Allocation]:
    """Order a list by one of ``ALLOCATION_SORTS`` (``-start`` for an unknown key)."""
    return allocations.order_by(ALLOCATION_SORTS.get(sort, "-start"), "-pk")


def allocations_page_logged(
    *,
    user: User,
    allocations: Iterable[Allocation],
    route: str,
    purpose: AccessPurpose = AccessPurpose.LIST,
) -> list[Allocation]:
    """Materialise a page of allocations that shows youth names, and record the access."""
    rows = list(allocations)
    access_record_create(
        user=user, youth_ids=[a.youth_id for a in rows], purpose=purpose, route=route
    )
    return rows


def allocations_of_youth(*, user: User, youth_id: int) -> QuerySet[Allocation]:
    return (
        allocations_visible_to(user=user)
        .filter(youth_id=youth_id)
        .prefetch_related("delivery_periods")
    )


# --- cost arithmetic -----------------------------------------------------------------


def _days(start: date, end: date) -> int:
    return (end - start).days + 1


def allocation_units(*, volume: int | None, frequency: str, start: date, end: date) -> Decimal:
    """Units allocated between start and end (inclusive) for a volume and a frequency."""
    if volume is None:
        return Decimal(0)
    days = Decimal(_days(start, end))
    match frequency:
        case Frequency.PER_DAY:
            return volume * days
        case Frequency.PER_WEEK:
            return volume * days / DAYS_PER_WEEK
        case Frequency.PER_MONTH:
            return volume * days / DAYS_PER_MONTH
        case _:
            return Decimal(volume)


def allocation_cost_in_year(
    *,
    year: int,
    start: date,
    end: date | None,
    volume: int | None,
    frequency: str,
    budget: Decimal | None,
    unit_price: Decimal | None,
) -> Decimal:
    """The part of an allocation's planned cost that falls in ``year``.

    An allocation without an end date runs until the end of the year. A budget or a total
    volume is spread evenly over the allocation's days; a volume per day/week/month counts
    the days in the year.
    """
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    last = end or year_end
    first_in_year, last_in_year = max(start, year_start), min(last, year_end)
    if first_in_year > last_in_year:
        return Decimal(0)
    share = Decimal(_days(first_in_year, last_in_year)) / Decimal(_days(start, last))
    if budget is not None:
        return (budget * share).quantize(CENT)
    if unit_price is None:
        return Decimal(0)
    if frequency in ("", Frequency.TOTAL):
        units = allocation_units(volume=volume, frequency=Frequency.TOTAL, start=start, end=last)
        return (units * unit_price * share).quantize(CENT)
    units = allocation_units(
        volume=volume, frequency=frequency, start=first_in_year, end=last_in_year
    )
    return (units * unit_price).quantize(CENT)
