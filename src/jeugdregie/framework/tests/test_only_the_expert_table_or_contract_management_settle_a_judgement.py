# SPDX-License-Identifier: EUPL-1.2
"""A judgement fact recorded through `fact_recorded_by` counts only when the user's role
settles judgements (expert table, contract management) and a motivation is given; the
trace names who recorded it."""

import pytest

from jeugdregie.accounts.constants import Role
from jeugdregie.framework.engine import evaluate
from jeugdregie.framework.services import fact_recorded_by
from jeugdregie.framework.tests.examples import as_case, case_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "motivation", "outcome"),
    [
        (Role.EXPERT_MEMBER, "escalatie op school", "voldaan"),
        (Role.CONTRACT_MANAGER, "spoedroute, overleg met toegang", "voldaan"),
        (Role.EXPERT_MEMBER, "   ", "voorleggen"),
        (Role.ACCESS_STAFF, "gezin in crisis", "voorleggen"),
        (Role.GI_STAFF, "gezin in crisis", "voorleggen"),
    ],
)
def test_judgement_counts_only_for_the_settling_roles_with_a_motivation(
    world, role, motivation, outcome
):
    user = world.users[role]
    case = as_case(case_data()).with_facts(
        acute_crisis_or_serious_harm=fact_recorded_by(user=user, value=True, motivation=motivation)
    )

    evaluation = evaluate(case)

    assert evaluation.outcome == outcome
    i2 = next(entry for entry in evaluation.trace if entry.rule_id == "I2")
    assert i2.pending is (outcome == "voorleggen")
    assert i2.facts[0].recorded_by_role in {
        "expert_team",
        "contract_management",
        "access_team",
        "certified_institution",
    }
