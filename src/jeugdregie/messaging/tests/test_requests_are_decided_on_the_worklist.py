# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the worklists: a request for allocation (JW315) or for change (JW317) that
the region decides by hand, approved with a JW301 or rejected with a JW319 and a reason."""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.core.exceptions import ValidationError

import ijw
from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.messaging.constants import InboxStatus, RejectionReason, RequestStatus
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.services.requests import allocation_request_reject, change_request_reject
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn
from jeugdregie.workflows.requests import allocation_request_approve, change_request_approve

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
BSN = synthetic_test_bsn(50)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


@pytest.fixture
def manager(world: World) -> User:
    return world.users[Role.CONTRACT_MANAGER]


def request_for_allocation(world: World, identificatie: str, reference: str) -> bytes:
    return m.jw315(
        world.provider.agb_code,
        identificatie,
        bsn=BSN,
        day=TODAY,
        reference=reference,
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
    )


def allocated(world: World, manager: User, identificatie: str, reference: str) -> Allocation:
    """A request for allocation the contract manager approved."""
    message_receive(data=request_for_allocation(world, identificatie, reference))
    request = AllocationRequest.objects.get(reference=reference)
    return allocation_request_approve(actor=manager, request=request)


def retour_codes(retour: OutboxMessage | None) -> set[str]:
    """Every RetourCode in the retour, at any level."""
    assert retour is not None
    return {code.decode() for code in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))}


def latest(message_type: str) -> ijw.Message:
    row = OutboxMessage.objects.filter(message_type=message_type).order_by("-pk").first()
    assert row is not None, f"no {message_type} was sent"
    message, findings = ijw.parse(bytes(row.data))
    assert message is not None, findings
    assert not ijw.has_errors(findings), findings
    return message


# --- requests for allocation (JW315) ---------------------------------------------------


def test_a_request_waits_on_the_worklist_when_the_region_approves_by_hand(world: World) -> None:
    received = message_receive(data=request_for_allocation(world, "VOT1", "VOT-1"))

    assert received.inbox.status == InboxStatus.ACCEPTED
    assert received.retour is not None
    assert received.retour.message_type == "JW316"
    request = AllocationRequest.objects.get(reference="VOT-1")
    assert request.status == RequestStatus.OPEN
    assert not OutboxMessage.objects.filter(
        youth=request.youth, message_type__in=["JW301", "JW319"]
    ).exists()


def test_the_contract_manager_rejects_a_request_with_a_reason_and_the_provider_gets_a_jw319(
    world: World, manager: User
) -> None:
    message_receive(data=request_for_allocation(world, "VOT1", "VOT-1"))
    request = AllocationRequest.objects.get(reference="VOT-1")

    allocation_request_reject(
        actor=manager, request=request, reason=RejectionReason.NO_CONTRACT, note="Geen contract"
    )

    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.decided_by == manager
    assert request.allocation is None
    answer = latest("JW319")
    assert isinstance(answer, ijw.JW319)
    assert answer.antwoord.referentie_aanbieder == "VOT-1"
    assert answer.antwoord.verzoek_antwoord == ijw.codelists.VerzoekAntwoord.AFGEWEZEN
    assert str(answer.antwoord.reden_afwijzing_verzoek) == RejectionReason.NO_CONTRACT
    assert not Allocation.objects.filter(youth=request.youth).exists()
    assert not OutboxMessage.objects.filter(youth=request.youth, message_type="JW301").exists()


def test_a_rejection_needs_a_reason_and_a_decided_request_cannot_be_decided_again(
    world: World, manager: User
) -> None:
    message_receive(data=request_for_allocation(world, "VOT1", "VOT-1"))
    request = AllocationRequest.objects.get(reference="VOT-1")

    with pytest.raises(ValidationError):
        allocation_request_reject(actor=manager, request=request, reason="")
    assert not OutboxMessage.objects.filter(message_type="JW319").exists()

    allocation_request_approve(actor=manager, request=request)
    with pytest.raises(ValidationError):
        allocation_request_reject(actor=manager, request=request, reason=RejectionReason.BUDGET)
    with pytest.raises(ValidationError):
        allocation_request_approve(actor=manager, request=request)
    assert OutboxMessage.objects.filter(youth=request.youth, message_type="JW301").count() == 1


# --- requests for change (JW317) -------------------------------------------------------


def test_an_approved_request_for_change_reallocates_from_the_desired_date_with_a_jw301(
    world: World, manager: User
) -> None:
    allocation = allocated(world, manager, "VOT1", "VOT-1")
    number = int(allocation.number)

    received = message_receive(
        data=m.jw317(
            world.provider.agb_code,
            "VOW1",
            bsn=BSN,
            day=TODAY,
            reference="VOW-1",
            changed=[(number, dt.date(2025, 5, 1), dt.date(2025, 12, 31), 20)],
        )
    )

    assert received.inbox.status == InboxStatus.ACCEPTED
    assert received.retour is not None
    assert received.retour.message_type == "JW318"
    assert retour_codes(received.retour) <= {"0200"}
    request = ChangeRequest.objects.get(reference="VOW-1")
    assert request.status == RequestStatus.OPEN

    change_request_approve(actor=manager, request=request, note="Akkoord")

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    allocation.refresh_from_db()
    assert allocation.end == dt.date(2025, 4, 30)
    successor = Allocation.objects.get(youth=allocation.youth, start=dt.date(2025, 5, 1))
    assert successor.volume == 20
    assert successor.number != allocation.number
    jw301 = latest("JW301")
    assert isinstance(jw301, ijw.JW301)
    lines = {p.toewijzing_nummer: p for p in jw301.client.toegewezen_producten}
    assert set(lines) == {number, int(successor.number)}  # all current allocations (OP087)
    assert lines[int(successor.number)].referentie_aanbieder == "VOW-1"


def test_a_rejected_request_for_change_leaves_the_allocation_and_answers_with_a_jw319(
    world: World, manager: User
) -> None:
    allocation = allocated(world, manager, "VOT1", "VOT-1")
    message_receive(
        data=m.jw317(
            world.provider.agb_code,
            "VOW1",
            bsn=BSN,
            day=TODAY,
            reference="VOW-1",
            changed=[(int(allocation.number), dt.date(2025, 5, 1), None, 40)],
        )
    )
    request = ChangeRequest.objects.get(reference="VOW-1")
    sent_before = OutboxMessage.objects.filter(message_type="JW301").count()

    change_request_reject(actor=manager, request=request, reason=RejectionReason.BUDGET)

    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.rejection_reason == RejectionReason.BUDGET
    answer = latest("JW319")
    assert isinstance(answer, ijw.JW319)
    assert answer.antwoord.referentie_aanbieder == "VOW-1"
    assert str(answer.antwoord.reden_afwijzing_verzoek) == RejectionReason.BUDGET
    unchanged = Allocation.objects.get(pk=allocation.pk)
    assert (unchanged.volume, unchanged.end) == (allocation.volume, allocation.end)
    assert OutboxMessage.objects.filter(message_type="JW301").count() == sent_before


def test_a_request_for_change_that_leaves_out_a_current_allocation_is_refused_with_9349(
    world: World, manager: User
) -> None:
    first = allocated(world, manager, "VOT1", "VOT-1")
    allocated(world, manager, "VOT2", "VOT-2")

    received = message_receive(
        data=m.jw317(
            world.provider.agb_code,
            "VOW1",
            bsn=BSN,
            day=TODAY,
            reference="VOW-1",
            changed=[(int(first.number), dt.date(2025, 5, 1), None, 20)],
        )
    )

    assert received.inbox.status == InboxStatus.REJECTED
    assert "9349" in retour_codes(received.retour)
    assert "TR349" in {finding["rule"] for finding in received.inbox.findings}
    assert not ChangeRequest.objects.exists()


def test_a_request_for_change_for_a_client_without_allocations_is_refused_with_8187(
    world: World,
) -> None:
    received = message_receive(
        data=m.jw317(
            world.provider.agb_code,
            "VOW1",
            bsn=synthetic_test_bsn(51),
            day=TODAY,
            reference="VOW-1",
            changed=[(12345, dt.date(2025, 5, 1), None, 20)],
        )
    )

    assert received.inbox.status == InboxStatus.REJECTED
    assert "8187" in retour_codes(received.retour)
    assert not ChangeRequest.objects.exists()
