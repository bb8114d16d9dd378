# SPDX-License-Identifier: EUPL-1.2
"""A region's policy lives outside the repository (``JEUGDREGIE_POLICY_DIR``): its ceiling
norms add a region the product does not ship and replace the built-in norms of a region
that has them; its status thresholds decide a provider's budget status, unless the region's
administrator set a threshold on the region itself."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine

from jeugdregie.budgets.constants import BudgetStatus, CeilingBasis
from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.budgets.proposals import ceiling_proposal_apply, ceiling_rule
from jeugdregie.budgets.services import realisation_book
from jeugdregie.testing.contracts import contracted_from
from jeugdregie.testing.factories import RegionFactory

pytestmark = pytest.mark.django_db


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _norms(year: int, norm: str, source: str) -> str:
    return json.dumps(
        {
            "valid_from": f"{year}-01-01",
            "valid_to": f"{year}-12-31",
            "source": source,
            "rules": [
                {"year": year, "norm": norm, "reference_year": year - 1, "start_budget": "5000.00"}
            ],
        }
    )


def test_a_regions_own_norms_add_a_region_and_replace_the_built_in_ones(world, settings, tmp_path):
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
    _write(tmp_path / "zhz/ceiling_norms/2021.json", _norms(2021, "0.75", "AB ZHZ 2020-14 §2"))
    _write(tmp_path / "utrecht/ceiling_norms/2025.json", _norms(2025, "0.95", "Inkoop U16 §4"))
    utrecht = RegionFactory.create(code="utrecht", name="Utrecht")

    own = ceiling_rule(region=utrecht, year=2025)
    assert own is not None
    assert (own.norm, own.reference_year, own.source) == (Decimal("0.95"), 2024, "Inkoop U16 §4")
    replaced = ceiling_rule(region=world.region, year=2021)
    assert replaced is not None
    assert (replaced.norm, replaced.source) == (Decimal("0.75"), "AB ZHZ 2020-14 §2")
    # The region's own files replace the built-in norms of 2019 and 2020; they are not merged.
    assert ceiling_rule(region=world.region, year=2020) is None
    assert ceiling_rule(region=world.other_region, year=2021) is None

    with time_machine.travel("2020-11-01 10:00 +0100", tick=False):
        contracted_from(world, 2020)  # a proposal only for providers under contract in 2021
        realisation_book(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2020,
            month=3,
            amount="100000",
        )
        ceilings = ceiling_proposal_apply(
            actor=None, region=world.region, year=2021, decision_reference="AB-2020-14"
        )
    assert {(c.provider_id, c.amount, c.basis) for c in ceilings} == {
        (world.provider.pk, Decimal("75000.00"), CeilingBasis.NORM),
        (world.other_provider.pk, Decimal("5000.00"), CeilingBasis.START_BUDGET),
    }


def _book(world, amount: str, month: int) -> str:
    realisation_book(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=2025,
        month=month,
        amount=amount,
    )
    return ProviderLedger.objects.get(
        region=world.region, provider=world.provider, year=2025
    ).status


def test_the_status_follows_the_regions_thresholds_unless_the_region_sets_its_own(
    world, settings, tmp_path
):
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
    _write(
        tmp_path / "zhz/status_thresholds/2025.yaml",
        "valid_from: 2025-01-01\nsource: AB ZHZ 2024-31 §3\n"
        'warning_pct: "90"\ncritical_pct: "97"\nexhausted_pct: "100"\n',
    )

    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        # with the allocation's commitment: 85% of the ceiling of € 200,000; the built-in
        # warning threshold (80%) would say "waarschuwing", the region's own (90%) does not
        assert _book(world, "170000", month=1) == BudgetStatus.OK
        assert world.region.status_warning_pct is None

        world.region.status_warning_pct = Decimal(80)  # set by the administrator in the admin
        world.region.save()
        assert _book(world, "1", month=2) == BudgetStatus.WARNING
