# SPDX-License-Identifier: EUPL-1.2
"""The other trajectory screens: a provider registers a trajectory and adds an additional
practitioner, the CJG records the complexity judgement, contract management continues the
pilot; bad input answers 400 in Dutch and saves nothing."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import Complexity
from jeugdregie.trajectories.models import AdditionalPractitioner, PolicyVersionEnd, Trajectory
from jeugdregie.workflows.allocations import allocation_grant


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.mark.django_db
def test_a_provider_registers_a_trajectory_on_its_own_perceel2_allocation(p2):
    other = allocation_grant(
        actor=None,
        youth=p2.world.youth["daan"],
        provider=p2.world.provider,
        product=p2.product,
        start=dt.date(2026, 2, 1),
        end=dt.date(2027, 1, 31),
        volume=1,
        frequency=Frequency.PER_WEEK,
    )
    client = _client(p2.world.users[Role.PROVIDER])
    url = reverse("trajectories:trajectory-create")
    page = client.get(url).content.decode()
    assert f'value="{other.pk}"' in page
    assert f'value="{p2.allocation.pk}"' not in page  # already a trajectory
    response = client.post(url, {"allocation": other.pk, "practitioner_name": "Drs. K. Mol"})
    assert response.status_code == 302
    trajectory = Trajectory.objects.get(allocation=other)
    assert (trajectory.basic_duration_months, trajectory.maximum_end) == (
        12,
        dt.date(2029, 1, 31),
    )


@pytest.mark.django_db
def test_adding_a_practitioner_beyond_the_maximum_duration_answers_400_and_saves_nothing(p2):
    client = _client(p2.world.users[Role.PROVIDER])
    url = reverse("trajectories:additional-practitioner-add", kwargs={"pk": p2.trajectory.pk})
    before = Allocation.objects.count()
    response = client.post(
        url,
        {
            "other_provider": p2.world.other_provider.pk,
            "practitioner_name": "A. Smit",
            "start": "2025-06-01",
            "end": "2028-06-30",
            "volume": 1,
        },
    )
    assert response.status_code == 400
    assert "maximale behandelduur van het traject eindigt op 31-1-2028" in response.content.decode()
    assert Allocation.objects.count() == before
    response = client.post(
        url,
        {
            "other_provider": p2.world.other_provider.pk,
            "practitioner_name": "A. Smit",
            "start": "2025-06-01",
            "end": "2025-12-31",
            "volume": 1,
        },
    )
    assert response.status_code == 302
    link = AdditionalPractitioner.objects.get()
    assert link.allocation.provider == p2.world.other_provider


@pytest.mark.django_db
def test_the_cjg_records_that_the_youth_waits_for_perceel1_with_a_linked_worker(p2):
    client = _client(p2.cjg)
    url = reverse("trajectories:complexity-judge", kwargs={"pk": p2.trajectory.pk})
    refused = client.post(url, {"responsible": "0", "motivation": "Meervoudig."})
    assert refused.status_code == 400
    assert "Koppel een CJG-medewerker" in refused.content.decode()
    assert Trajectory.objects.get(pk=p2.trajectory.pk).complexity == Complexity.SINGLE
    done = client.post(
        url, {"responsible": "0", "motivation": "Meervoudig.", "cjg_worker_name": "S. de Boer"}
    )
    assert done.status_code == 302
    trajectory = Trajectory.objects.get(pk=p2.trajectory.pk)
    assert (trajectory.complexity, trajectory.cjg_worker_name) == (
        Complexity.AWAITING_PERCEEL_1,
        "S. de Boer",
    )


@pytest.mark.django_db
def test_contract_management_continues_the_pilot_by_a_recorded_decision(p2):
    client = _client(p2.world.users["other_region"])
    url = reverse("trajectories:working-method")
    page = client.get(url).content.decode()
    assert "ijzk-p2-pilot-2025" in page
    refused = client.post(
        url,
        {
            "version_code": "ijzk-p2-pilot-2025",
            "end": "2024-06-30",
            "kind": "moved",
            "decision_reference": "CB-2025-11",
            "reason": "Voortzetting",
        },
    )
    assert refused.status_code == 400
    assert not PolicyVersionEnd.objects.exists()
    response = client.post(
        url,
        {
            "version_code": "ijzk-p2-pilot-2025",
            "end": "2026-12-31",
            "kind": "moved",
            "decision_reference": "CB-2025-11",
            "reason": "Evaluatie positief; pilot een jaar voortgezet.",
        },
    )
    assert response.status_code == 302
    method = policy.method_in_force(region=p2.world.other_region, on=dt.date(2026, 6, 20))
    assert method is not None
    assert method.code == "ijzk-p2-pilot-2025"
