# SPDX-License-Identifier: EUPL-1.2
"""A message tells its sender nothing about a child it has no relation with.

- A JW315 or JW317 from a provider without a contract with the receiving region (none at
  all, one in another region, or one that has ended) is refused as a whole with 0001 in the
  retour header (WJ001 has no code of its own; 0001 is the header code of a message that is
  not accepted at all) and links to no youth: none created, none linked, nothing on a
  worklist.
- A contracted provider's JW315 naming another provider's child is linked to that child for
  the region, but the viewer and the worklist show the provider what its message said.
- A JW317 about a child the provider has no allocation for gets 8187 (TR304), the same as
  for a BSN nobody has, and links to no youth.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from tests.ijw.shared import xsd_folder

import ijw
from jeugdregie.accounts.constants import Role
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.services import contract_create
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, OutboxMessage
from jeugdregie.messaging.services.context import import_run
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import LotFactory, ProviderFactory, World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
UNKNOWN_BSN = synthetic_test_bsn(70)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _outsider(world: World, situation: str) -> Provider:
    provider = ProviderFactory.create(name=f"Buitenstaander {situation}")
    if situation == "contract_elsewhere":
        contract_create(
            actor=None,
            region=world.other_region,
            provider=provider,
            kind=ContractKind.REGIONAL,
            reference="IJZK-1",
            lots=[LotFactory.create(region=world.other_region, code="X1")],
            start=dt.date(2024, 1, 1),
        )
    elif situation == "contract_ended":
        contract_create(
            actor=None,
            region=world.region,
            provider=provider,
            kind=ContractKind.LIGHT,
            reference="LICHT-1",
            lots=[world.lot],
            start=dt.date(2024, 1, 1),
            end=dt.date(2024, 12, 31),
        )
    return provider


def _jw315(agb: str, identificatie: str, bsn: str) -> bytes:
    return m.jw315(
        agb,
        identificatie,
        bsn=bsn,
        day=TODAY,
        reference=f"REF-{identificatie}",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
    )


def _jw317(agb: str, identificatie: str, bsn: str, number: int) -> bytes:
    return m.jw317(
        agb,
        identificatie,
        bsn=bsn,
        day=TODAY,
        reference=f"VOW-{identificatie}",
        changed=[(number, dt.date(2025, 4, 1), dt.date(2025, 7, 31), 12)],
    )


def _codes(retour: OutboxMessage) -> list[str]:
    return re.findall(r"RetourCode>(\w{4})<", bytes(retour.data).decode())


def _officially_valid(retour: OutboxMessage) -> None:
    parsed, findings = ijw.parse(bytes(retour.data), xsd_dir=xsd_folder())
    assert parsed is not None, findings
    assert not ijw.has_errors(findings), findings


@pytest.mark.parametrize("situation", ["no_contract", "contract_elsewhere", "contract_ended"])
def test_a_request_from_a_sender_without_a_contract_is_refused_and_links_no_youth(
    world: World, situation: str
) -> None:
    outsider = _outsider(world, situation)
    bram = world.youth["bram"]
    number = int(world.allocations["bram"].number)
    youth_before = Youth.objects.count()
    messages = [
        _jw315(outsider.agb_code, "VOT1", bram.bsn),
        _jw315(outsider.agb_code, "VOT2", UNKNOWN_BSN),
        _jw317(outsider.agb_code, "VOW1", bram.bsn, number),
        _jw317(outsider.agb_code, "VOW2", UNKNOWN_BSN, number),
    ]
    with import_run():  # the contract check is cached per run, like the master data
        received = [message_receive(data=data) for data in messages]
    for item in received:
        assert item.inbox.status == InboxStatus.REJECTED
        assert item.inbox.youth_id is None
        assert item.inbox.findings[-1]["rule"] == "CONTRACT"
        retour = item.retour
        assert retour is not None
        assert _codes(retour) == ["0001"]
        assert retour.youth_id is None
        assert b"Bsn" not in bytes(retour.data)  # the header only: nothing about the client
        _officially_valid(retour)
    assert Youth.objects.count() == youth_before
    assert not AllocationRequest.objects.exists()
    assert not ChangeRequest.objects.exists()
    assert not world.allocations["bram"].inbox_messages.exists()


def test_a_contracted_sender_is_still_heard(world: World) -> None:
    received = message_receive(data=_jw315(world.provider.agb_code, "VOT1", UNKNOWN_BSN))
    assert received.inbox.status == InboxStatus.ACCEPTED
    assert AllocationRequest.objects.get().youth.bsn == UNKNOWN_BSN


def _signed_in(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def test_the_viewer_and_the_worklist_show_a_provider_what_its_message_said(world: World) -> None:
    bram = world.youth["bram"]  # in care at Het Anker; De Linde asks for him
    received = message_receive(data=_jw315(world.provider.agb_code, "VOT1", bram.bsn))
    request = AllocationRequest.objects.get()
    assert request.youth == bram  # the region sees the request with its own record
    assert received.inbox.youth == bram

    provider = _signed_in(world, Role.PROVIDER)
    pages = [
        provider.get(reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk})),
        provider.get(reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})),
    ]
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Sam de Vries" in html  # as the JW315 named the client
        for secret in ("Bram", "de Jong", "2-3-2012", bram.bsn):
            assert secret not in html
        assert f"/jeugdigen/{bram.pk}/" not in html
    assert "1-4-2014" in pages[1].content.decode()

    manager = _signed_in(world, Role.CONTRACT_MANAGER)
    html = manager.get(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})
    ).content.decode()
    assert "Bram de Jong" in html
    assert f"/jeugdigen/{bram.pk}/" in html


def test_a_request_for_change_about_another_providers_child_reads_as_an_unknown_bsn(
    world: World,
) -> None:
    number = int(world.allocations["bram"].number)
    answers = {}
    for key, bsn in (("bram", world.youth["bram"].bsn), ("unknown", UNKNOWN_BSN)):
        received = message_receive(data=_jw317(world.provider.agb_code, f"VOW-{key}", bsn, number))
        assert received.inbox.youth_id is None
        retour = received.retour
        assert retour is not None
        _officially_valid(retour)
        answers[key] = (received.inbox.status, _codes(retour))
    assert answers["bram"] == answers["unknown"]
    status, codes = answers["bram"]
    assert status == InboxStatus.REJECTED
    assert "8187" in codes
    assert not ChangeRequest.objects.exists()


def test_a_request_for_change_of_an_own_allocation_is_still_checked(world: World) -> None:
    anna = world.allocations["anna"]
    received = message_receive(
        data=_jw317(world.provider.agb_code, "VOW-anna", world.youth["anna"].bsn, int(anna.number))
    )
    assert received.inbox.youth == world.youth["anna"]
    assert ChangeRequest.objects.get().youth == world.youth["anna"]
    assert received.inbox.status == InboxStatus.ACCEPTED
