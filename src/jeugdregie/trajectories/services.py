# SPDX-License-Identifier: EUPL-1.2
"""Writes of perceel-2 trajectories (perceel2.md §2–§3).

Extensions follow the working method in force on the request date: the first extensions on
the coordinating practitioner's mandate (the last of them only with a self-assessment), later
ones after an intensive review by the CJG; without a method in force every extension needs
the referrer's approval (the standard route). A granted extension moves the coordinating
allocation's end through ``allocations.services.allocation_update``, so the budget ledger and
the JW301 follow. Every refusal is a ValidationError with a Dutch message and changes nothing.
"""

import contextlib
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import AllocationStatus, ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import allocation_create, allocation_update
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import ChangeRequest
from jeugdregie.messaging.services import outgoing
from jeugdregie.messaging.services.requests import change_request_reject
from jeugdregie.regions.models import Region
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import (
    Complexity,
    ExtensionRoute,
    ExtensionSource,
    ExtensionStatus,
    PolicyEndKind,
)
from jeugdregie.trajectories.models import (
    AdditionalPractitioner,
    Extension,
    PolicyVersionEnd,
    Trajectory,
)

REDACTED_FIELDS = ("self_assessment", "decision_motivation", "complexity_motivation")


def _day(value: dt.date) -> str:
    return date_format(value, "j-n-Y")


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
        maximum_end=policy.add_months(allocation.start, rule.max_treatment_months)
        - dt.timedelta(days=1),
        start=allocation.start,
        original_end=allocation.end,
    )
    trajectory.full_clean()
    trajectory.save()
    change_record_create(
        user=actor, instance=trajectory, action=ChangeAction.CREATE, redact=REDACTED_FIELDS
    )
    return trajectory


# --- the decision rule (pure) --------------------------------------------------------------


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
    number: int,
    has_self_assessment: bool,
) -> ExtensionDecision:
    """The route of the ``number``-th extension under ``method`` (None: no method in force).

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
        ) % {"requested": _day(requested_end), "current": _day(current)}
    longest = policy.add_months(current, trajectory.max_extension_months)
    if requested_end > longest:
        return _(
            "One extension is at most %(months)s months: the requested end may be %(latest)s "
            "at the latest."
        ) % {"months": trajectory.max_extension_months, "latest": _day(longest)}
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
    method = policy.method_in_force(region=allocation.municipality.region, on=request_date)
    return extension_decision(method=method, number=number, has_self_assessment=has_self_assessment)


# --- extension requests and decisions ------------------------------------------------------


def _move_end(*, actor: User | None, extension: Extension) -> None:
    """Move the allocation's end (JW301 with every current allocation, OP087). An extension
    asked in a JW317 answers it: the JW301 carries the request's reference (IV093) and the
    request is approved."""
    allocation = extension.trajectory.allocation
    request = extension.change_request
    with contextlib.ExitStack() as stack:
        if request is not None:
            stack.enter_context(
                outgoing.batch(reference=request.reference, in_reply_to=request.inbox_message)
            )
        allocation_update(
            actor=actor,
            allocation=allocation,
            reason=ChangeReason.REASSESSMENT_EXTENSION,
            volume=allocation.volume,
            frequency=allocation.frequency,
            budget=allocation.budget,
            end=extension.requested_end,
            unit_price=allocation.unit_price,
        )
    if request is not None and request.status == RequestStatus.OPEN:
        request.status = RequestStatus.APPROVED
        request.decided_at, request.decided_by = timezone.now(), actor
        request.decision_note = _("Extension %(number)s granted (perceel-2 working method).") % {
            "number": extension.number
        }
        request.save()


def _refuse_change_request(extension: Extension, actor: User | None) -> None:
    """A refused extension asked in a JW317 is answered with a JW319 and the reason."""
    request = extension.change_request
    if request is not None and request.status == RequestStatus.OPEN:
        change_request_reject(
            actor=actor,
            request=request,
            reason=RejectionReason.CARE_CONTENT,
            note=extension.reason or extension.decision_motivation,
        )


def _save(extension: Extension, actor: User | None, before: dict[str, Any] | None) -> None:
    extension.full_clean()
    extension.save()
    change_record_create(
        user=actor,
        instance=extension,
        action=ChangeAction.CREATE if before is None else ChangeAction.UPDATE,
        before=before,
        redact=REDACTED_FIELDS,
    )


@transaction.atomic
def extension_request(
    *,
    actor: User | None,
    provider: Provider | None,
    allocation: Allocation,
    requested_end: dt.date,
    request_date: dt.date | None = None,
    self_assessment: str = "",
    source: str = ExtensionSource.SCREEN,
    change_request: ChangeRequest | None = None,
) -> Extension:
    """Record an extension request of the coordinating practitioner and decide it as far as
    the working method allows; a granted extension moves the allocation's end at once. When
    it was asked in a JW317 (``change_request``), the decision answers that request."""
    request_date = request_date or timezone.localdate()
    # Lock the trajectory: two requests at once must not both become "the second".
    trajectory = (
        Trajectory.objects.select_for_update()
        .select_related("allocation__provider", "allocation__municipality__region")
        .filter(allocation_id=allocation.pk)
        .first()
    )
    if trajectory is None:
        if AdditionalPractitioner.objects.filter(allocation_id=allocation.pk).exists():
            raise ValidationError(
                _(
                    "Allocation %(number)s belongs to an additional practitioner: only the "
                    "coordinating practitioner can request an extension."
                )
                % {"number": allocation.number}
            )
        raise ValidationError(
            _("Allocation %(number)s is not the allocation of a perceel-2 trajectory.")
            % {"number": allocation.number}
        )
    self_assessment = self_assessment.strip()
    decision = extension_decision_for_change(
        allocation=trajectory.allocation,
        requested_end=requested_end,
        request_date=request_date,
        provider=provider,
        has_self_assessment=bool(self_assessment),
    )
    assert decision is not None
    if decision.status == ExtensionStatus.REFUSED:
        raise ValidationError({"requested_end": decision.reason})
    extension = Extension(
        trajectory=trajectory,
        number=decision.number,
        requested_on=request_date,
        requested_by=actor,
        source=source,
        previous_end=trajectory.current_end,
        requested_end=requested_end,
        route=decision.route,
        policy_version=decision.policy_version,
        self_assessment=self_assessment,
        self_assessment_added_on=request_date if self_assessment else None,
        status=decision.status,
        reason=decision.reason,
        change_request=change_request,
    )
    if decision.granted:
        extension.decided_on = request_date
    _save(extension, actor, None)
    if decision.granted:
        _move_end(actor=actor, extension=extension)
    return extension


def _works_on(provider: Provider, allocation: Allocation) -> bool:
    """Whether ``provider`` has a relation with ``allocation``: its own, or an allocation of a
    trajectory it works in as coordinating or additional practitioner (the trajectories it
    sees, ``selectors.trajectories_visible_to``)."""
    if allocation.provider_id == provider.pk:
        return True
    return Trajectory.objects.filter(
        Q(allocation=allocation, additional_practitioners__allocation__provider=provider)
        | Q(allocation__provider=provider, additional_practitioners__allocation=allocation)
    ).exists()


def extension_request_by_number(
    *,
    actor: User | None,
    provider: Provider,
    municipality_code: str,
    allocation_number: str,
    requested_end: dt.date,
    request_date: dt.date | None = None,
    self_assessment: str = "",
    source: str = ExtensionSource.API,
) -> Extension:
    """``extension_request`` for an allocation named as in iJw: municipality and number.

    An allocation the provider has no relation with (``_works_on``) is answered exactly like
    a number that does not exist: the provider learns nothing about another provider's
    allocation, its trajectory or its youth (issue 11)."""
    allocation = (
        Allocation.objects.filter(
            municipality__cbs_code=municipality_code, number=allocation_number.strip()
        )
        .select_related("municipality__region", "provider")
        .first()
    )
    if allocation is None or not _works_on(provider, allocation):
        raise ValidationError(
            {
                "allocation_number": _(
                    "Allocation %(number)s of municipality %(municipality)s is unknown."
                )
                % {"number": allocation_number, "municipality": municipality_code}
            }
        )
    return extension_request(
        actor=actor,
        provider=provider,
        allocation=allocation,
        requested_end=requested_end,
        request_date=request_date,
        self_assessment=self_assessment,
        source=source,
    )


def _pending(extension: Extension, route: str) -> None:
    if extension.status != ExtensionStatus.PENDING:
        raise ValidationError(_("This extension request has already been decided."))
    if extension.route != route:
        raise ValidationError(_("This extension request does not wait for this step."))


@transaction.atomic
def extension_self_assessment_attach(
    *,
    actor: User | None,
    provider: Provider | None,
    extension: Extension,
    self_assessment: str,
    on: dt.date | None = None,
) -> Extension:
    """Attach the self-assessment to a pending extension; granted when the working method
    was (still) in force on the request date, else it moves to the standard route."""
    on = on or timezone.localdate()
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    trajectory = extension.trajectory
    if provider is not None and trajectory.allocation.provider_id != provider.pk:
        raise ValidationError(
            _("Only the coordinating practitioner (%(provider)s) can attach a self-assessment.")
            % {"provider": trajectory.allocation.provider.name}
        )
    _pending(extension, ExtensionRoute.SELF_ASSESSMENT)
    text = self_assessment.strip()
    if not text:
        raise ValidationError({"self_assessment": _("Explain why the extension is necessary.")})
    before = snapshot(extension, redact=REDACTED_FIELDS)
    extension.self_assessment, extension.self_assessment_added_on = text, on
    method = policy.method_in_force(
        region=trajectory.allocation.municipality.region, on=extension.requested_on
    )
    decision = extension_decision(method=method, number=extension.number, has_self_assessment=True)
    extension.route, extension.status, extension.reason = (
        decision.route,
        decision.status,
        decision.reason,
    )
    extension.policy_version = decision.policy_version
    if decision.granted:
        extension.decided_on, extension.decided_by = on, actor
    _save(extension, actor, before)
    if decision.granted:
        _move_end(actor=actor, extension=extension)
    return extension


def _decide(
    *,
    actor: User | None,
    extension: Extension,
    grant: bool,
    motivation: str,
    on: dt.date,
    answers: dict[str, str] | None = None,
) -> Extension:
    if not motivation.strip():
        raise ValidationError({"motivation": _("Give the motivation of the decision.")})
    before = snapshot(extension, redact=REDACTED_FIELDS)
    extension.status = ExtensionStatus.GRANTED if grant else ExtensionStatus.REFUSED
    extension.decision_motivation = motivation.strip()
    extension.reason = "" if grant else motivation.strip()[:300]
    extension.decided_on, extension.decided_by = on, actor
    if answers is not None:
        extension.review_answers = answers
    _save(extension, actor, before)
    if grant:
        _move_end(actor=actor, extension=extension)
    else:
        _refuse_change_request(extension, actor)
    return extension


@transaction.atomic
def extension_review_decide(
    *,
    actor: User | None,
    extension: Extension,
    grant: bool,
    answers: dict[str, str],
    motivation: str,
    on: dt.date | None = None,
) -> Extension:
    """The CJG's intensive review: the review form's answers and a motivated decision."""
    on = on or timezone.localdate()
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    _pending(extension, ExtensionRoute.CJG_REVIEW)
    region = extension.trajectory.allocation.municipality.region
    form = policy.review_form(region=region, on=extension.requested_on)
    questions = form.questions if form else ()
    missing = [q.text for q in questions if q.required and not answers.get(q.code, "").strip()]
    errors: dict[str, list[str]] = {}
    if missing:
        errors["answers"] = [
            _("Answer every required question of the review form: %(questions)s")
            % {"questions": "; ".join(missing)}
        ]
    if not motivation.strip():
        errors["motivation"] = [_("Give the motivation of the decision.")]
    if errors:
        raise ValidationError(errors)
    known = {q.code for q in questions}
    clean = {code: value.strip() for code, value in answers.items() if code in known}
    return _decide(
        actor=actor, extension=extension, grant=grant, motivation=motivation, on=on, answers=clean
    )


@transaction.atomic
def extension_referrer_decide(
    *,
    actor: User | None,
    extension: Extension,
    grant: bool,
    motivation: str,
    on: dt.date | None = None,
) -> Extension:
    """The referrer's approval or refusal on the standard route."""
    on = on or timezone.localdate()
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    _pending(extension, ExtensionRoute.STANDARD_REFERRER)
    return _decide(actor=actor, extension=extension, grant=grant, motivation=motivation, on=on)


# --- additional practitioners --------------------------------------------------------------


@transaction.atomic
def additional_practitioner_add(
    *,
    actor: User | None,
    provider: Provider | None,
    trajectory: Trajectory,
    other_provider: Provider,
    practitioner_name: str,
    start: dt.date,
    end: dt.date,
    volume: int | None = None,
    frequency: str = "",
    budget: Decimal | None = None,
    product: Product | None = None,
) -> AdditionalPractitioner:
    """Bring in another perceel-2 provider with its own allocation (its own ceiling), only
    within the trajectory's period and its maximum treatment duration."""
    coordinating = trajectory.allocation
    product = product or coordinating.product
    region = coordinating.municipality.region
    if provider is not None and coordinating.provider_id != provider.pk:
        raise ValidationError(
            _("Only the coordinating practitioner (%(provider)s) can add a practitioner.")
            % {"provider": coordinating.provider.name}
        )
    errors: dict[str, list[str]] = {}
    if other_provider.pk == coordinating.provider_id:
        errors.setdefault("other_provider", []).append(
            _("An additional practitioner works at another provider.")
        )
    elif not provider_contracted(provider=other_provider, region=region, product=product, on=start):
        errors.setdefault("other_provider", []).append(
            _("%(provider)s has no contract for %(lot)s in this region.")
            % {"provider": other_provider.name, "lot": product.lot.name}
        )
    if product.lot_id != coordinating.product.lot_id:
        errors.setdefault("product", []).append(
            _("The product must belong to the trajectory's lot (%(lot)s).")
            % {"lot": coordinating.product.lot.name}
        )
    if not practitioner_name.strip():
        errors.setdefault("practitioner_name", []).append(_("Give the practitioner's name."))
    if end < start:
        errors.setdefault("end", []).append(_("The end date lies before the start date."))
    if start < trajectory.start:
        errors.setdefault("start", []).append(
            _("The additional care cannot start before the trajectory (%(start)s).")
            % {"start": _day(trajectory.start)}
        )
    if trajectory.current_end > trajectory.maximum_end or end > trajectory.maximum_end:
        errors.setdefault("end", []).append(
            _(
                "The trajectory's maximum treatment duration ends on %(maximum)s: an "
                "additional practitioner can only be deployed within it."
            )
            % {"maximum": _day(trajectory.maximum_end)}
        )
    elif end > trajectory.current_end:
        errors.setdefault("end", []).append(
            _("The additional care cannot end after the trajectory's current end (%(end)s).")
            % {"end": _day(trajectory.current_end)}
        )
    if errors:
        raise ValidationError(errors)
    allocation = allocation_create(
        actor=actor,
        youth=coordinating.youth,
        provider=other_provider,
        product=product,
        municipality=coordinating.municipality,
        referral=coordinating.referral,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=budget,
    )
    link = AdditionalPractitioner(
        trajectory=trajectory,
        allocation=allocation,
        practitioner_name=practitioner_name.strip(),
        added_by=actor,
    )
    link.full_clean()
    link.save()
    change_record_create(user=actor, instance=link, action=ChangeAction.CREATE)
    return link


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
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
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
            % {"start": _day(version.valid_from)}
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
