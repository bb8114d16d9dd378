# SPDX-License-Identifier: EUPL-1.2
"""perceel2.md §2c: the recorded judgement on care that becomes multi-disciplinary."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jeugdregie.trajectories.constants import Complexity
from jeugdregie.trajectories.models import Trajectory
from jeugdregie.trajectories.services import complexity_judge


@pytest.mark.django_db
def test_responsible_to_continue_in_perceel2_is_recorded_with_who_and_why(p2):
    trajectory = complexity_judge(
        actor=p2.cjg,
        trajectory=p2.trajectory,
        responsible=True,
        motivation="Tweede discipline past binnen de huidige behandeling.",
    )
    assert trajectory.complexity == Complexity.MULTI_RESPONSIBLE
    assert trajectory.complexity_judged_by == p2.cjg
    assert trajectory.complexity_judged_at is not None
    assert trajectory.cjg_worker_name == ""


@pytest.mark.django_db
def test_not_responsible_needs_a_cjg_worker_and_puts_the_youth_on_the_perceel1_list(p2):
    with pytest.raises(ValidationError) as error:
        complexity_judge(
            actor=p2.cjg,
            trajectory=p2.trajectory,
            responsible=False,
            motivation="Meervoudige problematiek; perceel 1 nodig.",
        )
    assert "cjg_worker_name" in error.value.message_dict
    assert Trajectory.objects.get(pk=p2.trajectory.pk).complexity == Complexity.SINGLE

    trajectory = complexity_judge(
        actor=p2.cjg,
        trajectory=p2.trajectory,
        responsible=False,
        motivation="Meervoudige problematiek; perceel 1 nodig.",
        cjg_worker_name="Sanne de Boer",
        cjg_worker_contact="023-5555555",
        on=dt.date(2025, 9, 1),
    )
    assert trajectory.complexity == Complexity.AWAITING_PERCEEL_1
    assert trajectory.cjg_worker_name == "Sanne de Boer"
    waitinglists = pytest.importorskip("jeugdregie.waitinglists.models")
    entry = waitinglists.WaitingEntry.objects.get(trajectory_id=trajectory.pk)
    assert entry.youth_id == p2.allocation.youth_id
    assert entry.waiting_since == dt.date(2025, 9, 1)
