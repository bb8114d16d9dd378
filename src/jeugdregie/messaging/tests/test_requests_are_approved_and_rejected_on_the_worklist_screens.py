# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the worklist screens: contract management or the access team opens a request
for allocation (JW315) or change (JW317), approves it (a JW301 goes out) or rejects it with a
reason (a JW319 goes out); every message sent is valid against the official schema."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.ijw.shared import xsd_folder

import ijw
from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import AccessRecord
from jeugdregie.budgets.constants import ClientStopStatus
from jeugdregie.budgets.models import ClientStop
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
BSN = synthetic_test_bsn(50)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def logged_in(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def receive_request(world: World, identificatie: str, reference: str) -> AllocationRequest:
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            identificatie,
            bsn=BSN,
            day=TODAY,
            reference=reference,
            start=dt.date(2025, 3, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    return AllocationRequest.objects.get(reference=reference)


def officially_valid(message: OutboxMessage) -> ijw.Message:
    """The sent message parsed with the official XSD as well: no errors allowed."""
    parsed, findings = ijw.parse(bytes(message.data), xsd_dir=xsd_folder())
    assert parsed is not None, findings
    assert not ijw.has_errors(findings), findings
    return parsed


def answers_to(request: AllocationRequest | ChangeRequest, message_type: str) -> OutboxMessage:
    sent = OutboxMessage.objects.filter(
        in_reply_to=request.inbox_message, message_type=message_type
    )
    assert sent.count() == 1, f"expected one {message_type} in answer"
    return sent.get()


def test_the_worklist_shows_open_requests_first_and_filters_on_status(world: World) -> None:
    decided = receive_request(world, "VOT1", "VOT-1")
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    manager.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": decided.pk}),
        {"decision": "approve", "note": ""},
    )
    waiting = receive_request(world, "VOT2", "VOT-2")  # received later, but still open

    page = manager.get(reverse("messaging:allocation-request-list")).content.decode()
    assert page.index("VOT-2") < page.index("VOT-1")  # the open one on top
    assert "Sam" not in page  # no names on the list: it is not a read of personal data

    only_open = manager.get(reverse("messaging:allocation-request-list"), {"status": "open"})
    assert waiting.reference in only_open.content.decode()
    assert decided.reference not in only_open.content.decode()
    none = manager.get(reverse("messaging:allocation-request-list"), {"status": "rejected"})
    assert "Geen verzoeken gevonden" in none.content.decode()


def test_approving_a_request_on_the_worklist_sends_a_valid_jw301(world: World) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})

    response = manager.post(url, {"decision": "approve", "note": "Past binnen het contract"})

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decided_by == world.users[Role.CONTRACT_MANAGER]
    assert request.allocation is not None
    jw301 = officially_valid(answers_to(request, "JW301"))
    assert isinstance(jw301, ijw.JW301)
    lines = {p.toewijzing_nummer: p for p in jw301.client.toegewezen_producten}
    assert lines[int(request.allocation.number)].referentie_aanbieder == "VOT-1"
    shown = manager.get(url).content.decode()
    assert "Goedgekeurd" in shown
    assert reverse("messaging:outbox-message", kwargs={"pk": answers_to(request, "JW301").pk}) in (
        shown
    )


def test_rejecting_a_request_with_a_reason_sends_a_valid_jw319(world: World) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    access = logged_in(world, Role.ACCESS_STAFF)

    response = access.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk}),
        {
            "decision": "reject",
            "rejection_reason": RejectionReason.NO_CONTRACT,
            "note": "Geen contract voor dit product",
        },
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.rejection_reason == RejectionReason.NO_CONTRACT
    assert request.decision_note == "Geen contract voor dit product"
    jw319 = officially_valid(answers_to(request, "JW319"))
    assert isinstance(jw319, ijw.JW319)
    assert jw319.antwoord.referentie_aanbieder == "VOT-1"
    assert str(jw319.antwoord.reden_afwijzing_verzoek) == RejectionReason.NO_CONTRACT
    assert not Allocation.objects.filter(youth=request.youth).exists()


@pytest.mark.parametrize(
    ("posted", "error"),
    [
        ({"decision": "reject", "rejection_reason": "", "note": "Te duur"}, "Kies de reden"),
        ({"decision": "reject", "rejection_reason": "3", "note": "  "}, "Leg uit waarom"),
        ({"decision": "reject", "rejection_reason": "X", "note": "Te duur"}, "geldige keuze"),
        ({"rejection_reason": "3", "note": "Te duur"}, "Kies of u"),
    ],
)
def test_a_rejection_without_a_reason_changes_nothing(
    world: World, posted: dict[str, str], error: str
) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    sent_before = OutboxMessage.objects.count()
    manager = logged_in(world, Role.CONTRACT_MANAGER)

    response = manager.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk}), posted
    )

    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.content.decode()
    assert error in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert request.decided_at is None
    assert OutboxMessage.objects.count() == sent_before


def test_a_decided_request_cannot_be_decided_again(world: World) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})
    manager.post(url, {"decision": "approve"})
    sent_before = OutboxMessage.objects.count()

    again = manager.post(url, {"decision": "reject", "rejection_reason": "2", "note": "Te duur"})

    assert again.status_code == 400
    assert "al besloten" in again.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert OutboxMessage.objects.count() == sent_before


def test_a_provider_follows_its_own_request_but_cannot_decide_it(world: World) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    provider = logged_in(world, Role.PROVIDER)
    url = reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})

    page = provider.get(url)
    assert page.status_code == 200
    assert 'name="decision"' not in page.content.decode()
    assert BSN not in page.content.decode()  # masked for providers
    assert provider.post(url, {"decision": "approve"}).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN

    other = Client()
    sign_in(other, world.users["other_provider"])
    assert other.get(url).status_code == 404
    listing = other.get(reverse("messaging:allocation-request-list")).content.decode()
    assert "VOT-1" not in listing


def test_opening_a_request_is_recorded_as_a_read_of_the_youth(world: World) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})

    manager.get(url)

    record = AccessRecord.objects.get(route=url)
    assert record.youth_id == request.youth_id
    assert record.user == world.users[Role.CONTRACT_MANAGER]


def change_request(world: World) -> ChangeRequest:
    """Sam's request for change on the allocation of an approved request for allocation."""
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    first = receive_request(world, "VOT1", "VOT-1")
    manager.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": first.pk}),
        {"decision": "approve"},
    )
    first.refresh_from_db()
    assert first.allocation is not None
    message_receive(
        data=m.jw317(
            world.provider.agb_code,
            "VOW1",
            bsn=BSN,
            day=TODAY,
            reference="VOW-1",
            changed=[(int(first.allocation.number), dt.date(2025, 5, 1), None, 20)],
        )
    )
    return ChangeRequest.objects.get(reference="VOW-1")


def test_approving_a_request_for_change_on_the_worklist_sends_a_valid_jw301(
    world: World,
) -> None:
    request = change_request(world)
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    listing = manager.get(reverse("messaging:change-request-list")).content.decode()
    assert "VOW-1" in listing
    assert "1 gewijzigd, 0 nieuw, 0 ongewijzigd" in listing
    detail = manager.get(reverse("messaging:change-request-detail", kwargs={"pk": request.pk}))
    assert "Wijziging van het zorgplan (2)" in detail.content.decode()

    response = manager.post(
        reverse("messaging:change-request-detail", kwargs={"pk": request.pk}),
        {"decision": "approve"},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    jw301 = officially_valid(answers_to(request, "JW301"))
    assert isinstance(jw301, ijw.JW301)
    assert "VOW-1" in {p.referentie_aanbieder for p in jw301.client.toegewezen_producten}


def test_rejecting_a_request_for_change_on_the_worklist_sends_a_valid_jw319(
    world: World,
) -> None:
    request = change_request(world)
    access = logged_in(world, Role.ACCESS_STAFF)
    url = reverse("messaging:change-request-detail", kwargs={"pk": request.pk})

    refused = access.post(url, {"decision": "reject", "note": "Te veel uren"})
    assert refused.status_code == 400
    assert not OutboxMessage.objects.filter(message_type="JW319").exists()

    response = access.post(
        url,
        {"decision": "reject", "rejection_reason": RejectionReason.BUDGET, "note": "Te veel uren"},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    jw319 = officially_valid(answers_to(request, "JW319"))
    assert isinstance(jw319, ijw.JW319)
    assert jw319.antwoord.referentie_aanbieder == "VOW-1"
    assert str(jw319.antwoord.reden_afwijzing_verzoek) == RejectionReason.BUDGET


def test_a_long_worklist_is_paged_and_sorted_on_request(world: World) -> None:
    for index in range(26):
        message_receive(
            data=m.jw315(
                world.provider.agb_code,
                f"VOT{index:02d}",
                bsn=synthetic_test_bsn(60 + index),
                day=TODAY,
                reference=f"VOT-{index:02d}",
                start=dt.date(2025, 3, 1),
                end=dt.date(2025, 12, 31),
            )
        )
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:allocation-request-list")

    first = manager.get(url, {"sorteer": "reference"}).content.decode()
    second = manager.get(url, {"sorteer": "reference", "pagina": "2"}).content.decode()
    descending = manager.get(url, {"sorteer": "-reference"}).content.decode()

    assert first.count("/berichten/verzoeken-om-toewijzing/") >= 25
    assert "VOT-00" in first
    assert "VOT-25" not in first
    assert "Pagina 1 van 2" in first
    assert "VOT-25" in second
    assert "VOT-00" not in second
    assert descending.index("VOT-25") < descending.index("VOT-24")
    assert "26 resultaten" in first


def test_approving_at_a_provider_under_a_client_stop_is_refused_on_the_screen(
    world: World,
) -> None:
    request = receive_request(world, "VOT1", "VOT-1")
    ClientStop.objects.create(
        region=world.region,
        provider=world.provider,
        status=ClientStopStatus.CONFIRMED,
        start=dt.date(2025, 1, 1),
        reason="Plafond bereikt",
    )
    sent_before = OutboxMessage.objects.count()
    manager = logged_in(world, Role.CONTRACT_MANAGER)

    response = manager.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk}),
        {"decision": "approve"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is niets opgeslagen" in page
    assert "cliëntenstop" in page
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert not Allocation.objects.filter(youth=request.youth).exists()
    assert OutboxMessage.objects.count() == sent_before


def test_the_worklist_runs_as_many_queries_for_one_request_as_for_many(world: World) -> None:
    receive_request(world, "VOT1", "VOT-1")
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:allocation-request-list")
    manager.get(url)
    with CaptureQueriesContext(connection) as one:
        manager.get(url)
    for index in range(6):
        message_receive(
            data=m.jw315(
                world.other_provider.agb_code,
                f"VOTX{index}",
                bsn=synthetic_test_bsn(90 + index),
                day=TODAY,
                reference=f"VOT-X{index}",
                start=dt.date(2025, 3, 1),
                end=dt.date(2025, 12, 31),
            )
        )
    with CaptureQueriesContext(connection) as many:
        page = manager.get(url).content.decode()

    assert "VOT-X5" in page
    assert len(many.captured_queries) == len(one.captured_queries)
