# SPDX-License-Identifier: EUPL-1.2
"""Grant, change and end an allocation: the one path every allocation takes.

Before the write, the checks that may refuse it: contracted supply (a manual allocation),
the provider's client stop, or the granted nee-tenzij exception it is made under. After
the write, the apps that follow an allocation: the budget ledger and the JW301 to the
provider (OP087).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from jeugdregie.accounts.models import User
from jeugdregie.allocations import granting
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import ensure_contracted
from jeugdregie.budgets.client_stops import ensure_inflow_allowed
from jeugdregie.budgets.exceptions import check_exception_allocation
from jeugdregie.budgets.ledger import ledger_allocation_changed
from jeugdregie.budgets.models import CeilingException
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.messaging.services.outgoing import allocation_message_queue
from jeugdregie.regions.models import Municipality

__all__ = [
    "allocation_change",
    "allocation_finish",
    "allocation_grant",
    "allocation_grant_manual",
]


def _follow(allocation: Allocation) -> None:
    ledger_allocation_changed(allocation=allocation)
    allocation_message_queue(allocation=allocation)  # JW301 to the provider (OP087)


@transaction.atomic
def allocation_grant(
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
    ceiling_exception: CeilingException | None = None,
) -> Allocation:
    """A new allocation; refused at a provider under a client stop unless it extends
    running care of the same youth there (``extension_of``) and the region allows that.
    Care under a granted nee-tenzij exception has its own budget line and no stop."""
    region = (municipality or youth.municipality).region
    if ceiling_exception is not None:
        check_exception_allocation(exception=ceiling_exception, youth=youth, provider=provider)
    else:
        ensure_inflow_allowed(
            provider=provider,
            product=product,
            region=region,
            start=start,
            extension=extension_of is not None,
        )
    allocation = granting.allocation_create(
        actor=actor,
        youth=youth,
        provider=provider,
        product=product,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=budget,
        referral=referral,
        municipality=municipality,
        number=number,
        unit_price=unit_price,
        extension_of=extension_of,
        ceiling_exception=ceiling_exception,
    )
    _follow(allocation)
    return allocation


@transaction.atomic
def allocation_grant_manual(
    *,
    actor: User,
    youth: Youth,
    provider: Provider,
    product: Product,
    start: date,
    end: date | None = None,
    volume: int | None = None,
    frequency: str = "",
    budget: Decimal | None = None,
) -> Allocation:
    """A manual allocation (the allocation screen): refused at a provider that is not
    contracted for the product's lot on the start date, then ``allocation_grant``."""
    ensure_contracted(provider=provider, product=product, on=start)
    return allocation_grant(
        actor=actor,
        youth=youth,
        provider=provider,
        product=product,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=budget,
    )


@transaction.atomic
def allocation_change(
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
    """Change the terms of a running allocation: the ledger follows, a JW301 with the JZ002
    reason goes to the provider."""
    allocation = granting.allocation_update(
        actor=actor,
        allocation=allocation,
        reason=reason,
        volume=volume,
        frequency=frequency,
        budget=budget,
        end=end,
        unit_price=unit_price,
    )
    _follow(allocation)
    return allocation


@transaction.atomic
def allocation_finish(
    *, actor: User | None, allocation: Allocation, end: date, reason: str
) -> Allocation:
    """End an allocation early: the ledger follows, a JW301 with the new end goes out."""
    allocation = granting.allocation_end(actor=actor, allocation=allocation, end=end, reason=reason)
    _follow(allocation)
    return allocation
