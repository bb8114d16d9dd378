# SPDX-License-Identifier: EUPL-1.2
"""Reads of the framework app: the latest receipt per case and the impact of a new version."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, QuerySet

from jeugdregie.framework.constants import RECORDING_ROLE
from jeugdregie.framework.engine import (
    Case,
    CaseFileError,
    EvaluationError,
    Registry,
    RuleSet,
    default_registry,
    evaluate,
    parse_case,
)
from jeugdregie.framework.engine.rulesets import VersionError
from jeugdregie.framework.models import EvaluationReceipt

__all__ = [
    "NOT_EVALUABLE",
    "ImpactReport",
    "ImpactRow",
    "impact_report",
    "receipts_latest_per_case",
    "settles_judgements",
]


def settles_judgements(*, role: str, on: date, registry: Registry | None = None) -> bool:
    """Whether a user of ``role`` settles judgement facts under the rule set in force on
    ``on`` (its ``judgement_settled_by``, in the names of ``RECORDING_ROLE``): the same test
    the engine applies to a recorded judgement. False when no rule set is in force."""
    try:
        ruleset = (registry or default_registry()).select(on)
    except VersionError:
        return False
    return RECORDING_ROLE.get(role) in ruleset.judgement_settled_by


def receipts_latest_per_case() -> QuerySet[EvaluationReceipt]:
    """The most recent receipt of every case id (the stored cases, until requests exist)."""
    latest = (
        EvaluationReceipt.objects.order_by()
        .values("case_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    return EvaluationReceipt.objects.filter(id__in=latest).order_by("case_id")


@dataclass(frozen=True)
class ImpactRow:
    case_id: str
    from_outcome: str | None  # None when the case cannot be evaluated under that version
    to_outcome: str | None
    from_error: str | None = None
    to_error: str | None = None


@dataclass
class ImpactReport:
    from_version: str
    to_version: str
    total: int = 0
    changed: list[ImpactRow] = field(default_factory=list)
    transitions: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def unchanged(self) -> int:
        return self.total - len(self.changed)

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.from_version,
            "to": self.to_version,
            "cases": self.total,
            "changed": len(self.changed),
            "unchanged": self.unchanged,
            "transitions": [
                {"from": a, "to": b, "count": n} for (a, b), n in sorted(self.transitions.items())
            ],
            "changed_cases": [
                {
                    "case_id": row.case_id,
                    "from": row.from_outcome,
                    "to": row.to_outcome,
                    "from_error": row.from_error,
                    "to_error": row.to_error,
                }
                for row in self.changed
            ],
        }


def _outcome(case: Case, ruleset: RuleSet) -> tuple[str | None, str | None]:
    try:
        return evaluate(case, ruleset).outcome, None
    except EvaluationError as exc:
        return None, str(exc)


NOT_EVALUABLE = "niet_te_beoordelen"


def impact_report(
    *, from_version: str, to_version: str, registry: Registry | None = None
) -> ImpactReport:
    """Re-evaluate every stored case (latest receipt per case) under both versions,
    overriding the choice by request date, and list the cases whose outcome changes.
    A case that cannot be evaluated under a version (e.g. a kind the version does not
    know) counts as the outcome `niet_te_beoordelen` with the reason in the row."""
    registry = registry or default_registry()
    before, after = registry.get(from_version), registry.get(to_version)
    report = ImpactReport(before.version, after.version)
    rows = receipts_latest_per_case().values_list("case_id", "inputs")
    for case_id, inputs in rows.iterator(chunk_size=2000):
        report.total += 1
        old: str | None
        new: str | None
        old_error: str | None
        new_error: str | None
        try:
            case = parse_case(inputs, registry.vocabulary, registry.ground_ids)
        except CaseFileError as exc:
            old = new = None
            old_error = new_error = str(exc)
        else:
            old, old_error = _outcome(case, before)
            new, new_error = _outcome(case, after)
        if old != new or old_error != new_error:
            report.changed.append(ImpactRow(case_id, old, new, old_error, new_error))
            report.transitions[old or NOT_EVALUABLE, new or NOT_EVALUABLE] += 1
    return report
