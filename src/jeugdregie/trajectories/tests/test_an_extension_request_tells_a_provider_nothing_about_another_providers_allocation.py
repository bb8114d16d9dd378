# SPDX-License-Identifier: EUPL-1.2
"""``POST /api/v1/verlengingen/`` names an allocation by municipality and number. Het Anker's
software (an API client with a token) tries De Linde's perceel-2 allocation of Daan, De
Linde's allocation of Anna (no trajectory) and a number nobody has: the three answers are
the same, apart from the number it sent. It learns neither that the allocation exists, nor
that it is a trajectory, nor who treats the youth. An additional practitioner, who works in
the trajectory, is still told who coordinates it."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.services import api_client_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.practitioners import additional_practitioner_add

pytestmark = pytest.mark.django_db


def _token_of_het_anker(p2: Perceel2) -> str:
    organisation = p2.world.users["other_provider"].organisation
    assert organisation is not None
    return api_client_create(
        actor=None,
        organisation=organisation,
        name="Cliëntdossier Het Anker",
        scopes=[Scope.EXTENSIONS_REQUEST],
    ).token


def _ask(client: Client, number: str, municipality: str, **headers: str) -> tuple[int, str]:
    response = client.post(
        reverse("api-extension-request"),
        data=json.dumps(
            {
                "municipality": municipality,
                "allocation_number": number,
                "requested_end": "2026-07-31",
            }
        ),
        content_type="application/json",
        headers=headers,
    )
    body = response.content.decode()
    return response.status_code, body.replace(f"Toewijzing {number} ", "Toewijzing <nummer> ")


def test_another_providers_allocation_is_answered_like_a_number_nobody_has(p2):
    token = _token_of_het_anker(p2)
    bearer = {"Authorization": f"Bearer {token}"}
    daan = p2.allocation  # De Linde's perceel-2 trajectory, Haarlem
    anna = p2.world.allocations["anna"]  # De Linde's, Dordrecht, no trajectory
    answers = {
        "trajectory": _ask(Client(), daan.number, "0392", **bearer),
        "nobody": _ask(Client(), "4711", "0392", **bearer),
    }
    assert answers["trajectory"] == answers["nobody"]
    status, body = answers["nobody"]
    assert status == 400
    assert "regiebehandelaar" not in body
    assert p2.world.provider.name not in body
    assert _ask(Client(), anna.number, "0505", **bearer) == _ask(Client(), "4712", "0505", **bearer)
    assert not Extension.objects.exists()


def test_an_additional_practitioner_is_told_who_coordinates(p2):
    additional_practitioner_add(
        actor=None,
        provider=p2.world.provider,
        trajectory=p2.trajectory,
        other_provider=p2.world.other_provider,
        practitioner_name="Mw. C. Groen",
        start=dt.date(2025, 3, 3),
        end=dt.date(2025, 7, 31),
        volume=2,
    )
    client = Client()
    sign_in(client, p2.world.users["other_provider"])
    status, body = _ask(client, p2.allocation.number, "0392")
    assert status == 400
    assert "regiebehandelaar" in body
    assert not Extension.objects.exists()
