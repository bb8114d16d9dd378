# SPDX-License-Identifier: EUPL-1.2
"""What an evaluation returns: the outcome with its exceptions, reasons, questions and
signals, the state of every rule, and the trace that explains it (spec §6, §7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from jeugdregie.framework.engine.cases import Case
from jeugdregie.framework.engine.definitions import Rule, RuleSet

ENGINE_VERSION = "1.0.0"


def state_text(value: bool | None) -> str:
    return "unknown" if value is None else ("true" if value else "false")


def json_value(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, tuple):
        return list(value)
    return value


@dataclass(frozen=True)
class RuleState:
    rule: Rule
    value: bool | None
    pending: bool  # the value rests on a judgement that is not settled yet


@dataclass(frozen=True)
class FactUse:
    fact: str
    value: Any  # JSON form; None when unknown
    recorded_by_role: str | None
    pending: bool


@dataclass(frozen=True)
class TraceEntry:
    rule_id: str
    rule_type: str  # exception, requirement, signal
    label: str
    value: str  # true, false, unknown
    pending: bool
    on_fail: str | None
    facts: tuple[FactUse, ...]
    derived: tuple[tuple[str, Any], ...]
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "type": self.rule_type,
            "label": self.label,
            "value": self.value,
            "pending": self.pending,
            "on_fail": self.on_fail,
            "facts": [
                {
                    "fact": f.fact,
                    "value": f.value,
                    "recorded_by_role": f.recorded_by_role,
                    "pending": f.pending,
                }
                for f in self.facts
            ],
            "derived": [{"derived": d, "value": v} for d, v in self.derived],
            "source": self.source,
        }


@dataclass(frozen=True)
class Evaluation:
    case: Case
    ruleset: RuleSet
    outcome: str
    exceptions: tuple[str, ...]
    reasons: tuple[str, ...]
    questions: tuple[str, ...]
    signals: tuple[str, ...]
    states: tuple[RuleState, ...]
    trace: tuple[TraceEntry, ...]
    engine_version: str = ENGINE_VERSION

    @property
    def version(self) -> str:
        return self.ruleset.version

    def state_of(self, rule_id: str) -> str:
        for state in self.states:
            if state.rule.id == rule_id:
                return state_text(state.value)
        raise KeyError(rule_id)

    def question_texts(self) -> list[tuple[str, str]]:
        """(fact id, Dutch question) for each question, for a request form."""
        return [(q, self.ruleset.facts[q].question) for q in self.questions]

    def to_json(self) -> dict[str, Any]:
        """The result as printed by `afweging_evaluate --json` (issue 5, Build §7)."""
        return {
            "case_id": self.case.case_id,
            "version": self.ruleset.version,
            "outcome": self.outcome,
            "exceptions": list(self.exceptions),
            "reasons": list(self.reasons),
            "questions": list(self.questions),
            "signals": list(self.signals),
            "trace": [entry.to_json() for entry in self.trace],
        }
