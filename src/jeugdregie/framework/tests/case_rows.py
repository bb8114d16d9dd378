# SPDX-License-Identifier: EUPL-1.2
"""The building blocks of the case tables (a row, the base cases) and the rows of the policy
corrections of December 2026 (``../shared/README.md``): U18 for any move during a running
trajectory with the review signal for a longer one, short stay as a care setting of its own,
the youth doctor in ``gp_direct_access``. Each row gave another result before the correction."""

from dataclasses import dataclass, field
from typing import Any

from jeugdregie.framework.tests.examples import SPEC_EXAMPLE


@dataclass(frozen=True)
class Row:
    name: str
    facts: dict[str, Any]
    outcome: str
    exceptions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    signals: tuple[str, ...] = field(default=())


def with_facts(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    facts = dict(base)
    for key, value in changes.items():
        if value is None:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


BASE_2022 = dict(SPEC_EXAMPLE["facts"])  # every requirement met, no exception (spec §8a.1)
BASE_2020 = with_facts(
    BASE_2022,
    request_date="2021-03-14",
    care_setting="verblijf",
    return_plan=True,
    subcontracting_attempted=True,
)
NOTHING_2022 = {"kind": "light_contract", "request_date": "2022-03-14"}
NOTHING_2020 = {"kind": "light_contract", "request_date": "2021-03-14"}
OVERRUN_2022 = with_facts(BASE_2022, kind="ceiling_overrun")

CORRECTED_2022 = [
    # corrected December 2026: U18 holds for any move during a running trajectory; a
    # trajectory of more than 12 months gets the review signal (it gave "voldaan" before)
    Row(
        "moved during a 13-month trajectory",
        with_facts(BASE_2022, moved_during_trajectory=True, trajectory_months=13),
        "uitzondering",
        ("U18",),
        signals=("residence_review_due",),
    ),
    Row(
        "moved during a trajectory of unknown length",
        with_facts(BASE_2022, moved_during_trajectory=True),
        "uitzondering",
        ("U18",),
    ),
    Row(
        "referred by a youth doctor",
        with_facts(BASE_2022, referrer_type="03"),
        "voldaan",
        signals=("gp_direct_access",),
    ),
    Row(
        "referred by a medical specialist",
        with_facts(BASE_2022, referrer_type="05"),
        "voldaan",
        signals=("gp_direct_access",),
    ),
    Row("referred by the municipality", with_facts(BASE_2022, referrer_type="01"), "voldaan"),
    # short stay is not residential (corrected December 2026): a PGB is possible for it (I5)
    # and no return plan is needed (I7)
    Row(
        "short stay with a PGB possible",
        with_facts(BASE_2022, care_setting="kortdurend_verblijf", pgb_possible=True),
        "afgewezen",
        reasons=("I5",),
    ),
    Row(
        "short stay outside the region without a return plan",
        with_facts(BASE_2022, care_setting="kortdurend_verblijf", return_plan=False),
        "voldaan",
    ),
]

CORRECTED_2020 = [
    Row(
        "short stay is not residential",
        with_facts(BASE_2020, care_setting="kortdurend_verblijf"),
        "afgewezen",
        reasons=("I1",),
    ),
    Row(
        "moved during a 24-month trajectory",
        with_facts(BASE_2020, moved_during_trajectory=True, trajectory_months=24),
        "uitzondering",
        ("U18",),
        signals=("residence_review_due",),
    ),
    Row(
        "referred by a youth doctor",
        with_facts(BASE_2020, referrer_type="03"),
        "voldaan",
        signals=("gp_direct_access",),
    ),
]
