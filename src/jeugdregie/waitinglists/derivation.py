# SPDX-License-Identifier: EUPL-1.2
"""Waiting-list entries derived from requests and allocations whose care has not started
(``jeugdregie waitinglist_derive`` and the list page's button): idempotent."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn_index
from jeugdregie.clients.submissions import Submission
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.messaging.selectors.identity import identity_in_message
from jeugdregie.regions.models import Region
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import (
    duplicate_open_entry,
    waiting_entry_close,
    waiting_entry_report,
)


@dataclass
class DeriveResult:
    created: int = 0
    linked: int = 0
    closed: int = 0
    skipped: list[str] = field(default_factory=list)


def _waiting_allocations(today: date) -> Any:
    """Allocations granted, started on paper, not ended, and without any delivery period."""
    return (
        Allocation.objects.filter(
            status=AllocationStatus.ALLOCATED,
            start__lte=today,
            delivery_periods__isnull=True,
        )
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("youth__municipality", "product__lot", "provider", "referral")
    )


@transaction.atomic
def waiting_entries_derive(
    *, today: date | None = None, region: Region | None = None
) -> DeriveResult:
    """Derive entries from open requests (JW315) and allocations whose care has not started.

    Idempotent: a request or allocation gets at most one entry; an approved request's entry
    takes over its allocation; an entry closes with 'care started' on the first delivery
    period's start, and with 'other' when the request is rejected or the allocation ends or
    is withdrawn without care. Manually reported open entries for the same youth, provider
    and product are linked instead of duplicated. ``region`` limits it to one region.
    """
    today = today or timezone.localdate()
    result = DeriveResult()

    requests = AllocationRequest.objects.filter(
        status=RequestStatus.OPEN, product__isnull=False, waiting_entries__isnull=True
    ).select_related("youth__municipality", "product__lot", "provider", "inbox_message")
    allocations = _waiting_allocations(today).filter(waiting_entries__isnull=True)
    entries = WaitingEntry.objects.all()
    if region is not None:
        requests = requests.filter(municipality__region=region)
        allocations = allocations.filter(municipality__region=region)
        entries = entries.filter(lot__region=region)
    for request in requests:
        product = request.product
        assert product is not None
        since = min(timezone.localdate(request.inbox_message.received_at), today)
        submission = _request_submission(request)
        if submission is None:
            result.skipped.append(
                f"{WaitingSource.REQUEST} {request.pk}: "
                + _("The request names no client with a BSN, name and birth date.")
            )
            continue
        result.created += _derive_one(
            youth=request.youth,
            provider=request.provider,
            product=product,
            since=since,
            source=WaitingSource.REQUEST,
            link={"allocation_request": request},
            today=today,
            result=result,
            submission=submission,
        )

    # Approved requests: their entry follows the allocation.
    for entry in entries.filter(
        allocation__isnull=True,
        allocation_request__allocation__isnull=False,
        outflow_date__isnull=True,
    ).select_related("allocation_request"):
        assert entry.allocation_request is not None
        allocation_id = entry.allocation_request.allocation_id
        if (
            allocation_id is not None
            and not WaitingEntry.objects.filter(allocation_id=allocation_id).exists()
        ):
            entry.allocation_id = allocation_id
            entry.save(update_fields=["allocation", "updated_at"])
            result.linked += 1

    for allocation in allocations:
        result.created += _derive_one(
            youth=allocation.youth,
            provider=allocation.provider,
            product=allocation.product,
            since=allocation.start,
            source=WaitingSource.ALLOCATION,
            link={"allocation": allocation},
            today=today,
            result=result,
        )

    result.linked += _link_submitted(entries)
    result.closed += _close_derived(entries, today=today)
    return result


def _request_submission(request: AllocationRequest) -> Submission | None:
    """The client as the provider's JW315 named it: the provider sees its entry with this
    identity, never the youth record the request was linked to."""
    identity = identity_in_message(bytes(request.inbox_message.raw))
    if identity is None or identity.birth_date is None:
        return None
    return Submission(
        bsn=identity.bsn,
        given_name=identity.given_name or "-",
        family_name=identity.family_name or "-",
        birth_date=identity.birth_date,
    )


def _link_submitted(entries: Any) -> int:
    """Link open entries reported with a BSN the region did not know yet to the youth
    registered since (in the entry's region). The provider still sees its submission."""
    linked = 0
    for entry in entries.filter(youth__isnull=True, outflow_date__isnull=True).exclude(
        submitted_bsn_index=""
    ):
        youth = youth_by_bsn_index(bsn_index=entry.submitted_bsn_index, region=entry.lot.region_id)
        if youth is not None:
            entry.youth = youth
            entry.referral = youth.referrals.order_by("-date", "-id").first()
            entry.save(update_fields=["youth", "referral", "updated_at"])
            linked += 1
    return linked


def _derive_one(
    *,
    youth: Youth,
    provider: Provider,
    product: Product,
    since: date,
    source: str,
    link: dict[str, Any],
    today: date,
    result: DeriveResult,
    submission: Submission | None = None,
) -> int:
    existing = duplicate_open_entry(
        youth=youth,
        provider=provider,
        product=product,
        exclude=None,
        bsn_index=submission.bsn_index if submission is not None else "",
    )
    if existing is not None:
        name = next(iter(link))
        if getattr(existing, f"{name}_id") is None:
            setattr(existing, name, link[name])
            existing.save(update_fields=[name, "updated_at"])
            result.linked += 1
        return 0
    try:
        with transaction.atomic():
            waiting_entry_report(
                actor=None,
                youth=youth,
                lot=product.lot,
                provider=provider,
                product=product,
                waiting_since=since,
                source=source,
                today=today,
                submission=submission,
                **link,
            )
    except ValidationError as error:
        result.skipped.append(
            f"{source} {next(iter(link.values())).pk}: {'; '.join(error.messages)}"
        )
        return 0
    return 1


def _close_derived(entries: Any, *, today: date) -> int:
    closed = 0
    open_entries = entries.filter(outflow_date__isnull=True).filter(
        Q(allocation__isnull=False) | Q(allocation_request__isnull=False)
    )
    started = open_entries.filter(allocation__delivery_periods__isnull=False).annotate(
        care_start=Min("allocation__delivery_periods__start")
    )
    for started_entry in started:
        outflow = min(max(started_entry.care_start, started_entry.waiting_since), today)
        waiting_entry_close(
            actor=None,
            entry=started_entry,
            outflow_date=outflow,
            outflow_reason=OutflowReason.CARE_STARTED,
            today=today,
        )
        closed += 1
    stopped = open_entries.filter(
        Q(allocation_request__status=RequestStatus.REJECTED)
        | Q(allocation__status__in=[AllocationStatus.WITHDRAWN, AllocationStatus.ENDED])
        | Q(allocation__end__lt=today)
    ).filter(allocation__delivery_periods__isnull=True)
    for entry in stopped.distinct():
        waiting_entry_close(
            actor=None,
            entry=entry,
            outflow_date=max(entry.waiting_since, today),
            outflow_reason=OutflowReason.OTHER,
            outflow_note=_("Request rejected or allocation ended without care."),
            today=today,
        )
        closed += 1
    return closed
