# SPDX-License-Identifier: EUPL-1.2
"""A subject-access request (AVG art. 15): the privacy officer downloads, for one youth of the
region, every record held (personal details, referrals, allocations, requests, cases, waiting
entries) and every recorded access, as JSON and as PDF; the download itself is recorded; a
youth of another region is not found."""

import json

import pytest
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.audit.services import access_record_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World
from jeugdregie.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy(world: World) -> Client:
    client = Client()
    sign_in(client, world.users[Role.PRIVACY_OFFICER])
    return client


def test_the_json_report_holds_every_record_and_every_access(world: World, privacy: Client):
    anna = world.youth["anna"]
    access_record_create(
        user=world.users[Role.CONTRACT_MANAGER],
        youth_ids=[anna.pk],
        purpose=AccessPurpose.DETAIL,
        route="/jeugdigen/",
    )
    response = privacy.get(f"/privacy/jeugdige/{anna.pk}/inzageverzoek.json")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].startswith("attachment;")
    report = json.loads(response.content)
    sections = {s["key"]: s["rows"] for s in report["sections"]}
    details = {row["Gegeven"]: row["Waarde"] for row in sections["youth"]}
    assert (details["Voornaam"], details["Achternaam"], details["BSN"]) == (
        "Anna",
        "Visser",
        anna.bsn,
    )
    (allocation,) = sections["allocations"]
    assert allocation["Nummer"] == world.allocations["anna"].number
    assert allocation["Status"] in {"In zorg", "Toegewezen", "Beëindigd"}
    assert len(sections["referrals"]) == 1
    seen_by = {row["Gebruiker"] for row in sections["accesses"]}
    assert world.users[Role.CONTRACT_MANAGER].username in seen_by
    assert {row["Wat"] for row in sections["changes"]} >= {"Aangemaakt"}
    assert AccessRecord.objects.filter(
        youth=anna, purpose=AccessPurpose.EXPORT, user=world.users[Role.PRIVACY_OFFICER]
    ).exists(), "handing the report over is recorded"


def test_the_pdf_report_draws_the_same_records(world: World, privacy: Client):
    anna = world.youth["anna"]
    response = privacy.get(f"/privacy/jeugdige/{anna.pk}/inzageverzoek.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in ("Overzicht bij een inzageverzoek", "Anna", "Visser", anna.bsn, "Toewijzingen"):
        assert expected in text, expected
    assert "Niets vastgelegd." in text  # no afwegingskader case for anna


def test_a_youth_of_another_region_is_not_found(world: World, privacy: Client):
    daan = world.youth["daan"]  # lives in Haarlem, another region
    assert privacy.get(f"/privacy/jeugdige/{daan.pk}/inzageverzoek.json").status_code == 404
    assert not AccessRecord.objects.filter(youth=daan, purpose=AccessPurpose.EXPORT).exists()
