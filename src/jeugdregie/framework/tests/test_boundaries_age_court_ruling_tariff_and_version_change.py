# SPDX-License-Identifier: EUPL-1.2
"""The boundaries of the rules: age 7 vs 8 on the request date, exactly 3 months after a
court ruling, a tariff equal to the contracted one, and the change of version at the turn
of 2021/2022 (and before the first version: a loud error)."""

from datetime import date

import pytest

from jeugdregie.framework.engine import EvaluationError, VersionError, default_registry, evaluate
from jeugdregie.framework.tests.examples import as_case, case_data


def _evaluate(**facts):
    return evaluate(as_case(case_data(**facts)))


def test_a_child_turning_8_on_the_request_date_is_no_longer_a_young_child():
    turns_8 = _evaluate(client_birth_date="2014-03-14")  # request date 2022-03-14
    still_7 = _evaluate(client_birth_date="2014-03-15")

    assert (turns_8.state_of("U11"), turns_8.outcome, turns_8.signals) == ("false", "voldaan", ())
    assert (still_7.state_of("U11"), still_7.outcome, still_7.exceptions) == (
        "true",
        "uitzondering",
        ("U11",),
    )
    assert still_7.signals == ("young_child",)


def test_age_is_taken_on_the_request_date_not_on_the_start_of_care():
    # 8 on the care start (2022-04-01) but still 7 on the request date
    evaluation = _evaluate(client_birth_date="2014-03-20")

    assert evaluation.outcome == "uitzondering"


def test_exactly_three_months_after_the_court_ruling_gives_priority():
    exactly_3 = _evaluate(court_ruling_date="2021-12-14")
    one_day_short = _evaluate(court_ruling_date="2021-12-15")

    assert (exactly_3.state_of("U02"), exactly_3.exceptions) == ("true", ("U02",))
    assert exactly_3.signals == ("priority_court_ruling",)
    assert (one_day_short.state_of("U02"), one_day_short.outcome) == ("false", "voldaan")
    assert one_day_short.signals == ()


def test_a_tariff_equal_to_the_contracted_tariff_passes_one_cent_more_is_referred():
    equal = _evaluate(tariff="72.00", comparable_contracted_tariff="72.00")
    above = _evaluate(tariff="72.01", comparable_contracted_tariff="72.00")

    assert (equal.state_of("P2b"), equal.outcome) == ("true", "voldaan")
    assert (above.state_of("P2b"), above.outcome, above.reasons) == (
        "unknown",
        "onvoldoende_informatie",
        (),
    )
    assert above.questions == ("prevents_higher_costs",)


def test_the_last_day_of_2021_uses_2020_08_and_new_year_uses_2022_01():
    last_day = _evaluate(request_date="2021-12-31")
    new_year = _evaluate(request_date="2022-01-01")

    assert (last_day.version, last_day.outcome, last_day.reasons) == (
        "2020-08",
        "afgewezen",
        ("I1", "P1b"),
    )
    assert (new_year.version, new_year.outcome) == ("2022-01", "voldaan")


def test_a_care_start_on_the_request_date_is_not_retroactive_the_day_before_is():
    same_day = _evaluate(care_start_date="2022-03-14", gi_determination=False)
    day_before = _evaluate(care_start_date="2022-03-13", gi_determination=False)

    assert same_day.outcome == "voldaan"
    assert (day_before.outcome, day_before.reasons) == ("afgewezen", ("P4",))


def test_annual_cost_just_below_the_threshold_needs_no_evaluation_moments():
    below = _evaluate(annual_cost="99999.99")
    at = _evaluate(annual_cost="100000.00")

    assert (below.outcome, below.signals) == ("voldaan", ())
    assert (at.state_of("P2d"), at.signals) == ("unknown", ("evaluation_required",))
    assert at.questions == ("evaluation_moments_agreed",)


def test_a_request_before_the_first_version_is_a_loud_error():
    with pytest.raises(VersionError, match=r"Geen versie .* 2020-08-19"):
        _evaluate(request_date="2020-08-19")
    assert default_registry().select(date(2020, 8, 20)).version == "2020-08"


def test_a_request_without_request_date_cannot_choose_a_version():
    with pytest.raises(EvaluationError, match="request_date"):
        _evaluate(request_date=None)


def test_a_ceiling_overrun_did_not_exist_in_2020_08():
    with pytest.raises(EvaluationError, match=r"ceiling_overrun.*2020-08"):
        _evaluate(kind="ceiling_overrun", request_date="2021-06-01")
