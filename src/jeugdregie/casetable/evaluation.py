# SPDX-License-Identifier: EUPL-1.2
"""The casetable's one doorway to the afwegingskader engine (jeugdregie.framework): parse a
case's facts, evaluate them under the version of the request date and leave a receipt."""

from typing import Any

from django.core.exceptions import ValidationError

from jeugdregie.accounts.models import User
from jeugdregie.framework.engine.cases import CaseFileError, parse_case
from jeugdregie.framework.engine.evaluation import EvaluationError, evaluate
from jeugdregie.framework.engine.results import Evaluation
from jeugdregie.framework.engine.rulesets import VersionError, default_registry
from jeugdregie.framework.services import receipt_record


def _parsed(case_id: str, facts: dict[str, Any]) -> Any:
    registry = default_registry()
    try:
        return parse_case(
            {"case_id": case_id, "facts": facts}, registry.vocabulary, registry.ground_ids
        )
    except CaseFileError as error:
        raise ValidationError({"facts": str(error.args[0])}) from error


def check_answers(answers: dict[str, Any]) -> None:
    """Refuse answers the framework does not know or cannot read (type, date, amount)."""
    _parsed("check", {k: v for k, v in answers.items() if v is not None})


def is_judgement(fact: str) -> bool:
    definition = default_registry().vocabulary.get(fact)
    return definition is not None and definition.judgement


def evaluate_case(*, case_id: str, facts: dict[str, Any], user: User | None) -> Evaluation:
    """Evaluate and record a receipt (append-only) of this evaluation."""
    case = _parsed(case_id, facts)
    try:
        result = evaluate(case)
    except (EvaluationError, VersionError) as error:
        raise ValidationError(str(error)) from error
    receipt_record(evaluation=result, user=user)
    return result


def ground_labels() -> dict[str, str]:
    """Every exception ground of every version by its label (the newest wording)."""
    labels: dict[str, str] = {}
    for ruleset in default_registry().rulesets:  # oldest first
        labels.update((rule.id, rule.label) for rule in ruleset.exceptions)
    return labels


def explain(*, case_id: str, facts: dict[str, Any]) -> Evaluation:
    """The evaluation of stored facts for display (outcome, questions, trace); no receipt:
    the receipt was left when the facts were recorded."""
    try:
        return evaluate(_parsed(case_id, facts))
    except (EvaluationError, VersionError) as error:
        raise ValidationError(str(error)) from error
