# SPDX-License-Identifier: EUPL-1.2
"""Use case of TR378 (S300): a provider message addressed to a municipality code that is not
in the CBS list (or not one of ours) is refused as a whole, with S300 in the retour header.

The CBS list we hold is one snapshot (JEUGDREGIE_CBS_CODES_FILE, municipalities as of
1 January of its year); a code that was valid on an allocation's start date but has since
been merged away is therefore refused as well. Nothing is changed in the domain.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine

from jeugdregie.allocations.models import DeliveryPeriod
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import MunicipalityFactory, World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 2)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-06-02 10:00 +0200", tick=False):
        yield


def stop_for(world: World, receiver: str) -> tuple[str, list[str]]:
    allocation = world.allocations["anna"]
    data = m.jw307(
        world.provider.agb_code,
        f"STOP-{receiver}",
        bsn=synthetic_test_bsn(0),
        day=TODAY,
        number=int(allocation.number),
        allocation_start=allocation.start,
        start=dt.date(2025, 2, 3),
        end=dt.date(2025, 5, 30),
    ).replace(b">0505<", f">{receiver}<".encode())
    received = message_receive(data=data)
    retour = received.retour
    assert isinstance(retour, OutboxMessage)
    return received.inbox.status, [
        c.decode() for c in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))
    ]


def test_a_municipality_of_ours_that_is_not_in_the_cbs_list_gets_s300(world: World) -> None:
    MunicipalityFactory.create(region=world.region, cbs_code="0999", name="Opgeheven")

    assert stop_for(world, "0999") == (InboxStatus.REJECTED, ["S300"])
    assert DeliveryPeriod.objects.get(allocation=world.allocations["anna"]).end is None


def test_a_code_in_the_cbs_list_that_is_not_one_of_ours_gets_s300(world: World) -> None:
    assert stop_for(world, "0531") == (InboxStatus.REJECTED, ["S300"])


def test_our_own_municipality_in_the_cbs_list_is_accepted(world: World) -> None:
    assert stop_for(world, "0505") == (InboxStatus.ACCEPTED, [])
    assert DeliveryPeriod.objects.get(allocation=world.allocations["anna"]).end == dt.date(
        2025, 5, 30
    )
