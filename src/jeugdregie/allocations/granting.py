# SPDX-License-Identifier: EUPL-1.2
"""Writing an allocation record: create, change, end. Only the workflows call these
(``jeugdregie.workflows.allocations``; a contract in ``.importlinter`` keeps it so): an
allocation never comes or changes without its checks, its ledger line and its JW301."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import allocation_number_taken, next_allocation_number
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.regions.models import Municipality

if TYPE_CHECKING:
    from jeugdregie.budgets.models import CeilingException

__all__ = ["allocation_create", "allocation_end", "allocation_update"]


@transaction.atomic
def allocation_create(
    *,
    actor: User | None,
    youth: Youth,
    provider: Provider,
    product: Product,
    start: date,
    end: date | None = None,
    volume: int | None = None,
    frequency: str = "",
    budget: Decimal | None = None,
    referral: Referral | None = None,
    municipality: Municipality | None = None,
    number: str | None = None,
    unit_price: Decimal | None = None,
    extension_of: Allocation | None = None,
    ceiling_exception: "CeilingException | None" = None,
) -> Allocation:
    """The allocation record: checked, numbered, saved and in the change log. The checks
    that may refuse it (client stop, nee-tenzij, contracted supply), the ledger and the JW301
    are the workflow's: ``jeugdregie.workflows.allocations.allocation_grant``."""
    municipality = municipality or youth.municipality
    if product.region_id != municipality.region_id:
        raise ValidationError({"product": _("This product is not bought by the region.")})
    if volume is None and budget is None:
        raise ValidationError({"volume": _("Give a volume or a budget.")})
    if extension_of is not None and (
        extension_of.youth_id != youth.pk or extension_of.provider_id != provider.pk
    ):
        raise ValidationError(
            {"extension_of": _("An extension continues care of the same youth and provider.")}
        )
    if number:
        allocation_number_taken(municipality=municipality, number=number)
    else:
        number = next_allocation_number(municipality=municipality)
    allocation = Allocation(
        municipality=municipality,
        number=number,
        youth=youth,
        referral=referral,
        provider=provider,
        product=product,
        volume=volume,
        unit=product.unit,
        frequency=frequency,
        budget=budget,
        unit_price=unit_price,
        ceiling_exception=ceiling_exception,
        start=start,
        end=end,
    )
    allocation.full_clean()
    allocation.save()
    change_record_create(user=actor, instance=allocation, action=ChangeAction.CREATE)
    return allocation


@transaction.atomic
def allocation_update(
    *,
    actor: User | None,
    allocation: Allocation,
    reason: str,
    volume: int | None,
    frequency: str,
    budget: Decimal | None,
    end: date | None,
    unit_price: Decimal | None = None,
) -> Allocation:
    """Change the terms of a running allocation (the record; the workflow
    ``allocation_change`` updates the ledger and sends the JW301 with a JZ002 reason)."""
    before = snapshot(allocation)
    changes = {
        "volume": volume,
        "frequency": frequency,
        "budget": budget,
        "unit_price": unit_price,
        "end": end,
    }
    for name, value in changes.items():
        setattr(allocation, name, value)
    if allocation.volume is None and allocation.budget is None:
        raise ValidationError({"volume": _("Give a volume or a budget.")})
    if allocation.end is not None and allocation.end < allocation.start:
        raise ValidationError({"end": _("The end date lies before the start date.")})
    allocation.change_reason = reason
    allocation.full_clean()
    allocation.save()
    change_record_create(user=actor, instance=allocation, action=ChangeAction.UPDATE, before=before)
    return allocation


@transaction.atomic
def allocation_end(
    *, actor: User | None, allocation: Allocation, end: date, reason: str
) -> Allocation:
    if end < allocation.start:
        raise ValidationError({"end": _("The end date lies before the start date.")})
    before = snapshot(allocation)
    allocation.end, allocation.change_reason = end, reason
    allocation.status = AllocationStatus.ENDED
    allocation.full_clean()
    allocation.save()
    change_record_create(user=actor, instance=allocation, action=ChangeAction.UPDATE, before=before)
    return allocation
