# SPDX-License-Identifier: EUPL-1.2
"""A message that was linked to no youth still shows a BSN: its read is logged against the
BSN's keyed hash (with the key's version), and the privacy officer's BSN look-up finds it."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.clients.models import Youth
from jeugdregie.core.crypto import blind_index, blind_index_key_version
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import synthetic_test_bsn

pytestmark = pytest.mark.django_db

UNKNOWN_BSN = synthetic_test_bsn(77)  # no youth of the world has it


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _unlinked_request(world):
    """A JW315 dated in the future: refused on its header (8848) before any youth is linked."""
    received = message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "TOEKOMST1",
            bsn=UNKNOWN_BSN,
            day=dt.date(2025, 3, 10),
            reference="REF-TOEKOMST1",
            start=dt.date(2025, 3, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    assert received.inbox.youth_id is None
    return received.inbox


def test_reading_an_unlinked_message_logs_the_keyed_bsn_hash_and_its_key_version(world):
    inbox = _unlinked_request(world)
    manager = Client()
    sign_in(manager, world.users[Role.CONTRACT_MANAGER])
    url = reverse("messaging:inbox-message", kwargs={"pk": inbox.pk})

    page = manager.get(url).content.decode()

    assert UNKNOWN_BSN in page  # contract management sees the number the message names
    [read] = AccessRecord.objects.filter(event=AccessEvent.READ)
    assert read.youth_id is None
    assert read.bsn_hash == blind_index(UNKNOWN_BSN, purpose="bsn")
    assert UNKNOWN_BSN not in {read.bsn_hash, read.route, read.username}
    assert read.key_version == blind_index_key_version()
    assert (read.user, read.purpose, read.route) == (
        world.users[Role.CONTRACT_MANAGER],
        AccessPurpose.DETAIL,
        url,
    )
    assert read.region_id == world.region.pk


def test_a_message_linked_to_its_youth_logs_the_youth_once(world):
    anna = world.youth["anna"]
    received = message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "VOT1",
            bsn=anna.bsn,
            day=dt.date(2025, 3, 3),
            reference="REF-VOT1",
            start=dt.date(2025, 3, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    assert received.inbox.youth_id == anna.pk
    manager = Client()
    sign_in(manager, world.users[Role.CONTRACT_MANAGER])

    manager.get(reverse("messaging:inbox-message", kwargs={"pk": received.inbox.pk}))

    [read] = AccessRecord.objects.filter(event=AccessEvent.READ)
    assert (read.youth_id, read.bsn_hash) == (anna.pk, Youth.objects.get(pk=anna.pk).bsn_index)


def test_the_privacy_officer_finds_who_read_a_bsn_that_is_no_youth(world):
    inbox = _unlinked_request(world)
    manager = Client()
    sign_in(manager, world.users[Role.CONTRACT_MANAGER])
    manager.get(reverse("messaging:inbox-message", kwargs={"pk": inbox.pk}))
    officer = Client()
    sign_in(officer, world.users[Role.PRIVACY_OFFICER])

    found = officer.post(reverse("audit:privacy"), {"bsn": UNKNOWN_BSN})

    assert found.status_code == 302
    page = officer.get(found["Location"]).content.decode()
    assert world.users[Role.CONTRACT_MANAGER].username in page
    assert reverse("messaging:inbox-message", kwargs={"pk": inbox.pk}) in page
    assert UNKNOWN_BSN not in page
    assert UNKNOWN_BSN not in found["Location"]
    # the look-up is a read of that BSN too
    assert AccessRecord.objects.filter(
        user=world.users[Role.PRIVACY_OFFICER], purpose=AccessPurpose.AUDIT, youth=None
    ).exists()
    # a BSN nobody read is not found
    other = officer.post(reverse("audit:privacy"), {"bsn": synthetic_test_bsn(78)})
    assert other.status_code == 200
