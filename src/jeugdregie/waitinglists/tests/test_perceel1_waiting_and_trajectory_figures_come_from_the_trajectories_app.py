# SPDX-License-Identifier: EUPL-1.2
"""A trajectory that is not responsible to continue in perceel 2 puts the youth on the
perceel-1 waiting list once, with the trajectory's care as bridging care; the monitoring page
takes extensions and treatment duration from the trajectories app."""

import datetime as dt
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.reports import monitoring_report
from jeugdregie.waitinglists.services import waiting_entry_for_perceel1

pytestmark = pytest.mark.django_db

needs_trajectories = pytest.mark.skipif(
    not apps.is_installed("jeugdregie.trajectories"), reason="the trajectories app is optional"
)


def test_the_hook_makes_one_open_perceel1_entry_with_bridging_care(world):
    from jeugdregie.testing.factories import LotFactory

    LotFactory.create(region=world.region, code="P1", name="Perceel 1")
    allocation = world.allocations["anna"]
    trajectory = SimpleNamespace(pk=41, allocation=allocation)
    entry = waiting_entry_for_perceel1(
        youth=world.youth["anna"], since=dt.date(2025, 9, 1), trajectory=trajectory
    )
    assert (entry.provider, entry.product, entry.lot.code) == (None, None, "P1")
    assert (entry.bridging_provider, entry.bridging_product) == (
        allocation.provider,
        allocation.product,
    )
    assert (entry.source, entry.trajectory_id) == (WaitingSource.PERCEEL1, 41)
    again = waiting_entry_for_perceel1(
        youth=world.youth["anna"], since=dt.date(2025, 10, 1), trajectory=trajectory
    )
    assert again.pk == entry.pk
    assert WaitingEntry.objects.count() == 1


def test_a_region_without_perceel1_refuses_with_a_clear_message(world):
    with pytest.raises(ValidationError) as refused:
        waiting_entry_for_perceel1(
            youth=world.youth["anna"], since=dt.date(2025, 9, 1), trajectory=None
        )
    assert "geen perceel met code P1" in refused.value.messages[0]
    assert not WaitingEntry.objects.exists()


@needs_trajectories
def test_monitoring_counts_granted_extensions_per_trajectory(world):
    from jeugdregie.accounts.constants import Role
    from jeugdregie.trajectories.tests.world import build_perceel2
    from jeugdregie.workflows.extensions import extension_request

    p2 = build_perceel2(world)
    with time_machine.travel("2025-12-20 10:00 +0100", tick=False):
        extension_request(
            actor=world.users[Role.PROVIDER],
            provider=world.provider,
            allocation=p2.allocation,
            requested_end=dt.date(2026, 7, 31),
            request_date=dt.date(2025, 12, 15),
        )
        report = monitoring_report(
            region=world.other_region, year=2025, today=dt.date(2025, 12, 20)
        )
    assert report.extensions_available
    row = next(r for r in report.rows if r.product.startswith("52L03"))
    assert row.provider == world.provider.name
    # One trajectory, one extension granted on mandate: 0%, 100%, 0%, 0%.
    assert [str(share) for share in row.extension_shares] == ["0.0", "100.0", "0.0", "0.0"]
    # It has not ended: no treatment duration (the trajectory's, not the allocation's).
    assert (row.treatments, row.mean_duration) == (0, None)


@needs_trajectories
def test_the_perceel1_list_shows_the_bridging_care_and_the_linked_cjg_worker(world):
    from jeugdregie.trajectories.services import complexity_judge
    from jeugdregie.trajectories.tests.world import build_perceel2

    p2 = build_perceel2(world)
    complexity_judge(
        actor=p2.cjg,
        trajectory=p2.trajectory,
        responsible=False,
        motivation="Meervoudige problematiek; perceel 1 nodig.",
        cjg_worker_name="Sanne de Boer",
        cjg_worker_contact="023-5555555",
        on=dt.date(2025, 9, 1),
    )
    entry = WaitingEntry.objects.get(trajectory_id=p2.trajectory.pk)
    assert (entry.lot.code, entry.provider, entry.bridging_provider) == (
        "P1",
        None,
        world.provider,
    )
    client = Client()
    sign_in(client, world.users["other_region"])
    html = client.get(reverse("waitinglists:entry-list")).content.decode()
    assert f'data-entry="{entry.pk}"' in html
    assert "Gekoppelde CJG-medewerker: Sanne de Boer, 023-5555555" in html
    assert "Tijdelijke voortzetting in perceel 2 tijdens het wachten op perceel 1." in html
