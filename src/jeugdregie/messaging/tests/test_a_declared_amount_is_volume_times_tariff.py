# SPDX-License-Identifier: EUPL-1.2
"""Use cases of TR346 (code 9346): a declared line's amount is volume × tariff.

For hours that is GeleverdVolume × ProductTarief; minutes may be declared against an hourly
tariff, the amount then being tariff × minutes / 60 rounded to cents (IV081); with Eenheid
83 (euros) the volume is the amount itself. A line breaking this is rejected on its own.
"""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.constants import Unit
from jeugdregie.messaging.models import DeclarationLine
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import ProductFactory, TariffFactory, World, synthetic_test_bsn
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 8, 4)
MARCH = dt.date(2025, 3, 1)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-08-04 10:00 +0200", tick=False):
        yield


def allocation_in(world: World, unit: str, code: str, tariff: str, volume: int) -> Allocation:
    """Anna's allocation of a product in ``unit`` (a total volume over the period)."""
    product = ProductFactory.create(region=world.region, lot=world.lot, code=code, unit=unit)
    TariffFactory.create(product=product, valid_from=dt.date(2024, 1, 1), amount=Decimal(tariff))
    anna = world.allocations["anna"]
    return allocation_grant(
        actor=None,
        youth=anna.youth,
        provider=world.provider,
        product=product,
        municipality=world.dordrecht,
        start=dt.date(2025, 2, 1),
        end=dt.date(2025, 7, 31),
        volume=volume,
        frequency="6",
        referral=anna.referral,
    )


def verdicts(world: World, lines: list[ijw.Prestatie]) -> dict[str, str]:
    """Declare ``lines`` for March; the return code of every line ('' = approved)."""
    message_receive(
        data=m.jw323(
            world.provider.agb_code,
            "D1",
            day=TODAY,
            number="D1",
            month=MARCH,
            clients=[(synthetic_test_bsn(0), lines)],
        )
    )
    return dict(DeclarationLine.objects.values_list("reference", "retour_code"))


def line_of(
    allocation: Allocation, reference: str, *, volume: int, tariff: int | None, amount: int
) -> ijw.Prestatie:
    line = m.line(reference, number=int(allocation.number), month=MARCH, volume=volume, tariff=0)
    return dataclasses.replace(
        line,
        product_code=allocation.product.code,
        eenheid=cl.Eenheid(allocation.unit),
        product_tarief=tariff,
        ingediend_bedrag=ijw.BedragMetDC(bedrag=amount, debet_credit=cl.DebetCredit.DEBET),
    )


def test_hours_are_declared_at_volume_times_tariff(world: World) -> None:
    hours = world.allocations["anna"]

    assert verdicts(
        world,
        [
            line_of(hours, "R1", volume=3, tariff=10_000, amount=30_000),
            dataclasses.replace(
                line_of(hours, "R2", volume=2, tariff=10_000, amount=25_000),
                product_periode=ijw.GeslotenPeriode(
                    begindatum=dt.date(2025, 2, 1), einddatum=dt.date(2025, 2, 28)
                ),
            ),
        ],
    ) == {"R1": "", "R2": "9346"}


def test_minutes_may_be_declared_against_an_hourly_tariff_rounded_to_cents(world: World) -> None:
    minutes = allocation_in(world, Unit.MINUTE, "45M01", "95.00", volume=6000)
    hourly = 9_500  # € 95.00 an hour: 50 minutes = € 79.166… → € 79.17

    assert verdicts(
        world,
        [
            line_of(minutes, "R1", volume=50, tariff=hourly, amount=7_917),
            dataclasses.replace(
                line_of(minutes, "R2", volume=50, tariff=hourly, amount=7_916),
                product_periode=ijw.GeslotenPeriode(
                    begindatum=dt.date(2025, 2, 1), einddatum=dt.date(2025, 2, 28)
                ),
            ),
        ],
    ) == {"R1": "", "R2": "9346"}


def test_with_unit_83_the_volume_is_the_amount(world: World) -> None:
    euros = allocation_in(world, Unit.EURO, "45E01", "1.00", volume=500_000)

    assert verdicts(
        world,
        [
            line_of(euros, "R1", volume=120_000, tariff=None, amount=120_000),
            dataclasses.replace(
                line_of(euros, "R2", volume=120_000, tariff=None, amount=100_000),
                product_periode=ijw.GeslotenPeriode(
                    begindatum=dt.date(2025, 2, 1), einddatum=dt.date(2025, 2, 28)
                ),
            ),
        ],
    ) == {"R1": "", "R2": "9346"}
