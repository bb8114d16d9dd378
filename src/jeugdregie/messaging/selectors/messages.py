# SPDX-License-Identifier: EUPL-1.2
"""Which messages a user may see, and the message viewer (a logged read)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Q,
    QuerySet,
)
from django.http import Http404
from lxml import etree

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import (
    user_can,
)
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.models import Contract
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.messaging.models import (
    AllocationRequest,
    ChangeRequest,
    DeclarationLine,
    InboxMessage,
    OutboxMessage,
)

__all__ = [
    "MessageView",
    "bsns_in",
    "inbox_message_view",
    "inbox_visible_to",
    "outbox_message_view",
    "outbox_visible_to",
    "readable_xml",
]

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


def bsns_in(data: bytes) -> list[str]:
    """Every BSN a message names (what the viewer shows, so what a read of it reads)."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return []
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return []
    return [
        element.text.strip()
        for element in root.iter()
        if _local(element) == "Bsn" and element.text and element.text.strip()
    ]


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
    # linked directly (305, 307, 317) or through the approved lines of a declaration (323)
    approved_lines = message.declaration_lines.filter(approved=True).values("allocation_id")
    allocations = list(
        Allocation.objects.filter(
            Q(pk__in=message.allocations.values("pk")) | Q(pk__in=approved_lines)
        ).select_related("product", "provider", "youth")
    )
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
        user=user,
        youth_ids=view.youth_ids,
        purpose=AccessPurpose.DETAIL,
        route=route,
        # a BSN no linked youth has is logged against its keyed hash
        bsns=bsns_in(bytes(message.raw)),
        region_id=message.municipality.region_id if message.municipality else None,
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
        user=user,
        youth_ids=view.youth_ids,
        purpose=AccessPurpose.DETAIL,
        route=route,
        bsns=bsns_in(bytes(message.data)),
        region_id=message.municipality.region_id if message.municipality else None,
    )
    return view
