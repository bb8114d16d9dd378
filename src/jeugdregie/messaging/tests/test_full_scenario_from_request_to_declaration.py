# SPDX-License-Identifier: EUPL-1.2
"""End to end: JW315 in → JW316 → auto-approved → JW301 → JW302 in → JW305 → JW306 →
three monthly JW323 (one line above the contract tariff) → JW325 rejecting exactly that
line → JW307 → JW308; realisation equals the approved lines; every message we wrote is
valid against the official schemas."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from lxml import etree
from tests.ijw.shared import xsd_folder

import ijw
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.models import Realisation
from jeugdregie.messaging.constants import InboxStatus, RequestStatus
from jeugdregie.messaging.models import AllocationRequest, OutboxMessage, RegionMessagingSettings
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import build_world, synthetic_test_bsn


def official_schema_errors(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    name = etree.QName(root).namespace.split("/")[-2]  # ".../jw301/schema" → "jw301"
    schema = etree.XMLSchema(etree.parse(str(xsd_folder() / f"{name}.xsd")))
    if schema.validate(root):
        return []
    return [str(error) for error in schema.error_log]  # type: ignore[attr-defined]


def receive(data: bytes) -> tuple[str, OutboxMessage | None]:
    received = message_receive(data=data)
    return received.inbox.status, received.retour


def retour_codes(outbox: OutboxMessage) -> list[str]:
    message, findings = ijw.parse(bytes(outbox.data))
    assert message is not None, findings
    header = message.header
    assert isinstance(header, ijw.RetourHeader | ijw.DeclaratieAntwoordHeader)
    return [str(code) for code in header.retour_codes]


@pytest.mark.django_db
def test_request_to_declaration_end_to_end() -> None:
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        world = build_world(year=2026)
        RegionMessagingSettings.objects.create(region=world.region, auto_approve_requests=True)
        agb = world.provider.agb_code
        bsn = synthetic_test_bsn(20)
        first_outbox = OutboxMessage.objects.count()

        status, retour = receive(
            m.jw315(
                agb,
                "VOT1",
                bsn=bsn,
                day=dt.date(2026, 3, 2),
                reference="VOT-1",
                start=dt.date(2026, 3, 1),
                end=dt.date(2026, 12, 31),
            )
        )
        assert status == InboxStatus.ACCEPTED
        assert retour is not None
        assert retour.message_type == "JW316"
        assert retour_codes(retour) == []
        request = AllocationRequest.objects.get(reference="VOT-1")
        assert request.status == RequestStatus.APPROVED
        allocation = request.allocation
        assert allocation is not None
        jw301 = OutboxMessage.objects.get(message_type="JW301", allocations=allocation)
        parsed, _findings = ijw.parse(bytes(jw301.data))
        assert isinstance(parsed, ijw.JW301)
        assert [p.referentie_aanbieder for p in parsed.client.toegewezen_producten] == ["VOT-1"]
        assert retour.pk < jw301.pk  # the retour goes out before the allocation

    number = int(allocation.number)
    with time_machine.travel("2026-03-03 10:00 +0100", tick=False):
        status, retour = receive(m.jw302(bytes(jw301.data), "RET1", dt.date(2026, 3, 3)))
        assert status == InboxStatus.RECEIVED
        assert retour is None
        status, retour = receive(
            m.jw305(
                agb,
                "START1",
                bsn=bsn,
                day=dt.date(2026, 3, 3),
                number=number,
                allocation_start=allocation.start,
                start=dt.date(2026, 3, 2),
            )
        )
        assert status == InboxStatus.ACCEPTED, retour and retour.retour_of.findings  # type: ignore[union-attr]
        assert retour is not None
        assert retour.message_type == "JW306"
        assert allocation.delivery_periods.get().start == dt.date(2026, 3, 2)

    anna = world.allocations["anna"]
    anna_bsn = synthetic_test_bsn(0)
    answers = []
    for month_number, identificatie in ((3, "DEC3"), (4, "DEC4"), (5, "DEC5")):
        month = dt.date(2026, month_number, 1)
        day = dt.date(2026, month_number + 1, 2)
        clients = [
            (
                bsn,
                [
                    m.line(
                        f"R{month_number}",
                        number=number,
                        month=month,
                        volume=8,
                        tariff=12_000 if month_number == 4 else 10_000,
                    )
                ],
            )
        ]
        if month_number == 4:
            clients.append(
                (
                    anna_bsn,
                    [m.line("A4", number=int(anna.number), month=month, volume=5, tariff=10_000)],
                )
            )
        with time_machine.travel(f"{day.isoformat()} 10:00 +0200", tick=False):
            status, retour = receive(
                m.jw323(
                    agb,
                    identificatie,
                    day=day,
                    number=f"D{month_number}",
                    month=month,
                    clients=clients,
                )
            )
        assert retour is not None
        assert retour.message_type == "JW325"
        answers.append((status, retour))

    assert [status for status, _retour in answers] == [
        InboxStatus.ACCEPTED,
        InboxStatus.PARTIAL,
        InboxStatus.ACCEPTED,
    ]
    april, _findings = ijw.parse(bytes(answers[1][1].data))
    assert isinstance(april, ijw.JW325)
    assert april.declaratie_antwoord is not None
    rejected = [
        (p.product_referentie.referentie_nummer, [str(c) for c in p.retour_codes])
        for client in april.declaratie_antwoord.clienten
        for p in client.prestaties
    ]
    assert rejected == [("R4", ["0611"])]
    assert april.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 50_000
    march, _findings = ijw.parse(bytes(answers[0][1].data))
    assert isinstance(march, ijw.JW325)
    assert march.declaratie_antwoord is not None
    assert [str(c) for c in march.declaratie_antwoord.retour_codes] == ["8001"]

    with time_machine.travel("2026-06-03 10:00 +0200", tick=False):
        status, retour = receive(
            m.jw307(
                agb,
                "STOP1",
                bsn=bsn,
                day=dt.date(2026, 6, 3),
                number=number,
                allocation_start=allocation.start,
                start=dt.date(2026, 3, 2),
                end=dt.date(2026, 5, 31),
            )
        )
    assert status == InboxStatus.ACCEPTED
    assert retour is not None
    assert retour.message_type == "JW308"
    assert allocation.delivery_periods.get().end == dt.date(2026, 5, 31)

    booked = Realisation.objects.filter(provider=world.provider, source="declaration")
    assert sorted(r.reference.split("/")[1] for r in booked) == ["A4", "R3", "R5"]
    assert sum(r.amount for r in booked) == Decimal("2100.00")
    assert booked.get(reference__endswith="/A4").allocation == anna

    written = OutboxMessage.objects.filter(pk__gt=first_outbox)
    assert {o.message_type for o in written} == {"JW301", "JW306", "JW308", "JW316", "JW325"}
    for outbox in OutboxMessage.objects.all():
        data = bytes(outbox.data)
        assert official_schema_errors(data) == [], outbox.message_type
        assert not ijw.has_errors(ijw.parse(data)[1]), (outbox.message_type, ijw.parse(data)[1])
    assert Allocation.objects.filter(youth__bsn_index=allocation.youth.bsn_index).count() == 1
