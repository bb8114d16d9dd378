# SPDX-License-Identifier: EUPL-1.2
"""Answer a JW315 or JW317: approve what the region's policy allows without a person
(client stop → JW319 at once), and the manual approvals from the worklist. An approval
grants or changes allocations through ``allocation_grant``/``allocation_change``, and its
JW301 carries the request's reference. Receiving, checking and rejecting a request is the
message transport's (``messaging.services.requests``)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import ensure_contracted
from jeugdregie.budgets.client_stops import ensure_inflow_allowed
from jeugdregie.clients.services import referral_create
from jeugdregie.contracting.models import Product
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest
from jeugdregie.messaging.services import outgoing
from jeugdregie.messaging.services.requests import (
    allocation_request_reject,
    approves_automatically,
    auto_approval_refusal,
    request_approved,
)
from jeugdregie.workflows.allocations import allocation_change, allocation_finish, allocation_grant

__all__ = ["allocation_request_approve", "auto_approve", "change_request_approve"]


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def auto_approve(*, requests: list[AllocationRequest]) -> None:
    """Approve what the region's policy allows without a person. When the region approves
    automatically, a request at a provider under a client stop is answered at once with a
    JW319 (reason 2, does not fit the budget; budgets.md §4) whose note names the stop and the
    alternatives. Everything else stays open on the worklist."""
    if not requests:
        return
    today = timezone.localdate()
    automatic = approves_automatically(requests[0].municipality.region_id)
    for request in requests:
        refusal = auto_approval_refusal(request, today=today, automatic=automatic)
        if refusal is None:
            allocation_request_approve(actor=None, request=request)
            continue
        region = request.municipality.region
        if request.product is None or not automatic:
            continue
        try:
            ensure_inflow_allowed(
                provider=request.provider,
                product=request.product,
                region=region,
                start=request.start,
                extension=False,
            )
        except ValidationError as stopped:
            allocation_request_reject(
                actor=None,
                request=request,
                reason=RejectionReason.BUDGET,
                note=" ".join(stopped.messages),
            )


@transaction.atomic
def allocation_request_approve(
    *, actor: User | None, request: AllocationRequest, note: str = ""
) -> Allocation:
    """Honour a request for allocation: a new allocation and a JW301 with its reference."""
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("This request has already been decided."))
    if request.product is None:
        raise ValidationError(_("The request names no product of the region's catalogue."))
    ensure_contracted(
        provider=request.provider,
        product=request.product,
        on=request.start,
        referrer_type=request.referrer_type,
    )
    referral = referral_create(
        actor=actor,
        youth=request.youth,
        referrer_type=request.referrer_type,
        referrer_agb=request.referrer_agb,
        referrer_name=request.referrer_name[:200],
        date=request.inbox_message.dagtekening or timezone.localdate(),
    )
    with outgoing.batch(reference=request.reference, in_reply_to=request.inbox_message):
        allocation = allocation_grant(
            actor=actor,
            youth=request.youth,
            provider=request.provider,
            product=request.product,
            municipality=request.municipality,
            start=request.start,
            end=request.end,
            volume=request.volume,
            frequency=request.frequency,
            budget=request.budget,
            referral=referral,
        )
    request_approved(actor=actor, request=request, note=note, allocation=allocation)
    return allocation


def _change_applied(
    *, actor: User | None, request: ChangeRequest, allocation: Allocation, change: dict[str, Any]
) -> None:
    """One changed allocation of a request for change: in place (end date, budget, total
    volume), or ended the day before the new start and allocated anew (IV066)."""
    reason = ChangeReason.PROVIDER_INITIATED
    start = _parse_date(change["start"]) or allocation.start
    end = _parse_date(change["end"])
    budget = Decimal(change["budget"]) if change["budget"] is not None else None
    volume = change["volume"]
    frequency = change["frequency"] or allocation.frequency
    in_place = (
        (volume == allocation.volume and frequency == allocation.frequency)
        or frequency == "6"
        or start <= allocation.start
        or budget is not None
    )
    if in_place:
        allocation_change(
            actor=actor,
            allocation=allocation,
            reason=reason,
            volume=volume if budget is None else None,
            frequency=frequency if budget is None else "",
            budget=budget,
            end=end,
            unit_price=allocation.unit_price,
        )
        return
    allocation_finish(
        actor=actor, allocation=allocation, end=start - dt.timedelta(days=1), reason=reason
    )
    allocation_grant(
        actor=actor,
        youth=request.youth,
        provider=request.provider,
        product=allocation.product,
        municipality=request.municipality,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        referral=allocation.referral,
        extension_of=allocation,
    )


def _new_product_granted(
    *, actor: User | None, request: ChangeRequest, new: dict[str, Any]
) -> None:
    """A product the request for change adds: refused outside the region's catalogue or at a
    provider not contracted for its lot."""
    product = Product.objects.filter(
        region=request.municipality.region_id, code=new["code"]
    ).first()
    if product is None:
        raise ValidationError(
            _("Product %(code)s is not in the region's catalogue.") % {"code": new["code"]}
        )
    start = _parse_date(new["start"]) or timezone.localdate()
    ensure_contracted(provider=request.provider, product=product, on=start)
    allocation_grant(
        actor=actor,
        youth=request.youth,
        provider=request.provider,
        product=product,
        municipality=request.municipality,
        start=start,
        end=_parse_date(new["end"]),
        volume=new["volume"],
        frequency=new["frequency"],
        budget=Decimal(new["budget"]) if new["budget"] is not None else None,
    )


@transaction.atomic
def change_request_approve(*, actor: User | None, request: ChangeRequest, note: str = "") -> None:
    """Honour a request for change as a whole (IV093): one JW301 carrying its reference.

    A changed end date or budget, and a changed total volume, change the allocation itself;
    any other change of volume ends it the day before the desired start and allocates anew
    with a new number (IV066).
    """
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("This request has already been decided."))
    allocations = {
        int(a.number): a
        for a in Allocation.objects.filter(
            youth=request.youth, provider=request.provider, municipality=request.municipality
        ).select_related("product")
    }
    with outgoing.batch(reference=request.reference, in_reply_to=request.inbox_message):
        for change in request.changes.get("changed", []):
            _change_applied(
                actor=actor,
                request=request,
                allocation=allocations[change["number"]],
                change=change,
            )
        for new in request.changes.get("new", []):
            _new_product_granted(actor=actor, request=request, new=new)
    request_approved(actor=actor, request=request, note=note)
