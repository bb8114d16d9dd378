# SPDX-License-Identifier: EUPL-1.2
"""A JW317 that only moves the end of a perceel-2 trajectory's coordinating allocation to a
later date is an extension request (perceel2.md §2a). The working method decides it at once:
granted → the end moves and a JW301 answers with the request's reference; refused → a JW319
with the reason; pending (self-assessment, CJG review, referrer) → the request stays open and
is answered when the extension is decided. Any other JW317 waits on the worklist as before.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdregie.allocations.models import Allocation
from jeugdregie.messaging.constants import RejectionReason
from jeugdregie.messaging.models import ChangeRequest
from jeugdregie.messaging.services.requests import change_request_reject
from jeugdregie.trajectories.constants import ExtensionSource
from jeugdregie.trajectories.services import extension_decision_for_change
from jeugdregie.workflows.extensions import extension_request


def _only_a_later_end(request: ChangeRequest) -> tuple[Allocation, dt.date] | None:
    """The allocation and the requested end when the request asks nothing but a later end."""
    changes = request.changes
    changed = changes.get("changed") or []
    if changes.get("new") or len(changed) != 1:
        return None
    line = changed[0]
    allocation = (
        Allocation.objects.filter(
            municipality_id=request.municipality_id,
            provider_id=request.provider_id,
            youth_id=request.youth_id,
            number=str(line["number"]),
        )
        .select_related("municipality__region")
        .first()
    )
    if allocation is None or allocation.end is None or not line.get("end"):
        return None
    requested_end = dt.date.fromisoformat(line["end"])
    budget = Decimal(line["budget"]) if line.get("budget") is not None else None
    same_quantity = (
        line.get("volume") == allocation.volume
        and (line.get("frequency") or "") == (allocation.frequency or "")
        and budget == allocation.budget
    )
    if requested_end <= allocation.end or not same_quantity:
        return None
    return allocation, requested_end


def extension_from_change_request(*, request: ChangeRequest) -> None:
    """Decide a JW317 extension of a perceel-2 trajectory by the working method in force on
    the message date; leave every other request for change on the worklist."""
    asked = _only_a_later_end(request)
    if asked is None:
        return
    allocation, requested_end = asked
    request_date = request.inbox_message.dagtekening or timezone.localdate()
    decision = extension_decision_for_change(
        allocation=allocation,
        requested_end=requested_end,
        request_date=request_date,
        provider=request.provider,
    )
    if decision is None:
        return  # not a trajectory's coordinating allocation
    try:
        extension_request(
            actor=None,
            provider=request.provider,
            allocation=allocation,
            requested_end=requested_end,
            request_date=request_date,
            source=ExtensionSource.JW317,
            change_request=request,
        )
    except ValidationError as refused:
        change_request_reject(
            actor=None,
            request=request,
            reason=RejectionReason.CARE_CONTENT,
            note=" ".join(refused.messages),
        )
