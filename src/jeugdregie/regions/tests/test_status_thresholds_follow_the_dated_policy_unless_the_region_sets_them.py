# SPDX-License-Identifier: EUPL-1.2
"""The budget status thresholds of a region: the dated policy in force (the product's
defaults: 80, 95 and 100 percent) unless the region's administrator set a threshold on the
region; regions that existed before keep the thresholds they had, as their own."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import StatusThresholds, status_thresholds
from jeugdregie.testing.factories import RegionFactory

BEFORE = [("regions", "0003_region_client_stop_allows_extensions")]
AFTER = [("regions", "0004_status_thresholds_follow_the_dated_policy")]
DAY = dt.date(2025, 6, 1)


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db
def test_a_new_region_follows_the_policy_and_each_threshold_set_on_it_holds_instead():
    region = RegionFactory.create(code="utrecht")
    assert (region.status_warning_pct, region.status_critical_pct) == (None, None)
    assert status_thresholds(region=region, on=DAY) == StatusThresholds(
        Decimal(80), Decimal(95), Decimal(100)
    )

    region.status_critical_pct = Decimal(90)
    region.save()

    assert status_thresholds(region=region, on=DAY) == StatusThresholds(
        Decimal(80), Decimal(90), Decimal(100)
    )


@pytest.mark.django_db(transaction=True)
def test_a_region_that_existed_keeps_its_thresholds_as_its_own() -> None:
    old = _migrate(BEFORE)
    try:
        old.get_model("regions", "Region").objects.create(
            code="zhz", name="Zuid-Holland Zuid", status_warning_pct=Decimal(70)
        )
        _migrate(AFTER)
    finally:
        _migrate(
            [
                key
                for key in MigrationExecutor(connection).loader.graph.leaf_nodes()
                if key[0] == "regions"
            ]
        )
    region = Region.objects.get(code="zhz")

    assert (
        region.status_warning_pct,
        region.status_critical_pct,
        region.status_exhausted_pct,
    ) == (Decimal(70), Decimal(95), Decimal(100))
    assert status_thresholds(region=region, on=DAY) == StatusThresholds(
        Decimal(70), Decimal(95), Decimal(100)
    )
