# SPDX-License-Identifier: EUPL-1.2
"""JW305 start and JW307 stop of delivery → delivery periods (TR019, TR304, TR063, TR071,
TR074, TR326, TR382, the temporary-stop rules TR413–TR415)."""

from django.utils.translation import gettext as _

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.allocations.services import (
    delivery_remove,
    delivery_start,
    delivery_stop,
    delivery_stop_undo,
)
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.messaging.models import ReportedStop
from jeugdregie.messaging.services.context import Context, allocations_by_number, link_allocations

__all__ = [
    "DELETE",
    "NEW",
    "handle_start",
    "handle_stop",
]

NEW = cl.StatusAanlevering.EERSTE_AANLEVERING
DELETE = cl.StatusAanlevering.VERWIJDEREN


def _allocation(
    ctx: Context,
    line: ijw.StartProduct | ijw.StopProduct,
    path: str,
    bsn: str,
) -> tuple[Allocation, list[DeliveryPeriod]] | None:
    """The allocation a start/stop line refers to with its delivery periods, or None after
    recording why not."""
    if line.toewijzing_nummer is None:
        ctx.reject(
            line,
            code="9019",
            rule="TR019",
            location=f"{path}/ToewijzingNummer",
            text=_("No allocation number: task-oriented delivery is not reported to us."),
        )
        return None
    number = str(line.toewijzing_nummer)
    found = allocations_by_number(ctx, [number], with_periods=True).get(number)
    if found is None:
        ctx.reject(
            line,
            code="9019",
            rule="TR019",
            location=f"{path}/ToewijzingNummer",
            text=_("Allocation %(number)s of this provider does not exist.")
            % {"number": line.toewijzing_nummer},
        )
        return None
    allocation, periods = found
    if getattr(allocation, "youth_bsn_index", None) != bsn_lookup_key(bsn):
        ctx.reject(
            line,
            code="8187",
            rule="TR304",
            location=f"{path}/ToewijzingNummer",
            text=_("Allocation %(number)s belongs to another client.")
            % {"number": line.toewijzing_nummer},
        )
        return None
    product = line.product
    if product is not None and (
        product.categorie != allocation.product.category.code
        or (product.code is not None and product.code != allocation.product.code)
    ):
        ctx.reject(
            line,
            code="9019",
            rule="TR019",
            location=f"{path}/Product",
            text=_("The product differs from the allocated product %(code)s.")
            % {"code": allocation.product.code},
        )
        return None
    return allocation, periods


def handle_start(ctx: Context) -> None:
    message = ctx.message
    assert isinstance(message, ijw.JW305)
    work: list[tuple[ijw.StartProduct, Allocation, DeliveryPeriod | None]] = []
    found: list[Allocation] = []
    for index, line in enumerate(message.client.start_producten, start=1):
        path = f"/Client/StartProducten/StartProduct[{index}]"
        looked_up = _allocation(ctx, line, path, message.client.bsn)
        if looked_up is None:
            continue
        allocation, periods = looked_up
        found.append(allocation)
        same = next((p for p in periods if p.start == line.begindatum), None)
        if line.status_aanlevering == NEW:
            if same is not None:
                ctx.reject(
                    line,
                    code="9074",
                    rule="TR074",
                    location=f"{path}/Begindatum",
                    text=_("This start was received before."),
                )
            elif any(p.end is None for p in periods):
                ctx.reject(
                    line,
                    code="9326",
                    rule="TR326",
                    location=f"{path}/Begindatum",
                    text=_("A start of this allocation is still active; send a stop first."),
                )
            elif line.begindatum < allocation.start or (
                allocation.end is not None and line.begindatum > allocation.end
            ):
                ctx.reject(
                    line,
                    code="9019",
                    rule="TR019",
                    location=f"{path}/Begindatum",
                    text=_("The start date lies outside the allocation period."),
                )
            else:
                work.append((line, allocation, None))
        elif same is None:
            ctx.reject(
                line,
                code="9063",
                rule="TR063",
                location=f"{path}/StatusAanlevering",
                text=_("There is no earlier start with this allocation and date to delete."),
            )
        elif same.end is not None:
            ctx.reject(
                line,
                code="9071",
                rule="TR071",
                location=f"{path}/StatusAanlevering",
                text=_("A start cannot be deleted once a stop was sent for it."),
            )
        else:
            work.append((line, allocation, same))
    link_allocations(ctx.inbox, found)
    if ctx.rejected:
        return
    for line, allocation, period in work:
        if period is None:
            delivery_start(actor=None, allocation=allocation, start=line.begindatum)
        else:
            delivery_remove(actor=None, period=period)


def _stop_refusal(
    line: ijw.StopProduct, period: DeliveryPeriod, active: list[ReportedStop]
) -> tuple[str, str, str, str] | None:
    """(code, rule, element, Dutch text) when a new stop (status 1) breaks the stop rules.

    ``active``: the stops reported earlier for this allocation and start, not withdrawn.
    After a temporary stop (reason 20) follows either a new start or one final stop with
    another reason and an end date on or after the temporary one (TR413–TR415, README §3e).
    A period ended without a recorded stop (entered before stops were recorded) counts as
    finally stopped, as before: TR074.
    """
    temporary = line.reden_beeindiging == cl.RedenBeeindiging.TIJDELIJK
    if any(s.end == line.einddatum and s.reason == line.reden_beeindiging for s in active):
        return "9074", "TR074", "Einddatum", _("This stop was received before.")
    if any(s.reason != cl.RedenBeeindiging.TIJDELIJK for s in active):
        return (
            "9415",
            "TR415",
            "RedenBeeindiging",
            _("Delivery from this start date was already stopped for good."),
        )
    if not active:
        if period.end is None:
            return None
        return "9074", "TR074", "Einddatum", _("This stop was received before.")
    if temporary:
        return (
            "9413",
            "TR413",
            "RedenBeeindiging",
            _("Delivery from this start date was already stopped temporarily."),
        )
    latest = max(s.end for s in active)
    if line.einddatum < latest:
        return (
            "9414",
            "TR414",
            "Einddatum",
            _("The end date lies before the end date %(end)s of the temporary stop.")
            % {"end": latest.strftime("%d-%m-%Y")},
        )
    return None


def handle_stop(ctx: Context) -> None:
    message = ctx.message
    assert isinstance(message, ijw.JW307)
    work: list[tuple[ijw.StopProduct, Allocation, DeliveryPeriod, list[ReportedStop]]] = []
    found: list[Allocation] = []
    for index, line in enumerate(message.client.stop_producten, start=1):
        path = f"/Client/StopProducten/StopProduct[{index}]"
        looked_up = _allocation(ctx, line, path, message.client.bsn)
        if looked_up is None:
            continue
        allocation, periods = looked_up
        found.append(allocation)
        period = next((p for p in periods if p.start == line.begindatum), None)
        if period is None:
            if line.status_aanlevering == NEW:
                ctx.reject(
                    line,
                    code="9069",
                    rule="TR382",
                    location=f"{path}/Begindatum",
                    text=_("The stop does not repeat the allocation and start date of a start."),
                )
            else:
                ctx.reject(
                    line,
                    code="9063",
                    rule="TR063",
                    location=f"{path}/StatusAanlevering",
                    text=_("There is no earlier stop with this allocation and date to delete."),
                )
            continue
        # A stop reported here ends the period and withdrawing the last one opens it again
        # (``_withdraw``), so an open period has no active stops: read them only for an
        # ended period.
        active = (
            list(
                ReportedStop.objects.filter(
                    allocation=allocation, start=line.begindatum, withdrawn_by=None
                )
            )
            if period.end is not None
            else []
        )
        if line.status_aanlevering == NEW:
            refusal = _stop_refusal(line, period, active)
            if refusal is not None:
                code, rule, element, text = refusal
                ctx.reject(line, code=code, rule=rule, location=f"{path}/{element}", text=text)
                continue
        elif period.end is None or (active and not any(s.end == line.einddatum for s in active)):
            ctx.reject(
                line,
                code="9063",
                rule="TR063",
                location=f"{path}/StatusAanlevering",
                text=_("There is no earlier stop with this allocation and date to delete."),
            )
            continue
        work.append((line, allocation, period, active))
    link_allocations(ctx.inbox, found)
    if ctx.rejected:
        return
    for line, allocation, period, active in work:
        if line.status_aanlevering == DELETE:
            _withdraw(ctx, line, period, active)
            continue
        delivery_stop(
            actor=None,
            period=period,
            end=line.einddatum,
            temporary=line.reden_beeindiging == cl.RedenBeeindiging.TIJDELIJK,
        )
        ReportedStop.objects.create(
            inbox_message=ctx.inbox,
            allocation=allocation,
            start=line.begindatum,
            end=line.einddatum,
            reason=str(line.reden_beeindiging),
        )


def _withdraw(
    ctx: Context, line: ijw.StopProduct, period: DeliveryPeriod, active: list[ReportedStop]
) -> None:
    """A stop deleted (status 3): delivery is open again, or stopped as the stop before it
    (a final stop withdrawn after a temporary one leaves the temporary stop)."""
    withdrawn = [s for s in active if s.end == line.einddatum][-1:]
    for stop in withdrawn:
        stop.withdrawn_by = ctx.inbox
        stop.save(update_fields=["withdrawn_by"])
    remaining = [s for s in active if s not in withdrawn]
    if remaining:
        delivery_stop(
            actor=None,
            period=period,
            end=remaining[-1].end,
            temporary=remaining[-1].reason == cl.RedenBeeindiging.TIJDELIJK,
        )
    else:
        delivery_stop_undo(actor=None, period=period)
