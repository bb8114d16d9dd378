# SPDX-License-Identifier: EUPL-1.2
"""Writes of perceel-2 trajectories (perceel2.md §2–§3).

Extensions follow the working method in force on the request date: the first extensions on
the coordinating practitioner's mandate (the last of them only with a self-assessment), later
ones after an intensive review by the CJG; without a method in force every extension needs
the referrer's approval (the standard route). A granted extension moves the coordinating
allocation's end; requesting and deciding extensions and adding practitioners are workflows
(``jeugdregie.workflows.extensions``: they change allocations and answer JW317s). Every
refusal is a ValidationError with a Dutch message and changes nothing.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.models import Youth
from jeugdregie.core.calendar_months import add_months
from jeugdregie.regions.models import Region
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import (
    Complexity,
    PolicyEndKind,
)
from jeugdregie.trajectories.extension_rules import (
    ExtensionDecision,
    day_label,
    extension_decision,
    extension_decision_for_change,
    trajectory_extension_decision,
)
from jeugdregie.trajectories.models import (
    AdditionalPractitioner,
    PolicyVersionEnd,
    Trajectory,
)

__all__ = [
    "REDACTED_FIELDS",
    "ExtensionDecision",
    "complexity_judge",
    "day_label",
    "extension_decision",
    "extension_decision_for_change",
    "may_judge_complexity",
    "perceel1_waiting_entry",
    "policy_version_end_set",
    "trajectory_create",
    "trajectory_extension_decision",
]

REDACTED_FIELDS = ("self_assessment", "decision_motivation", "complexity_motivation")


# --- creating a trajectory ---------------------------------------------------------------


@transaction.atomic
def trajectory_create(
    *, actor: User | None, allocation: Allocation, practitioner_name: str
) -> Trajectory:
    """A trajectory on the coordinating practitioner's allocation, with the product rule of
    the region's policy valid on the allocation's start."""
    region = allocation.municipality.region
    rule = policy.product_rule(
        region=region, product_code=allocation.product.code, on=allocation.start
    )
    if rule is None:
        raise ValidationError(
            _("Product %(code)s has no basic treatment duration in the policy of %(region)s.")
            % {"code": allocation.product.code, "region": region.name}
        )
    if allocation.end is None:
        raise ValidationError(
            {"allocation": _("A trajectory needs an allocation with an end date.")}
        )
    if Trajectory.objects.filter(allocation=allocation).exists():
        raise ValidationError({"allocation": _("This allocation already has a trajectory.")})
    if AdditionalPractitioner.objects.filter(allocation=allocation).exists():
        raise ValidationError(
            {"allocation": _("This allocation belongs to an additional practitioner.")}
        )
    if not practitioner_name.strip():
        raise ValidationError({"practitioner_name": _("Give the coordinating practitioner.")})
    trajectory = Trajectory(
        allocation=allocation,
        practitioner_name=practitioner_name.strip(),
        basic_duration_months=rule.basic_months,
        max_extension_months=rule.max_extension_months,
        maximum_end=add_months(allocation.start, rule.max_treatment_months) - dt.timedelta(days=1),
        start=allocation.start,
        original_end=allocation.end,
    )
    trajectory.full_clean()
    trajectory.save()
    change_record_create(
        user=actor, instance=trajectory, action=ChangeAction.CREATE, redact=REDACTED_FIELDS
    )
    return trajectory


# --- single- to multi-disciplinary ---------------------------------------------------------


def perceel1_waiting_entry(
    *, actor: User | None, youth: Youth, since: dt.date, trajectory: Trajectory
) -> object:
    """Put the youth on the perceel-1 waiting list (the waitinglists app implements it).

    Returns the entry, or None when ``waitinglists.services.waiting_entry_for_perceel1``
    is not installed (the trajectories app works without the waiting lists).
    """
    try:
        from jeugdregie.waitinglists import services as waitinglists
    except ImportError:
        return None
    hook = getattr(waitinglists, "waiting_entry_for_perceel1", None)
    if hook is None:
        return None
    return hook(youth=youth, since=since, trajectory=trajectory, actor=actor)


def may_judge_complexity(*, user: User, trajectory: Trajectory) -> bool:
    """Only the coordinating practitioner (a user of the provider of the trajectory's own
    allocation) and the CJG (the access team of the trajectory's municipality) judge the
    complexity; an additional practitioner does not."""
    organisation = user.organisation
    if organisation is None:
        return False
    allocation = trajectory.allocation
    if user.role == Role.PROVIDER:
        return organisation.provider_id == allocation.provider_id
    if user.role == Role.ACCESS_STAFF:
        return organisation.municipality_id == allocation.municipality_id
    return False


@transaction.atomic
def complexity_judge(
    *,
    actor: User | None,
    trajectory: Trajectory,
    responsible: bool,
    motivation: str,
    cjg_worker_name: str = "",
    cjg_worker_contact: str = "",
    on: dt.date | None = None,
) -> Trajectory:
    """Record the judgement on care that became multi-disciplinary: responsible to continue
    in perceel 2, or a temporary continuation with a linked CJG worker while the youth
    waits for perceel 1 (the waiting-list entry is made through the hook).

    Refused (``PermissionDenied``, nothing changes) for anyone but the coordinating
    practitioner and the CJG; ``actor`` None is the system."""
    if actor is not None and not may_judge_complexity(user=actor, trajectory=trajectory):
        raise PermissionDenied(
            _("Only the coordinating practitioner or the CJG judges the complexity.")
        )
    on = on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not motivation.strip():
        errors["motivation"] = [_("Give the motivation of the judgement.")]
    if not responsible and not cjg_worker_name.strip():
        errors["cjg_worker_name"] = [
            _("Link a CJG worker: the family needs a fixed contact while waiting for perceel 1.")
        ]
    if errors:
        raise ValidationError(errors)
    trajectory = Trajectory.objects.select_for_update(of=("self",)).get(pk=trajectory.pk)
    was_waiting = trajectory.complexity == Complexity.AWAITING_PERCEEL_1
    before = snapshot(trajectory, redact=REDACTED_FIELDS)
    trajectory.complexity = (
        Complexity.MULTI_RESPONSIBLE if responsible else Complexity.AWAITING_PERCEEL_1
    )
    trajectory.complexity_motivation = motivation.strip()
    trajectory.complexity_judged_by, trajectory.complexity_judged_at = actor, timezone.now()
    if cjg_worker_name.strip():
        trajectory.cjg_worker_name = cjg_worker_name.strip()
        trajectory.cjg_worker_contact = cjg_worker_contact.strip()
    trajectory.full_clean()
    trajectory.save()
    change_record_create(
        user=actor,
        instance=trajectory,
        action=ChangeAction.UPDATE,
        before=before,
        redact=REDACTED_FIELDS,
    )
    if not responsible and not was_waiting:
        perceel1_waiting_entry(
            actor=actor, youth=trajectory.allocation.youth, since=on, trajectory=trajectory
        )
    return trajectory


# --- the working method's dated end ----------------------------------------------------------


@transaction.atomic
def policy_version_end_set(
    *,
    actor: User | None,
    region: Region,
    version_code: str,
    end: dt.date,
    kind: str,
    decision_reference: str,
    reason: str,
) -> PolicyVersionEnd:
    """Move the end of a version of the working method (continuation) or end it early."""
    versions = {v.code: v for v in policy.method_versions(region=region)}
    version = versions.get(version_code)
    errors: dict[str, list[str]] = {}
    if version is None:
        raise ValidationError(
            {
                "version_code": _("%(code)s is not a working method of this region.")
                % {"code": version_code}
            }
        )
    if end < version.valid_from:
        errors["end"] = [
            _("The end cannot lie before the start of the version (%(start)s).")
            % {"start": day_label(version.valid_from)}
        ]
    if kind not in PolicyEndKind.values:
        errors["kind"] = [_("Choose whether the end is moved or the version terminated.")]
    if not decision_reference.strip():
        errors["decision_reference"] = [_("Give the reference of the decision.")]
    if not reason.strip():
        errors["reason"] = [_("Give the reason.")]
    if errors:
        raise ValidationError(errors)
    record = PolicyVersionEnd(
        region=region,
        version_code=version_code,
        end=end,
        kind=kind,
        decision_reference=decision_reference.strip(),
        reason=reason.strip(),
        decided_by=actor,
    )
    record.full_clean()
    record.save()
    change_record_create(user=actor, instance=record, action=ChangeAction.CREATE)
    return record
