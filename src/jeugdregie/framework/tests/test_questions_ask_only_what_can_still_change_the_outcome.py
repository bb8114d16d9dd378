# SPDX-License-Identifier: EUPL-1.2
"""The questions are the unknown facts that can still change the outcome: exceptions'
facts first, nothing once the outcome is settled, and facts that only settle a rule
together (the two tariffs) are asked together."""

from jeugdregie.framework.engine import evaluate
from jeugdregie.framework.tests.examples import as_case, case_data


def _evaluate(**facts):
    return evaluate(as_case(case_data(**facts)))


def test_both_tariffs_are_asked_when_together_they_decide():
    evaluation = _evaluate(tariff=None, comparable_contracted_tariff=None)

    assert evaluation.outcome == "onvoldoende_informatie"
    assert evaluation.questions == (
        "tariff",
        "comparable_contracted_tariff",
        "prevents_higher_costs",
    )


def test_a_known_contracted_tariff_leaves_only_the_tariff_and_the_savings_question():
    evaluation = _evaluate(tariff=None)

    assert evaluation.questions == ("tariff", "prevents_higher_costs")
    assert evaluation.question_texts()[0] == (
        "tariff",
        "Wat is het tarief per eenheid van de gevraagde zorg?",
    )


def test_a_definite_rejection_with_every_exception_known_asks_nothing():
    evaluation = _evaluate(contracted_providers_contacted=False, route=None, annual_cost=None)

    assert (evaluation.outcome, evaluation.reasons, evaluation.questions) == (
        "afgewezen",
        ("P1",),
        (),
    )


def test_a_provisional_rejection_asks_only_for_the_exceptions():
    evaluation = _evaluate(
        contracted_providers_contacted=False,
        route=None,
        client_birth_date=None,
        exception_grounds=None,
    )

    assert evaluation.outcome == "onvoldoende_informatie"
    assert evaluation.reasons == ("P1",)
    assert "route" not in evaluation.questions
    assert evaluation.questions[:2] == ("exception_grounds", "school_partner_provider")
    assert "client_birth_date" in evaluation.questions


def test_an_unknown_referral_requirement_next_to_a_failed_one_is_still_asked():
    # I6 fails (refer): the case goes to the table whatever P2a is, but §7.4 keeps the
    # outcome at onvoldoende_informatie until P2a is known, so its fact is asked.
    evaluation = _evaluate(care_abroad=True, content_proportional=None)

    assert (evaluation.outcome, evaluation.reasons) == ("onvoldoende_informatie", ("I6",))
    assert evaluation.questions == ("content_proportional",)
    answered = _evaluate(care_abroad=True)
    assert (answered.outcome, answered.reasons) == ("voorleggen", ("I6",))


def test_the_kind_is_asked_when_a_rule_applies_to_one_kind_only():
    evaluation = _evaluate(kind=None, pgb_possible=True)

    assert evaluation.questions == ("kind",)
    assert _evaluate(kind="ceiling_overrun", pgb_possible=True).outcome == "voldaan"
    assert _evaluate(kind="light_contract", pgb_possible=True).outcome == "afgewezen"


def test_an_exception_that_applies_asks_nothing_more():
    evaluation = evaluate(
        as_case({"case_id": "X", "facts": {"request_date": "2022-03-14", "existing_client": True}})
    )

    assert (evaluation.outcome, evaluation.exceptions, evaluation.questions) == (
        "uitzondering",
        ("U10",),
        (),
    )


def test_a_pending_judgement_is_not_asked_again():
    evaluation = _evaluate(stacking=None, stacking_justified=False)

    assert evaluation.outcome == "onvoldoende_informatie"
    assert evaluation.questions == ("stacking",)
    assert _evaluate(stacking=True, stacking_justified=False).reasons == ("P2c",)
