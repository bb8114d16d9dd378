# SPDX-License-Identifier: EUPL-1.2
"""Shared by the demo tests: the demo year and a plain-text fingerprint of the demo."""

from typing import Any

from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth

YEAR = 2025


def demo_fingerprint() -> dict[str, Any]:
    """Everything that should repeat with the same seed, in plain text and without ids."""
    youth = sorted(
        (y.bsn, y.given_name, y.family_name, y.birth_date, y.gender, y.municipality.cbs_code)
        for y in Youth.objects.select_related("municipality")
    )
    allocations = sorted(
        Allocation.objects.values_list(
            "municipality__cbs_code", "number", "youth__birth_date", "provider__agb_code",
            "provider__name", "product__code", "referral__referrer_type", "start", "end",
            "volume", "frequency", "budget", "status", "change_reason",
        )
    )  # fmt: skip
    return {"youth": youth, "allocations": allocations}
