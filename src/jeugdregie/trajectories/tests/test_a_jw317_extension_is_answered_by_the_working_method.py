# SPDX-License-Identifier: EUPL-1.2
"""Issue 6: a provider asks a perceel-2 extension in a JW317 (a later end, nothing else). The
working method answers: granted on mandate → a JW301 with the new end and the request's
reference; refused → a JW319 with the reason; pending on the referrer → the request stays open
until the referrer decides, and that decision is the answer. Every message the system writes
is valid against the official schemas."""

import datetime as dt

import pytest
import time_machine
from lxml import etree
from tests.ijw.shared import xsd_folder

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import ChangeRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionSource, ExtensionStatus
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.extensions import extension_referrer_decide

pytestmark = pytest.mark.django_db


def _jw317(p2: Perceel2, identificatie: str, day: dt.date, end: dt.date) -> bytes:
    """The coordinating practitioner's JW317: the same allocation, a later end."""
    allocation = p2.allocation
    assert allocation.volume is not None
    return ijw.build(
        ijw.JW317(
            header=ijw.Header(
                afzender=allocation.provider.agb_code,
                ontvanger=allocation.municipality.cbs_code,
                bericht_identificatie=ijw.BerichtIdentificatie(
                    identificatie=identificatie, dagtekening=day
                ),
            ),
            client=ijw.WijzigingClient(
                bsn=allocation.youth.bsn,
                verzoek=ijw.Verzoek(
                    referentie_aanbieder=f"VOW-{identificatie}",
                    reden_verzoek=cl.RedenVerzoek.WIJZIGING_ZORGPLAN,
                    te_wijzigen_producten=[
                        ijw.TeWijzigenProduct(
                            toewijzing_nummer=int(allocation.number),
                            gewenste_ingangsdatum=allocation.start,
                            einddatum=end,
                            omvang=ijw.Omvang(
                                volume=allocation.volume,
                                eenheid=cl.Eenheid(allocation.unit),
                                frequentie=cl.Frequentie(allocation.frequency),
                            ),
                        )
                    ],
                ),
            ),
        )
    )


def _valid(row: OutboxMessage) -> ijw.Message:
    schema = etree.XMLSchema(etree.parse(str(xsd_folder() / f"{row.message_type.lower()}.xsd")))
    document = etree.fromstring(bytes(row.data))
    assert schema.validate(document), schema.error_log
    message, findings = ijw.parse(bytes(row.data))
    assert message is not None, findings
    return message


def _receive(p2: Perceel2, identificatie: str, day: dt.date, end: dt.date) -> ChangeRequest:
    with time_machine.travel(dt.datetime.combine(day, dt.time(10)), tick=False):
        received = message_receive(data=_jw317(p2, identificatie, day, end))
    assert received.retour is not None
    assert received.retour.message_type == "JW318"
    return ChangeRequest.objects.get(inbox_message=received.inbox)


def test_a_first_extension_is_granted_on_mandate_and_answered_with_a_jw301(p2: Perceel2) -> None:
    request = _receive(p2, "1", dt.date(2025, 12, 15), dt.date(2026, 7, 31))

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    extension = Extension.objects.get(change_request=request)
    assert (extension.source, extension.route, extension.status) == (
        ExtensionSource.JW317,
        ExtensionRoute.MANDATE,
        ExtensionStatus.GRANTED,
    )
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2026, 7, 31)
    jw301 = _valid(OutboxMessage.objects.filter(message_type="JW301").latest("pk"))
    assert isinstance(jw301, ijw.JW301)
    (line,) = [
        p
        for p in jw301.client.toegewezen_producten
        if p.toewijzing_nummer == int(p2.allocation.number)
    ]
    assert line.einddatum == dt.date(2026, 7, 31)
    assert line.referentie_aanbieder == "VOW-1"
    assert not OutboxMessage.objects.filter(message_type="JW319").exists()


def test_an_extension_beyond_one_step_is_refused_with_a_jw319_and_the_reason(p2: Perceel2) -> None:
    request = _receive(p2, "2", dt.date(2025, 12, 15), dt.date(2027, 12, 31))

    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.rejection_reason == RejectionReason.CARE_CONTENT
    assert "ten hoogste 12 maanden" in request.decision_note
    jw319 = _valid(OutboxMessage.objects.get(message_type="JW319"))
    assert isinstance(jw319, ijw.JW319)
    assert jw319.antwoord.referentie_aanbieder == "VOW-2"
    assert str(jw319.antwoord.reden_afwijzing_verzoek) == RejectionReason.CARE_CONTENT.value
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2026, 1, 31)
    assert not Extension.objects.exists()


def test_after_the_pilot_the_request_waits_for_the_referrer_whose_decision_answers_it(
    p2: Perceel2,
) -> None:
    # The pilot ends on 2025-12-31: a request of 2026-01-20 takes the standard route.
    request = _receive(p2, "3", dt.date(2026, 1, 20), dt.date(2026, 7, 31))

    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    extension = Extension.objects.get(change_request=request)
    assert (extension.route, extension.status) == (
        ExtensionRoute.STANDARD_REFERRER,
        ExtensionStatus.PENDING,
    )
    sent_before = OutboxMessage.objects.filter(message_type__in=["JW301", "JW319"]).count()

    with time_machine.travel("2026-01-22 10:00 +0100", tick=False):
        extension_referrer_decide(
            actor=p2.cjg, extension=extension, grant=True, motivation="Behandeling loopt goed"
        )

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert OutboxMessage.objects.filter(message_type__in=["JW301", "JW319"]).count() == (
        sent_before + 1
    )
    jw301 = _valid(OutboxMessage.objects.filter(message_type="JW301").latest("pk"))
    assert isinstance(jw301, ijw.JW301)
    assert {p.referentie_aanbieder for p in jw301.client.toegewezen_producten} >= {"VOW-3"}
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2026, 7, 31)
