# SPDX-License-Identifier: EUPL-1.2
"""Writes of the framework app: evaluating a case and storing its receipt; replaying one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jeugdregie.accounts.models import User
from jeugdregie.framework.constants import RECORDING_ROLE
from jeugdregie.framework.engine import (
    Case,
    Evaluation,
    FactValue,
    Registry,
    RuleSet,
    default_registry,
    evaluate,
    parse_case,
    ruleset_of_receipt,
)
from jeugdregie.framework.models import EvaluationReceipt

__all__ = [
    "Replay",
    "evaluate_and_record",
    "fact_recorded_by",
    "receipt_record",
    "receipt_replay",
]


def fact_recorded_by(*, user: User, value: Any, motivation: str = "") -> FactValue:
    """A fact value as recorded by `user` (spec §6): a judgement fact only counts when the
    user's role settles judgements in the rule set and a motivation is given."""
    return FactValue(value, RECORDING_ROLE.get(user.role, user.role), motivation.strip() or None)


def receipt_record(*, evaluation: Evaluation, user: User | None = None) -> EvaluationReceipt:
    """Store the receipt of an evaluation (append-only)."""
    ruleset = evaluation.ruleset
    request_date = evaluation.case.request_date
    return EvaluationReceipt.objects.create(
        ruleset_id=ruleset.ruleset_id,
        version=ruleset.version,
        content_hash=ruleset.content_hash,
        file_sha256=ruleset.file_sha256,
        engine_version=evaluation.engine_version,
        case_id=evaluation.case.case_id,
        request_date=request_date,
        inputs=evaluation.case.to_json(),
        outcome=evaluation.outcome,
        result=evaluation.to_json(),
        user=user,
    )


def evaluate_and_record(
    *,
    case: Case,
    user: User | None = None,
    ruleset: RuleSet | None = None,
    registry: Registry | None = None,
) -> tuple[Evaluation, EvaluationReceipt]:
    """Evaluate `case` (version by request date unless `ruleset` is given) and store the
    receipt. Errors (no version, kind unknown to the version) raise and store nothing."""
    evaluation = evaluate(case, ruleset, registry=registry)
    return evaluation, receipt_record(evaluation=evaluation, user=user)


@dataclass(frozen=True)
class Replay:
    receipt: EvaluationReceipt
    evaluation: Evaluation
    same_rules: bool  # the rule set file still has the receipt's content hash
    same_engine: bool
    differences: tuple[str, ...]  # top-level result keys that differ

    @property
    def reproduces(self) -> bool:
        return not self.differences


def receipt_replay(*, receipt: EvaluationReceipt, registry: Registry | None = None) -> Replay:
    """Re-evaluate a receipt's inputs under its own version, as encoded when it was made (an
    earlier encoding of a version corrected since, found by the file's SHA-256), and compare
    with its result."""
    registry = registry or default_registry()
    ruleset = ruleset_of_receipt(
        registry,
        version=receipt.version,
        file_sha256=receipt.file_sha256 or receipt.content_hash,
    )
    case = parse_case(receipt.inputs, registry.vocabulary, registry.ground_ids)
    evaluation = evaluate(case, ruleset)
    replayed: dict[str, Any] = evaluation.to_json()
    stored: dict[str, Any] = receipt.result
    differences = tuple(
        key for key in sorted(set(replayed) | set(stored)) if replayed.get(key) != stored.get(key)
    )
    return Replay(
        receipt=receipt,
        evaluation=evaluation,
        same_rules=ruleset.content_hash == receipt.content_hash,
        same_engine=evaluation.engine_version == receipt.engine_version,
        differences=differences,
    )
