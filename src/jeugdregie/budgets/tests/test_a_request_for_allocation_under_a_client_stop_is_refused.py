# SPDX-License-Identifier: EUPL-1.2
"""Use case (budgets.md §4, issue 4 Build 4): a provider under a confirmed client stop sends a
request for allocation (JW315). Where the region approves automatically, it is answered at once
with a JW319 (reason 2, "past niet binnen het budget") whose note names the stop and the
alternatives; without the stop the same request is approved (the control case). Where the region
decides by hand, approving is refused naming the stop and the manager answers with a JW319."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.core.exceptions import ValidationError
from lxml import etree
from tests.ijw.shared import xsd_folder

import ijw
from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.client_stops import client_stop_decide, client_stop_request
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import AllocationRequest, OutboxMessage, RegionMessagingSettings
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.services.requests import allocation_request_reject, auto_approval_refusal
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn
from jeugdregie.workflows.requests import allocation_request_approve

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 2)


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-02 09:00 +0200", tick=False):
        yield


@pytest.fixture
def auto_approving(world: World) -> World:
    RegionMessagingSettings.objects.create(region=world.region, auto_approve_requests=True)
    return world


def _confirmed_stop(world: World) -> None:
    stop = client_stop_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        start=TODAY,
        reason="Plafond bereikt",
    )
    client_stop_decide(
        actor=world.users[Role.CONTRACT_MANAGER], stop=stop, confirm=True, reason="Akkoord"
    )


def _request(world: World, number: int) -> AllocationRequest:
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            f"VOT{number}",
            bsn=synthetic_test_bsn(60 + number),
            day=TODAY,
            reference=f"VOT-{number}",
            start=dt.date(2025, 6, 15),
            end=dt.date(2025, 12, 31),
        )
    )
    return AllocationRequest.objects.get(reference=f"VOT-{number}")


def _valid_against_the_official_schema(row: OutboxMessage) -> None:
    schema = etree.XMLSchema(etree.parse(str(xsd_folder() / f"{row.message_type.lower()}.xsd")))
    document = etree.fromstring(bytes(row.data))
    assert schema.validate(document), schema.error_log


def test_without_a_stop_the_request_is_approved_automatically(auto_approving: World) -> None:
    request = _request(auto_approving, 1)

    assert request.status == RequestStatus.APPROVED
    assert request.allocation is not None
    assert OutboxMessage.objects.filter(youth=request.youth, message_type="JW301").count() == 1


def test_under_a_stop_automatic_approval_answers_with_a_jw319_naming_the_stop(
    auto_approving: World,
) -> None:
    _confirmed_stop(auto_approving)

    request = _request(auto_approving, 2)

    assert request.status == RequestStatus.REJECTED
    assert request.rejection_reason == RejectionReason.BUDGET
    assert request.decided_by is None  # the system decided
    assert "heeft een cliëntenstop sinds 2 juni 2025" in request.decision_note
    assert auto_approving.other_provider.agb_code in request.decision_note  # an alternative
    assert not Allocation.objects.filter(youth=request.youth).exists()
    assert not OutboxMessage.objects.filter(youth=request.youth, message_type="JW301").exists()
    row = OutboxMessage.objects.get(youth=request.youth, message_type="JW319")
    _valid_against_the_official_schema(row)
    answer, findings = ijw.parse(bytes(row.data))
    assert isinstance(answer, ijw.JW319), findings
    assert answer.antwoord.referentie_aanbieder == "VOT-2"
    assert str(answer.antwoord.reden_afwijzing_verzoek) == RejectionReason.BUDGET.value


def test_where_the_region_decides_by_hand_the_request_waits_with_the_reason(world: World) -> None:
    _confirmed_stop(world)

    request = _request(world, 3)

    assert request.status == RequestStatus.OPEN
    assert auto_approval_refusal(request, today=TODAY) == "De regio keurt verzoeken handmatig goed."
    assert not OutboxMessage.objects.filter(youth=request.youth, message_type="JW319").exists()


def test_approving_by_hand_is_refused_naming_the_stop_and_nothing_changes(world: World) -> None:
    _confirmed_stop(world)
    request = _request(world, 3)
    outbox_before = OutboxMessage.objects.count()

    with pytest.raises(ValidationError) as refused:
        allocation_request_approve(actor=world.users[Role.CONTRACT_MANAGER], request=request)

    assert "heeft een cliëntenstop sinds 2 juni 2025" in " ".join(refused.value.messages)
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert not Allocation.objects.filter(youth=request.youth).exists()
    assert OutboxMessage.objects.count() == outbox_before


def test_deciding_by_hand_contract_management_answers_with_a_jw319_about_the_budget(
    world: World,
) -> None:
    _confirmed_stop(world)
    request = _request(world, 4)

    allocation_request_reject(
        actor=world.users[Role.CONTRACT_MANAGER],
        request=request,
        reason=RejectionReason.BUDGET,
        note="Cliëntenstop sinds 2 juni 2025",
    )

    row = OutboxMessage.objects.get(youth=request.youth, message_type="JW319")
    _valid_against_the_official_schema(row)
    answer, findings = ijw.parse(bytes(row.data))
    assert isinstance(answer, ijw.JW319), findings
    assert answer.antwoord.referentie_aanbieder == "VOT-4"
    assert str(answer.antwoord.reden_afwijzing_verzoek) == RejectionReason.BUDGET.value
    assert not Allocation.objects.filter(youth=request.youth).exists()
