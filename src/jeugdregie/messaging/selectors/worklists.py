# SPDX-License-Identifier: EUPL-1.2
"""The worklists of requests for allocation (JW315) and change (JW317)."""

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import (
    Case,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import ngettext

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import (
    ScopePaths,
    organisation_scope,
    user_can,
)
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.models import Provider
from jeugdregie.core.worklists import WorkItem
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import (
    AllocationRequest,
    ChangeRequest,
    InboxMessage,
    OutboxMessage,
)

__all__ = [
    "REQUEST_SCOPE",
    "REQUEST_SORTS",
    "Request",
    "RequestFilters",
    "allocation_request_detail",
    "allocation_request_list",
    "allocation_requests_visible_to",
    "change_request_detail",
    "change_request_list",
    "change_requests_visible_to",
    "request_answers",
    "request_providers",
    "requests_worklist",
]

REQUEST_SCOPE = ScopePaths(
    region="municipality__region_id",
    municipality="municipality_id",
    # GI staff have no access to the worklists; the path is never used.
    referring_organisation="youth__referrals__referrer_organisation_id",
    provider="provider_id",
)

REQUEST_SORTS = {
    "received": "inbox_message__received_at",
    "-received": "-inbox_message__received_at",
    "reference": "reference",
    "-reference": "-reference",
    "provider": "provider__name",
    "-provider": "-provider__name",
    "municipality": "municipality__name",
    "-municipality": "-municipality__name",
    "status": "status",
    "-status": "-status",
}


# --- worklists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFilters:
    status: str = ""
    provider_id: int | None = None
    reference: str = ""
    sort: str = ""


def allocation_requests_visible_to(*, user: User) -> QuerySet[AllocationRequest]:
    scope = organisation_scope(
        user, capability=Capability.VIEW_MESSAGE_REQUESTS, paths=REQUEST_SCOPE
    )
    if scope is None:
        return AllocationRequest.objects.none()
    return AllocationRequest.objects.filter(scope).select_related(
        "provider", "municipality", "product", "inbox_message", "decided_by", "allocation"
    )


def change_requests_visible_to(*, user: User) -> QuerySet[ChangeRequest]:
    scope = organisation_scope(
        user, capability=Capability.VIEW_MESSAGE_REQUESTS, paths=REQUEST_SCOPE
    )
    if scope is None:
        return ChangeRequest.objects.none()
    return ChangeRequest.objects.filter(scope).select_related(
        "provider", "municipality", "inbox_message", "decided_by"
    )


Request = TypeVar("Request", AllocationRequest, ChangeRequest)


def _worklist(requests: QuerySet[Request], filters: RequestFilters) -> QuerySet[Request]:
    if filters.status:
        requests = requests.filter(status=filters.status)
    if filters.provider_id:
        requests = requests.filter(provider_id=filters.provider_id)
    if filters.reference.strip():
        requests = requests.filter(reference__icontains=filters.reference.strip())
    if filters.sort in REQUEST_SORTS:
        return requests.order_by(REQUEST_SORTS[filters.sort], "-pk")
    # Open requests first, the oldest of them on top (first in, first decided).
    return requests.annotate(
        decided=Case(
            When(status=RequestStatus.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("decided", "inbox_message__received_at", "pk")


def allocation_request_list(*, user: User, filters: RequestFilters) -> QuerySet[AllocationRequest]:
    return _worklist(allocation_requests_visible_to(user=user), filters)


def change_request_list(*, user: User, filters: RequestFilters) -> QuerySet[ChangeRequest]:
    return _worklist(change_requests_visible_to(user=user), filters)


def request_providers(*, user: User) -> QuerySet[Provider]:
    """The providers the user may filter the worklists on (a provider: only itself)."""
    return Provider.objects.filter(
        Q(pk__in=allocation_requests_visible_to(user=user).order_by().values("provider_id"))
        | Q(pk__in=change_requests_visible_to(user=user).order_by().values("provider_id"))
    ).order_by("name")


def allocation_request_detail(*, user: User, pk: int, route: str) -> AllocationRequest:
    """One request for allocation; the view of its youth is recorded."""
    request = (
        allocation_requests_visible_to(user=user).select_related("youth").filter(pk=pk).first()
    )
    if request is None:
        raise Http404
    access_record_create(
        user=user, youth_ids=[request.youth_id], purpose=AccessPurpose.DETAIL, route=route
    )
    return request


def change_request_detail(*, user: User, pk: int, route: str) -> ChangeRequest:
    """One request for change; the view of its youth is recorded."""
    request = change_requests_visible_to(user=user).select_related("youth").filter(pk=pk).first()
    if request is None:
        raise Http404
    access_record_create(
        user=user, youth_ids=[request.youth_id], purpose=AccessPurpose.DETAIL, route=route
    )
    return request


def request_answers(*, inbox: InboxMessage) -> QuerySet[OutboxMessage]:
    """The JW301/JW319 messages sent in answer to a request, oldest first."""
    return inbox.answer_messages.order_by("created_at", "pk")


def requests_worklist(*, user: User) -> list[WorkItem]:
    """Open JW315 and JW317 requests the user decides (``core.worklists``)."""
    if not user_can(user, Capability.DECIDE_MESSAGE_REQUESTS):
        return []
    items = []
    allocation = allocation_requests_visible_to(user=user).filter(status=RequestStatus.OPEN)
    change = change_requests_visible_to(user=user).filter(status=RequestStatus.OPEN)
    if count := allocation.count():
        text = ngettext(
            "%(count)s request for allocation (JW315) waits for a decision",
            "%(count)s requests for allocation (JW315) wait for a decision",
            count,
        ) % {"count": count}
        items.append(
            WorkItem(
                "messaging.allocation_requests",
                text,
                count,
                "messaging:allocation-request-list",
                f"status={RequestStatus.OPEN}",
            )
        )
    if count := change.count():
        text = ngettext(
            "%(count)s request for change (JW317) waits for a decision",
            "%(count)s requests for change (JW317) wait for a decision",
            count,
        ) % {"count": count}
        items.append(
            WorkItem(
                "messaging.change_requests",
                text,
                count,
                "messaging:change-request-list",
                f"status={RequestStatus.OPEN}",
            )
        )
    return items
