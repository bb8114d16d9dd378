# SPDX-License-Identifier: EUPL-1.2
"""Use cases of correcting a declaration line (IV085): credit the approved line, then declare
it again. Declaring the same care again while the earlier line stands is refused (TR389,
9389); a line can be credited once (TR390, 9390); a credit must name an approved debit
(TR323, 8017)."""

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

import ijw
from ijw import codelists as cl
from jeugdregie.budgets.models import Realisation
from jeugdregie.messaging.models import DeclarationLine
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 8, 4)
FEBRUARY, MARCH, APRIL = dt.date(2025, 2, 1), dt.date(2025, 3, 1), dt.date(2025, 4, 1)
TARIFF = 10_000


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-08-04 10:00 +0200", tick=False):
        yield


def debit(world: World, reference: str, month: dt.date, volume: int = 2) -> ijw.Prestatie:
    number = int(world.allocations["anna"].number)
    return m.line(reference, number=number, month=month, volume=volume, tariff=TARIFF)


def credit(original: ijw.Prestatie, reference: str) -> ijw.Prestatie:
    return dataclasses.replace(
        original,
        product_referentie=ijw.Referentie(
            referentie_nummer=reference,
            vorig_referentie_nummer=original.product_referentie.referentie_nummer,
        ),
        ingediend_bedrag=ijw.BedragMetDC(
            bedrag=original.ingediend_bedrag.bedrag, debet_credit=cl.DebetCredit.CREDIT
        ),
    )


def declare(world: World, number: str, period: dt.date, lines: list[ijw.Prestatie]) -> None:
    total = sum(line.ingediend_bedrag.signed for line in lines)
    message = m.jw323(
        world.provider.agb_code,
        number,
        day=TODAY,
        number=number,
        month=period,
        clients=[(synthetic_test_bsn(0), lines)],
    )
    parsed, findings = ijw.parse(message)
    assert isinstance(parsed, ijw.JW323), findings
    parsed.declaratie.totaal_ingediend_bedrag = ijw.TotaalBedragMetDC(
        totaal_bedrag=abs(total),
        debet_credit=cl.DebetCredit.DEBET if total >= 0 else cl.DebetCredit.CREDIT,
    )
    message_receive(data=ijw.build(parsed))


def verdict(reference: str) -> str:
    return DeclarationLine.objects.get(reference=reference).retour_code or "approved"


def test_credit_then_a_new_debit_corrects_a_line(world: World) -> None:
    first = debit(world, "R1", FEBRUARY)
    declare(world, "D1", FEBRUARY, [first])

    declare(world, "D2", MARCH, [credit(first, "R2"), debit(world, "R3", FEBRUARY, volume=3)])

    assert [verdict(r) for r in ("R1", "R2", "R3")] == ["approved"] * 3
    booked = Realisation.objects.filter(allocation=world.allocations["anna"])
    assert sum(r.signed_amount for r in booked) == 300  # € 300 for three hours in February


def test_declaring_the_same_care_again_without_a_credit_is_refused_with_9389(
    world: World,
) -> None:
    declare(world, "D1", FEBRUARY, [debit(world, "R1", FEBRUARY)])

    declare(world, "D2", MARCH, [debit(world, "R2", FEBRUARY, volume=3), debit(world, "R3", MARCH)])

    assert verdict("R2") == "9389"
    assert verdict("R3") == "approved"


def test_a_line_is_credited_only_once_9390(world: World) -> None:
    first = debit(world, "R1", FEBRUARY)
    declare(world, "D1", FEBRUARY, [first])
    declare(world, "D2", MARCH, [credit(first, "R2"), debit(world, "R3", MARCH)])

    declare(world, "D3", APRIL, [credit(first, "R4"), debit(world, "R5", APRIL)])

    assert verdict("R2") == "approved"
    assert verdict("R4") == "9390"
    assert verdict("R5") == "approved"


def test_a_credit_of_an_unknown_or_rejected_line_is_refused_with_8017(world: World) -> None:
    rejected = dataclasses.replace(debit(world, "R1", FEBRUARY), product_tarief=TARIFF + 100)
    rejected.ingediend_bedrag = ijw.BedragMetDC(
        bedrag=2 * (TARIFF + 100), debet_credit=cl.DebetCredit.DEBET
    )
    declare(world, "D1", FEBRUARY, [rejected])
    assert verdict("R1") == "0611"

    declare(world, "D2", MARCH, [credit(rejected, "R3"), debit(world, "R4", MARCH)])

    assert verdict("R3") == "8017"
