# SPDX-License-Identifier: EUPL-1.2
"""The extension rule of the perceel-2 working method (perceel2.md §3), without writes.

``extension_decision`` is pure: the route of the n-th extension under a working method, for a
product on mandate or not; ``trajectory_extension_decision`` gives it the method in force and
the product rule of a trajectory.
``extension_decision_for_change`` reads the trajectory of an allocation and says what the
method decides on a later end date (refused with a Dutch reason, granted, or pending).
Both are public through ``trajectories.services``.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.models import Provider
from jeugdregie.core.calendar_months import add_months
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionStatus
from jeugdregie.trajectories.models import Trajectory


def day_label(value: dt.date) -> str:
    """A date as the working method's letters write it (6-12-2026)."""
    return date_format(value, "j-n-Y")


@dataclass(frozen=True)
class ExtensionDecision:
    """What the working method decides on an extension request, before anything is written.

    ``status`` is granted (move the end now), pending (``route`` says on whom it waits:
    a self-assessment, the CJG review or the referrer) or refused (``reason`` says why).
    """

    number: int
    route: str
    status: str
    reason: str
    policy_version: str

    @property
    def granted(self) -> bool:
        return self.status == ExtensionStatus.GRANTED


def extension_decision(
    *,
    method: policy.MethodVersion | None,
    mandate: bool,
    number: int,
    has_self_assessment: bool,
) -> ExtensionDecision:
    """The route of the ``number``-th extension under ``method`` (None: no method in force)
    of a product that the method extends on mandate (``mandate``) or not.

    Pure: the same arguments give the same decision; nothing is read or written.
    """
    if method is None:
        return ExtensionDecision(
            number=number,
            route=ExtensionRoute.STANDARD_REFERRER,
            status=ExtensionStatus.PENDING,
            reason=_("approval of the referrer required (no working method in force)"),
            policy_version="",
        )
    if not mandate:  # corrected December 2026 (seeds/004): only basis and specialistic GGZ
        return ExtensionDecision(
            number=number,
            route=ExtensionRoute.STANDARD_REFERRER,
            status=ExtensionStatus.PENDING,
            reason=_("approval of the referrer required (this product is not extended on mandate)"),
            policy_version=method.code,
        )
    if number > method.mandate_extensions:
        return ExtensionDecision(
            number=number,
            route=ExtensionRoute.CJG_REVIEW,
            status=ExtensionStatus.PENDING,
            reason=_("intensive review by the CJG required from extension %(number)s")
            % {"number": method.mandate_extensions + 1},
            policy_version=method.code,
        )
    if number >= method.self_assessment_from:
        if not has_self_assessment:
            return ExtensionDecision(
                number=number,
                route=ExtensionRoute.SELF_ASSESSMENT,
                status=ExtensionStatus.PENDING,
                reason=_("self-assessment required for the second extension")
                if number == 2
                else _("self-assessment required for this extension"),
                policy_version=method.code,
            )
        return ExtensionDecision(
            number=number,
            route=ExtensionRoute.SELF_ASSESSMENT,
            status=ExtensionStatus.GRANTED,
            reason="",
            policy_version=method.code,
        )
    return ExtensionDecision(
        number=number,
        route=ExtensionRoute.MANDATE,
        status=ExtensionStatus.GRANTED,
        reason="",
        policy_version=method.code,
    )


def _refusal(number: int, message: str) -> ExtensionDecision:
    return ExtensionDecision(
        number=number,
        route="",
        status=ExtensionStatus.REFUSED,
        reason=message,
        policy_version="",
    )


def _next_number(trajectory: Trajectory) -> int:
    return trajectory.extensions.exclude(status=ExtensionStatus.REFUSED).count() + 1


def _request_refusal(
    *, trajectory: Trajectory, provider: Provider | None, requested_end: dt.date
) -> str:
    """Why this request cannot be taken in at all; empty when it can."""
    allocation = trajectory.allocation
    if provider is not None and allocation.provider_id != provider.pk:
        return _(
            "Only the coordinating practitioner (%(provider)s) can request an extension of "
            "this trajectory."
        ) % {"provider": allocation.provider.name}
    if allocation.status in (AllocationStatus.ENDED, AllocationStatus.WITHDRAWN):
        return _("Allocation %(number)s has ended; an ended trajectory cannot be extended.") % {
            "number": allocation.number
        }
    current = trajectory.current_end
    if requested_end <= current:
        return _(
            "The requested end %(requested)s does not lie after the current end %(current)s."
        ) % {"requested": day_label(requested_end), "current": day_label(current)}
    longest = add_months(current, trajectory.max_extension_months)
    if requested_end > longest:
        return _(
            "One extension is at most %(months)s months: the requested end may be %(latest)s "
            "at the latest."
        ) % {"months": trajectory.max_extension_months, "latest": day_label(longest)}
    if trajectory.extensions.filter(status=ExtensionStatus.PENDING).exists():
        return _("An extension request of this trajectory is still pending.")
    return ""


def extension_decision_for_change(
    *,
    allocation: Allocation,
    requested_end: dt.date,
    request_date: dt.date,
    provider: Provider | None = None,
    has_self_assessment: bool = False,
) -> ExtensionDecision | None:
    """The decision on a later end date asked for ``allocation`` (e.g. in a JW317).

    Reads only, writes nothing. None when the allocation is not the coordinating allocation
    of a trajectory (the change is not a perceel-2 extension: handle it as before).
    Otherwise the decision: refused with a Dutch reason (bad request), granted, or pending
    on a self-assessment, the CJG review or the referrer.
    """
    trajectory = Trajectory.objects.filter(allocation_id=allocation.pk).first()
    if trajectory is None:
        return None
    number = _next_number(trajectory)
    refusal = _request_refusal(
        trajectory=trajectory, provider=provider, requested_end=requested_end
    )
    if refusal:
        return _refusal(number, refusal)
    return trajectory_extension_decision(
        trajectory=trajectory,
        number=number,
        request_date=request_date,
        has_self_assessment=has_self_assessment,
    )


def product_on_mandate(*, trajectory: Trajectory, on: dt.date) -> bool:
    """Whether the trajectory's product is extended on mandate: the product rule in force on
    ``on``, else the one the trajectory started under (perceel2.md §2a, corrected December
    2026: only basis and specialistic jeugd-GGZ, as data in the perceel-2 file)."""
    allocation = trajectory.allocation
    region, code = allocation.municipality.region, allocation.product.code
    rule = policy.product_rule(region=region, product_code=code, on=on) or policy.product_rule(
        region=region, product_code=code, on=trajectory.start
    )
    return rule is not None and rule.mandate


def trajectory_extension_decision(
    *, trajectory: Trajectory, number: int, request_date: dt.date, has_self_assessment: bool
) -> ExtensionDecision:
    """The working method's decision on the ``number``-th extension of ``trajectory`` asked
    on ``request_date``: the method in force that day and whether the product is on mandate."""
    return extension_decision(
        method=policy.method_in_force(
            region=trajectory.allocation.municipality.region, on=request_date
        ),
        mandate=product_on_mandate(trajectory=trajectory, on=request_date),
        number=number,
        has_self_assessment=has_self_assessment,
    )
