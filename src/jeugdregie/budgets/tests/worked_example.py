# SPDX-License-Identifier: EUPL-1.2
"""The worked example of budgets.md §2, built through the services."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.constants import RealisationSource
from jeugdregie.budgets.services import ceiling_set, realisation_book
from jeugdregie.contracting.constants import ContractKind, ExecutionVariant, Frequency, Unit
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.services import contract_create, provider_create
from jeugdregie.testing.factories import ProductFactory, TariffFactory, World
from jeugdregie.workflows.allocations import allocation_grant

REFERENCE_DATE = dt.date(2025, 6, 1)


@dataclass
class Example:
    provider: Provider
    hours: Product
    trajectory: Product
    a: Allocation
    b: Allocation
    c: Allocation


def build_worked_example(world: World) -> Example:
    provider = provider_create(actor=None, agb_code="12345678", name="Voorbeeld Jeugdhulp")
    contract_create(
        actor=None,
        region=world.region,
        provider=provider,
        kind=ContractKind.REGIONAL,
        reference="RTA-VOORBEELD",
        lots=[world.lot],
        start=dt.date(2024, 1, 1),
    )
    ceiling_set(
        actor=None,
        region=world.region,
        provider=provider,
        year=2025,
        amount="200000",
        reason="Plafond 2025",
    )
    for month in range(1, 6):
        realisation_book(
            actor=None,
            region=world.region,
            provider=provider,
            year=2025,
            month=month,
            amount=Decimal("24000.00"),
            source=RealisationSource.IMPORT,
        )
    hours = ProductFactory.create(
        region=world.region, lot=world.lot, code="45A10", name="Ambulant", unit=Unit.HOUR
    )
    TariffFactory.create(product=hours, valid_from=dt.date(2025, 1, 1), amount=Decimal("80.00"))
    trajectory = ProductFactory.create(
        region=world.region,
        lot=world.lot,
        code="45T10",
        name="Traject",
        unit=Unit.PIECE_OUTPUT,
        variant=ExecutionVariant.OUTPUT,
    )
    youth = world.youth["anna"]
    a = allocation_grant(
        actor=None,
        youth=youth,
        provider=provider,
        product=hours,
        start=dt.date(2025, 1, 6),
        volume=3,
        frequency=Frequency.PER_WEEK,
    )
    b = allocation_grant(
        actor=None,
        youth=youth,
        provider=provider,
        product=hours,
        start=dt.date(2025, 2, 3),
        end=dt.date(2025, 8, 31),
        volume=2,
        frequency=Frequency.PER_WEEK,
    )
    c = allocation_grant(
        actor=None,
        youth=youth,
        provider=provider,
        product=trajectory,
        start=dt.date(2025, 3, 1),
        end=dt.date(2026, 2, 28),
        budget=Decimal("12000.00"),
    )
    return Example(provider=provider, hours=hours, trajectory=trajectory, a=a, b=b, c=c)
