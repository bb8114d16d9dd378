# SPDX-License-Identifier: EUPL-1.2
"""Spec §8a: the seven worked examples give exactly the stated outcome, exceptions, reasons
and questions."""

from typing import Any

import pytest

from jeugdregie.framework.engine import evaluate
from jeugdregie.framework.tests.examples import as_case, case_data

EXAMPLE_4: dict[str, Any] = {
    "care_setting": "verblijf",
    "return_plan": True,
    "care_start_date": "2022-01-10",
    "request_date": "2022-03-01",
}
ALL_GROUND_QUESTIONS = (
    "exception_grounds",
    "school_partner_provider",
    "court_ruling_date",
    "foster_care",
    "forensic_care",
    "prevents_school_absence",
    "special_education_cluster",
    "care_by_gi",
    "lta_care",
    "jeugdzorgplus",
    "existing_client",
    "culture_specific_care",
    "small_scale_residential",
    "mother_child_house",
    "one_family_one_plan",
    "niche_care",
    "moved_during_trajectory",
    # not "trajectory_months": since the correction of December 2026 U18 holds whatever the
    # trajectory's length, so its length can no longer change the outcome
)

EXAMPLES = [
    # (example, case file, version, outcome, exceptions, reasons, questions)
    ("1 the spec case", case_data(), "2022-01", "voldaan", (), (), ()),
    (
        "2 the spec case in 2021",
        case_data(request_date="2021-03-14"),
        "2020-08",
        "afgewezen",
        (),
        ("I1", "P1b"),
        (),
    ),
    (
        "3 a five-year-old, nothing else known",
        {
            "case_id": "HET-3",
            "facts": {"client_birth_date": "2017-01-10", "request_date": "2022-03-14"},
        },
        "2022-01",
        "uitzondering",
        ("U11",),
        (),
        (),
    ),
    (
        "4 retroactive residential care without a GI determination",
        case_data(**EXAMPLE_4, gi_determination=False),
        "2022-01",
        "afgewezen",
        (),
        ("P4",),
        (),
    ),
    (
        "4 retroactive residential care, GI determination not known",
        case_data(**EXAMPLE_4),
        "2022-01",
        "onvoldoende_informatie",
        (),
        (),
        ("gi_determination",),
    ),
    (
        "5 retroactive residential care with a GI determination",
        case_data(**EXAMPLE_4, gi_determination=True),
        "2022-01",
        "voldaan",
        (),
        (),
        (),
    ),
    (
        "6 acute crisis recorded by the referrer, not yet settled",
        case_data(acute_crisis_or_serious_harm=True),
        "2022-01",
        "voorleggen",
        (),
        ("I2",),
        (),
    ),
    (
        "7 contracted offer available, exception grounds not stated",
        case_data(exception_grounds=None, contracted_offer_available=True),
        "2022-01",
        "onvoldoende_informatie",
        (),
        ("I3",),
        ALL_GROUND_QUESTIONS,
    ),
]


@pytest.mark.parametrize(
    ("data", "version", "outcome", "exceptions", "reasons", "questions"),
    [example[1:] for example in EXAMPLES],
    ids=[example[0] for example in EXAMPLES],
)
def test_worked_example(data, version, outcome, exceptions, reasons, questions):
    result = evaluate(as_case(data)).to_json()

    assert result["version"] == version
    assert result["outcome"] == outcome
    assert result["exceptions"] == list(exceptions)
    assert result["reasons"] == list(reasons)
    assert result["questions"] == list(questions)


def test_example_7_asks_for_the_exception_grounds_first_and_for_no_requirement():
    evaluation = evaluate(
        as_case(case_data(exception_grounds=None, contracted_offer_available=True))
    )

    assert evaluation.questions[0] == "exception_grounds"
    requirement_facts = {"tariff", "route", "gi_determination", "pgb_possible"}
    assert not requirement_facts & set(evaluation.questions)
    assert evaluation.question_texts()[0][1].startswith("Welke uitzonderingsgronden")


def test_example_6_settled_by_the_expert_table_is_met():
    data = case_data(
        acute_crisis_or_serious_harm={
            "value": True,
            "recorded_by_role": "expert_team",
            "motivation": "",
        }
    )
    without_motivation = evaluate(as_case(data))
    data["facts"]["acute_crisis_or_serious_harm"]["motivation"] = "escalatie op school"
    with_motivation = evaluate(as_case(data))

    assert without_motivation.outcome == "voorleggen"
    assert with_motivation.outcome == "voldaan"


def test_the_trace_names_every_rule_with_its_facts_who_recorded_them_and_the_source():
    evaluation = evaluate(as_case(case_data(acute_crisis_or_serious_harm=True)))
    trace = {entry["rule"]: entry for entry in evaluation.to_json()["trace"]}

    assert set(trace) >= {rule.id for rule in evaluation.ruleset.rules}
    i2 = trace["I2"]
    assert (i2["value"], i2["pending"], i2["label"]) == (
        "true",
        True,
        "Acute crisis of ernstige schade",
    )
    assert i2["facts"] == [
        {
            "fact": "acute_crisis_or_serious_harm",
            "value": True,
            "recorded_by_role": None,
            "pending": True,
        }
    ]
    assert "§5 I2" in i2["source"]
    p2a = trace["P2a"]
    assert p2a["facts"][0]["recorded_by_role"] == "expert_team"
    assert trace["U11"]["derived"] == [{"derived": "age_years", "value": 9}]
    assert trace["P2b"]["derived"] == [{"derived": "tariff_within_contracted", "value": True}]
