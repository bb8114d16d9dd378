# SPDX-License-Identifier: EUPL-1.2
"""seed_demo builds the same demo from the same seed, and running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract, Provider
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.generator import build_region_plan
from jeugdregie.demo.profiles.registry import PROFILES
from jeugdregie.demo.services import demo_seed
from jeugdregie.demo.tests.helpers import YEAR, demo_fingerprint
from jeugdregie.monitoring.selectors import region_stats
from jeugdregie.regions.models import Region

COUNTED = (Region, Youth, Referral, Allocation, DeliveryPeriod, Provider, Contract,
           BudgetCeiling, User, ChangeRecord)  # fmt: skip


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def figures() -> list[dict[str, object]]:
    return [
        region_stats(region=region, year=YEAR).as_json()
        for region in Region.objects.order_by("code")
    ]


def test_the_same_seed_plans_the_same_region():
    for profile in PROFILES:
        first = build_region_plan(profile, year=YEAR, seed=7, scale=0.05)
        second = build_region_plan(profile, year=YEAR, seed=7, scale=0.05)

        assert first.youth == second.youth
        assert first.allocations == second.allocations
        assert first.providers == second.providers


@pytest.mark.django_db
def test_rebuilding_with_the_same_seed_gives_the_same_figures_and_data(small_demo):
    before_counts, before_figures, before_data = counts(), figures(), demo_fingerprint()

    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR, force=True)

    assert counts() == before_counts
    assert figures() == before_figures
    assert demo_fingerprint() == before_data


@pytest.mark.django_db
def test_another_seed_gives_another_demo_of_the_same_size(small_demo):
    before_figures, before_data = figures(), demo_fingerprint()

    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED + 1, year=YEAR)

    assert demo_fingerprint() != before_data
    after_figures = figures()
    assert after_figures != before_figures
    for before, after in zip(before_figures, after_figures, strict=True):
        assert after["clients"] == before["clients"]


@pytest.mark.django_db
def test_running_seed_demo_twice_leaves_the_demo_as_it_is():
    output = StringIO()
    call_command("seed_demo", "--scale", "small", "--year", str(YEAR), stdout=output)
    assert "Demoregio zhz: 520 jeugdigen" in output.getvalue()
    before_counts, before_data = counts(), demo_fingerprint()

    output = StringIO()
    call_command("seed_demo", "--scale", "small", "--year", str(YEAR), stdout=output)

    assert "niets gewijzigd" in output.getvalue()
    assert counts() == before_counts
    assert demo_fingerprint() == before_data


@pytest.mark.django_db
def test_a_different_scale_replaces_the_demo_instead_of_adding_to_it(small_demo):
    providers = Provider.objects.count()

    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR - 1)

    assert Region.objects.filter(code__in=["zhz", "ijzk"]).count() == 2
    assert Youth.objects.count() == 520 + 150
    assert Provider.objects.count() == providers
    assert not BudgetCeiling.objects.filter(year=YEAR).exists()
