# SPDX-License-Identifier: EUPL-1.2
"""What a checked rule set holds: facts, derived values, parameters, rules and signals.

`schema.parse_ruleset` builds these from one YAML file; `rulesets.Registry` holds the
versions; `evaluation` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from jeugdregie.framework.engine.expressions import Compiled

FACT_TYPES = ("bool", "date", "enum", "money", "int", "grounds")
DERIVED_TYPES = ("bool", "int", "date", "money")
MONEY_PATTERN = re.compile(r"^\d+(\.\d{1,2})?$")
RULE_ID_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
REQUIRED_FACTS = ("kind", "request_date")


class RuleSetError(ValueError):
    """A rule set file (or a set of them) that does not pass the schema check."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


@dataclass(frozen=True)
class FactDef:
    id: str
    type: str
    label: str
    question: str
    judgement: bool = False
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivedDef:
    id: str
    type: str
    label: str
    compute: Compiled
    facts: frozenset[str]
    derived: frozenset[str]
    params: frozenset[str]


@dataclass(frozen=True)
class Parameter:
    id: str
    type: str
    value: Any
    label: str
    source: str


@dataclass(frozen=True)
class Rule:
    id: str
    rule_type: str  # "exception" or "requirement"
    label: str
    applies_to: frozenset[str]
    condition: Compiled
    facts: tuple[str, ...]  # every fact it reads, directly or through derived values
    derived: tuple[str, ...]
    source: str
    category: str | None = None  # requirements: "content" or "process"
    on_fail: str | None = None  # requirements: "reject" or "refer"


@dataclass(frozen=True)
class Signal:
    id: str
    label: str
    condition: Compiled
    facts: tuple[str, ...]
    derived: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class RuleSet:
    ruleset_id: str
    version: str
    title: str
    valid_from: date
    valid_until: date | None
    kinds: tuple[str, ...]
    judgement_settled_by: frozenset[str]
    parameters: Mapping[str, Parameter]
    facts: Mapping[str, FactDef]
    derived: Mapping[str, DerivedDef]
    exceptions: tuple[Rule, ...]
    requirements: tuple[Rule, ...]
    signals: tuple[Signal, ...]
    content_hash: str  # SHA-256 of the text parsed
    path: str
    literals: Mapping[str, tuple[Any, ...]]  # per fact: the literals it is compared with
    file_sha256: str = ""  # SHA-256 of the exact bytes of the file it was read from, if any

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.exceptions + self.requirements

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
