# SPDX-License-Identifier: EUPL-1.2
import pytest

from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.demo.tests.helpers import YEAR


@pytest.fixture
def small_demo(db: None) -> None:
    """Both demo regions at scale small (1/20), built for 2025 with the default seed."""
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR)
