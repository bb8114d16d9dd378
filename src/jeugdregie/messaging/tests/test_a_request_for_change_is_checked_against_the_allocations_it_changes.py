# SPDX-License-Identifier: EUPL-1.2
"""Use cases of the cross-message rules on a request for change (JW317): a change on or before
the message date starts on the allocation's start (TR357, 9357), so does a changed budget or
total volume (TR373, 9373); the desired package holds no product twice for overlapping
periods (TR361, 9361); a product with a code is changed with its volume (TR411, 9411).
A refused request does not reach the worklist; the code sits on the refused product."""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine

import ijw
from ijw import codelists as cl
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import ChangeRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
ALLOCATION_START = dt.date(2025, 2, 1)  # Anna's allocation: 40 hours in total until 31 July
END = dt.date(2025, 7, 31)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def hours(volume: int, frequency: str = cl.Frequentie.TOTAAL) -> ijw.Omvang:
    return ijw.Omvang(volume=volume, eenheid=cl.Eenheid.UUR, frequentie=cl.Frequentie(frequency))


def request(
    world: World,
    *,
    changed: list[ijw.TeWijzigenProduct] | None = None,
    unchanged: bool = False,
    new: list[ijw.NieuwProduct] | None = None,
    identificatie: str = "VOW1",
) -> tuple[str, list[str]]:
    """Send a JW317 for Anna; the inbox status and the codes of the JW318, in order."""
    number = int(world.allocations["anna"].number)
    message = ijw.JW317(
        header=m.header(world.provider.agb_code, identificatie, TODAY),
        client=ijw.WijzigingClient(
            bsn=synthetic_test_bsn(0),
            verzoek=ijw.Verzoek(
                referentie_aanbieder=f"REF-{identificatie}",
                reden_verzoek=cl.RedenVerzoek.WIJZIGING_ZORGPLAN,
                ongewijzigde_producten=(
                    [ijw.OngewijzigdProduct(toewijzing_nummer=number)] if unchanged else []
                ),
                te_wijzigen_producten=changed or [],
                nieuwe_producten=new or [],
            ),
        ),
    )
    received = message_receive(data=ijw.build(message))
    retour = received.retour
    assert isinstance(retour, OutboxMessage)
    assert retour.message_type == "JW318"
    codes = [c.decode() for c in re.findall(rb"RetourCode>(\w{4})<", bytes(retour.data))]
    return received.inbox.status, codes


def change(world: World, start: dt.date, omvang: ijw.Omvang | None = None) -> ijw.TeWijzigenProduct:
    return ijw.TeWijzigenProduct(
        toewijzing_nummer=int(world.allocations["anna"].number),
        gewenste_ingangsdatum=start,
        einddatum=END,
        omvang=omvang,
    )


def test_a_change_in_the_past_must_start_on_the_original_start_9357(world: World) -> None:
    status, codes = request(world, changed=[change(world, dt.date(2025, 3, 1), hours(5, "4"))])

    assert status == InboxStatus.REJECTED
    assert "9357" in codes
    assert not ChangeRequest.objects.exists()


def test_a_change_from_the_original_start_may_lie_in_the_past(world: World) -> None:
    status, codes = request(world, changed=[change(world, ALLOCATION_START, hours(50))])

    assert (status, codes) == (InboxStatus.ACCEPTED, [])
    assert ChangeRequest.objects.get().reference == "REF-VOW1"


def test_a_changed_total_volume_must_start_on_the_original_start_9373(world: World) -> None:
    status, codes = request(world, changed=[change(world, dt.date(2025, 5, 1), hours(50))])

    assert status == InboxStatus.REJECTED
    assert "9373" in codes
    assert "9357" not in codes


def test_the_same_product_twice_with_overlapping_periods_is_refused_9361(world: World) -> None:
    again = ijw.NieuwProduct(
        product=ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
        gewenste_ingangsdatum=dt.date(2025, 5, 1),
        einddatum=dt.date(2025, 12, 31),
        omvang=hours(4, "4"),
    )
    other = ijw.NieuwProduct(
        product=ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code="45A02"),
        gewenste_ingangsdatum=dt.date(2025, 5, 1),
        einddatum=dt.date(2025, 12, 31),
        omvang=hours(4, "4"),
    )

    status, codes = request(world, unchanged=True, new=[other, again])

    assert status == InboxStatus.REJECTED
    assert codes.count("9361") == 1
    retour = OutboxMessage.objects.filter(message_type="JW318").latest("pk")
    parsed, _findings = ijw.parse(bytes(retour.data))
    assert isinstance(parsed, ijw.JW318)
    assert parsed.client is not None
    verzoek = parsed.client.verzoek
    assert [str(c) for c in verzoek.nieuwe_producten[1].retour_codes] == ["9361"]  # the later
    assert [str(c) for c in verzoek.nieuwe_producten[0].retour_codes] == ["0200"]
    assert [str(c) for c in verzoek.ongewijzigde_producten[0].retour_codes] == ["0200"]
    accepted = request(world, unchanged=True, new=[other], identificatie="VOW2")
    assert accepted == (InboxStatus.ACCEPTED, [])


def test_a_product_with_a_code_is_changed_with_its_volume_9411(world: World) -> None:
    status, codes = request(world, changed=[change(world, dt.date(2025, 5, 1), omvang=None)])

    assert status == InboxStatus.REJECTED
    assert "9411" in codes
