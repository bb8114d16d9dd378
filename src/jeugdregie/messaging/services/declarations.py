# SPDX-License-Identifier: EUPL-1.2
"""JW323 declarations: the declaration as a whole (TR333, TR318), every line checked against
its allocation (`declaration_lines`: TR314, TR319, TR338–TR341, TR304, TR384, TR307/308,
TR387/388, TR321/322/369, TR346, TR418, credit/debit pairing TR323, TR389, TR390);
approved lines booked as realisation for the budget ledger."""

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.budgets.constants import RealisationSource
from jeugdregie.budgets.services import RealisationLine, realisations_book
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.messaging.models import DeclarationLine
from jeugdregie.messaging.services import sql
from jeugdregie.messaging.services.context import Context
from jeugdregie.messaging.services.declaration_lines import KnownLines, check_line, last_day

__all__ = [
    "handle_declaration",
]


def _next_month(day: dt.date) -> dt.date:
    return last_day(day) + dt.timedelta(days=1)


def _period_refusal(ctx: Context, period: dt.date, previous: dt.date | None) -> str | None:
    """TR318 (8214): the declaration period must be the month after the provider's previous
    declaration to this municipality, as long as care was delivered in every period.

    Our reading of the rule (README §5, WJ001 8214, IV090): the previous declaration is the
    latest one not rejected as a whole. A period on or before it is refused (late lines go
    into the next declaration, never into an earlier or the same period). Months skipped
    in between are allowed only when in at least one of them none of the provider's
    allocations in this municipality had delivery; when care ran through every skipped
    month the declaration is refused. The first declaration of a provider is free.
    """
    if previous is None:
        return None
    expected = _next_month(previous)
    if period == expected:
        return None
    if period < expected:
        return _("The previous declaration already covered %(month)s; declare in %(next)s.") % {
            "month": previous.strftime("%m-%Y"),
            "next": expected.strftime("%m-%Y"),
        }
    skipped = []
    month = expected
    while month < period:
        skipped.append(month)
        month = _next_month(month)
    delivered = DeliveryPeriod.objects.filter(
        allocation__provider=ctx.provider,
        allocation__municipality=ctx.municipality,
        start__lt=period,
    ).filter(Q(end__isnull=True) | Q(end__gte=expected))
    spans = list(delivered.values_list("start", "end"))
    if all(
        any(start <= last_day(month) and (end is None or end >= month) for start, end in spans)
        for month in skipped
    ):
        return _(
            "Care was delivered in every month since the previous declaration (%(month)s); "
            "declare %(next)s first."
        ) % {"month": previous.strftime("%m-%Y"), "next": expected.strftime("%m-%Y")}
    return None


def handle_declaration(ctx: Context) -> int:
    """Check and book a JW323; the number of approved lines."""
    message = ctx.message
    assert isinstance(message, ijw.JW323)
    declaration = message.declaratie
    if _declaration_refused(ctx, declaration):
        return 0
    ctx.inbox.declaration_period = declaration.declaratie_periode.begindatum
    known = KnownLines(ctx, declaration)
    seen: set[str] = set()
    rows: list[DeclarationLine] = []
    booked: list[RealisationLine] = []
    for client_index, client in enumerate(declaration.clienten, start=1):
        key = bsn_lookup_key(client.bsn)
        for line_index, line in enumerate(client.prestaties, start=1):
            path = f"/Declaratie/Clienten/Client[{client_index}]/Prestaties/Prestatie[{line_index}]"
            code, found, text = check_line(ctx, line, key, known, seen)
            reference = line.product_referentie.referentie_nummer
            seen.add(reference)
            allocation = found if isinstance(found, Allocation) else None
            if code is not None:
                ctx.reject(line, code=code, rule=str(found), location=path, text=str(text))
            credit = line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
            amount = ijw.euros(line.ingediend_bedrag.bedrag)
            rows.append(_line_row(ctx, line, allocation, amount, credit, code))
            if code is None and allocation is not None:
                known.book(line, allocation, amount)
                start = line.product_periode.begindatum
                booked.append(
                    RealisationLine(
                        year=start.year,
                        month=start.month,
                        amount=amount,
                        is_credit=credit,
                        reference=f"{ctx.provider.agb_code}/{reference}",
                        allocation=allocation,
                    )
                )
    # The approved lines are realisation for the budget ledger: booked at once (one insert,
    # one ledger update for the provider).
    realisations_book(
        actor=None,
        region=ctx.municipality.region,
        provider=ctx.provider,
        lines=booked,
        source=RealisationSource.DECLARATION,
        references_checked=True,  # TR314 above: a line reference is used once
    )
    # the lines link the message to its allocations (no separate links, as for 305/307)
    DeclarationLine.objects.bulk_create(rows)
    return len(booked)


def _declaration_refused(ctx: Context, declaration: ijw.Declaratie) -> bool:
    """TR333 (a declaration number used before) and TR318 (the period must follow the
    previous declaration): the declaration is refused as a whole."""
    number = declaration.declaratie_nummer
    ctx.inbox.reference = number
    used, latest = sql.earlier_declarations(  # TR333, TR318
        provider_id=ctx.provider.pk,
        municipality_id=ctx.municipality.pk,
        number=number,
        inbox_id=ctx.inbox.pk,
    )
    if used:
        ctx.reject(
            None,
            code="9333",
            rule="TR333",
            location="/Declaratie/DeclaratieNummer",
            text=_("Declaration number %(number)s was used before.") % {"number": number},
        )
        return True
    refusal = _period_refusal(ctx, declaration.declaratie_periode.begindatum, latest)
    if refusal is not None:
        ctx.reject(
            None,
            code="8214",
            rule="TR318",
            location="/Declaratie/DeclaratiePeriode",
            text=refusal,
        )
        return True
    return False


def _line_row(
    ctx: Context,
    line: ijw.Prestatie,
    allocation: Allocation | None,
    amount: Decimal,
    credit: bool,
    code: str | None,
) -> DeclarationLine:
    """The stored line, approved or with its retour code."""
    return DeclarationLine(
        inbox_message=ctx.inbox,
        provider=ctx.provider,
        reference=line.product_referentie.referentie_nummer,
        previous_reference=line.product_referentie.vorig_referentie_nummer or "",
        allocation=allocation,
        start=line.product_periode.begindatum,
        end=line.product_periode.einddatum,
        volume=line.geleverd_volume,
        unit=str(line.eenheid),
        tariff=(ijw.euros(line.product_tarief) if line.product_tarief is not None else None),
        amount=amount,
        is_credit=credit,
        approved=code is None,
        retour_code=code or "",
    )
