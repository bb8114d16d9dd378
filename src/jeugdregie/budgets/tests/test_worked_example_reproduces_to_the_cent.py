# SPDX-License-Identifier: EUPL-1.2
"""budgets.md §2, worked example: ceiling € 200,000, R € 120,000, three running allocations."""

import json
from collections.abc import Iterator
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from jeugdregie.budgets.ledger import ledger_recompute
from jeugdregie.budgets.models import AllocationCommitment, ProviderLedger
from jeugdregie.budgets.selectors import budget_positions
from jeugdregie.budgets.tests.worked_example import REFERENCE_DATE, build_worked_example

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_reference_date() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def test_each_allocation_is_committed_per_the_policy_rounded_to_cents(world):
    example = build_worked_example(world)
    committed = dict(
        AllocationCommitment.objects.filter(year=2025).values_list("allocation_id", "commitment")
    )
    assert committed[example.a.pk] == Decimal("7337.14")  # 3 × 80 × 214/7
    assert committed[example.b.pk] == Decimal("2102.86")  # 2 × 80 × 92/7
    assert committed[example.c.pk] == Decimal("7035.62")  # 12,000 × 214/365


def test_the_stored_ledger_shows_the_worked_example(world):
    example = build_worked_example(world)
    ledger = ProviderLedger.objects.get(provider=example.provider, year=2025)
    assert ledger.as_of == REFERENCE_DATE
    assert ledger.realisation == Decimal("120000.00")
    assert ledger.commitment == Decimal("16475.62")
    (position,) = budget_positions(
        region=world.region, year=2025, on=REFERENCE_DATE, provider_id=example.provider.pk
    )
    figures = position.figures
    assert figures.spent == Decimal("136475.62")
    assert figures.exhaustion == Decimal("68.24")
    assert figures.headroom == Decimal("63524.38")
    assert figures.status == "ok"


def test_budget_status_json_prints_the_worked_example(world):
    example = build_worked_example(world)
    out = StringIO()
    call_command(
        "budget_status",
        "--region",
        "zhz",
        "--year",
        "2025",
        "--provider",
        "12345678",
        "--date",
        "2025-06-01",
        "--json",
        stdout=out,
    )
    (row,) = json.loads(out.getvalue())
    assert row == {
        "provider_agb": example.provider.agb_code,
        "year": 2025,
        "ceiling": "200000.00",
        "realisation": "120000.00",
        "commitment": "16475.62",
        "headroom": "63524.38",
        "exhaustion": "68.24",
        # new inflow: only (c) started in the last three complete months (March–May), and
        # brought 12,000 × 306/365 = € 10,060.27 into 2025: N = 10,060.27 / 3 × 7 = 23,473.96
        "forecast": "159949.58",
        "projected_exhaustion_date": None,
        "status": "ok",
        "client_stop": False,
    }


def test_a_full_recompute_gives_the_same_ledger(world):
    build_worked_example(world)
    before = list(ProviderLedger.objects.order_by("region_id", "provider_id", "year").values())
    commitments = sorted(AllocationCommitment.objects.values_list("allocation_id", "commitment"))
    ledger_recompute()
    strip = [{k: v for k, v in row.items() if k != "id"} for row in before]
    after = list(ProviderLedger.objects.order_by("region_id", "provider_id", "year").values())
    assert [{k: v for k, v in row.items() if k != "id"} for row in after] == strip
    assert sorted(AllocationCommitment.objects.values_list("allocation_id", "commitment")) == (
        commitments
    )
