# SPDX-License-Identifier: EUPL-1.2
"""Under the perceel-2 working method only basis and specialistic youth mental-health care
(51L02, 52L03) are extended on the coordinating practitioner's mandate; diagnostics (54L01)
and ambulant guidance (45L04) go by the standard route, the referrer decides (perceel2.md
§2a, corrected December 2026, issue 17, seeds/004). Which products count is data in the
perceel-2 file; a file that does not say is refused loudly."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.constants import Frequency
from jeugdregie.core.policy import PolicyError
from jeugdregie.testing.factories import ProductFactory, TariffFactory
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionStatus
from jeugdregie.trajectories.policy import product_rule
from jeugdregie.trajectories.services import trajectory_create
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.extensions import extension_referrer_decide, extension_request

pytestmark = pytest.mark.django_db

PRODUCTS = {
    "51L02": ("Basis jeugd-GGZ", True),
    "52L03": ("Specialistische jeugd-GGZ", True),
    "54L01": ("Diagnostiek jeugd-GGZ", False),
    "45L04": ("Ambulante begeleiding (enkelvoudig)", False),
}


def _allocation(p2: Perceel2, code: str) -> Allocation:
    if code == p2.product.code:
        return p2.allocation
    product = ProductFactory.create(
        region=p2.world.other_region, lot=p2.lot, code=code, name=PRODUCTS[code][0]
    )
    TariffFactory.create(product=product, valid_from=dt.date(2024, 1, 1), amount=Decimal("100"))
    allocation = allocation_grant(
        actor=None,
        youth=p2.world.youth["daan"],
        provider=p2.world.provider,
        product=product,
        start=dt.date(2025, 2, 1),
        end=dt.date(2025, 3, 31),
        volume=2,
        frequency=Frequency.PER_WEEK,
        referral=p2.world.referrals["daan"],
    )
    trajectory_create(actor=None, allocation=allocation, practitioner_name="Drs. R. van Dijk")
    return allocation


@pytest.mark.parametrize("code", sorted(PRODUCTS))
def test_the_first_extension_in_the_pilot_is_on_mandate_only_for_jeugd_ggz(p2, code):
    allocation = _allocation(p2, code)
    on_mandate = PRODUCTS[code][1]
    assert allocation.end is not None

    extension = extension_request(
        actor=p2.world.users[Role.PROVIDER],
        provider=p2.world.provider,
        allocation=allocation,
        requested_end=allocation.end + dt.timedelta(days=30),
        request_date=dt.date(2025, 3, 1),  # the pilot is in force
    )

    assert extension.policy_version == "ijzk-p2-pilot-2025"
    if on_mandate:
        assert (extension.route, extension.status) == (
            ExtensionRoute.MANDATE,
            ExtensionStatus.GRANTED,
        )
    else:
        assert (extension.route, extension.status) == (
            ExtensionRoute.STANDARD_REFERRER,
            ExtensionStatus.PENDING,
        )
        assert extension.reason == (
            "instemming van de verwijzer vereist (dit product wordt niet op mandaat verlengd)"
        )
        assert Allocation.objects.get(pk=allocation.pk).end == dt.date(2025, 3, 31)
        extension_referrer_decide(
            actor=p2.world.users["other_region"],
            extension=extension,
            grant=True,
            motivation="Diagnostiek nog niet afgerond.",
            on=dt.date(2025, 3, 3),
        )
        assert Allocation.objects.get(pk=allocation.pk).end == dt.date(2025, 4, 30)


def test_which_products_are_on_mandate_is_data_of_the_perceel2_file(p2):
    on_mandate = {
        code: rule.mandate
        for code in PRODUCTS
        if (
            rule := product_rule(
                region=p2.world.other_region, product_code=code, on=dt.date(2025, 3, 1)
            )
        )
    }

    assert on_mandate == {code: mandate for code, (_name, mandate) in PRODUCTS.items()}


def test_a_perceel2_file_that_does_not_say_which_products_are_on_mandate_is_refused(
    p2, settings, tmp_path: Path
):
    folder = tmp_path / "ijzk" / "perceel2"
    folder.mkdir(parents=True)
    (folder / "2024-01-01.json").write_text(
        json.dumps(
            {
                "valid_from": "2024-01-01",
                "source": "Addendum perceel 2 (van voor de correctie)",
                "products": [
                    {
                        "codes": ["54L01"],
                        "valid_from": "2024-01-01",
                        "basic_months": 2,
                        "max_extension_months": 2,
                        "max_treatment_months": 6,
                    }
                ],
            }
        )
    )
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)

    with pytest.raises(PolicyError, match="'mandate' must be true or false"):
        product_rule(region=p2.world.other_region, product_code="54L01", on=dt.date(2025, 3, 1))
