# SPDX-License-Identifier: EUPL-1.2
"""Messages we start: JW301 allocations (OP087) and JW319 answers on requests.

``allocation_message_queue`` is called by every allocation service (create, change, end,
delete). Outside a ``batch()`` it writes one JW301 at once; inside one, the youth/provider
pairs are collected and each gets one JW301 when the batch closes, so that honouring a
request for change (several allocations at once) sends one message carrying the request's
reference on every resulting line (IV093).
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services.outbox import new_identificatie, outbox_store

__all__ = [
    "allocation_message_queue",
    "batch",
    "current_allocations",
    "jw301_send",
    "jw319_send",
]


@dataclass
class _Batch:
    reference: str = ""
    in_reply_to: InboxMessage | None = None
    changed: dict[tuple[int, int], list[int]] = field(default_factory=dict)


_batch: ContextVar[_Batch | None] = ContextVar("jw301_batch", default=None)


@contextmanager
def batch(*, reference: str = "", in_reply_to: InboxMessage | None = None) -> Iterator[None]:
    """Collect allocation changes; one JW301 per youth/provider when the block ends.

    ``reference``: the ReferentieAanbieder of the request being honoured; it goes on the
    lines of the allocations changed in this block (only in this first JW301, TR379).
    """
    current = _Batch(reference=reference, in_reply_to=in_reply_to)
    token = _batch.set(current)
    try:
        yield
    finally:
        _batch.reset(token)
    for (youth_id, provider_id), allocation_ids in current.changed.items():
        jw301_send(
            youth_id=youth_id,
            provider_id=provider_id,
            changed_ids=allocation_ids,
            reference=current.reference,
            in_reply_to=current.in_reply_to,
        )


def allocation_message_queue(*, allocation: Allocation) -> None:
    """Called by the allocation services after every create/change/end/delete."""
    current = _batch.get()
    if current is None:
        jw301_send(
            youth_id=allocation.youth_id,
            provider_id=allocation.provider_id,
            changed_ids=[allocation.pk],
        )
        return
    ids = current.changed.setdefault((allocation.youth_id, allocation.provider_id), [])
    if allocation.pk not in ids:
        ids.append(allocation.pk)


def _cents(amount: Decimal | None) -> int | None:
    return None if amount is None else ijw.cents(amount)


def _product(allocation: Allocation) -> ijw.ToegewezenProduct:
    product = allocation.product
    decided = timezone.localtime()
    reason = allocation.change_reason or None
    return ijw.ToegewezenProduct(
        toewijzing_nummer=int(allocation.number),
        product=ijw.Product(
            categorie=cl.ProductCategorie(product.category.code), code=product.code
        ),
        toewijzingsdatum=decided.date(),
        toewijzingstijd=decided.time().replace(microsecond=0, tzinfo=None),
        ingangsdatum=allocation.start,
        einddatum=allocation.end,
        reden_wijziging=cl.RedenWijziging(reason) if reason else None,
        omvang=(
            ijw.Omvang(
                volume=allocation.volume,
                eenheid=cl.Eenheid(allocation.unit),
                frequentie=cl.Frequentie(allocation.frequency or cl.Frequentie.TOTAAL),
            )
            if allocation.volume is not None
            else None
        ),
        budget=_cents(allocation.budget) if allocation.volume is None else None,
    )


def _client(youth: Youth, products: list[ijw.ToegewezenProduct]) -> ijw.ToewijzingClient:
    return ijw.ToewijzingClient(
        bsn=youth.bsn,
        geboortedatum=ijw.Geboortedatum(datum=youth.birth_date),
        geslacht=cl.Geslacht(youth.gender or "0"),
        naam=ijw.VolledigeNaam(
            geslachtsnaam=ijw.Achternaam(achternaam=youth.family_name[:200]),
            voornamen=youth.given_name[:200] or None,
            naam_gebruik=cl.NaamGebruik.EIGEN_NAAM,
        ),
        contactgegevens=[
            ijw.Contact(
                soort=cl.AdresSoort.BRP,
                adres=ijw.Adres(plaatsnaam=youth.municipality.name[:80]),
            )
        ],
        toegewezen_producten=products,
    )


def current_allocations(
    *, youth_id: int, provider_id: int, today: dt.date, changed_ids: list[int]
) -> list[Allocation]:
    """OP087: every allocation still valid on or after today plus the ones just changed."""
    return list(
        Allocation.objects.filter(youth_id=youth_id, provider_id=provider_id)
        .filter(Q(end__isnull=True) | Q(end__gte=today) | Q(pk__in=changed_ids))
        .select_related("product__category", "municipality")
        .order_by("number")
    )


def jw301_send(
    *,
    youth_id: int,
    provider_id: int,
    changed_ids: list[int],
    reference: str = "",
    in_reply_to: InboxMessage | None = None,
) -> OutboxMessage | None:
    """One JW301 with all current allocations of the youth at the provider (OP087).

    None when the youth has no BSN (the message cannot be sent; the allocation stands).
    """
    today = timezone.localdate()
    allocations = current_allocations(
        youth_id=youth_id, provider_id=provider_id, today=today, changed_ids=changed_ids
    )
    if not allocations:
        return None
    youth = Youth.objects.select_related("municipality").get(pk=youth_id)
    if not youth.bsn:
        return None
    first = allocations[0]
    sender = first.municipality.cbs_code
    products = []
    for allocation in allocations:
        line = _product(allocation)
        if reference and allocation.pk in changed_ids:
            line.referentie_aanbieder = reference
        products.append(line)
    row = new_identificatie(sender=sender, message_type="JW301")
    message = ijw.JW301(
        header=ijw.Header(
            afzender=sender,
            ontvanger=first.provider.agb_code,
            bericht_identificatie=ijw.BerichtIdentificatie(
                identificatie=row.identificatie, dagtekening=today
            ),
        ),
        client=_client(youth, products),
    )
    return outbox_store(
        row=row,
        message=message,
        recipient=first.provider.agb_code,
        in_reply_to=in_reply_to,
        provider=first.provider,
        municipality=first.municipality,
        youth=youth,
        allocations=allocations,
    )


def jw319_send(
    *,
    sender: str,
    recipient: str,
    reference: str,
    reason: str,
    in_reply_to: InboxMessage | None,
) -> OutboxMessage:
    """A JW319: the request with ``reference`` is rejected with WJ759 ``reason``."""
    today = timezone.localdate()
    row = new_identificatie(sender=sender, message_type="JW319")
    message = ijw.JW319(
        header=ijw.Header(
            afzender=sender,
            ontvanger=recipient,
            bericht_identificatie=ijw.BerichtIdentificatie(
                identificatie=row.identificatie, dagtekening=today
            ),
        ),
        antwoord=ijw.Antwoord(
            referentie_aanbieder=reference,
            verzoek_antwoord=cl.VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=cl.RedenAfwijzingVerzoek(reason),
        ),
    )
    return outbox_store(
        row=row,
        message=message,
        recipient=recipient,
        in_reply_to=in_reply_to,
        provider=in_reply_to.provider if in_reply_to else None,
        municipality=in_reply_to.municipality if in_reply_to else None,
        youth=in_reply_to.youth if in_reply_to else None,
    )
