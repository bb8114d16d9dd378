# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the temporary stop (JW307 with RedenBeeindiging 20, TR413–TR415).

After a temporary stop the provider either starts again (JW305) or stops for good once, with
another reason and an end date on or after the temporary one. A second temporary stop of the
same start (9413), a final stop ending before the temporary one (9414) and any stop after
the final one (9415) are refused on the StopProduct; delivery stays as it was.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine

from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 2)
DELIVERY_START = dt.date(2025, 2, 3)  # the world's delivery of Anna's allocation
TEMPORARY = cl.RedenBeeindiging.TIJDELIJK
FINAL = cl.RedenBeeindiging.VOLGENS_PLAN


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-06-02 10:00 +0200", tick=False):
        yield


def stop(
    world: World,
    identificatie: str,
    end: dt.date,
    reason: str,
    *,
    status: str = cl.StatusAanlevering.EERSTE_AANLEVERING,
) -> tuple[str, list[str]]:
    """Send Anna's provider's JW307; the inbox status and every code in the JW308."""
    allocation = world.allocations["anna"]
    received = message_receive(
        data=m.jw307(
            world.provider.agb_code,
            identificatie,
            bsn=synthetic_test_bsn(0),
            day=TODAY,
            number=int(allocation.number),
            allocation_start=allocation.start,
            start=DELIVERY_START,
            end=end,
            reason=reason,
            status=status,
        )
    )
    retour = received.retour
    assert isinstance(retour, OutboxMessage)
    assert retour.message_type == "JW308"
    codes = [c.decode() for c in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))]
    return received.inbox.status, codes


def delivery_end(allocation: Allocation) -> dt.date | None:
    return DeliveryPeriod.objects.get(allocation=allocation, start=DELIVERY_START).end


def test_a_final_stop_after_a_temporary_stop_ends_delivery_on_its_own_date(world: World) -> None:
    allocation = world.allocations["anna"]

    assert stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY) == (InboxStatus.ACCEPTED, [])
    assert delivery_end(allocation) == dt.date(2025, 4, 10)

    assert stop(world, "STOP2", dt.date(2025, 5, 20), FINAL) == (InboxStatus.ACCEPTED, [])
    assert delivery_end(allocation) == dt.date(2025, 5, 20)


def test_a_second_temporary_stop_of_the_same_start_is_refused_with_9413(world: World) -> None:
    stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY)

    status, codes = stop(world, "STOP2", dt.date(2025, 4, 20), TEMPORARY)

    assert status == InboxStatus.REJECTED
    assert "9413" in codes
    assert delivery_end(world.allocations["anna"]) == dt.date(2025, 4, 10)


def test_a_final_stop_ending_before_the_temporary_stop_is_refused_with_9414(world: World) -> None:
    stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY)

    status, codes = stop(world, "STOP2", dt.date(2025, 4, 9), FINAL)

    assert status == InboxStatus.REJECTED
    assert "9414" in codes
    assert delivery_end(world.allocations["anna"]) == dt.date(2025, 4, 10)


@pytest.mark.parametrize("reason", [TEMPORARY, cl.RedenBeeindiging.VOORTIJDIG_DOOR_CLIENT])
def test_no_stop_of_any_kind_follows_a_final_stop_9415(world: World, reason: str) -> None:
    stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY)
    stop(world, "STOP2", dt.date(2025, 4, 30), FINAL)

    status, codes = stop(world, "STOP3", dt.date(2025, 5, 15), reason)

    assert status == InboxStatus.REJECTED
    assert "9415" in codes
    assert delivery_end(world.allocations["anna"]) == dt.date(2025, 4, 30)


def test_withdrawing_the_final_stop_leaves_the_temporary_stop(world: World) -> None:
    stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY)
    stop(world, "STOP2", dt.date(2025, 4, 30), FINAL)

    withdrawn = stop(
        world, "STOP3", dt.date(2025, 4, 30), FINAL, status=cl.StatusAanlevering.VERWIJDEREN
    )

    assert withdrawn == (InboxStatus.ACCEPTED, [])
    assert delivery_end(world.allocations["anna"]) == dt.date(2025, 4, 10)
    # the temporary stop counts again: a final stop from its end date on is accepted
    assert stop(world, "STOP4", dt.date(2025, 5, 31), FINAL) == (InboxStatus.ACCEPTED, [])
    assert delivery_end(world.allocations["anna"]) == dt.date(2025, 5, 31)


def test_after_a_temporary_stop_delivery_can_start_again(world: World) -> None:
    allocation = world.allocations["anna"]
    stop(world, "STOP1", dt.date(2025, 4, 10), TEMPORARY)

    received = message_receive(
        data=m.jw305(
            world.provider.agb_code,
            "START1",
            bsn=synthetic_test_bsn(0),
            day=TODAY,
            number=int(allocation.number),
            allocation_start=allocation.start,
            start=dt.date(2025, 4, 22),
        )
    )

    assert received.inbox.status == InboxStatus.ACCEPTED
    assert DeliveryPeriod.objects.get(allocation=allocation, start=dt.date(2025, 4, 22)).end is None
