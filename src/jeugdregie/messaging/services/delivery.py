# SPDX-License-Identifier: EUPL-1.2
"""JW305 start and JW307 stop of delivery → delivery periods (TR019, TR304, TR063, TR071,
TR074, TR326, TR382)."""

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
from jeugdregie.messaging.services.context import Context

NEW = cl.StatusAanlevering.EERSTE_AANLEVERING
DELETE = cl.StatusAanlevering.VERWIJDEREN


def _allocation(
    ctx: Context,
    line: ijw.StartProduct | ijw.StopProduct,
    path: str,
    bsn: str,
) -> Allocation | None:
    """The allocation a start/stop line refers to, or None after recording why not."""
    if line.toewijzing_nummer is None:
        ctx.reject(
            line,
            code="9019",
            rule="TR019",
            location=f"{path}/ToewijzingNummer",
            text=_("No allocation number: task-oriented delivery is not reported to us."),
        )
        return None
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
        ctx.reject(
            line,
            code="9019",
            rule="TR019",
            location=f"{path}/ToewijzingNummer",
            text=_("Allocation %(number)s of this provider does not exist.")
            % {"number": line.toewijzing_nummer},
        )
        return None
    if allocation.youth.bsn_index != bsn_lookup_key(bsn):
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
    ctx.inbox.allocations.add(allocation)
    return allocation


def handle_start(ctx: Context) -> None:
    message = ctx.message
    assert isinstance(message, ijw.JW305)
    work: list[tuple[ijw.StartProduct, Allocation, DeliveryPeriod | None]] = []
    for index, line in enumerate(message.client.start_producten, start=1):
        path = f"/Client/StartProducten/StartProduct[{index}]"
        allocation = _allocation(ctx, line, path, message.client.bsn)
        if allocation is None:
            continue
        periods = list(allocation.delivery_periods.all())
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
    if ctx.rejected:
        return
    for line, allocation, period in work:
        if period is None:
            delivery_start(actor=None, allocation=allocation, start=line.begindatum)
        else:
            delivery_remove(actor=None, period=period)


def handle_stop(ctx: Context) -> None:
    message = ctx.message
    assert isinstance(message, ijw.JW307)
    work: list[tuple[ijw.StopProduct, DeliveryPeriod]] = []
    for index, line in enumerate(message.client.stop_producten, start=1):
        path = f"/Client/StopProducten/StopProduct[{index}]"
        allocation = _allocation(ctx, line, path, message.client.bsn)
        if allocation is None:
            continue
        period = next(
            (p for p in allocation.delivery_periods.all() if p.start == line.begindatum), None
        )
        if line.status_aanlevering == NEW:
            if period is None:
                ctx.reject(
                    line,
                    code="9069",
                    rule="TR382",
                    location=f"{path}/Begindatum",
                    text=_("The stop does not repeat the allocation and start date of a start."),
                )
            elif period.end is not None:
                ctx.reject(
                    line,
                    code="9074",
                    rule="TR074",
                    location=f"{path}/Einddatum",
                    text=_("This stop was received before."),
                )
            else:
                work.append((line, period))
        elif period is None or period.end is None:
            ctx.reject(
                line,
                code="9063",
                rule="TR063",
                location=f"{path}/StatusAanlevering",
                text=_("There is no earlier stop with this allocation and date to delete."),
            )
        else:
            work.append((line, period))
    if ctx.rejected:
        return
    for line, period in work:
        if line.status_aanlevering == DELETE:
            delivery_stop_undo(actor=None, period=period)
        else:
            delivery_stop(
                actor=None,
                period=period,
                end=line.einddatum,
                temporary=line.reden_beeindiging == cl.RedenBeeindiging.TIJDELIJK,
            )
