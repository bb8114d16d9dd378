# SPDX-License-Identifier: EUPL-1.2
"""The demo region at scale "region" reproduces the quick calibration sheet.

Source: ``policy/seed-figures.md`` (A.001, A.004 and the quick calibration sheet). The
figures are those ``region_stats`` reports, the same numbers the region-figures page shows.
The region is seeded once for this module (about ten seconds) and rolled back afterwards.
"""

from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Contract
from jeugdregie.core import crypto
from jeugdregie.core.dates import default_year
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.profiles.zhz import PROFILE as ZHZ
from jeugdregie.demo.services import demo_seed
from jeugdregie.monitoring.selectors import region_stats
from jeugdregie.regions.models import Region


@pytest.fixture(scope="module")
def region_scale(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """region_stats of both demo regions after ``seed_demo --scale region``."""
    keys = tmp_path_factory.mktemp("calibration-keys") / "personal-data.json"
    year = default_year()
    figures: dict[str, Any] = {}
    with (
        django_db_blocker.unblock(),
        override_settings(
            JEUGDREGIE_KEY_FILE=str(keys),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        crypto.reset_key_cache()
        with transaction.atomic():
            demo_seed(scale=Scale.REGION, seed=DEFAULT_SEED, year=year)
            for code in ("zhz", "ijzk"):
                region = Region.objects.get(code=code)
                figures[code] = region_stats(region=region, year=year).as_json()
            figures["contract_kinds"] = {
                kind: Contract.objects.filter(region__code="zhz", kind=kind).count()
                for kind in ContractKind
            }
            perceel_2 = Allocation.objects.filter(
                municipality__region__code="ijzk", product__lot__code="P2"
            )
            figures["ijzk_perceel_2_youth"] = perceel_2.values("youth").distinct().count()
            figures["ijzk_youth"] = Youth.objects.filter(municipality__region__code="ijzk").count()
            transaction.set_rollback(True)
        crypto.reset_key_cache()
    return figures


def test_region_scale_matches_calibration_sheet(region_scale):
    zhz = region_scale["zhz"]

    assert zhz["municipalities"] == 10
    assert 10_400 * 0.95 <= zhz["clients"] <= 10_400 * 1.05
    assert 8_519 * 0.95 <= float(zhz["cost_per_client"]) <= 8_519 * 1.05
    assert 0.45 <= zhz["top10_share"] <= 0.55
    assert zhz["providers_by_ceiling"]["200000"] == 42
    assert zhz["providers_by_ceiling"]["below_200000"] == 91
    assert 0.56 <= zhz["medical_share_clients"] <= 0.62
    assert 0.23 <= zhz["medical_share_cost"] <= 0.29
    spend = Decimal(zhz["spend_total"])
    assert Decimal("84_000_000") <= spend <= Decimal("93_000_000")


def test_zhz_provider_landscape_is_about_145_regional_80_light_and_2_gis(region_scale):
    kinds = region_scale["contract_kinds"]

    assert 140 <= kinds[ContractKind.REGIONAL] <= 160
    assert kinds[ContractKind.LIGHT] == 80
    assert kinds[ContractKind.TENDER] == 2
    assert region_scale["zhz"]["providers"] == sum(kinds.values())


def test_youth_teams_serve_a_quarter_of_the_youth_with_the_largest_budget_share(region_scale):
    zhz = region_scale["zhz"]
    cost_shares = zhz["referrer_share_cost"]

    assert zhz["referrer_share_clients"]["01"] == pytest.approx(0.25, abs=0.01)
    assert max(cost_shares, key=cost_shares.get) == "01"


def test_ggz_is_the_largest_lot(region_scale):
    spend_by_lot = region_scale["zhz"]["spend_by_lot"]
    largest = max(spend_by_lot, key=lambda lot: Decimal(spend_by_lot[lot]))

    assert largest == "Jeugd-GGZ zwaar"
    ggz = sum(Decimal(v) for lot, v in spend_by_lot.items() if lot.startswith("Jeugd-GGZ"))
    others = {
        family: sum(Decimal(v) for lot, v in spend_by_lot.items() if lot.startswith(family))
        for family in ("Jeugd en opvoedondersteuning", "Voormalig AWBZ", "Pleegzorg")
    }
    assert all(ggz > amount for amount in others.values())


def test_ijzk_perceel_2_is_six_percent_of_spend_and_a_quarter_of_the_youth(region_scale):
    ijzk = region_scale["ijzk"]
    spend = Decimal(ijzk["spend_total"])
    perceel_2 = Decimal(ijzk["spend_by_lot"]["Perceel 2 (enkelvoudig specialistisch)"])

    assert ijzk["municipalities"] == 7
    assert perceel_2 / spend == pytest.approx(Decimal("0.06"), abs=Decimal("0.01"))
    share = region_scale["ijzk_perceel_2_youth"] / region_scale["ijzk_youth"]
    assert share == pytest.approx(0.25, abs=0.02)


def test_zhz_municipalities_have_94515_youth_aged_0_to_19():
    assert ZHZ.youth_population == 94_515
    assert len(ZHZ.municipalities) == 10
