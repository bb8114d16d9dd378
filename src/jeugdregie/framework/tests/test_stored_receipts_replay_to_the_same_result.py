# SPDX-License-Identifier: EUPL-1.2
"""Every evaluation through the service leaves a receipt (rule set id, version, content
hash, engine version, request date, inputs, outcome, result, user, time); replaying a
receipt's inputs under its version reproduces its result."""

import pytest

from jeugdregie.accounts.constants import Role
from jeugdregie.framework.engine import ENGINE_VERSION, default_registry
from jeugdregie.framework.models import EvaluationReceipt
from jeugdregie.framework.services import evaluate_and_record, receipt_replay
from jeugdregie.framework.tests.case_tables import CASE_TABLES
from jeugdregie.framework.tests.examples import as_case, case_data

pytestmark = pytest.mark.django_db


def test_a_receipt_holds_everything_needed_to_reproduce_the_evaluation(world):
    user = world.users[Role.CONTRACT_MANAGER]
    evaluation, receipt = evaluate_and_record(
        case=as_case(case_data(acute_crisis_or_serious_harm=True)), user=user
    )

    receipt.refresh_from_db()
    ruleset = default_registry().get("2022-01")
    assert (receipt.ruleset_id, receipt.version, receipt.content_hash) == (
        "afwegingskader",
        "2022-01",
        ruleset.content_hash,
    )
    assert receipt.engine_version == ENGINE_VERSION
    assert str(receipt.request_date) == "2022-03-14"
    assert receipt.case_id == "HET-2022-014"
    assert receipt.outcome == "voorleggen"
    assert receipt.result == evaluation.to_json()
    assert receipt.inputs["facts"]["acute_crisis_or_serious_harm"] is True
    assert receipt.inputs["facts"]["content_proportional"]["recorded_by_role"] == "expert_team"
    assert receipt.inputs["facts"]["tariff"] == "68.50"
    assert receipt.user == user
    assert receipt.created_at is not None


def test_replaying_every_case_table_row_reproduces_its_receipt():
    for version, rows in CASE_TABLES.items():
        for row in rows:
            evaluate_and_record(
                case=as_case({"case_id": f"{version} {row.name}", "facts": row.facts})
            )

    receipts = list(EvaluationReceipt.objects.all())
    assert len(receipts) == sum(len(rows) for rows in CASE_TABLES.values())
    for receipt in receipts:
        replay = receipt_replay(receipt=receipt)
        assert replay.reproduces, (receipt.case_id, replay.differences)
        assert replay.same_rules
        assert replay.same_engine
        assert replay.evaluation.outcome == receipt.outcome


def test_a_receipt_whose_result_does_not_follow_from_its_inputs_is_reported():
    evaluation, _ = evaluate_and_record(case=as_case(case_data()))
    forged = evaluation.to_json() | {"outcome": "afgewezen", "reasons": ["I3"]}
    receipt = EvaluationReceipt.objects.create(
        ruleset_id="afwegingskader",
        version="2022-01",
        content_hash="0" * 64,
        engine_version="0.9.0",
        case_id="HET-2022-014",
        request_date=evaluation.case.request_date,
        inputs=evaluation.case.to_json(),
        outcome="afgewezen",
        result=forged,
    )

    replay = receipt_replay(receipt=receipt)

    assert not replay.reproduces
    assert replay.differences == ("outcome", "reasons")
    assert not replay.same_rules
    assert not replay.same_engine
