# SPDX-License-Identifier: EUPL-1.2
"""JW323 declarations: every line checked against its allocation; approved lines booked as
realisation for the budget ledger (TR333, TR314, TR338–TR341, TR304, TR384, TR307/308,
TR387/388, TR321/322/369, TR418, credit pairing TR323)."""

import calendar
import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.constants import RealisationSource
from jeugdregie.budgets.services import realisation_book
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.contracting.models import Tariff
from jeugdregie.messaging.models import DeclarationLine, InboxMessage
from jeugdregie.messaging.services.context import Context


def _last_day(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def contract_tariff(allocation: Allocation, on: dt.date) -> Decimal | None:
    """The price per unit agreed for this allocation on ``on``."""
    if allocation.unit_price is not None:
        return allocation.unit_price
    tariff = (
        Tariff.objects.filter(product=allocation.product_id, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )
    return tariff.amount if tariff else None


def _allowed_volume(allocation: Allocation, start: dt.date, end: dt.date) -> int | None:
    """TR321: the most that can be declared in one line for a volume per day/week/month."""
    volume = allocation.volume
    if volume is None:
        return None
    days = (end - start).days + 1
    if allocation.frequency == "1":
        return volume * days
    if allocation.frequency == "2":
        weeks = {(start + dt.timedelta(days=n)).isocalendar()[:2] for n in range(days)}
        return volume * len(weeks)
    if allocation.frequency == "4":
        return volume
    return None


def _approved(allocation: Allocation) -> tuple[int, Decimal]:
    """Approved volume and amount so far (debits minus credits)."""
    totals = {
        credit: DeclarationLine.objects.filter(
            allocation=allocation, approved=True, is_credit=credit
        ).aggregate(volume=Sum("volume"), amount=Sum("amount"))
        for credit in (False, True)
    }
    volume = (totals[False]["volume"] or 0) - (totals[True]["volume"] or 0)
    amount = (totals[False]["amount"] or Decimal(0)) - (totals[True]["amount"] or Decimal(0))
    return volume, amount


def _check_line(
    ctx: Context, line: ijw.Prestatie, bsn_key: str, path: str, seen: set[str]
) -> tuple[str, str, str] | tuple[None, Allocation, None]:
    """(code, rule, Dutch text) of the first rule the line breaks, or (None, allocation, None)."""
    reference = line.product_referentie.referentie_nummer
    start, end = line.product_periode.begindatum, line.product_periode.einddatum
    if (
        reference in seen
        or DeclarationLine.objects.filter(provider=ctx.provider, reference=reference).exists()
    ):
        return (
            "8021",
            "TR314",
            _("Line reference %(reference)s was used before.") % {"reference": reference},
        )
    allocation = (
        Allocation.objects.filter(
            municipality=ctx.municipality,
            provider=ctx.provider,
            number=str(line.toewijzing_nummer),
        )
        .select_related("youth", "product__category")
        .first()
    )
    if allocation is None:
        return (
            "9338",
            "TR338",
            _("Allocation %(number)s of this provider does not exist.")
            % {"number": line.toewijzing_nummer},
        )
    if allocation.youth.bsn_index != bsn_key:
        return (
            "8187",
            "TR304",
            _("Allocation %(number)s belongs to another client.")
            % {"number": line.toewijzing_nummer},
        )
    if allocation.change_reason == ChangeReason.REMOVED:
        return (
            "9384",
            "TR384",
            _("Allocation %(number)s was deleted.") % {"number": line.toewijzing_nummer},
        )
    if line.product_categorie != allocation.product.category.code:
        return "9339", "TR339", _("The product category differs from the allocation's.")
    if line.product_code != allocation.product.code:
        return "9340", "TR340", _("The product code differs from the allocation's.")
    if line.eenheid != allocation.unit:
        return "9341", "TR341", _("The unit differs from the allocation's unit.")
    if start < allocation.start:
        return "9307", "TR307", _("The line starts before the allocation.")
    if allocation.end is not None and end > allocation.end:
        return "9308", "TR308", _("The line ends after the allocation.")
    if start.day != 1 and start != allocation.start:
        return (
            "9387",
            "TR387",
            _("The line starts neither on the 1st of the month nor on the allocation's start."),
        )
    if end != _last_day(end) and end != allocation.end:
        return (
            "9388",
            "TR388",
            _("The line ends neither on the last day of the month nor on the allocation's end."),
        )
    credit = line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
    if credit:
        previous = line.product_referentie.vorig_referentie_nummer
        original = DeclarationLine.objects.filter(
            provider=ctx.provider, reference=previous or "", approved=True, is_credit=False
        ).first()
        credited = DeclarationLine.objects.filter(
            provider=ctx.provider, previous_reference=previous or "", approved=True
        ).exists()
        if original is None or credited:
            return "8017", "TR323", _("The credit refers to no approved, uncredited line.")
        return None, allocation, None
    if allocation.unit != "83":
        tariff = contract_tariff(allocation, start)
        if tariff is not None and line.product_tarief != ijw.cents(tariff):
            return (
                "0611",
                "TR418",
                _("Tariff € %(declared)s differs from the contract tariff € %(tariff)s.")
                % {
                    "declared": ijw.euros(line.product_tarief or 0),
                    "tariff": tariff,
                },
            )
    allowed = _allowed_volume(allocation, start, end)
    if allowed is not None and line.geleverd_volume > allowed:
        return (
            "9321",
            "TR321",
            _("Volume %(volume)s is above the allocated %(allowed)s.")
            % {
                "volume": line.geleverd_volume,
                "allowed": allowed,
            },
        )
    volume_so_far, amount_so_far = _approved(allocation)
    if (
        allocation.frequency == "6"
        and allocation.volume is not None
        and volume_so_far + line.geleverd_volume > allocation.volume
    ):
        return "9322", "TR322", _("Together with earlier lines the allocated volume is exceeded.")
    if (
        allocation.budget is not None
        and amount_so_far + ijw.euros(line.ingediend_bedrag.bedrag) > allocation.budget
    ):
        return "9369", "TR369", _("Together with earlier lines the budget is exceeded.")
    return None, allocation, None


def handle_declaration(ctx: Context) -> None:
    message = ctx.message
    assert isinstance(message, ijw.JW323)
    declaration = message.declaratie
    number = declaration.declaratie_nummer
    ctx.inbox.reference = number
    if (
        InboxMessage.objects.filter(
            provider=ctx.provider, message_type="JW323", reference=number, duplicate_of=None
        )
        .exclude(pk=ctx.inbox.pk)
        .exists()
    ):
        ctx.reject(
            None,
            code="9333",
            rule="TR333",
            location="/Declaratie/DeclaratieNummer",
            text=_("Declaration number %(number)s was used before.") % {"number": number},
        )
        return
    seen: set[str] = set()
    for client_index, client in enumerate(declaration.clienten, start=1):
        key = bsn_lookup_key(client.bsn)
        for line_index, line in enumerate(client.prestaties, start=1):
            path = f"/Declaratie/Clienten/Client[{client_index}]/Prestaties/Prestatie[{line_index}]"
            code, found, text = _check_line(ctx, line, key, path, seen)
            reference = line.product_referentie.referentie_nummer
            seen.add(reference)
            allocation = found if isinstance(found, Allocation) else None
            if code is not None:
                ctx.reject(line, code=code, rule=str(found), location=path, text=str(text))
            credit = line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
            amount = ijw.euros(line.ingediend_bedrag.bedrag)
            DeclarationLine.objects.create(
                inbox_message=ctx.inbox,
                provider=ctx.provider,
                reference=reference,
                previous_reference=line.product_referentie.vorig_referentie_nummer or "",
                allocation=allocation,
                start=line.product_periode.begindatum,
                end=line.product_periode.einddatum,
                volume=line.geleverd_volume,
                unit=str(line.eenheid),
                tariff=ijw.euros(line.product_tarief) if line.product_tarief is not None else None,
                amount=amount,
                is_credit=credit,
                approved=code is None,
                retour_code=code or "",
            )
            if code is None and allocation is not None:
                ctx.inbox.allocations.add(allocation)
                start = line.product_periode.begindatum
                realisation_book(
                    actor=None,
                    region=ctx.municipality.region,
                    provider=ctx.provider,
                    year=start.year,
                    month=start.month,
                    amount=amount,
                    source=RealisationSource.DECLARATION,
                    is_credit=credit,
                    reference=f"{ctx.provider.agb_code}/{reference}",
                    allocation=allocation,
                )
