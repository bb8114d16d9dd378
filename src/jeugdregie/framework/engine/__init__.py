# SPDX-License-Identifier: EUPL-1.2
"""The afwegingskader rules engine: pure Python (no Django, no database).

registry = default_registry()                  # policy/default/afwegingskader/, checked
case = parse_case(data, registry.vocabulary, registry.ground_ids)
result = evaluate(case)                        # version chosen by request_date
result = evaluate(case, registry.get("2020-08"))   # or a given version
result.outcome, result.exceptions, result.reasons, result.questions, result.signals
result.trace                                   # every rule: value, facts used, source
questions_for(case)                            # [(fact id, Dutch question)]
"""

from jeugdregie.framework.engine.cases import (
    Case,
    CaseFileError,
    FactValue,
    load_case_file,
    parse_case,
    read_case_json,
)
from jeugdregie.framework.engine.definitions import RuleSet, RuleSetError
from jeugdregie.framework.engine.evaluation import (
    AFGEWEZEN,
    ONVOLDOENDE_INFORMATIE,
    OUTCOMES,
    UITZONDERING,
    VOLDAAN,
    VOORLEGGEN,
    EvaluationError,
    evaluate,
    questions_for,
)
from jeugdregie.framework.engine.results import ENGINE_VERSION, Evaluation, TraceEntry
from jeugdregie.framework.engine.rulesets import (
    Registry,
    VersionError,
    default_registry,
    load_registry,
    load_ruleset,
    ruleset_of_receipt,
)
from jeugdregie.framework.engine.schema import parse_ruleset

__all__ = [
    "AFGEWEZEN",
    "ENGINE_VERSION",
    "ONVOLDOENDE_INFORMATIE",
    "OUTCOMES",
    "UITZONDERING",
    "VOLDAAN",
    "VOORLEGGEN",
    "Case",
    "CaseFileError",
    "Evaluation",
    "EvaluationError",
    "FactValue",
    "Registry",
    "RuleSet",
    "RuleSetError",
    "TraceEntry",
    "VersionError",
    "default_registry",
    "evaluate",
    "load_case_file",
    "load_registry",
    "load_ruleset",
    "parse_case",
    "parse_ruleset",
    "questions_for",
    "read_case_json",
    "ruleset_of_receipt",
]
