# SPDX-License-Identifier: EUPL-1.2
"""Property: for any case (every fact of the vocabulary, random values, both versions) and
any part of it left unknown, `onvoldoende_informatie` always comes with questions, and
answering the questions (with the full case's values) always ends in a decision — the
request form never stalls. A case with everything known is never undecided."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jeugdregie.framework.engine import Case, FactValue, default_registry, evaluate

REGISTRY = default_registry()


def _value(fact, request_date):
    if fact.type == "bool":
        return st.booleans()
    if fact.type == "enum":
        return st.sampled_from(fact.values)
    if fact.type == "int":
        return st.integers(0, 30)
    if fact.type == "money":
        return st.integers(0, 20_000_000).map(lambda cents: Decimal(cents) / 100)
    if fact.type == "date":
        return st.integers(-20 * 365, 365).map(lambda days: request_date + timedelta(days=days))
    if fact.type == "grounds":
        return st.lists(st.sampled_from(sorted(REGISTRY.ground_ids)), max_size=2, unique=True).map(
            tuple
        )
    raise AssertionError(fact.type)


@st.composite
def full_cases(draw):
    request_date = draw(st.dates(date(2020, 8, 20), date(2024, 12, 31)))
    ruleset = REGISTRY.select(request_date)
    facts = {"request_date": FactValue(request_date)}
    for fact in REGISTRY.vocabulary.values():
        if fact.id == "request_date":
            continue
        if fact.id == "kind":
            value = draw(st.sampled_from(ruleset.kinds))
        else:
            value = draw(_value(fact, request_date))
        settled = fact.judgement and draw(st.booleans())
        facts[fact.id] = (
            FactValue(value, "expert_team", "besproken") if settled else FactValue(value)
        )
    known = draw(st.sets(st.sampled_from(sorted(facts)), max_size=len(facts)))
    known.add("request_date")
    return facts, known


@settings(derandomize=True, max_examples=300, deadline=None)
@given(full_cases())
def test_the_questions_lead_to_a_decision(drawn):
    facts, known = drawn
    full = evaluate(Case("full", facts))
    assert full.outcome != "onvoldoende_informatie"
    assert full.questions == ()

    partial = {fact_id: facts[fact_id] for fact_id in known}
    for _ in range(len(facts)):
        evaluation = evaluate(Case("partial", partial))
        if evaluation.outcome != "onvoldoende_informatie":
            break
        assert evaluation.questions, "undecided without a question"
        assert not set(evaluation.questions) & set(partial)
        for fact_id in evaluation.questions:
            partial[fact_id] = facts[fact_id]
    else:
        raise AssertionError("the questions did not lead to a decision")
    if evaluation.outcome == "uitzondering":
        assert evaluation.exceptions
    if evaluation.outcome in ("afgewezen", "voorleggen"):
        assert evaluation.reasons
