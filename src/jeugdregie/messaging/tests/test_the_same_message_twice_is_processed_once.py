# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

import ijw
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import AllocationRequest, InboxMessage, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _request(world: World) -> bytes:
    return m.jw315(
        world.provider.agb_code,
        "VOT1",
        bsn=synthetic_test_bsn(30),
        day=dt.date(2025, 3, 3),
        reference="REF-1",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
    )


def test_a_second_message_with_the_same_identificatie_gets_9056(world: World) -> None:
    first = message_receive(data=_request(world), source="in/a.xml")
    second = message_receive(data=_request(world), source="in/b.xml")

    assert first.inbox.status == InboxStatus.ACCEPTED
    assert second.inbox.status == InboxStatus.DUPLICATE
    assert second.inbox.duplicate_of == first.inbox
    assert AllocationRequest.objects.count() == 1  # processed once
    retour = second.retour
    assert retour is not None
    message, _findings = ijw.parse(bytes(retour.data))
    assert message is not None
    assert isinstance(message.header, ijw.RetourHeader)
    assert [str(code) for code in message.header.retour_codes] == ["9056"]
    assert not ijw.has_errors(ijw.parse(bytes(retour.data))[1])
    assert OutboxMessage.objects.filter(retour_of__isnull=False).count() == 2  # one each


def test_the_same_file_read_again_is_not_a_new_message(world: World) -> None:
    first = message_receive(data=_request(world), source="in/a.xml")
    again = message_receive(data=_request(world), source="in/a.xml")

    assert again.new is False
    assert again.inbox == first.inbox
    assert InboxMessage.objects.count() == 1
    assert OutboxMessage.objects.filter(retour_of__isnull=False).count() == 1


def test_an_in_message_failure_is_answered_with_0001_only(world: World) -> None:
    message, findings = ijw.parse(_request(world))
    assert message is not None
    assert isinstance(message, ijw.JW315)
    # TR383-style breach: two requested products with one reference.
    message.client.aangevraagde_producten.append(message.client.aangevraagde_producten[0])
    data = ijw.build(message)

    received = message_receive(data=data)

    assert received.inbox.status == InboxStatus.REJECTED
    retour = received.retour
    assert retour is not None
    parsed, _findings = ijw.parse(bytes(retour.data))
    assert parsed is not None
    assert isinstance(parsed.header, ijw.RetourHeader)
    assert [str(code) for code in parsed.header.retour_codes] == ["0001"]
    assert parsed.header.xslt_versie is not None
    assert AllocationRequest.objects.count() == 0
    assert findings == []


def test_an_answer_received_twice_is_kept_as_a_duplicate_of_the_first(world: World) -> None:
    jw301 = OutboxMessage.objects.filter(message_type="JW301").first()
    assert jw301 is not None
    answer = m.jw302(bytes(jw301.data), "RET1", dt.date(2025, 3, 3))

    first = message_receive(data=answer, source="in/a.xml")
    second = message_receive(data=answer, source="in/b.xml")

    assert first.inbox.status == InboxStatus.RECEIVED
    assert first.inbox.answers == jw301
    assert second.inbox.status == InboxStatus.DUPLICATE
    assert second.inbox.duplicate_of == first.inbox
    assert InboxMessage.objects.get(pk=first.inbox.pk).duplicate_of is None
