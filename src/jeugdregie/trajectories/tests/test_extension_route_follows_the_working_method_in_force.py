# SPDX-License-Identifier: EUPL-1.2
"""The decision rule as a case table: extension number × self-assessment × method in force."""

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
    # method, number, self-assessment, route, status
    (PILOT, 1, False, R.MANDATE, S.GRANTED),
    (PILOT, 1, True, R.MANDATE, S.GRANTED),
    (PILOT, 2, False, R.SELF_ASSESSMENT, S.PENDING),
    (PILOT, 2, True, R.SELF_ASSESSMENT, S.GRANTED),
    (PILOT, 3, True, R.CJG_REVIEW, S.PENDING),
    (PILOT, 4, False, R.CJG_REVIEW, S.PENDING),
    (None, 1, False, R.STANDARD_REFERRER, S.PENDING),
    (None, 2, True, R.STANDARD_REFERRER, S.PENDING),
    (None, 3, True, R.STANDARD_REFERRER, S.PENDING),
]


@pytest.mark.parametrize(("method", "number", "assessed", "route", "status"), CASES)
def test_extension_decision(method, number, assessed, route, status):
    decision = extension_decision(method=method, number=number, has_self_assessment=assessed)
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
