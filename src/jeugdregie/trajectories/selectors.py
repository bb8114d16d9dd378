# SPDX-License-Identifier: EUPL-1.2
"""Reads of trajectories and the extension worklists, filtered by who is asking."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import ngettext

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import (
    ScopePaths,
    organisation_scope,
    own_provider_id,
    region_id_of,
    user_can,
)
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.selectors import allocations_visible_to
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import providers_contracted
from jeugdregie.core.worklists import WorkItem
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionStatus
from jeugdregie.trajectories.models import Extension, PolicyVersionEnd, Trajectory

__all__ = [
    "EXPORT_LIMIT",
    "EXTENSION_SCOPE",
    "TRAJECTORY_SCOPE",
    "TRAJECTORY_SORTS",
    "ExportRow",
    "TrajectoryFilters",
    "additional_providers_for",
    "allocations_eligible_for_trajectory",
    "extension_worklist",
    "extensions_page_logged",
    "extensions_visible_to",
    "extensions_worklist",
    "policy_version_ends",
    "provider_works_on",
    "trajectories_export_logged",
    "trajectories_page_logged",
    "trajectories_visible_to",
    "trajectory_detail_logged",
    "trajectory_list",
]

TRAJECTORY_SCOPE = ScopePaths(
    region="allocation__municipality__region_id",
    municipality="allocation__municipality_id",
    referring_organisation="allocation__referral__referrer_organisation_id",
    provider="allocation__provider_id",
)
EXTENSION_SCOPE = ScopePaths(
    region="trajectory__allocation__municipality__region_id",
    municipality="trajectory__allocation__municipality_id",
    referring_organisation="trajectory__allocation__referral__referrer_organisation_id",
    provider="trajectory__allocation__provider_id",
)

TRAJECTORY_SORTS = {
    "start": "start",
    "-start": "-start",
    "end": "allocation__end",
    "-end": "-allocation__end",
    "provider": "allocation__provider__name",
    "-provider": "-allocation__provider__name",
    "product": "allocation__product__code",
    "-product": "-allocation__product__code",
    "extensions": "granted_extensions",
    "-extensions": "-granted_extensions",
}

_RELATED = (
    "allocation__municipality__region",
    "allocation__provider",
    "allocation__product",
    "allocation__youth",
)


def trajectories_visible_to(*, user: User) -> QuerySet[Trajectory]:
    """The region's, the municipality's, the GI's own, or a provider's trajectories (as
    coordinating practitioner or as additional practitioner)."""
    scope = organisation_scope(
        user, capability=Capability.VIEW_TRAJECTORIES, paths=TRAJECTORY_SCOPE
    )
    if scope is None:
        return Trajectory.objects.none()
    if user.role == Role.PROVIDER:
        scope |= Q(
            pk__in=Trajectory.objects.filter(
                additional_practitioners__allocation__provider_id=own_provider_id(user)
            ).values("pk")
        )
    return Trajectory.objects.filter(scope).select_related(*_RELATED)


@dataclass(frozen=True)
class TrajectoryFilters:
    complexity: str = ""
    pending: bool = False
    sort: str = "-start"


def trajectory_list(*, user: User, filters: TrajectoryFilters) -> QuerySet[Trajectory]:
    trajectories = trajectories_visible_to(user=user).annotate(
        granted_extensions=Count(
            "extensions", filter=Q(extensions__status=ExtensionStatus.GRANTED)
        ),
        pending_extensions=Count(
            "extensions", filter=Q(extensions__status=ExtensionStatus.PENDING)
        ),
    )
    if filters.complexity:
        trajectories = trajectories.filter(complexity=filters.complexity)
    if filters.pending:
        trajectories = trajectories.filter(pending_extensions__gt=0)
    return trajectories.order_by(TRAJECTORY_SORTS.get(filters.sort, "-start"), "-pk")


def trajectories_page_logged(
    *, user: User, trajectories: Iterable[Trajectory], route: str
) -> list[Trajectory]:
    rows = list(trajectories)
    access_record_create(
        user=user,
        youth_ids=[t.allocation.youth_id for t in rows],
        purpose=AccessPurpose.LIST,
        route=route,
    )
    return rows


EXPORT_LIMIT = 100_000


@dataclass(frozen=True)
class ExportRow:
    trajectory: Trajectory
    granted: int
    pending: int
    additional: int


def trajectories_export_logged(
    *, user: User, filters: TrajectoryFilters, route: str
) -> list[ExportRow]:
    """The filtered trajectories for the CSV export (no names: they stay encrypted)."""
    found = (
        trajectories_visible_to(user=user)
        .annotate(
            granted_extensions=Count(
                "extensions",
                filter=Q(extensions__status=ExtensionStatus.GRANTED),
                distinct=True,
            ),
            pending_extensions=Count(
                "extensions",
                filter=Q(extensions__status=ExtensionStatus.PENDING),
                distinct=True,
            ),
            additional_count=Count("additional_practitioners", distinct=True),
        )
        .filter(
            Q(complexity=filters.complexity) if filters.complexity else Q(),
            Q(pending_extensions__gt=0) if filters.pending else Q(),
        )
        .order_by(TRAJECTORY_SORTS.get(filters.sort, "-start"), "-pk")
        .defer(
            "allocation__youth__bsn",
            "allocation__youth__given_name",
            "allocation__youth__family_name",
            "complexity_motivation",
        )[:EXPORT_LIMIT]
    )
    rows = [
        ExportRow(t, t.granted_extensions, t.pending_extensions, t.additional_count) for t in found
    ]
    access_record_create(
        user=user,
        youth_ids=[row.trajectory.allocation.youth_id for row in rows],
        purpose=AccessPurpose.EXPORT,
        route=route,
    )
    return rows


def trajectory_detail_logged(*, user: User, pk: int, route: str) -> Trajectory | None:
    trajectory = (
        trajectories_visible_to(user=user)
        .prefetch_related("extensions", "additional_practitioners__allocation__provider")
        .filter(pk=pk)
        .first()
    )
    if trajectory is not None:
        access_record_create(
            user=user,
            youth_ids=[trajectory.allocation.youth_id],
            purpose=AccessPurpose.DETAIL,
            route=route,
        )
    return trajectory


def extensions_visible_to(*, user: User, capability: str) -> QuerySet[Extension]:
    scope = organisation_scope(user, capability=capability, paths=EXTENSION_SCOPE)
    if scope is None:
        return Extension.objects.none()
    return Extension.objects.filter(scope).select_related(
        *(f"trajectory__{path}" for path in _RELATED)
    )


def extension_worklist(*, user: User, route: str) -> QuerySet[Extension]:
    """Pending extensions waiting for the CJG review or for the referrer, oldest first."""
    capability = (
        Capability.REVIEW_EXTENSIONS
        if route == ExtensionRoute.CJG_REVIEW
        else Capability.APPROVE_EXTENSIONS
    )
    return (
        extensions_visible_to(user=user, capability=capability)
        .filter(status=ExtensionStatus.PENDING, route=route)
        .order_by("requested_on", "pk")
    )


def extensions_page_logged(
    *, user: User, extensions: Iterable[Extension], route: str
) -> list[Extension]:
    rows = list(extensions)
    access_record_create(
        user=user,
        youth_ids=[e.trajectory.allocation.youth_id for e in rows],
        purpose=AccessPurpose.LIST,
        route=route,
    )
    return rows


def allocations_eligible_for_trajectory(*, user: User) -> QuerySet[Allocation]:
    """A provider's running allocations with an end, of a product that has a basic treatment
    duration in its region's policy, not yet a trajectory or an additional practitioner's."""
    if user.role != Role.PROVIDER:
        return Allocation.objects.none()
    rows = (
        allocations_visible_to(user=user)
        .filter(
            end__isnull=False,
            trajectory__isnull=True,
            additional_practitioner__isnull=True,
            status__in=[AllocationStatus.ALLOCATED, AllocationStatus.IN_CARE],
        )
        .select_related("municipality__region", "product")
    )
    codes = {
        rule.product_code
        for code in policy.regions_with_policy()
        for rule in policy.region_policy(code).products
    }
    eligible = [
        a.pk
        for a in rows.filter(product__code__in=codes)
        if policy.product_rule(
            region=a.municipality.region, product_code=a.product.code, on=a.start
        )
    ]
    return (
        Allocation.objects.filter(pk__in=eligible)
        .select_related("municipality", "product")
        .order_by("-start", "number")
    )


def additional_providers_for(*, trajectory: Trajectory) -> QuerySet[Provider]:
    """Providers contracted for the trajectory's lot in its region today, other than its own."""
    allocation = trajectory.allocation
    return (
        providers_contracted(
            region=allocation.municipality.region,
            product=allocation.product,
            on=timezone.localdate(),
        )
        .exclude(pk=allocation.provider_id)
        .order_by("name")
    )


def policy_version_ends(*, user: User) -> QuerySet[PolicyVersionEnd]:
    return (
        PolicyVersionEnd.objects.filter(region_id=region_id_of(user))
        .select_related("decided_by")
        .order_by("-id")
    )


def provider_works_on(provider: Provider, allocation: Allocation) -> bool:
    """Whether ``provider`` has a relation with ``allocation``: its own, or an allocation of a
    trajectory it works in as coordinating or additional practitioner (the trajectories it
    sees, ``selectors.trajectories_visible_to``)."""
    if allocation.provider_id == provider.pk:
        return True
    return Trajectory.objects.filter(
        Q(allocation=allocation, additional_practitioners__allocation__provider=provider)
        | Q(allocation__provider=provider, additional_practitioners__allocation=allocation)
    ).exists()


def extensions_worklist(*, user: User) -> list[WorkItem]:
    """Extension requests waiting for this user: the CJG's intensive review, the referrer's
    decision, or the coordinating practitioner's self-assessment."""
    items = []
    if user_can(user, Capability.REVIEW_EXTENSIONS):
        count = extension_worklist(user=user, route=ExtensionRoute.CJG_REVIEW).count()
        if count:
            text = ngettext(
                "%(count)s extension waits for the intensive review by the CJG",
                "%(count)s extensions wait for the intensive review by the CJG",
                count,
            ) % {"count": count}
            items.append(WorkItem("trajectories.review", text, count, "trajectories:review-list"))
    if user_can(user, Capability.APPROVE_EXTENSIONS):
        count = extension_worklist(user=user, route=ExtensionRoute.STANDARD_REFERRER).count()
        if count:
            text = ngettext(
                "%(count)s extension waits for the referrer's decision",
                "%(count)s extensions wait for the referrer's decision",
                count,
            ) % {"count": count}
            items.append(
                WorkItem("trajectories.referrer", text, count, "trajectories:referrer-list")
            )
    if user_can(user, Capability.REQUEST_EXTENSIONS) and user.role == Role.PROVIDER:
        count = (
            extensions_visible_to(user=user, capability=Capability.REQUEST_EXTENSIONS)
            .filter(
                status=ExtensionStatus.PENDING,
                route=ExtensionRoute.SELF_ASSESSMENT,
                trajectory__allocation__provider_id=own_provider_id(user),
            )
            .count()
        )
        if count:
            text = ngettext(
                "%(count)s extension waits for your self-assessment",
                "%(count)s extensions wait for your self-assessment",
                count,
            ) % {"count": count}
            items.append(
                WorkItem(
                    "trajectories.self_assessment", text, count, "trajectories:trajectory-list"
                )
            )
    return items
