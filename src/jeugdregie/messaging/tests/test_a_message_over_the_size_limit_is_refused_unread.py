# SPDX-License-Identifier: EUPL-1.2
"""``IJW_MAX_BYTES`` is the one size limit: a received message larger than it is stored as
refused with the reason, unparsed, nothing linked and no retour sent — the same limit
``ijw_validate`` applies. Under the limit the same message is accepted."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import AllocationRequest, OutboxMessage
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db


def _jw315(world: World, identificatie: str) -> bytes:
    day = timezone.localdate()
    return m.jw315(
        world.provider.agb_code,
        identificatie,
        bsn=synthetic_test_bsn(52),
        day=day,
        reference=f"REF-{identificatie}",
        start=day,
        end=day + dt.timedelta(days=90),
    )


def test_a_message_over_the_limit_is_refused_unread(world: World):
    data = _jw315(world, "2025-0101")
    outbox = OutboxMessage.objects.count()
    with override_settings(IJW_MAX_BYTES=len(data) - 1):
        received = message_receive(data=data)
    inbox = received.inbox
    assert inbox.status == InboxStatus.REFUSED
    assert f"de grens is {len(data) - 1:,} bytes".replace(",", ".") in str(inbox.findings)
    assert received.retour is None
    assert OutboxMessage.objects.count() == outbox
    assert not AllocationRequest.objects.exists()

    with override_settings(IJW_MAX_BYTES=len(data)):
        accepted = message_receive(data=_jw315(world, "2025-0102"))
    assert accepted.inbox.status == InboxStatus.ACCEPTED
    assert AllocationRequest.objects.count() == 1
