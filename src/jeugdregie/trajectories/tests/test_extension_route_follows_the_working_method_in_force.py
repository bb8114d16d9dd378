# SPDX-License-Identifier: EUPL-1.2
"""The decision rule as a case table: extension number × self-assessment × method in force ×
product on mandate (corrected December 2026: only basis and specialistic jeugd-GGZ are)."""

import datetime as dt

import pytest

from jeugdregie.trajectories.constants import ExtensionRoute as R
from jeugdregie.trajectories.constants import ExtensionStatus as S
from jeugdregie.trajectories.policy import MethodVersion
from jeugdregie.trajectories.services import extension_decision

PILOT = MethodVersion(
    code="pilot",
    name="pilot",
    valid_from=dt.date(2025, 1, 1),
    valid_to=dt.date(2025, 12, 31),
    mandate_extensions=2,
    self_assessment_from=2,
    source="test",
)

CASES = [
    # method, product on mandate, number, self-assessment, route, status
    (PILOT, True, 1, False, R.MANDATE, S.GRANTED),
    (PILOT, True, 1, True, R.MANDATE, S.GRANTED),
    (PILOT, True, 2, False, R.SELF_ASSESSMENT, S.PENDING),
    (PILOT, True, 2, True, R.SELF_ASSESSMENT, S.GRANTED),
    (PILOT, True, 3, True, R.CJG_REVIEW, S.PENDING),
    (PILOT, True, 4, False, R.CJG_REVIEW, S.PENDING),
    (PILOT, False, 1, False, R.STANDARD_REFERRER, S.PENDING),
    (PILOT, False, 2, True, R.STANDARD_REFERRER, S.PENDING),
    (PILOT, False, 3, True, R.STANDARD_REFERRER, S.PENDING),
    (None, True, 1, False, R.STANDARD_REFERRER, S.PENDING),
    (None, True, 2, True, R.STANDARD_REFERRER, S.PENDING),
    (None, False, 3, True, R.STANDARD_REFERRER, S.PENDING),
]


@pytest.mark.parametrize(("method", "mandate", "number", "assessed", "route", "status"), CASES)
def test_extension_decision(method, mandate, number, assessed, route, status):
    decision = extension_decision(
        method=method, mandate=mandate, number=number, has_self_assessment=assessed
    )
    assert (decision.route, decision.status) == (route, status)
    assert bool(decision.reason) == (status == S.PENDING)
    assert decision.policy_version == (method.code if method else "")


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (dt.date(2024, 12, 31), False),
        (dt.date(2025, 1, 1), True),
        (dt.date(2025, 12, 31), True),
        (dt.date(2026, 1, 1), False),
    ],
)
def test_the_pilot_is_in_force_from_its_first_to_its_last_day(day, in_force):
    assert PILOT.in_force_on(day) is in_force
