# SPDX-License-Identifier: EUPL-1.2
"""The entry's page shows every change with who, when and the old and new values in Dutch
(names, not database ids), and the read of the page is logged."""

import datetime as dt
import json

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.services import (
    waiting_entry_close,
    waiting_entry_report,
    waiting_entry_update,
)

pytestmark = pytest.mark.django_db


def test_the_history_names_who_changed_what(world):
    user = world.users[Role.ACCESS_STAFF]
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        entry = waiting_entry_report(
            actor=user,
            youth=world.youth["anna"],
            lot=world.lot,
            provider=world.provider,
            product=world.product,
            waiting_since=dt.date(2025, 6, 1),
            source=WaitingSource.STAFF,
        )
        waiting_entry_update(
            actor=user, entry=entry, bridging_provider=world.other_provider, bridging_note="POH"
        )
        waiting_entry_close(
            actor=user, entry=entry, outflow_date=dt.date(2025, 6, 30), outflow_reason="moved"
        )
        client = Client()
        sign_in(client, user)
        reads = AccessRecord.objects.filter(event=AccessEvent.READ).order_by("seq")
        before = reads.count()
        url = reverse("waitinglists:entry-detail", kwargs={"pk": entry.pk})
        html = client.get(url).content.decode()

    assert "overbruggingszorg: aanbieder: — → Het Anker" in html
    # The note is free text that can hold health details: encrypted, never in the change log.
    assert "POH" not in html.split('id="historie"')[1]
    changes = ChangeRecord.objects.filter(object_pk=str(entry.pk)).values_list("changes", flat=True)
    assert "POH" not in json.dumps(list(changes))
    assert "reden van uitstroom: — → Verhuisd buiten de regio" in html
    assert html.count(user.username) >= 3
    # Closed: no links to change it any more.
    assert reverse("waitinglists:entry-update", kwargs={"pk": entry.pk}) not in html
    records = reads[before:]
    assert [(r.youth_id, r.route) for r in records] == [(world.youth["anna"].pk, url)]
