# SPDX-License-Identifier: EUPL-1.2
"""Requests for allocation (JW315) and for change (JW317): checks, worklist, decisions.

Approving honours the request with a JW301 whose lines carry the request's reference;
rejecting answers with a JW319 (WJ759 reason).
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import ijw
from ijw import codelists as cl
from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import (
    ensure_contracted,
)
from jeugdregie.budgets.client_stops import active_stop
from jeugdregie.clients.constants import MEDICAL_REFERRERS, ReferrerType
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.models import Product
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, RegionMessagingSettings
from jeugdregie.messaging.services import outgoing, sql
from jeugdregie.messaging.services.context import Context, catalogue, run_cached

__all__ = [
    "AUTO_APPROVABLE_REFERRERS",
    "CHANGED",
    "NO_OMVANG_AFTER",
    "allocation_request_contract_flag",
    "allocation_request_reject",
    "approves_automatically",
    "auto_approval_refusal",
    "change_request_reject",
    "handle_allocation_request",
    "handle_change_request",
    "request_approved",
]

AUTO_APPROVABLE_REFERRERS = MEDICAL_REFERRERS | {
    ReferrerType.CERTIFIED_INSTITUTION,
    ReferrerType.COURT,
}


def _earlier_requests(
    ctx: Context, youth: Youth | None, references: list[str]
) -> tuple[bool, set[str]]:
    """TR374 (another request of this provider for this client is still open) and TR347
    (which of these ReferentieAanbieder the provider used before, for allocation or for
    change), for a JW315 and a JW317 alike: one query (``sql.earlier_requests``)."""
    return sql.earlier_requests(
        provider_id=ctx.provider.pk,
        youth_id=youth.pk if youth is not None else None,
        references=references,
    )


def _quantity(omvang: ijw.Omvang | None, budget: int | None) -> dict[str, Any]:
    return {
        "volume": omvang.volume if omvang else None,
        "unit": str(omvang.eenheid) if omvang else "",
        "frequency": str(omvang.frequentie) if omvang else "",
        "budget": ijw.euros(budget) if budget is not None else None,
    }


def _product(ctx: Context, product: ijw.Product | None) -> Product | None:
    if product is None or product.code is None:
        return None
    return catalogue(ctx.municipality.region_id).by_code.get(product.code)


def _youth_from_request(ctx: Context, client: ijw.VerzoekClient, youth: Youth | None) -> Youth:
    if youth is not None:
        return youth
    naam = client.naam
    family = " ".join(
        part for part in (naam.geslachtsnaam.voorvoegsel, naam.geslachtsnaam.achternaam) if part
    )
    return youth_create(
        actor=None,
        bsn=client.bsn,
        given_name=naam.voornamen or naam.voorletters or "-",
        family_name=family,
        birth_date=client.geboortedatum.datum,
        municipality=ctx.municipality,
        gender=str(client.geslacht),
    )


def handle_allocation_request(ctx: Context) -> list[AllocationRequest]:
    """Check a JW315 (TR347, TR374, TR381) and put its products on the worklist."""
    message = ctx.message
    assert isinstance(message, ijw.JW315)
    client = message.client
    # any region: a BSN is unique nationally, and a JW315 makes the youth when none is found
    youth = youth_by_bsn(bsn=client.bsn, region=None, keys_only=True)
    open_request, used = _earlier_requests(
        ctx, youth, [line.referentie_aanbieder for line in client.aangevraagde_producten]
    )
    if open_request:
        ctx.reject(
            client,
            code="9374",
            rule="TR374",
            location="/Client",
            text=_("Another request of this provider for this client is still open."),
        )
    products: list[tuple[ijw.AangevraagdProduct, Product | None]] = []
    for index, line in enumerate(client.aangevraagde_producten, start=1):
        path = f"/Client/AangevraagdeProducten/AangevraagdProduct[{index}]"
        if line.referentie_aanbieder in used:
            ctx.reject(
                line,
                code="9347",
                rule="TR347",
                location=f"{path}/ReferentieAanbieder",
                text=_("Reference %(reference)s was used before by this provider.")
                % {"reference": line.referentie_aanbieder},
            )
            continue
        product = _product(ctx, line.product)
        if (
            line.product is not None
            and line.product.code is not None
            and (product is None or product.category.code != line.product.categorie)
        ):
            ctx.reject(
                line,
                code="S329",
                rule="TR381",
                location=f"{path}/Product/Code",
                text=_(
                    "Product code %(code)s is not in the region's catalogue for category "
                    "%(category)s."
                )
                % {"code": line.product.code, "category": line.product.categorie},
            )
            continue
        products.append((line, product))
    if ctx.rejected:
        return []
    youth = _youth_from_request(ctx, client, youth)
    ctx.inbox.youth = youth
    requests = []
    for line, product in products:
        verwijzer = line.verwijzer
        requests.append(
            AllocationRequest.objects.create(
                inbox_message=ctx.inbox,
                provider=ctx.provider,
                municipality=ctx.municipality,
                youth=youth,
                reference=line.referentie_aanbieder,
                product=product,
                category_code=line.product.categorie if line.product else "",
                product_code=(line.product.code or "") if line.product else "",
                start=line.toewijzing_ingangsdatum,
                end=line.toewijzing_einddatum,
                referrer_type=str(verwijzer.type),
                referrer_agb=verwijzer.zorgverlener_code or "",
                referrer_name=verwijzer.naam or "",
                comment=line.commentaar or "",
                **_quantity(line.omvang, line.budget),
            )
        )
    return requests


def auto_approval_refusal(
    request: AllocationRequest, *, today: dt.date, automatic: bool | None = None
) -> str | None:
    """Why the region's automatic approval does not apply, or None when it does.

    ``automatic``: the region's setting when the caller read it already.
    """
    region = request.municipality.region
    if automatic is None:
        automatic = approves_automatically(region.pk)
    if not automatic:
        return _("The region approves requests by hand.")
    if request.product is None:
        return _("The request names no product of the region's catalogue.")
    if request.volume is None and request.budget is None:
        return _("The request names no volume or budget.")
    if request.referrer_type not in AUTO_APPROVABLE_REFERRERS:
        return _("The referrer is not a doctor, certified institution or court.")
    if not provider_contracted(
        provider=request.provider, product=request.product, on=request.start
    ):
        return _("The provider has no contract for this product's lot on the start date.")
    if active_stop(
        region_id=region.pk, provider_id=request.provider_id, on=max(request.start, today)
    ):
        return _("The provider has a client stop.")
    return None


def allocation_request_contract_flag(request: AllocationRequest) -> str | None:
    """What the worklist says about an open request at a provider that is not contracted for
    the product's lot on the start date (``allocations.services.ensure_contracted``): with a
    medical referral a flag (it may be approved), otherwise why approving is refused."""
    if request.status != RequestStatus.OPEN or request.product is None:
        return None
    try:
        return ensure_contracted(
            provider=request.provider,
            product=request.product,
            on=request.start,
            referrer_type=request.referrer_type,
        )
    except ValidationError as refused:
        return " ".join(refused.messages)


def approves_automatically(region_id: int) -> bool:
    def load() -> bool:
        settings = RegionMessagingSettings.objects.filter(region=region_id).first()
        return settings is not None and settings.auto_approve_requests

    return run_cached(("auto_approve", region_id), load)


def _reject(
    request: AllocationRequest | ChangeRequest, actor: User | None, reason: str, note: str
) -> None:
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("This request has already been decided."))
    if not reason:
        raise ValidationError({"reason": _("Choose the reason of the rejection.")})
    outgoing.jw319_send(
        sender=request.municipality.cbs_code,
        recipient=request.provider.agb_code,
        reference=request.reference,
        reason=reason,
        in_reply_to=request.inbox_message,
    )
    request.status, request.rejection_reason = RequestStatus.REJECTED, reason
    request.decided_at, request.decided_by, request.decision_note = timezone.now(), actor, note
    request.save()


def request_approved(
    *,
    actor: User | None,
    request: AllocationRequest | ChangeRequest,
    note: str = "",
    allocation: Allocation | None = None,
) -> None:
    """Record that an open request was honoured (the workflow that approved it sent the
    JW301 with the request's reference); ``allocation`` is the one a JW315 led to."""
    if request.status != RequestStatus.OPEN:
        raise ValidationError(_("This request has already been decided."))
    request.status = RequestStatus.APPROVED
    if isinstance(request, AllocationRequest):
        request.allocation = allocation
    request.decided_at, request.decided_by, request.decision_note = timezone.now(), actor, note
    request.save()


@transaction.atomic
def allocation_request_reject(
    *, actor: User | None, request: AllocationRequest, reason: str, note: str = ""
) -> AllocationRequest:
    """Reject a request for allocation: a JW319 with the WJ759 reason."""
    _reject(request, actor, reason, note)
    return request


# --- requests for change (JW317) -------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _has_allocation(ctx: Context, youth: Youth) -> bool:
    """Whether the provider has (or had) an allocation for this youth in this municipality:
    the relation a request for change needs."""
    return Allocation.objects.filter(
        youth=youth, provider=ctx.provider, municipality=ctx.municipality
    ).exists()


def _current(ctx: Context, youth: Youth) -> dict[int, Allocation]:
    return {
        int(allocation.number): allocation
        for allocation in Allocation.objects.filter(
            youth=youth, provider=ctx.provider, municipality=ctx.municipality
        )
        .filter(Q(end__isnull=True) | Q(end__gte=ctx.today))
        .exclude(change_reason=ChangeReason.REMOVED)
        .select_related("product__category")
    }


# Since 2021 an aspecific or generic allocation carries no Omvang (TR375, TR412).
NO_OMVANG_AFTER = dt.date(2020, 12, 31)
CHANGED = "/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct"


def _check_changes(ctx: Context, verzoek: ijw.Verzoek, current: dict[int, Allocation]) -> None:
    """The rules on each TeWijzigenProduct against the allocation it changes.

    - TR357 (9357): a desired start on or before the message date must be the allocation's
      original start (no change in the past).
    - TR373 (9373): a changed budget starts on the allocation's start. Our reading includes
      a changed total volume (frequency 6), which is likewise changed in place (IV066, README
      §3b, §7 "budget/total changes").
    - TR411 (9411): Omvang is required when the allocation has a product code;
      TR412 (9412) / TR375 (9375): no Omvang when it has no code / no product at all and
      ends after 2020 or has no end. (Every allocation in jeugdregie has a product with a
      code, so only TR411 can occur; the other two are kept for data imported otherwise.)
    """
    day = ctx.inbox.dagtekening or ctx.today
    for index, line in enumerate(verzoek.te_wijzigen_producten, start=1):
        allocation = current.get(line.toewijzing_nummer)
        if allocation is None:
            continue  # TR351 already
        path = f"{CHANGED}[{index}]"
        desired = line.gewenste_ingangsdatum
        on_start = desired == allocation.start
        budget_changed = line.budget is not None and (
            allocation.budget is None or line.budget != ijw.cents(allocation.budget)
        )
        total_changed = (
            line.omvang is not None
            and line.omvang.frequentie == cl.Frequentie.TOTAAL
            and allocation.frequency == cl.Frequentie.TOTAAL
            and line.omvang.volume != allocation.volume
        )
        if desired <= day and not on_start:
            ctx.reject(
                line,
                code="9357",
                rule="TR357",
                location=f"{path}/GewensteIngangsdatum",
                text=_(
                    "A change on or before the message date must start on the allocation's "
                    "start date %(start)s."
                )
                % {"start": allocation.start.strftime("%d-%m-%Y")},
            )
        elif (budget_changed or total_changed) and not on_start:
            ctx.reject(
                line,
                code="9373",
                rule="TR373",
                location=f"{path}/GewensteIngangsdatum",
                text=_(
                    "A changed budget or total volume must start on the allocation's start "
                    "date %(start)s."
                )
                % {"start": allocation.start.strftime("%d-%m-%Y")},
            )
        product = allocation.product if allocation.product_id else None
        code = product.code if product is not None else ""
        after_2020 = line.einddatum is None or line.einddatum > NO_OMVANG_AFTER
        if code and line.omvang is None:
            ctx.reject(
                line,
                code="9411",
                rule="TR411",
                location=path,
                text=_("Give the volume (Omvang): allocation %(number)s has a product code.")
                % {"number": line.toewijzing_nummer},
            )
        elif not code and line.omvang is not None and after_2020:
            ctx.reject(
                line,
                code="9375" if product is None else "9412",
                rule="TR375" if product is None else "TR412",
                location=f"{path}/Omvang",
                text=_("Allocation %(number)s has no product code: leave out the volume.")
                % {"number": line.toewijzing_nummer},
            )


def _check_overlap(ctx: Context, verzoek: ijw.Verzoek, current: dict[int, Allocation]) -> None:
    """TR361 (9361): in the desired package the same product (category and code) does not
    occur twice with overlapping periods. Unchanged products count with their allocation's
    period, changed and new ones with their desired start and end. The later occurrence is
    rejected."""
    entries: list[tuple[tuple[str, str], dt.date, dt.date | None, object, str]] = []
    for index, kept in enumerate(verzoek.ongewijzigde_producten, start=1):
        allocation = current.get(kept.toewijzing_nummer)
        if allocation is not None:
            key = (allocation.product.category.code, allocation.product.code)
            path = f"/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[{index}]"
            entries.append((key, allocation.start, allocation.end, kept, path))
    for index, changed in enumerate(verzoek.te_wijzigen_producten, start=1):
        allocation = current.get(changed.toewijzing_nummer)
        if allocation is not None:
            key = (allocation.product.category.code, allocation.product.code)
            entries.append(
                (
                    key,
                    changed.gewenste_ingangsdatum,
                    changed.einddatum,
                    changed,
                    f"{CHANGED}[{index}]",
                )
            )
    for index, new in enumerate(verzoek.nieuwe_producten, start=1):
        if new.product is not None:
            key = (str(new.product.categorie), new.product.code or "")
            path = f"/Client/Verzoek/NieuweProducten/NieuwProduct[{index}]"
            entries.append((key, new.gewenste_ingangsdatum, new.einddatum, new, path))
    for position, (key, start, end, line, path) in enumerate(entries):
        for other_key, other_start, other_end, _line, _path in entries[:position]:
            if (
                key == other_key
                and start <= (other_end or dt.date.max)
                and other_start <= (end or dt.date.max)
            ):
                ctx.reject(
                    line,
                    code="9361",
                    rule="TR361",
                    location=path,
                    text=_("Product %(code)s occurs more than once with overlapping periods.")
                    % {"code": key[1] or key[0]},
                )
                break


def handle_change_request(ctx: Context) -> ChangeRequest | None:
    """Check a JW317 (TR304, TR347, TR374, TR349–TR351, TR357, TR373, TR361, TR375, TR411,
    TR412) and put it on the worklist."""
    message = ctx.message
    assert isinstance(message, ijw.JW317)
    client, verzoek = message.client, message.client.verzoek
    youth = youth_by_bsn(bsn=client.bsn, region=None, keys_only=True)
    current = _current(ctx, youth) if youth is not None else {}
    if youth is None or (not current and not _has_allocation(ctx, youth)):
        # TR304: the BSN is not the client of an allocation of this provider. The same answer
        # whether or not a youth with this BSN exists, and no link to one.
        ctx.reject(
            client,
            code="8187",
            rule="TR304",
            location="/Client/Bsn",
            text=_("No allocation of this provider belongs to this BSN."),
        )
        return None
    ctx.inbox.youth = youth
    open_request, used = _earlier_requests(ctx, youth, [verzoek.referentie_aanbieder])
    if used:
        ctx.reject(
            verzoek,
            code="9347",
            rule="TR347",
            location="/Client/Verzoek/ReferentieAanbieder",
            text=_("Reference %(reference)s was used before by this provider.")
            % {"reference": verzoek.referentie_aanbieder},
        )
    elif open_request:
        ctx.reject(
            verzoek,
            code="9374",
            rule="TR374",
            location="/Client/Verzoek",
            text=_("Another request of this provider for this client is still open."),
        )
    mentioned: set[int] = set()
    checks: tuple[
        tuple[str, list[ijw.OngewijzigdProduct] | list[ijw.TeWijzigenProduct], str, str], ...
    ] = (
        (
            "OngewijzigdeProducten/OngewijzigdProduct",
            verzoek.ongewijzigde_producten,
            "9350",
            "TR350",
        ),
        ("TeWijzigenProducten/TeWijzigenProduct", verzoek.te_wijzigen_producten, "9351", "TR351"),
    )
    for kind, lines, code, rule in checks:
        for index, line in enumerate(lines, start=1):
            number: int = line.toewijzing_nummer  # type: ignore[attr-defined]
            mentioned.add(number)
            if number not in current:
                ctx.reject(
                    line,
                    code=code,
                    rule=rule,
                    location=f"/Client/Verzoek/{kind}[{index}]/ToewijzingNummer",
                    text=_("Allocation %(number)s is not a current allocation of this client.")
                    % {"number": number},
                )
    missing = sorted(set(current) - mentioned)
    if missing:
        ctx.reject(
            verzoek,
            code="9349",
            rule="TR349",
            location="/Client/Verzoek",
            text=_("Current allocations missing from the request: %(numbers)s.")
            % {"numbers": ", ".join(str(n) for n in missing)},
        )
    _check_changes(ctx, verzoek, current)
    _check_overlap(ctx, verzoek, current)
    if ctx.rejected:
        return None
    ctx.inbox.allocations.add(*current.values())
    changes = {
        "unchanged": [line.toewijzing_nummer for line in verzoek.ongewijzigde_producten],
        "changed": [
            {
                "number": line.toewijzing_nummer,
                "start": _date(line.gewenste_ingangsdatum),
                "end": _date(line.einddatum),
                **_json_quantity(line.omvang, line.budget),
            }
            for line in verzoek.te_wijzigen_producten
        ],
        "new": [
            {
                "category": line.product.categorie if line.product else "",
                "code": (line.product.code or "") if line.product else "",
                "start": _date(line.gewenste_ingangsdatum),
                "end": _date(line.einddatum),
                **_json_quantity(line.omvang, line.budget),
            }
            for line in verzoek.nieuwe_producten
        ],
    }
    return ChangeRequest.objects.create(
        inbox_message=ctx.inbox,
        provider=ctx.provider,
        municipality=ctx.municipality,
        youth=youth,
        reference=verzoek.referentie_aanbieder,
        reason=str(verzoek.reden_verzoek),
        changes=changes,
    )


def _json_quantity(omvang: ijw.Omvang | None, budget: int | None) -> dict[str, Any]:
    quantity = _quantity(omvang, budget)
    quantity["budget"] = str(quantity["budget"]) if quantity["budget"] is not None else None
    return quantity


@transaction.atomic
def change_request_reject(
    *, actor: User | None, request: ChangeRequest, reason: str, note: str = ""
) -> ChangeRequest:
    """Reject a request for change as a whole: a JW319 with the WJ759 reason."""
    _reject(request, actor, reason, note)
    return request
