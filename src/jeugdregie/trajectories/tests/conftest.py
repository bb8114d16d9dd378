# SPDX-License-Identifier: EUPL-1.2
import pytest

from jeugdregie.testing.factories import World
from jeugdregie.trajectories.tests.world import Perceel2, build_perceel2


@pytest.fixture
def p2(world: World) -> Perceel2:
    return build_perceel2(world)
