# SPDX-License-Identifier: EUPL-1.2
"""Perceel-2 extensions and additional practitioners (perceel2.md §2–§3): requests and
decisions under the working method in force on the request date (decided by
``trajectories.services.extension_decision``). A granted extension moves the coordinating
allocation's end through ``allocation_change``, so the budget ledger and the JW301 follow;
an extension asked in a JW317 answers that request (JW301 with its reference, or a JW319).
Additional practitioners: ``workflows.practitioners``.
"""

import contextlib
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.contracting.models import Provider
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import ChangeRequest
from jeugdregie.messaging.services import outgoing
from jeugdregie.messaging.services.requests import change_request_reject, request_approved
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionSource, ExtensionStatus
from jeugdregie.trajectories.models import AdditionalPractitioner, Extension, Trajectory
from jeugdregie.trajectories.selectors import provider_works_on
from jeugdregie.trajectories.services import (
    REDACTED_FIELDS,
    extension_decision_for_change,
    trajectory_extension_decision,
)
from jeugdregie.workflows.allocations import allocation_change

__all__ = [
    "extension_referrer_decide",
    "extension_request",
    "extension_request_by_number",
    "extension_review_decide",
    "extension_self_assessment_attach",
]


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
        allocation_change(
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
        request_approved(
            actor=actor,
            request=request,
            note=_("Extension %(number)s granted (perceel-2 working method).")
            % {"number": extension.number},
        )


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
        Trajectory.objects.select_for_update(of=("self",))
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

    An allocation the provider has no relation with
    (``trajectories.selectors.provider_works_on``) is answered exactly like a number that
    does not exist: the provider learns nothing about another provider's allocation, its
    trajectory or its youth (issue 11)."""
    allocation = (
        Allocation.objects.filter(
            municipality__cbs_code=municipality_code, number=allocation_number.strip()
        )
        .select_related("municipality__region", "provider")
        .first()
    )
    if allocation is None or not provider_works_on(provider, allocation):
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
    extension = Extension.objects.select_for_update(of=("self",)).get(pk=extension.pk)
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
    decision = trajectory_extension_decision(
        trajectory=trajectory,
        number=extension.number,
        request_date=extension.requested_on,
        has_self_assessment=True,
    )
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
    extension = Extension.objects.select_for_update(of=("self",)).get(pk=extension.pk)
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
    extension = Extension.objects.select_for_update(of=("self",)).get(pk=extension.pk)
    _pending(extension, ExtensionRoute.STANDARD_REFERRER)
    return _decide(actor=actor, extension=extension, grant=grant, motivation=motivation, on=on)
