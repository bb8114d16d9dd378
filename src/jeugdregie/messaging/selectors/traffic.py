# SPDX-License-Identifier: EUPL-1.2
"""The traffic overview: messages per provider and type, and the recent messages."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    CharField,
    Count,
    F,
    Q,
    QuerySet,
    Value,
)

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import (
    own_provider_id,
)
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import providers_of_region
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import (
    InboxMessage,
)
from jeugdregie.messaging.selectors.messages import inbox_visible_to, outbox_visible_to

__all__ = [
    "PROVIDER_RETOURS",
    "REJECTED_INBOX",
    "TrafficFilters",
    "TrafficRow",
    "message_traffic",
    "recent_messages",
    "traffic_providers",
    "traffic_totals",
]

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
    return providers_of_region(region=user.organisation.region_id).order_by("name")
