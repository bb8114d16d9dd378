# SPDX-License-Identifier: EUPL-1.2
"""Every shipped rule set file loads and passes the schema check (this runs in CI); a file
with an unknown fact id, a rule without a source reference or an unused fact is refused,
and so are overlapping versions."""

from datetime import date

import pytest

from jeugdregie.core.policy import AFWEGINGSKADER, BUILTIN_DIR, DEFAULT_REGION
from jeugdregie.framework.engine import (
    Registry,
    RuleSetError,
    VersionError,
    load_registry,
    load_ruleset,
)

RULESETS_DIR = BUILTIN_DIR / DEFAULT_REGION / AFWEGINGSKADER


def test_every_shipped_rule_set_loads():
    files = sorted(RULESETS_DIR.glob("*.yaml"))
    registry = load_registry(RULESETS_DIR)

    assert [path.stem for path in files] == ["2020-08", "2022-01"]
    for path in files:
        ruleset = load_ruleset(path)
        assert ruleset.version == path.stem
        assert len(ruleset.content_hash) == 64
        assert all(rule.source for rule in ruleset.rules)
    assert [r.version for r in registry.rulesets] == ["2020-08", "2022-01"]
    assert registry.get("2020-08").valid_until == date(2021, 12, 31)
    assert registry.get("2022-01").parameters["expensive_care_threshold"].value == 100000


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _variant(tmp_path, old, new, name="2022-01.yaml"):
    text = (RULESETS_DIR / "2022-01.yaml").read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, name, text.replace(old, new, 1))


def test_an_unknown_fact_id_in_a_condition_is_a_load_error(tmp_path):
    path = _variant(
        tmp_path,
        "condition: {not: {fact: care_abroad}}",
        "condition: {not: {fact: care_abroaad}}",
    )

    with pytest.raises(RuleSetError) as error:
        load_ruleset(path)
    assert "requirement I6: unknown fact 'care_abroaad'" in error.value.problems


def test_a_rule_without_a_source_reference_is_a_load_error(tmp_path):
    path = _variant(
        tmp_path,
        '    source: "seeds/000: inhoudelijke eisen; afwegingskader.md §5 I3"\n',
        "",
    )

    with pytest.raises(RuleSetError) as error:
        load_ruleset(path)
    assert "requirement I3: missing 'source'" in error.value.problems


def test_an_empty_source_reference_is_a_load_error(tmp_path):
    path = _variant(
        tmp_path,
        '    source: "seeds/000: inhoudelijke eisen; afwegingskader.md §5 I3"\n',
        '    source: ""\n',
    )

    with pytest.raises(RuleSetError, match="requirement I3: 'source' must be a non-empty text"):
        load_ruleset(path)


def test_an_unused_fact_is_a_load_error(tmp_path):
    path = _variant(
        tmp_path,
        "facts:\n",
        "facts:\n  favourite_colour:\n    type: bool\n    label: Lievelingskleur\n"
        "    question: Is blauw de lievelingskleur?\n",
    )

    with pytest.raises(RuleSetError) as error:
        load_ruleset(path)
    assert error.value.problems == [
        "fact favourite_colour: not used by any rule, derived value or signal"
    ]


def test_an_enum_literal_outside_the_values_and_an_unknown_operator_are_load_errors(tmp_path):
    path = _variant(
        tmp_path,
        "condition: {in: [{fact: route}, [expert_team, urgent_direct]]}",
        "condition: {in: [{fact: route}, [expert_team, spoed]]}",
    )
    path2 = _variant(
        tmp_path,
        "condition: {fact: contracted_providers_contacted}",
        "condition: {maybe: {fact: contracted_providers_contacted}}",
        name="other.yaml",
    )

    with pytest.raises(RuleSetError, match="'spoed' is not a value of enum fact 'route'"):
        load_ruleset(path)
    with pytest.raises(RuleSetError, match="requirement P1: unknown operator 'maybe'"):
        load_ruleset(path2)


def test_overlapping_versions_make_the_date_choice_a_loud_error(tmp_path):
    shipped = load_registry(RULESETS_DIR)
    overlapping = load_ruleset(
        _variant(tmp_path, "valid_from: 2022-01-01", "valid_from: 2021-06-01")
    )
    registry = Registry([shipped.get("2020-08"), overlapping])

    with pytest.raises(VersionError, match=r"Meer dan één versie .* 2021-07-01"):
        registry.select(date(2021, 7, 1))
    assert registry.select(date(2021, 5, 31)).version == "2020-08"


def test_the_same_version_twice_is_a_load_error(tmp_path):
    _write(tmp_path, "a.yaml", (RULESETS_DIR / "2022-01.yaml").read_text(encoding="utf-8"))
    _write(tmp_path, "b.yaml", (RULESETS_DIR / "2022-01.yaml").read_text(encoding="utf-8"))

    with pytest.raises(RuleSetError, match="version 2022-01 is defined twice"):
        load_registry(tmp_path)


def test_type_errors_in_conditions_are_load_errors(tmp_path):
    not_yes_no = _variant(
        tmp_path,
        "condition: {not: {fact: care_abroad}}",
        "condition: {fact: annual_cost}",
        name="a.yaml",
    )
    amount_against_date = _variant(
        tmp_path,
        "compute: {le: [{fact: tariff}, {fact: comparable_contracted_tariff}]}",
        "compute: {le: [{fact: tariff}, {fact: care_start_date}]}",
        name="b.yaml",
    )
    logic_on_an_amount = _variant(
        tmp_path,
        "condition: {fact: contracted_providers_contacted}",
        "condition: {all: [{fact: contracted_providers_contacted}, {fact: tariff}]}",
        name="c.yaml",
    )

    with pytest.raises(RuleSetError) as error:
        load_ruleset(not_yes_no)
    assert "requirement I6: the condition must be yes/no, not money" in error.value.problems
    with pytest.raises(RuleSetError) as error:
        load_ruleset(amount_against_date)
    assert "derived tariff_within_contracted: 'le' compares money with date" in error.value.problems
    with pytest.raises(RuleSetError) as error:
        load_ruleset(logic_on_an_amount)
    assert "requirement P1: 'all' needs yes/no operands, not money" in error.value.problems
