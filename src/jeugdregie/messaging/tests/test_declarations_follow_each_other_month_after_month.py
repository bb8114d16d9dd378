# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the declaration period (JW323, TR318 code 8214 and TR319 code 9319).

A provider declares to a municipality month after month while care goes on: a declaration
for a month on or before its previous one, or one that skips months in which care was
delivered, is refused as a whole. Skipping a month without any care is fine. A line may be
late (an earlier month) but never lie after the declaration period.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine

from jeugdregie.allocations.models import DeliveryPeriod
from jeugdregie.allocations.services import delivery_stop
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import DeclarationLine, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 8, 4)
TARIFF = 10_000  # the world's contract tariff, € 100.00 an hour, in cents
FEBRUARY, MARCH, APRIL, MAY = (dt.date(2025, month, 1) for month in (2, 3, 4, 5))


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-08-04 10:00 +0200", tick=False):
        yield


def declare(
    world: World, number: str, period: dt.date, months: list[dt.date] | None = None
) -> tuple[str, list[str]]:
    """A JW323 for ``period`` with one line (2 hours) of Anna's allocation per month in
    ``months`` (default: the period itself); the inbox status and every JW325 code."""
    allocation = int(world.allocations["anna"].number)
    lines = [
        m.line(f"{number}-{month:%m}", number=allocation, month=month, volume=2, tariff=TARIFF)
        for month in months or [period]
    ]
    received = message_receive(
        data=m.jw323(
            world.provider.agb_code,
            number,
            day=TODAY,
            number=number,
            month=period,
            clients=[(synthetic_test_bsn(0), lines)],
        )
    )
    retour = received.retour
    assert isinstance(retour, OutboxMessage)
    assert retour.message_type == "JW325"
    codes = [c.decode() for c in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))]
    return received.inbox.status, codes


def test_consecutive_months_are_accepted(world: World) -> None:
    assert declare(world, "D1", FEBRUARY) == (InboxStatus.ACCEPTED, ["0200", "8001"])
    assert declare(world, "D2", MARCH) == (InboxStatus.ACCEPTED, ["0200", "8001"])
    assert declare(world, "D3", APRIL) == (InboxStatus.ACCEPTED, ["0200", "8001"])


def test_skipping_a_month_with_care_is_refused_as_a_whole_with_8214(world: World) -> None:
    declare(world, "D1", FEBRUARY)

    status, codes = declare(world, "D2", APRIL)

    assert status == InboxStatus.REJECTED
    assert codes == ["8214", "8214"]  # header and DeclaratieAntwoord; no line judged
    assert not DeclarationLine.objects.filter(reference__startswith="D2").exists()
    # the refused declaration does not count: March is still the next month
    assert declare(world, "D3", MARCH)[0] == InboxStatus.ACCEPTED


def test_a_second_declaration_for_the_same_month_is_refused_with_8214(world: World) -> None:
    declare(world, "D1", FEBRUARY)
    declare(world, "D2", MARCH)

    assert declare(world, "D3", MARCH) == (InboxStatus.REJECTED, ["8214", "8214"])
    assert declare(world, "D4", FEBRUARY) == (InboxStatus.REJECTED, ["8214", "8214"])


def test_a_month_without_any_care_may_be_skipped(world: World) -> None:
    declare(world, "D1", FEBRUARY)
    period = DeliveryPeriod.objects.get(allocation=world.allocations["anna"])
    delivery_stop(actor=None, period=period, end=dt.date(2025, 2, 20), temporary=True)
    DeliveryPeriod.objects.create(allocation=world.allocations["anna"], start=APRIL)

    assert declare(world, "D2", APRIL) == (InboxStatus.ACCEPTED, ["0200", "8001"])


def test_a_late_line_goes_into_a_later_declaration_but_no_line_lies_after_its_period(
    world: World,
) -> None:
    late = declare(world, "D1", MARCH, months=[FEBRUARY, MARCH])
    assert late == (InboxStatus.ACCEPTED, ["0200", "8001"])

    status, codes = declare(world, "D2", APRIL, months=[APRIL, MAY])

    assert status == InboxStatus.PARTIAL
    assert "9319" in codes
    assert DeclarationLine.objects.get(reference="D2-05").retour_code == "9319"
    assert DeclarationLine.objects.get(reference="D2-04").approved
