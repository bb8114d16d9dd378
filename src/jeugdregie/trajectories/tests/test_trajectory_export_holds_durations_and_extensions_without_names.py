# SPDX-License-Identifier: EUPL-1.2
"""The CSV export of trajectories: one row per trajectory with its dates, extension counts
and complexity, no names or BSNs, and every youth in it recorded in the access log."""

import csv
import datetime as dt
import io

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.testing.auth import sign_in
from jeugdregie.workflows.extensions import extension_request


@pytest.mark.django_db
def test_the_export_of_the_cjg(p2):
    extension_request(
        actor=None,
        provider=p2.world.provider,
        allocation=p2.allocation,
        requested_end=dt.date(2026, 7, 31),
        request_date=dt.date(2025, 12, 15),
    )
    client = Client()
    sign_in(client, p2.cjg)
    response = client.get(reverse("trajectories:trajectory-export"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["Toewijzingsnummer"], row["Begindatum"], row["Huidige einddatum"]) == (
        p2.allocation.number,
        "2025-02-01",
        "2026-07-31",
    )
    assert (row["Verlengingen toegekend"], row["Verlenging open"]) == ("1", "nee")
    assert row["Complexiteit"] == "Enkelvoudig"
    youth = p2.allocation.youth
    assert youth.family_name not in text
    assert youth.bsn not in text
    assert AccessRecord.objects.filter(
        user=p2.cjg, youth=youth, purpose=AccessPurpose.EXPORT
    ).exists()
