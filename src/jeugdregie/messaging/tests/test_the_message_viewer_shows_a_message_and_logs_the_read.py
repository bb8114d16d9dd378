# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the message viewer: a received message with its findings (retour code, rule,
element, Dutch explanation), the retour linked both ways, the records it touched; every
youth it names is logged as read, and a provider sees only its own messages."""

import datetime as dt
import html
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.messaging.models import AllocationRequest, InboxMessage, OutboxMessage
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


def logged_in(world: World, who: str) -> Client:
    client = Client()
    sign_in(client, world.users[who])
    return client


def request_for_allocation(world: World, identificatie: str, *, code: str = "45A01") -> bytes:
    return m.jw315(
        world.provider.agb_code,
        identificatie,
        bsn=BSN,
        day=TODAY,
        reference=f"REF-{identificatie}",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
        code=code,
    )


def page_of(client: Client, name: str, pk: int) -> str:
    response = client.get(reverse(name, kwargs={"pk": pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_a_refused_request_shows_its_finding_in_dutch_and_its_retour_both_ways(
    world: World,
) -> None:
    # A product code outside the region's catalogue: TR381, retour code S329.
    received = message_receive(data=request_for_allocation(world, "VOT1", code="45A99"))
    retour = received.retour
    assert retour is not None
    manager = logged_in(world, Role.CONTRACT_MANAGER)

    page = page_of(manager, "messaging:inbox-message", received.inbox.pk)

    finding = received.inbox.findings[0]
    assert (finding["code"], finding["rule"]) == ("S329", "TR381")
    assert '<td class="utrecht-table__cell">S329</td>' in page
    assert "TR381" in page
    assert html.escape(str(finding["location"])) in page
    assert "staat niet in de productcatalogus" in page  # the Dutch explanation
    assert reverse("messaging:outbox-message", kwargs={"pk": retour.pk}) in page
    retour_page = page_of(manager, "messaging:outbox-message", retour.pk)
    assert reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk}) in retour_page
    assert "S329" in retour_page  # the return code inside our JW316


def test_the_raw_message_is_shown_pretty_printed_and_escaped(world: World) -> None:
    received = message_receive(data=request_for_allocation(world, "VOT1"))
    manager = logged_in(world, Role.CONTRACT_MANAGER)

    page = page_of(manager, "messaging:inbox-message", received.inbox.pk)

    assert ":Identificatie&gt;VOT1&lt;/ijw:Identificatie&gt;" in page
    assert ":Identificatie>" not in page
    assert f"&gt;{BSN}&lt;" in page  # contract management sees the whole BSN
    assert "\n  &lt;" in page  # indented, one element a line


def test_the_viewer_links_the_request_and_the_answer_and_logs_the_read_of_the_youth(
    world: World,
) -> None:
    received = message_receive(data=request_for_allocation(world, "VOT1"))
    request = AllocationRequest.objects.get(inbox_message=received.inbox)
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    manager.post(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk}),
        {"decision": "reject", "rejection_reason": "3", "note": "Geen contract"},
    )
    jw319 = OutboxMessage.objects.get(message_type="JW319")
    url = reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk})
    before = AccessRecord.objects.count()

    page = manager.get(url).content.decode()

    assert reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk}) in page
    assert reverse("messaging:outbox-message", kwargs={"pk": jw319.pk}) in page
    assert reverse("clients:youth-detail", kwargs={"pk": request.youth_id}) in page
    records = list(AccessRecord.objects.order_by("pk")[before:])
    assert [(r.youth_id, r.purpose, r.route) for r in records] == [
        (request.youth_id, AccessPurpose.DETAIL, url)
    ]
    answer_page = page_of(manager, "messaging:outbox-message", jw319.pk)
    assert url in answer_page  # the JW319 links back to the request it answers


def test_a_message_that_names_no_youth_records_no_read(world: World) -> None:
    # An unreadable delivery: no type, no youth.
    received = message_receive(data=b"<dit is geen xml")
    assert received.inbox.youth_id is None
    InboxMessage.objects.filter(pk=received.inbox.pk).update(provider=world.provider)
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    before = AccessRecord.objects.count()

    page = page_of(manager, "messaging:inbox-message", received.inbox.pk)

    assert "&lt;dit is geen xml" in page
    assert AccessRecord.objects.count() == before


def test_a_provider_sees_its_own_messages_with_a_masked_bsn_and_not_another_providers(
    world: World,
) -> None:
    received = message_receive(data=request_for_allocation(world, "VOT1"))
    own = logged_in(world, Role.PROVIDER)
    other = logged_in(world, "other_provider")
    url = reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk})

    page = own.get(url).content.decode()
    assert BSN not in page
    assert f"&gt;******{BSN[-3:]}&lt;" in page

    reads = AccessRecord.objects.filter(event=AccessEvent.READ)
    before = reads.count()
    assert other.get(url).status_code == 404
    assert received.retour is not None
    assert (
        other.get(
            reverse("messaging:outbox-message", kwargs={"pk": received.retour.pk})
        ).status_code
        == 404
    )
    assert reads.count() == before  # a refused look is no read (it is logged as denied)
    traffic = other.get(reverse("messaging:traffic")).content.decode()
    assert "VOT1" not in traffic
    assert world.provider.name not in traffic


def test_a_declaration_shows_its_lines_and_logs_every_youth_declared_for(world: World) -> None:
    anna = world.allocations["anna"]
    declaration = m.jw323(
        world.provider.agb_code,
        "DECL1",
        day=TODAY,
        number="D202502",
        month=dt.date(2025, 2, 1),
        clients=[
            (
                world.youth["anna"].bsn,
                [
                    m.line(
                        "R0001",
                        number=int(anna.number),
                        month=dt.date(2025, 2, 1),
                        volume=4,
                        tariff=10000,
                    )
                ],
            )
        ],
    )
    received = message_receive(data=declaration)
    assert received.inbox.youth_id is None  # a declaration can name many youth
    manager = logged_in(world, Role.CONTRACT_MANAGER)
    url = reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk})
    before = AccessRecord.objects.count()

    page = manager.get(url).content.decode()

    lines = page[page.index('id="declaratieregels"') :]
    assert "R0001" in lines
    assert anna.number in lines
    assert "€ 400,00" in lines
    assert received.retour is not None
    assert received.retour.message_type == "JW325"
    assert reverse("messaging:outbox-message", kwargs={"pk": received.retour.pk}) in page
    records = AccessRecord.objects.order_by("pk")[before:]
    assert {r.youth_id for r in records} == {world.youth["anna"].pk}
