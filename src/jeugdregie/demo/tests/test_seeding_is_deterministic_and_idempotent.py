# SPDX-License-Identifier: EUPL-1.2
"""seed_demo builds the same demo from the same seed, running it again changes nothing, and a
rebuild recreates the database instead of deleting rows."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.services import access_record_create
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract, Provider
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.generator import build_region_plan
from jeugdregie.demo.models import DemoDataset
from jeugdregie.demo.profiles.registry import PROFILES
from jeugdregie.demo.services import DemoRebuildRequiredError, demo_rebuild, demo_seed
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


@pytest.mark.django_db(transaction=True)
def test_rebuilding_recreates_the_database_with_the_same_data_for_the_same_seed():
    """A rebuild recreates the database (no row-by-row purge: log rows are never deleted);
    the same seed gives the same data and figures, another seed other data of the same size."""
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR)
    before_counts, before_figures, before_data = counts(), figures(), demo_fingerprint()
    youth = Youth.objects.order_by("pk").first()
    assert youth is not None
    access_record_create(user=User.objects.get(username="privacy"), youth_ids=[youth.pk],
                         purpose=AccessPurpose.DETAIL, route="/test/")  # fmt: skip

    deletes: list[str] = []

    def record_deletes(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("DELETE"):
            deletes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record_deletes):
        call_command("seed_demo", "--scale", "small", "--year", str(YEAR), "--force",
                     stdout=StringIO())  # fmt: skip

    assert not [sql for sql in deletes if "audit_" in sql]
    assert not AccessRecord.objects.exists()  # went with the database, not by a DELETE
    assert counts() == before_counts
    assert figures() == before_figures
    assert demo_fingerprint() == before_data

    demo_rebuild(scale=Scale.SMALL, seed=DEFAULT_SEED + 1, year=YEAR)

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
def test_another_year_is_not_added_to_the_demo_but_needs_a_rebuild(small_demo):
    before_counts, before_data = counts(), demo_fingerprint()

    with pytest.raises(DemoRebuildRequiredError):
        demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR - 1)
    with pytest.raises(DemoRebuildRequiredError):
        demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR, force=True)

    assert counts() == before_counts
    assert demo_fingerprint() == before_data
    assert set(DemoDataset.objects.values_list("year", flat=True)) == {YEAR}
    assert not BudgetCeiling.objects.filter(year=YEAR - 1).exists()
