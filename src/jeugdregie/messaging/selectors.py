# SPDX-License-Identifier: EUPL-1.2
"""Reads of the message exchange: worklists, the message viewer and the traffic overview.

Every function takes the acting user. Contract management (and, for the traffic counts, the
functional administrator) sees the messages of its region, the access team those of its
municipality, a provider only its own. Functions that return a youth's personal data record
the access (``audit``).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from lxml import etree

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import (
    ScopePaths,
    organisation_scope,
    own_provider_id,
    user_can,
)
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.models import Contract, Provider
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.messaging.constants import InboxStatus, RequestStatus
from jeugdregie.messaging.models import (
    AllocationRequest,
    ChangeRequest,
    DeclarationLine,
    InboxMessage,
    OutboxMessage,
)

REQUEST_SCOPE = ScopePaths(
    region="municipality__region_id",
    municipality="municipality_id",
    # GI staff have no access to the worklists; the path is never used.
    referring_organisation="youth__referrals__referrer_organisation_id",
    provider="provider_id",
)

# A received message counts as rejected when our answer carried a code other than 0200
# (rejected, partly accepted, duplicate 9056) or when it could not be read at all.
REJECTED_INBOX = (
    InboxStatus.REJECTED,
    InboxStatus.PARTIAL,
    InboxStatus.DUPLICATE,
    InboxStatus.REFUSED,
)
# Retours of providers on our messages: their status says whether they rejected ours.
PROVIDER_RETOURS = frozenset({"JW302", "JW320"})

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


# --- which messages a user may see ------------------------------------------------------


def _message_scope(user: User, capability: str) -> Q | None:
    if not user_can(user, capability) or user.organisation is None:
        return None
    organisation = user.organisation
    match user.role:
        case Role.CONTRACT_MANAGER | Role.FUNCTIONAL_ADMIN:
            # A message we could not attribute to a municipality still belongs to the region
            # when its sender is a provider contracted by the region.
            contracted = Contract.objects.filter(region_id=organisation.region_id).values(
                "provider_id"
            )
            return Q(municipality__region_id=organisation.region_id) | Q(
                municipality__isnull=True, provider_id__in=contracted
            )
        case Role.ACCESS_STAFF:
            return Q(municipality_id=organisation.municipality_id)
        case Role.PROVIDER:
            return Q(provider_id=organisation.provider_id)
        case _:
            return None


def inbox_visible_to(
    *, user: User, capability: str = Capability.VIEW_MESSAGES
) -> QuerySet[InboxMessage]:
    scope = _message_scope(user, capability)
    if scope is None:
        return InboxMessage.objects.none()
    return InboxMessage.objects.filter(scope)


def outbox_visible_to(
    *, user: User, capability: str = Capability.VIEW_MESSAGES
) -> QuerySet[OutboxMessage]:
    scope = _message_scope(user, capability)
    if scope is None:
        return OutboxMessage.objects.none()
    return OutboxMessage.objects.filter(scope)


# --- the message viewer -----------------------------------------------------------------


@dataclass
class MessageView:
    """Everything the viewer shows of one message, already filtered for the user."""

    direction: str  # "in" or "out"
    message: InboxMessage | OutboxMessage
    xml: str
    retour_codes: list[str]
    findings: list[dict[str, object]] = field(default_factory=list)
    retour: OutboxMessage | None = None  # our retour on a received message
    retour_on: InboxMessage | None = None  # the received message this retour answers
    answers: list[OutboxMessage] = field(default_factory=list)  # JW301/JW319 we sent
    in_reply_to: InboxMessage | None = None  # the request our message answers
    answers_our: OutboxMessage | None = None  # our message a provider's JW302/JW320 answers
    provider_retours: list[InboxMessage] = field(default_factory=list)
    duplicate_of: InboxMessage | None = None
    allocation_requests: list[AllocationRequest] = field(default_factory=list)
    change_requests: list[ChangeRequest] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    declaration_lines: list[DeclarationLine] = field(default_factory=list)
    youth_ids: list[int] = field(default_factory=list)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def readable_xml(data: bytes, *, mask: bool) -> tuple[str, list[str]]:
    """The message pretty-printed (and its RetourCodes); as received when it is not XML.

    Read without DTDs, entities or network. ``mask`` hides all but the last three digits
    of every Bsn (provider users see masked BSNs everywhere).
    """
    text = data.decode("utf-8", errors="replace")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return text, []
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_blank_text=True,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return text, []
    codes = []
    for element in root.iter():
        name = _local(element)
        if name == "RetourCode" and element.text:
            codes.append(element.text.strip())
        elif name == "Bsn" and mask and element.text:
            element.text = mask_bsn(element.text.strip())
    pretty = etree.tostring(root, pretty_print=True, encoding="unicode")
    return pretty, codes


def _youth_of(
    message: InboxMessage | OutboxMessage,
    allocations: Iterable[Allocation],
    lines: Iterable[DeclarationLine],
    requests: Iterable[AllocationRequest | ChangeRequest],
) -> list[int]:
    ids = [message.youth_id] if message.youth_id else []
    ids += [a.youth_id for a in allocations]
    ids += [line.allocation.youth_id for line in lines if line.allocation is not None]
    ids += [r.youth_id for r in requests]
    return list(dict.fromkeys(ids))


def inbox_message_view(*, user: User, pk: int, route: str) -> MessageView:
    """A received message for the viewer; every youth it names is recorded as read."""
    message = (
        inbox_visible_to(user=user)
        .select_related("provider", "municipality", "youth", "duplicate_of", "answers")
        .filter(pk=pk)
        .first()
    )
    if message is None:
        raise Http404
    xml, codes = readable_xml(bytes(message.raw), mask=user.role == Role.PROVIDER)
    allocation_requests = list(
        AllocationRequest.objects.filter(inbox_message=message).select_related("product")
    )
    change_requests = list(ChangeRequest.objects.filter(inbox_message=message))
    allocations = list(message.allocations.select_related("product", "provider", "youth"))
    lines = list(
        message.declaration_lines.select_related("allocation__youth", "allocation__product")
    )
    outbox = outbox_visible_to(user=user)
    view = MessageView(
        direction="in",
        message=message,
        xml=xml,
        retour_codes=codes,
        findings=list(message.findings),
        retour=outbox.filter(retour_of=message).first(),
        answers=list(outbox.filter(in_reply_to=message).order_by("created_at", "pk")),
        answers_our=(outbox.filter(pk=message.answers_id).first() if message.answers_id else None),
        duplicate_of=(
            inbox_visible_to(user=user).filter(pk=message.duplicate_of_id).first()
            if message.duplicate_of_id
            else None
        ),
        allocation_requests=allocation_requests,
        change_requests=change_requests,
        allocations=allocations,
        declaration_lines=lines,
    )
    view.youth_ids = _youth_of(
        message, allocations, lines, [*allocation_requests, *change_requests]
    )
    access_record_create(
        user=user, youth_ids=view.youth_ids, purpose=AccessPurpose.DETAIL, route=route
    )
    return view


def outbox_message_view(*, user: User, pk: int, route: str) -> MessageView:
    """A sent message for the viewer; every youth it names is recorded as read."""
    message = (
        outbox_visible_to(user=user)
        .select_related("provider", "municipality", "youth")
        .filter(pk=pk)
        .first()
    )
    if message is None:
        raise Http404
    xml, codes = readable_xml(bytes(message.data), mask=user.role == Role.PROVIDER)
    inbox = inbox_visible_to(user=user)
    allocations = list(message.allocations.select_related("product", "provider", "youth"))
    view = MessageView(
        direction="out",
        message=message,
        xml=xml,
        retour_codes=codes,
        retour_on=(inbox.filter(pk=message.retour_of_id).first() if message.retour_of_id else None),
        in_reply_to=(
            inbox.filter(pk=message.in_reply_to_id).first() if message.in_reply_to_id else None
        ),
        provider_retours=list(inbox.filter(answers=message).order_by("received_at", "pk")),
        allocations=allocations,
    )
    view.youth_ids = _youth_of(message, allocations, [], [])
    access_record_create(
        user=user, youth_ids=view.youth_ids, purpose=AccessPurpose.DETAIL, route=route
    )
    return view


# --- the traffic overview ---------------------------------------------------------------


@dataclass(frozen=True)
class TrafficFilters:
    start: dt.date
    end: dt.date
    provider_id: int | None = None


@dataclass
class TrafficRow:
    provider_id: int | None
    provider_name: str
    agb_code: str
    message_type: str
    received: int = 0
    sent: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.received + self.sent

    @property
    def error_rate(self) -> Decimal | None:
        """Rejected as a share of all messages of the row (None without messages)."""
        return Decimal(self.rejected) / Decimal(self.total) if self.total else None


def _period(at: str, filters: TrafficFilters) -> Q:
    condition = Q(**{f"{at}__date__gte": filters.start, f"{at}__date__lte": filters.end})
    if filters.provider_id:
        condition &= Q(provider_id=filters.provider_id)
    return condition


def message_traffic(*, user: User, filters: TrafficFilters) -> list[TrafficRow]:
    """Per provider and message type: received, sent, rejected and the error rate.

    Received messages are rejected as ``REJECTED_INBOX`` says; a message we sent is rejected
    when the provider's retour on it (JW302/JW320) carried an error code.
    """
    capability = Capability.VIEW_MESSAGE_TRAFFIC
    inbox = inbox_visible_to(user=user, capability=capability)
    outbox = outbox_visible_to(user=user, capability=capability)
    received = (
        inbox.filter(_period("received_at", filters))
        .order_by()
        .values("provider_id", "provider__name", "provider__agb_code", "message_type", "sender")
        .annotate(
            count=Count("id"),
            rejected=Count(
                "id",
                filter=Q(status__in=REJECTED_INBOX) & ~Q(message_type__in=PROVIDER_RETOURS),
            ),
        )
    )
    sent = (
        outbox.filter(_period("created_at", filters))
        .order_by()
        .values("provider_id", "provider__name", "provider__agb_code", "message_type", "recipient")
        .annotate(
            count=Count("id", distinct=True),
            rejected=Count("id", filter=Q(retours__status=InboxStatus.REJECTED), distinct=True),
        )
    )
    rows: dict[tuple[int | None, str, str], TrafficRow] = {}

    def row(provider_id: int | None, name: str | None, agb: str, message_type: str) -> TrafficRow:
        # Messages of an unknown sender are kept apart per AGB code.
        key = (provider_id, "" if provider_id else agb, message_type)
        if key not in rows:
            rows[key] = TrafficRow(
                provider_id=provider_id,
                provider_name=name or "",
                agb_code=agb,
                message_type=message_type,
            )
        return rows[key]

    for r in received:
        target = row(
            r["provider_id"],
            r["provider__name"],
            r["provider__agb_code"] or r["sender"],
            r["message_type"],
        )
        target.received += r["count"]
        target.rejected += r["rejected"]
    for s in sent:
        target = row(
            s["provider_id"],
            s["provider__name"],
            s["provider__agb_code"] or s["recipient"],
            s["message_type"],
        )
        target.sent += s["count"]
        target.rejected += s["rejected"]
    return sorted(
        rows.values(),
        key=lambda r: (r.provider_name == "", r.provider_name.lower(), r.agb_code, r.message_type),
    )


def traffic_totals(rows: Iterable[TrafficRow]) -> TrafficRow:
    total = TrafficRow(provider_id=None, provider_name="", agb_code="", message_type="")
    for r in rows:
        total.received += r.received
        total.sent += r.sent
        total.rejected += r.rejected
    return total


def recent_messages(*, user: User, filters: TrafficFilters) -> QuerySet[InboxMessage]:
    """Received and sent messages of the period in one list, newest first.

    Rows are dicts: direction ("in"/"out"), id, message_type, identificatie, provider name,
    at and status (empty for sent messages). One query per page (a UNION).
    """
    capability = Capability.VIEW_MESSAGE_TRAFFIC
    inbox = inbox_visible_to(user=user, capability=capability)
    outbox = outbox_visible_to(user=user, capability=capability)
    received = (
        inbox.filter(_period("received_at", filters))
        .annotate(
            direction=Value("in", output_field=CharField()),
            at=F("received_at"),
            provider_name=F("provider__name"),
            party=F("sender"),
            state=F("status"),
        )
        .order_by()
        .values(
            "direction",
            "id",
            "message_type",
            "identificatie",
            "provider_name",
            "party",
            "at",
            "state",
        )
    )
    sent = (
        outbox.filter(_period("created_at", filters))
        .annotate(
            direction=Value("out", output_field=CharField()),
            at=F("created_at"),
            provider_name=F("provider__name"),
            party=F("recipient"),
            state=Value("", output_field=CharField()),
        )
        .order_by()
        .values(
            "direction",
            "id",
            "message_type",
            "identificatie",
            "provider_name",
            "party",
            "at",
            "state",
        )
    )
    return received.union(sent, all=True).order_by("-at", "-id")  # type: ignore[return-value]


def traffic_providers(*, user: User) -> QuerySet[Provider]:
    """The providers the traffic overview can be filtered on."""
    if user.role == Role.PROVIDER:
        return Provider.objects.filter(pk=own_provider_id(user))
    if user.organisation is None:
        return Provider.objects.none()
    return (
        Provider.objects.filter(contracts__region_id=user.organisation.region_id)
        .distinct()
        .order_by("name")
    )
