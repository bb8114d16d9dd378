# SPDX-License-Identifier: EUPL-1.2
"""TR347 and TR374 read requests for allocation (JW315) and for change (JW317) alike.

A provider's ReferentieAanbieder is used once over both kinds (TR347, 9347), and while one
request of the provider for a client is open, another one for that client is refused
(TR374, 9374); a decided request no longer counts. On a JW317 a used reference is the
reason given, not also the open request.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine

from jeugdregie.messaging.constants import InboxStatus, RejectionReason
from jeugdregie.messaging.models import AllocationRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.services.requests import allocation_request_reject
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
ANNA = synthetic_test_bsn(0)  # the world's youth with an allocation at the world's provider
START, END = dt.date(2025, 2, 1), dt.date(2025, 7, 31)  # Anna's allocation


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _codes(data: bytes) -> tuple[str, set[str]]:
    received = message_receive(data=data)
    retour = received.retour
    assert isinstance(retour, OutboxMessage)
    codes = {c.decode() for c in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))}
    return received.inbox.status, codes - {"0200"}


def allocation_request(world: World, identificatie: str, reference: str) -> tuple[str, set[str]]:
    """A JW315 for Anna: the inbox status and the codes of its JW316 (without 0200)."""
    return _codes(
        m.jw315(
            world.provider.agb_code,
            identificatie,
            bsn=ANNA,
            day=TODAY,
            reference=reference,
            start=dt.date(2025, 4, 1),
            end=dt.date(2025, 12, 31),
        )
    )


def change_request(world: World, identificatie: str, reference: str) -> tuple[str, set[str]]:
    """A JW317 for Anna (10 hours a month on her allocation): the inbox status and its
    JW318's codes."""
    return _codes(
        m.jw317(
            world.provider.agb_code,
            identificatie,
            bsn=ANNA,
            day=TODAY,
            reference=reference,
            changed=[(int(world.allocations["anna"].number), START, END, 10)],
        )
    )


def test_a_reference_of_a_request_for_allocation_is_not_used_again_for_a_change(
    world: World,
) -> None:
    assert allocation_request(world, "VOT1", "REF-1") == (InboxStatus.ACCEPTED, set())

    assert change_request(world, "VOW1", "REF-1") == (InboxStatus.REJECTED, {"9347"})


def test_a_reference_of_a_request_for_change_is_not_used_again_for_an_allocation(
    world: World,
) -> None:
    assert change_request(world, "VOW1", "REF-1") == (InboxStatus.ACCEPTED, set())

    assert allocation_request(world, "VOT1", "REF-1") == (InboxStatus.REJECTED, {"9347", "9374"})


def test_an_open_request_for_allocation_blocks_a_request_for_change(world: World) -> None:
    assert allocation_request(world, "VOT1", "REF-1") == (InboxStatus.ACCEPTED, set())

    assert change_request(world, "VOW1", "REF-2") == (InboxStatus.REJECTED, {"9374"})


def test_an_open_request_for_change_blocks_a_request_for_allocation(world: World) -> None:
    assert change_request(world, "VOW1", "REF-1") == (InboxStatus.ACCEPTED, set())

    assert allocation_request(world, "VOT1", "REF-2") == (InboxStatus.REJECTED, {"9374"})


def test_a_decided_request_blocks_nothing_but_its_reference(world: World) -> None:
    allocation_request(world, "VOT1", "REF-1")
    allocation_request_reject(
        actor=None,
        request=AllocationRequest.objects.get(reference="REF-1"),
        reason=RejectionReason.BUDGET,
    )

    assert change_request(world, "VOW1", "REF-1") == (InboxStatus.REJECTED, {"9347"})
    assert change_request(world, "VOW2", "REF-2") == (InboxStatus.ACCEPTED, set())
