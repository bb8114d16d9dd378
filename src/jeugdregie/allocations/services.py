# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import BigIntegerField, Max
from django.db.models.functions import Cast
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation, AllocationNumberCounter, DeliveryPeriod
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.constants import MEDICAL_REFERRERS, ReferrerType
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.regions.models import Municipality

__all__ = [
    "allocation_number_counters_sync",
    "allocation_number_taken",
    "delivery_remove",
    "delivery_start",
    "delivery_stop",
    "delivery_stop_undo",
    "ensure_contracted",
    "next_allocation_number",
]


def _highest_allocation_number(*, municipality: Municipality) -> int:
    highest = Allocation.objects.filter(municipality=municipality).aggregate(
        highest=Max(Cast("number", BigIntegerField()))
    )["highest"]
    return int(highest or 0)


def _allocation_number_counter_locked(*, municipality: Municipality) -> AllocationNumberCounter:
    """The municipality's counter, locked until the surrounding transaction ends.

    Created on first use from the highest number already written (the data migration does
    this for existing municipalities); when two creators make it at once, the second one's
    insert waits for the first, fails on the primary key and then reads the first's row.
    """
    counters = AllocationNumberCounter.objects.select_for_update(of=("self",))
    counter = counters.filter(municipality=municipality).first()
    if counter is not None:
        return counter
    try:
        with transaction.atomic():
            return AllocationNumberCounter.objects.create(
                municipality=municipality,
                last_number=_highest_allocation_number(municipality=municipality),
            )
    except IntegrityError:  # a concurrent creator made it first
        return counters.get(municipality=municipality)


def next_allocation_number(*, municipality: Municipality) -> str:
    """One past the last number handed out in ``municipality``; same format as before (digits,
    no leading zeros). Call it inside the transaction that saves the allocation: the counter
    row stays locked until that commits, so concurrent creators get consecutive numbers."""
    counter = _allocation_number_counter_locked(municipality=municipality)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return str(counter.last_number)


def allocation_number_taken(*, municipality: Municipality, number: str) -> None:
    """A number given from outside (the masterdata import) moves the counter on
    when it lies beyond it, so the next generated number does not collide with it."""
    if not number.isdigit():
        return  # the model's validator refuses it with its own message
    counter = _allocation_number_counter_locked(municipality=municipality)
    if int(number) > counter.last_number:
        counter.last_number = int(number)
        counter.save(update_fields=["last_number"])


def allocation_number_counters_sync(*, municipalities: Iterable[Municipality]) -> None:
    """Set the counters of ``municipalities`` to their highest number, after allocations were
    written in bulk without the services (the demo writer)."""
    for municipality in municipalities:
        highest = _highest_allocation_number(municipality=municipality)
        AllocationNumberCounter.objects.update_or_create(
            municipality=municipality, defaults={"last_number": highest}
        )


def ensure_contracted(
    *, provider: Provider, product: Product, on: date, referrer_type: str = ""
) -> str | None:
    """Refuse new care at a provider that is not contracted for the product's lot on ``on``
    (``contracting.selectors.provider_contracted``), with the reason on the provider field.

    A medical referral (COD327 02 general practitioner, 03 youth doctor, 05 medical
    specialist) is flagged, not blocked: the reason is returned for the worklist instead.
    None when the provider is contracted.
    """
    if provider_contracted(provider=provider, product=product, on=on):
        return None
    reason = _("%(provider)s has no contract for lot %(lot)s on %(day)s.") % {
        "provider": provider.name,
        "lot": product.lot.name,
        "day": date_format(on, "j F Y"),
    }
    if referrer_type in MEDICAL_REFERRERS:
        return (
            reason
            + " "
            + _("The referral is medical (%(referrer)s): flagged, not refused.")
            % {"referrer": ReferrerType(referrer_type).label}
        )
    raise ValidationError(
        {
            "provider": reason
            + " "
            + _("Choose a contracted provider, or request a light contract.")
        },
        code="not_contracted",
    )


# The delivery writes run for every JW305/JW307. Each checks first (a refusal leaves the
# caller's transaction usable) and then writes without a savepoint of its own inside the
# caller's transaction: two round trips less per message.
def delivery_start(*, actor: User | None, allocation: Allocation, start: date) -> DeliveryPeriod:
    if start < allocation.start or (allocation.end and start > allocation.end):
        raise ValidationError({"start": _("Care can only start within the allocation period.")})
    with transaction.atomic(savepoint=False):
        period = DeliveryPeriod.objects.create(allocation=allocation, start=start)
        if allocation.status == AllocationStatus.ALLOCATED:
            before = snapshot(allocation)
            allocation.status = AllocationStatus.IN_CARE
            allocation.save(update_fields=["status"])
            change_record_create(
                user=actor, instance=allocation, action=ChangeAction.UPDATE, before=before
            )
    return period


@transaction.atomic(savepoint=False)
def delivery_remove(*, actor: User | None, period: DeliveryPeriod) -> None:
    """Undo a reported start (JW305 with StatusAanlevering 3)."""
    allocation = period.allocation
    change_record_create(user=actor, instance=period, action=ChangeAction.DELETE)
    period.delete()
    if allocation.status == AllocationStatus.IN_CARE and not allocation.delivery_periods.exists():
        before = snapshot(allocation)
        allocation.status = AllocationStatus.ALLOCATED
        allocation.save(update_fields=["status"])
        change_record_create(
            user=actor, instance=allocation, action=ChangeAction.UPDATE, before=before
        )


def delivery_stop(
    *, actor: User | None, period: DeliveryPeriod, end: date, temporary: bool = False
) -> DeliveryPeriod:
    """Close a delivery period (JW307); a temporary stop (reason 20) may be followed by a
    new start."""
    if end < period.start:
        raise ValidationError({"end": _("The end date lies before the start date.")})
    before = snapshot(period)
    period.end = end  # the end is checked above; the period and its allocation exist
    with transaction.atomic(savepoint=False):
        period.save(update_fields=["end"])
        change_record_create(user=actor, instance=period, action=ChangeAction.UPDATE, before=before)
    return period


@transaction.atomic(savepoint=False)
def delivery_stop_undo(*, actor: User | None, period: DeliveryPeriod) -> DeliveryPeriod:
    """Undo a reported stop (JW307 with StatusAanlevering 3): the period is open again."""
    before = snapshot(period)
    period.end = None
    period.save(update_fields=["end"])
    change_record_create(user=actor, instance=period, action=ChangeAction.UPDATE, before=before)
    return period
