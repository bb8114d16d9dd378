# SPDX-License-Identifier: EUPL-1.2
"""Only the coordinating practitioner (and the CJG) judges the complexity of a trajectory.

Het Anker is an additional practitioner on De Linde's trajectory: it sees the trajectory,
but its judgement "not responsible in perceel 2" is refused (403) on the screen and in the
service, the trajectory is unchanged and nobody is put on the perceel-1 waiting list.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.testing.auth import sign_in
from jeugdregie.trajectories.constants import Complexity
from jeugdregie.trajectories.models import Trajectory
from jeugdregie.trajectories.services import complexity_judge
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.workflows.practitioners import additional_practitioner_add

pytestmark = pytest.mark.django_db

NOT_RESPONSIBLE = {
    "responsible": "0",
    "motivation": "Meervoudige problematiek.",
    "cjg_worker_name": "S. de Boer",
}


def _with_additional_practitioner(p2: Perceel2) -> None:
    additional_practitioner_add(
        actor=None,
        provider=p2.world.provider,
        trajectory=p2.trajectory,
        other_provider=p2.world.other_provider,
        practitioner_name="A. Smit",
        start=dt.date(2025, 6, 1),
        end=dt.date(2025, 12, 31),
        volume=1,
    )


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_an_additional_practitioner_cannot_judge_the_complexity(p2: Perceel2) -> None:
    _with_additional_practitioner(p2)
    other = _client(p2.world.users["other_provider"])
    detail = other.get(reverse("trajectories:trajectory-detail", kwargs={"pk": p2.trajectory.pk}))
    assert detail.status_code == 200  # it sees the trajectory it works on
    url = reverse("trajectories:complexity-judge", kwargs={"pk": p2.trajectory.pk})
    assert url not in detail.content.decode()

    assert other.get(url).status_code == 403
    assert other.post(url, NOT_RESPONSIBLE).status_code == 403
    with pytest.raises(PermissionDenied):
        complexity_judge(
            actor=p2.world.users["other_provider"],
            trajectory=p2.trajectory,
            responsible=False,
            motivation="Meervoudig.",
            cjg_worker_name="S. de Boer",
        )
    trajectory = Trajectory.objects.get(pk=p2.trajectory.pk)
    assert (trajectory.complexity, trajectory.complexity_judged_by) == (Complexity.SINGLE, None)
    assert not WaitingEntry.objects.exists()


def test_a_provider_that_is_no_practitioner_of_the_trajectory_gets_404(p2: Perceel2) -> None:
    url = reverse("trajectories:complexity-judge", kwargs={"pk": p2.trajectory.pk})
    assert _client(p2.world.users["other_provider"]).post(url, NOT_RESPONSIBLE).status_code == 404
    assert not WaitingEntry.objects.exists()


def test_the_coordinating_practitioner_still_judges(p2: Perceel2) -> None:
    _with_additional_practitioner(p2)
    url = reverse("trajectories:complexity-judge", kwargs={"pk": p2.trajectory.pk})
    response = _client(p2.world.users[Role.PROVIDER]).post(url, NOT_RESPONSIBLE)
    assert response.status_code == 302
    trajectory = Trajectory.objects.get(pk=p2.trajectory.pk)
    assert trajectory.complexity == Complexity.AWAITING_PERCEEL_1
    assert WaitingEntry.objects.get().trajectory_id == trajectory.pk
