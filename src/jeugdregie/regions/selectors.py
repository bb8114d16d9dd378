# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.db.models import QuerySet

from jeugdregie.accounts.constants import OrganisationKind, Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.selectors import region_id_of
from jeugdregie.core.policy import STATUS_THRESHOLDS, PolicyError, PolicyFile, policy_in_force
from jeugdregie.regions.models import Municipality, Region

__all__ = [
    "StatusThresholds",
    "municipalities_of_region",
    "municipalities_worked_for",
    "organisations_of_region",
    "region_by_code",
    "region_of",
    "status_thresholds",
]


def region_by_code(code: str) -> Region | None:
    return Region.objects.filter(code=code.strip().lower()).first()


def organisations_of_region(region: Region) -> list[Organisation]:
    """The region's organisations, the service organisation first, then by kind and name."""
    return sorted(
        Organisation.objects.filter(region=region),
        key=lambda o: (o.kind != OrganisationKind.REGION_OFFICE, o.kind, o.name),
    )


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


# --- the budget status thresholds ---------------------------------------------------------
#
# The one owner of "which thresholds hold for a region on a day" (budgets.md §3). The dated
# policy (kind ``status_thresholds`` in the policy tree; the product's defaults are in
# ``policy/default/status_thresholds/``) holds unless the region's functional administrator
# set a threshold on the region: each threshold set there holds instead, on every day, and an
# empty one follows the policy. Regions that existed before the policy files keep the values
# they had as their own (migration 0004), so nothing changed for them.

THRESHOLDS = ("warning_pct", "critical_pct", "exhausted_pct")


@dataclass(frozen=True)
class StatusThresholds:
    """Percentages of the ceiling: ok < warning <= waarschuwing < critical <= kritiek <
    exhausted <= bereikt."""

    warning_pct: Decimal
    critical_pct: Decimal
    exhausted_pct: Decimal


@lru_cache(maxsize=32)
def _policy_thresholds(file: PolicyFile) -> StatusThresholds:
    try:
        return StatusThresholds(*(Decimal(str(file.content[key])) for key in THRESHOLDS))
    except (KeyError, InvalidOperation) as error:
        raise PolicyError(
            [f"{file.path}: needs {', '.join(THRESHOLDS)} as percentages ({error!r})"]
        ) from error


def status_thresholds(*, region: Region, on: dt.date) -> StatusThresholds:
    """The thresholds that hold for ``region`` on ``on`` (see above)."""
    own = {key: getattr(region, f"status_{key}") for key in THRESHOLDS}
    if all(value is not None for value in own.values()):
        return StatusThresholds(**own)
    file = policy_in_force(region=region.code, kind=STATUS_THRESHOLDS, on=on)
    if file is None:
        raise PolicyError(
            [
                f"{region.code}/{STATUS_THRESHOLDS}: no version in force on {on} and the "
                "region sets no thresholds of its own"
            ]
        )
    policy = _policy_thresholds(file)
    return StatusThresholds(
        **{key: getattr(policy, key) if own[key] is None else own[key] for key in THRESHOLDS}
    )
