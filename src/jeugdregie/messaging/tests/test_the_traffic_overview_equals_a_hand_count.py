# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the traffic overview: per provider and message type the messages received,
sent and rejected, and the error rate, for a period (by default the last 90 days); the CSV
export holds exactly what the screen shows."""

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any, cast

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from lxml import html

import ijw
from ijw import codelists as cl
from jeugdregie.accounts.constants import Role
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def request(world_agb: str, identificatie: str, bsn: str, *, day: dt.date = TODAY, **kw) -> bytes:
    return m.jw315(
        world_agb,
        identificatie,
        bsn=bsn,
        day=day,
        reference=f"REF-{identificatie}",
        start=day,
        end=day + dt.timedelta(days=300),
        **kw,
    )


def rejecting_retour(jw301: OutboxMessage) -> bytes:
    """The provider's JW302 on our JW301 with an error code in its header."""
    message, findings = ijw.parse(bytes(jw301.data))
    assert isinstance(message, ijw.JW301), findings
    h = message.header
    return ijw.build(
        ijw.JW302(
            header=ijw.RetourHeader(
                afzender=h.afzender,
                ontvanger=h.ontvanger,
                bericht_identificatie=h.bericht_identificatie,
                xsd_versie=h.xsd_versie,
                identificatie_retour="RET1",
                dagtekening_retour=TODAY,
                retour_codes=[cl.RetourCode("0001")],
            )
        )
    )


@pytest.fixture
def traffic(world: World) -> World:
    """The world's four JW301s (Anna and Daan at De Linde, Daan in the other region; Bram and
    Chris at Het Anker) and, this week:

    - De Linde: a request (accepted), a request for a product outside the catalogue
      (rejected), the first request once more (duplicate, 9056), and a JW302 rejecting
      Anna's JW301; every request gets a JW316;
    - Het Anker: a request (accepted, a JW316);
    - and one request of Het Anker (with its JW316) nine months ago, outside the period.
    """
    linde, anker = world.provider.agb_code, world.other_provider.agb_code
    first = request(linde, "VOT1", synthetic_test_bsn(50))
    assert message_receive(data=first).inbox.status == InboxStatus.ACCEPTED
    refused = request(linde, "VOT2", synthetic_test_bsn(51), code="45A99")
    assert message_receive(data=refused).inbox.status == InboxStatus.REJECTED
    assert message_receive(data=first).inbox.status == InboxStatus.DUPLICATE
    anna_jw301 = OutboxMessage.objects.get(youth=world.youth["anna"], message_type="JW301")
    assert message_receive(data=rejecting_retour(anna_jw301)).inbox.status == (InboxStatus.REJECTED)
    accepted = message_receive(data=request(anker, "VOT3", synthetic_test_bsn(52)))
    assert accepted.inbox.status == InboxStatus.ACCEPTED
    with time_machine.travel("2024-06-03 10:00 +0200", tick=False):
        old = request(anker, "VOT0", synthetic_test_bsn(53), day=dt.date(2024, 6, 3))
        assert message_receive(data=old).inbox.status == InboxStatus.ACCEPTED
    return world


def logged_in(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def screen_table(client: Client, query: dict[str, str] | None = None) -> list[list[str]]:
    response = client.get(reverse("messaging:traffic"), query or {})
    assert response.status_code == 200
    return cells(response.content, "//table[@id='verkeer']//tr")


def cells(page: bytes, rows: str) -> list[list[str]]:
    """The text of each cell of the rows the XPath finds."""
    tree = html.fromstring(page)
    return [
        [str(cell.text_content()).strip() for cell in cast(list[Any], row.xpath("./th|./td"))]
        for row in cast(list[Any], tree.xpath(rows))
    ]


def csv_table(client: Client, query: dict[str, str] | None = None) -> list[list[str]]:
    response = client.get(reverse("messaging:traffic-export"), query or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


HEADER = [
    "Zorgaanbieder",
    "AGB-code",
    "Berichttype",
    "Ontvangen",
    "Verzonden",
    "Afgewezen",
    "Foutpercentage",
]


def test_contract_management_sees_the_hand_counted_figures_of_its_region(traffic: World) -> None:
    linde, anker = traffic.provider, traffic.other_provider
    table = screen_table(logged_in(traffic, Role.CONTRACT_MANAGER))

    assert table == [
        HEADER,
        # Anna's JW301, rejected by the JW302; Daan's JW301 went to the other region.
        [linde.name, linde.agb_code, "JW301", "0", "1", "1", "100,0%"],
        # The provider's own retour says nothing about its quality.
        [linde.name, linde.agb_code, "JW302", "1", "0", "0", "0,0%"],
        # VOT1, VOT2 (refused, S329) and VOT1 again (9056).
        [linde.name, linde.agb_code, "JW315", "3", "0", "2", "66,7%"],
        [linde.name, linde.agb_code, "JW316", "0", "3", "0", "0,0%"],
        # Bram's and Chris's JW301.
        [anker.name, anker.agb_code, "JW301", "0", "2", "0", "0,0%"],
        [anker.name, anker.agb_code, "JW315", "1", "0", "0", "0,0%"],
        [anker.name, anker.agb_code, "JW316", "0", "1", "0", "0,0%"],
        ["Totaal", "5", "7", "3", "25,0%"],
    ]


def test_a_provider_sees_only_its_own_traffic_in_every_region(traffic: World) -> None:
    linde = traffic.provider
    table = screen_table(logged_in(traffic, Role.PROVIDER))

    assert table == [
        HEADER,
        [linde.name, linde.agb_code, "JW301", "0", "2", "1", "50,0%"],  # Anna's and Daan's
        [linde.name, linde.agb_code, "JW302", "1", "0", "0", "0,0%"],
        [linde.name, linde.agb_code, "JW315", "3", "0", "2", "66,7%"],
        [linde.name, linde.agb_code, "JW316", "0", "3", "0", "0,0%"],
        ["Totaal", "4", "5", "3", "33,3%"],
    ]


def test_the_period_and_provider_filters_choose_the_messages(traffic: World) -> None:
    manager = logged_in(traffic, Role.CONTRACT_MANAGER)
    anker = traffic.other_provider

    last_year = screen_table(manager, {"van": "2024-06-01", "tot": "2024-06-30"})
    assert last_year[1:] == [
        [anker.name, anker.agb_code, "JW315", "1", "0", "0", "0,0%"],
        [anker.name, anker.agb_code, "JW316", "0", "1", "0", "0,0%"],
        ["Totaal", "1", "1", "0", "0,0%"],
    ]
    only_anker = screen_table(manager, {"aanbieder": str(anker.pk)})
    assert {row[0] for row in only_anker[1:-1]} == {anker.name}
    assert only_anker[-1] == ["Totaal", "1", "3", "0", "0,0%"]


def test_a_period_that_ends_before_it_starts_is_refused_in_dutch(traffic: World) -> None:
    manager = logged_in(traffic, Role.CONTRACT_MANAGER)

    response = manager.get(reverse("messaging:traffic"), {"van": "2025-03-01", "tot": "2025-01-01"})

    page = response.content.decode()
    assert "Het einde van de periode ligt voor het begin." in page
    assert "4-12-2024 tot en met 3-3-2025" in page  # the default period is shown instead


@pytest.mark.parametrize("role", [Role.CONTRACT_MANAGER, Role.PROVIDER, Role.FUNCTIONAL_ADMIN])
@pytest.mark.parametrize("query", [{}, {"van": "2024-01-01", "tot": "2025-03-03"}])
def test_the_csv_export_equals_the_screen(traffic: World, role: str, query: dict[str, str]) -> None:
    client = logged_in(traffic, role)

    screen = screen_table(client, query)
    exported = csv_table(client, query)

    assert len(exported) > 2
    assert exported[:-1] == screen[:-1]
    total = screen[-1]  # on the screen "Totaal" spans the first three columns
    assert exported[-1] == [total[0], "", "", *total[1:]]


def test_recent_messages_of_the_period_link_to_the_viewer(traffic: World) -> None:
    manager = logged_in(traffic, Role.CONTRACT_MANAGER)

    page = manager.get(reverse("messaging:traffic")).content

    rows = cells(page, "//table[@id='recente-berichten']/tbody/tr")
    assert len(rows) == 12  # the 5 received and 7 sent of the period in the region
    links = [
        str(link)
        for link in cast(
            list[Any], html.fromstring(page).xpath("//table[@id='recente-berichten']//a/@href")
        )
    ]
    anna_jw301 = OutboxMessage.objects.get(youth=traffic.youth["anna"], message_type="JW301")
    assert reverse("messaging:outbox-message", kwargs={"pk": anna_jw301.pk}) in links
    assert len([link for link in links if link.startswith("/berichten/ontvangen/")]) == 5
    assert len([link for link in links if link.startswith("/berichten/verzonden/")]) == 7
