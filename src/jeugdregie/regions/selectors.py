# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import region_id_of
from jeugdregie.regions.models import Municipality, Region

__all__ = [
    "municipalities_of_region",
    "municipalities_worked_for",
    "region_of",
]


def region_of(*, user: User) -> Region | None:
    return user.organisation.region if user.organisation else None


def municipalities_of_region(*, user: User) -> QuerySet[Municipality]:
    return Municipality.objects.filter(region_id=region_id_of(user)).order_by("name")


def municipalities_worked_for(*, user: User) -> QuerySet[Municipality]:
    """The municipalities a user acts for: access staff only their own, others the region's."""
    municipalities = municipalities_of_region(user=user)
    if user.role == Role.ACCESS_STAFF:
        assert user.organisation is not None
        return municipalities.filter(pk=user.organisation.municipality_id or 0)
    return municipalities
