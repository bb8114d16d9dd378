# SPDX-License-Identifier: EUPL-1.2
"""The perceel-2 working method is dated policy: when the region publishes a new version
(a new file, the old one ended the day before), a product rule, a version of the method or a
review form of the old file holds only within the old file's period, even where its own row
was open-ended; from the new file's first day its rules hold."""

import datetime as dt
import json
from pathlib import Path

import pytest

from jeugdregie.trajectories import policy

pytestmark = pytest.mark.django_db


def _file(valid_from: str, valid_to: str | None, basic_months: int) -> str:
    return json.dumps(
        {
            "valid_from": valid_from,
            "valid_to": valid_to,
            "source": f"Addendum perceel 2, versie {valid_from}",
            "products": [
                {
                    "codes": ["51L02"],
                    "valid_from": "2024-01-01",
                    "valid_to": None,
                    "basic_months": basic_months,
                    "max_extension_months": basic_months,
                    "max_treatment_months": 4 * basic_months,
                    "mandate": True,
                }
            ],
            "review_forms": [
                {
                    "valid_from": valid_from,
                    "valid_to": None,
                    "source": "Toetsingsmethode CJG",
                    "questions": [{"code": "doelen", "text": "Welke doelen?", "required": True}],
                }
            ],
        }
    )


def test_the_old_files_rules_end_with_the_file(world, settings, tmp_path: Path):
    folder = tmp_path / "ijzk" / "perceel2"
    folder.mkdir(parents=True)
    (folder / "2024-01-01.json").write_text(_file("2024-01-01", "2025-12-31", 6))
    (folder / "2026-01-01.json").write_text(_file("2026-01-01", None, 9))
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
    region = world.other_region

    def basic_months(day: dt.date) -> int | None:
        rule = policy.product_rule(region=region, product_code="51L02", on=day)
        return None if rule is None else rule.basic_months

    assert basic_months(dt.date(2023, 12, 31)) is None
    assert basic_months(dt.date(2025, 12, 31)) == 6
    assert basic_months(dt.date(2026, 1, 1)) == 9
    form = policy.review_form(region=region, on=dt.date(2025, 12, 31))
    assert form is not None
    assert form.valid_to == dt.date(2025, 12, 31)
    # The region's own files replace the built-in ones: no pilot method of 2025 any more.
    assert policy.method_in_force(region=region, on=dt.date(2025, 6, 1)) is None
    assert policy.regions_with_policy() == ("ijzk",)
