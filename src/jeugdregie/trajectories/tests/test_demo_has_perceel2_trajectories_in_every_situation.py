# SPDX-License-Identifier: EUPL-1.2
"""seed_demo gives IJZK a handful of perceel-2 trajectories, one per situation the screens
show, and running it again leaves them as they are."""

import pytest

from jeugdregie.accounts.models import User
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.demo.tests.helpers import YEAR
from jeugdregie.trajectories.constants import Complexity, ExtensionRoute, ExtensionStatus
from jeugdregie.trajectories.demo import SCENARIOS, trajectories_seed_demo
from jeugdregie.trajectories.models import Extension, Trajectory
from jeugdregie.trajectories.selectors import extension_worklist, trajectories_visible_to


@pytest.mark.django_db
def test_the_demo_shows_every_route_and_a_youth_waiting_for_perceel1():
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR)
    trajectories = Trajectory.objects.select_related("allocation")
    assert trajectories.count() == len(SCENARIOS)
    assert {t.allocation.municipality.region.code for t in trajectories} == {"ijzk"}
    pending = set(
        Extension.objects.filter(status=ExtensionStatus.PENDING).values_list("route", flat=True)
    )
    assert pending == {
        ExtensionRoute.SELF_ASSESSMENT,
        ExtensionRoute.CJG_REVIEW,
        ExtensionRoute.STANDARD_REFERRER,
    }
    for trajectory in trajectories:
        # The granted extensions chain from the original end to the allocation's end.
        end = trajectory.original_end
        for extension in trajectory.extensions.order_by("number"):
            assert extension.previous_end == end
            assert extension.requested_on > trajectory.start
            if extension.status == ExtensionStatus.GRANTED:
                end = extension.requested_end
        assert trajectory.allocation.end == end
    # Only basis and specialistic jeugd-GGZ go on mandate (corrected December 2026).
    on_mandate = Extension.objects.exclude(route=ExtensionRoute.STANDARD_REFERRER)
    assert set(on_mandate.values_list("trajectory__allocation__product__code", flat=True)) <= {
        "51L02",
        "52L03",
    }
    waiting = trajectories.get(complexity=Complexity.AWAITING_PERCEEL_1)
    assert waiting.cjg_worker_name

    # The demo logins see them: the IJZK provider its own, the CJG of Haarlem its worklists.
    provider = User.objects.get(username="aanbieder.ijzk")
    cjg = User.objects.get(username="toegang.haarlem")
    assert trajectories_visible_to(user=provider).count() >= 1
    assert extension_worklist(user=cjg, route=ExtensionRoute.CJG_REVIEW).exists()
    assert extension_worklist(user=cjg, route=ExtensionRoute.STANDARD_REFERRER).exists()

    before = list(Extension.objects.values_list("pk", "status").order_by("pk"))
    assert trajectories_seed_demo() == 0
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR)
    assert list(Extension.objects.values_list("pk", "status").order_by("pk")) == before
