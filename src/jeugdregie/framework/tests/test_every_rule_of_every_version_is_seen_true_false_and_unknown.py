# SPDX-License-Identifier: EUPL-1.2
"""Coverage check: the case tables show every exception and every requirement of every
rule set version true, false and unknown. A new rule (or version) without rows fails here.

A rule that cannot be false by construction is only exempted when a brute force over all
values of its facts proves it (P3 passes for every known route)."""

import itertools

from jeugdregie.framework.engine import Case, FactValue, default_registry, evaluate
from jeugdregie.framework.tests.case_tables import CASE_TABLES, coverage_gaps, states_seen

CANNOT_BE_FALSE = {("2020-08", "P3"), ("2022-01", "P3")}


def _values(fact):
    if fact.type == "bool":
        return [True, False, None]
    if fact.type == "enum":
        return [*fact.values, None]
    raise AssertionError(f"cannot enumerate a {fact.type} fact")


def test_case_tables_show_every_rule_in_all_three_states():
    registry = default_registry()
    gaps = coverage_gaps(states_seen(registry, CASE_TABLES))

    expected_gaps = [f"{version} {rule}: never false" for version, rule in sorted(CANNOT_BE_FALSE)]
    assert gaps == expected_gaps


def test_the_exempted_rules_indeed_can_never_be_false():
    registry = default_registry()
    for version, rule_id in CANNOT_BE_FALSE:
        ruleset = registry.get(version)
        rule = ruleset.rule(rule_id)
        facts = [ruleset.facts[f] for f in rule.facts if f != "request_date"]
        for values in itertools.product(*(_values(f) for f in facts)):
            case = Case(
                "brute-force",
                {
                    "request_date": FactValue(ruleset.valid_from),
                    **{
                        f.id: FactValue(v)
                        for f, v in zip(facts, values, strict=True)
                        if v is not None
                    },
                },
            )
            assert evaluate(case, ruleset).state_of(rule_id) != "false", values


def test_the_coverage_check_fails_when_a_rule_is_not_seen_in_some_state():
    registry = default_registry()
    without_care_abroad = {
        version: [row for row in rows if row.facts.get("care_abroad") is not True]
        for version, rows in CASE_TABLES.items()
    }
    only_2020 = {"2020-08": CASE_TABLES["2020-08"]}

    assert "2022-01 I6: never false" in coverage_gaps(states_seen(registry, without_care_abroad))
    assert "2020-08 I6: never false" in coverage_gaps(states_seen(registry, without_care_abroad))
    gaps_2022 = [
        g for g in coverage_gaps(states_seen(registry, only_2020)) if g.startswith("2022-01")
    ]
    assert len(gaps_2022) == 3 * len(registry.get("2022-01").rules)
