# SPDX-License-Identifier: EUPL-1.2
"""The corrections of December 2026 (``../shared/README.md``) fix our reading of the source,
not the policy: a request dated 2022-03-14 is evaluated with the corrected rules, and a
receipt made under the earlier encoding still replays to its recorded result under that
encoding (``framework/superseded/<version>@1.yaml``, found by the SHA-256 on the receipt)."""

from typing import Any

import pytest

from jeugdregie.framework.engine import RuleSet, default_registry, evaluate
from jeugdregie.framework.engine.rulesets import superseded_rulesets
from jeugdregie.framework.services import evaluate_and_record, receipt_replay
from jeugdregie.framework.tests.examples import as_case, case_data

pytestmark = pytest.mark.django_db

MOVED_18_MONTHS: dict[str, Any] = {"moved_during_trajectory": True, "trajectory_months": 18}


def _first_revision(version: str) -> RuleSet:
    (ruleset,) = (r for r in superseded_rulesets().values() if r.version == version)
    return ruleset


def test_an_18_month_trajectory_after_a_move_gives_u18_with_the_review_signal():
    evaluation = evaluate(as_case(case_data(**MOVED_18_MONTHS)))

    assert evaluation.ruleset.version == "2022-01"
    assert (evaluation.outcome, evaluation.exceptions) == ("uitzondering", ("U18",))
    assert "residence_review_due" in evaluation.signals


def test_a_12_month_trajectory_after_a_move_runs_its_whole_term_without_a_review():
    evaluation = evaluate(as_case(case_data(moved_during_trajectory=True, trajectory_months=12)))

    assert evaluation.exceptions == ("U18",)
    assert "residence_review_due" not in evaluation.signals


def test_a_youth_doctors_referral_gives_direct_access_in_both_versions():
    for request_date in ("2021-03-14", "2022-03-14"):
        evaluation = evaluate(as_case(case_data(request_date=request_date, referrer_type="03")))

        assert "gp_direct_access" in evaluation.signals


def test_short_stay_is_accepted_and_leaves_a_pgb_possible():
    evaluation = evaluate(as_case(case_data(care_setting="kortdurend_verblijf", pgb_possible=True)))

    assert (evaluation.outcome, evaluation.reasons) == ("afgewezen", ("I5",))
    assert evaluation.state_of("I7") == "true"


def test_a_receipt_of_the_earlier_encoding_replays_to_its_recorded_result():
    old = _first_revision("2022-01")
    case = as_case(case_data(**MOVED_18_MONTHS, referrer_type="03"))
    _, receipt = evaluate_and_record(case=case, ruleset=old)
    assert receipt.outcome == "voldaan"  # the misreading: U18 only up to 12 months

    replay = receipt_replay(receipt=receipt)

    assert replay.reproduces
    assert replay.same_rules
    assert replay.evaluation.ruleset.file_sha256 == receipt.file_sha256
    assert default_registry().get("2022-01").file_sha256 != receipt.file_sha256
    assert evaluate(case).outcome == "uitzondering"
