# SPDX-License-Identifier: EUPL-1.2
"""Rule sets: one YAML file per version, checked against a strict schema when loaded.

Load errors (all collected, then raised together as `RuleSetError`): unknown keys, a
fact/derived value/parameter/exception id that is not defined, a rule or parameter without
a source reference, a fact that no rule, derived value or signal uses, literals outside an
enum, malformed conditions, overlapping validity in a registry.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from jeugdregie.framework.engine.expressions import (
    Compiled,
    ExpressionError,
    References,
    compile_expression,
)

RULESETS_DIR = Path(__file__).resolve().parent.parent / "rulesets"
FACT_TYPES = ("bool", "date", "enum", "money", "int", "grounds")
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


class VersionError(LookupError):
    """No rule set, or more than one, matches a request date or a version id."""


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
    content_hash: str
    path: str
    literals: Mapping[str, tuple[Any, ...]]  # per fact: the literals it is compared with

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


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []

    def add(self, message: str) -> None:
        self.problems.append(message)

    def keys(
        self, data: Mapping[str, Any], where: str, required: set[str], allowed: set[str]
    ) -> None:
        for key in sorted(required - set(data)):
            self.add(f"{where}: missing '{key}'")
        for key in sorted(set(data) - allowed - required):
            self.add(f"{where}: unknown key '{key}'")

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(f"{where}: '{key}' must be a non-empty text")
            return ""
        return value.strip()


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _parse_param(pid: str, raw: Any, check: _Checker) -> Parameter | None:
    where = f"parameter {pid}"
    if not isinstance(raw, Mapping):
        check.add(f"{where}: expected a mapping")
        return None
    check.keys(raw, where, {"type", "value", "label", "source"}, set())
    ptype, value = raw.get("type"), raw.get("value")
    parsed: Any = None
    if ptype == "money":
        if not isinstance(value, str) or not MONEY_PATTERN.match(value):
            check.add(f'{where}: money value must be a decimal string like "100000.00"')
        else:
            parsed = Decimal(value)
    elif ptype == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            check.add(f"{where}: int value expected")
        parsed = value
    else:
        check.add(f"{where}: type must be money or int")
    return Parameter(
        pid, str(ptype), parsed, check.text(raw, "label", where), check.text(raw, "source", where)
    )


def _parse_fact(fid: str, raw: Any, check: _Checker) -> FactDef | None:
    where = f"fact {fid}"
    if not ID_PATTERN.match(fid):
        check.add(f"{where}: ids are lower_snake_case")
    if not isinstance(raw, Mapping):
        check.add(f"{where}: expected a mapping")
        return None
    check.keys(raw, where, {"type", "label", "question"}, {"values", "judgement"})
    ftype = raw.get("type")
    if ftype not in FACT_TYPES:
        check.add(f"{where}: type must be one of {', '.join(FACT_TYPES)}")
    values: tuple[str, ...] = ()
    if ftype == "enum":
        raw_values = raw.get("values")
        if (
            not isinstance(raw_values, list)
            or not raw_values
            or not all(isinstance(v, str) for v in raw_values)
        ):
            check.add(f"{where}: an enum needs 'values', a list of texts")
        else:
            values = tuple(raw_values)
    elif "values" in raw:
        check.add(f"{where}: only an enum has 'values'")
    judgement = raw.get("judgement", False)
    if not isinstance(judgement, bool):
        check.add(f"{where}: 'judgement' must be true or false")
    return FactDef(
        fid,
        str(ftype),
        check.text(raw, "label", where),
        check.text(raw, "question", where),
        bool(judgement),
        values,
    )


def _compile(
    expr: Any, where: str, check: _Checker, literals: dict[str, list[Any]]
) -> tuple[Compiled, References]:
    refs = References()
    try:
        compiled = compile_expression(expr, refs, where)
        for fact_id, literal in refs.literals:
            literals.setdefault(fact_id, []).append(literal)
        return compiled, refs
    except ExpressionError as exc:
        check.add(str(exc))
        return (lambda _ctx: None), refs


_VALUE_TYPES = {"bool": "bool", "int": "int", "date": "date", "money": "money", "enum": "text"}
DERIVED_TYPES = ("bool", "int", "date", "money")


def _type_of(
    expr: Any,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    where: str,
    check: _Checker,
) -> str | None:
    """The type an expression yields (None when it cannot be told); type errors go to
    `check`. Conditions must be yes/no, logic takes yes/no operands, ordering compares
    numbers, amounts or dates, and both sides of a comparison have the same type."""

    def of(e: Any) -> str | None:
        return _type_of(e, facts, derived, params, where, check)

    if isinstance(expr, bool):
        return "bool"
    if isinstance(expr, int):
        return "int"
    if isinstance(expr, str):
        return "text"
    if isinstance(expr, date):
        return "date"
    if not isinstance(expr, Mapping) or len(expr) != 1:
        return None
    ((op, arg),) = expr.items()
    if op == "fact":
        fact = facts.get(str(arg))
        return _VALUE_TYPES.get(fact.type) if fact else None
    if op == "derived":
        d = derived.get(str(arg))
        return d.type if d else None
    if op == "param":
        p = params.get(str(arg))
        return p.type if p else None
    if op in ("claimed", "in"):
        if op == "in" and isinstance(arg, list) and arg:
            of(arg[0])
        return "bool"
    if op == "const":
        return of(arg)
    if op in ("not", "all", "any"):
        for operand in [arg] if op == "not" else (arg if isinstance(arg, list) else []):
            kind = of(operand)
            if kind not in (None, "bool"):
                check.add(f"{where}: '{op}' needs yes/no operands, not {kind}")
        return "bool"
    if op == "first_known":
        operands = arg if isinstance(arg, list) else []
        kinds = {k for k in (of(operand) for operand in operands) if k is not None}
        if len(kinds) > 1:
            check.add(f"{where}: 'first_known' mixes {', '.join(sorted(kinds))}")
        return kinds.pop() if len(kinds) == 1 else None
    if isinstance(arg, list) and len(arg) == 2:
        left, right = of(arg[0]), of(arg[1])
        if op in ("age_on", "months_between"):
            if {left, right} - {None, "date"}:
                check.add(f"{where}: '{op}' needs two dates")
            return "int"
        if left and right and left != right:
            check.add(f"{where}: '{op}' compares {left} with {right}")
        if op in ("lt", "le", "gt", "ge") and {left, right} - {None, "int", "money", "date"}:
            check.add(f"{where}: '{op}' orders numbers, amounts or dates only")
        return "bool"
    return None


def _check_refs(
    refs: References,
    where: str,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    ground_ids: set[str],
    check: _Checker,
) -> None:
    for fid in sorted(refs.facts - set(facts)):
        check.add(f"{where}: unknown fact '{fid}'")
    for did in sorted(refs.derived - set(derived)):
        check.add(f"{where}: unknown derived value '{did}'")
    for pid in sorted(refs.params - set(params)):
        check.add(f"{where}: unknown parameter '{pid}'")
    for gid in sorted(refs.grounds - ground_ids):
        check.add(f"{where}: unknown exception ground '{gid}'")
    for fid, literal in refs.literals:
        fact = facts.get(fid)
        if fact and fact.type == "enum" and literal not in fact.values:
            check.add(f"{where}: '{literal}' is not a value of enum fact '{fid}'")
        if fact and fact.type == "bool" and not isinstance(literal, bool):
            check.add(f"{where}: fact '{fid}' is compared with a non-boolean")


def _check_condition(
    expr: Any,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    where: str,
    check: _Checker,
) -> None:
    kind = _type_of(expr, facts, derived, params, where, check)
    if kind not in (None, "bool"):
        check.add(f"{where}: the condition must be yes/no, not {kind}")


def _all_facts(
    refs: References, derived: Mapping[str, DerivedDef]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    facts = set(refs.facts)
    for did in refs.derived:
        if did in derived:
            facts |= derived[did].facts
    return tuple(sorted(facts)), tuple(sorted(refs.derived))


def parse_ruleset(text: str, path: str = "<text>") -> RuleSet:
    """Parse and check one rule set (the YAML text of one file)."""
    check = _Checker(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleSetError(path, [f"not valid YAML: {exc}"]) from exc
    if not isinstance(data, Mapping):
        raise RuleSetError(path, ["the file must hold a mapping"])
    check.keys(
        data,
        "rule set",
        {"ruleset", "version", "title", "valid_from", "kinds", "judgement_settled_by", "source"},
        {"valid_until", "parameters", "facts", "derived", "exceptions", "requirements", "signals"},
    )
    version = data.get("version")
    if not isinstance(version, str):
        check.add("rule set: 'version' must be a quoted text such as \"2022-01\"")
    valid_from, valid_until = data.get("valid_from"), data.get("valid_until")
    if not isinstance(valid_from, date):
        check.add("rule set: 'valid_from' must be a date (YYYY-MM-DD)")
    if valid_until is not None and not isinstance(valid_until, date):
        check.add("rule set: 'valid_until' must be a date (YYYY-MM-DD)")
    if isinstance(valid_from, date) and isinstance(valid_until, date) and valid_until < valid_from:
        check.add("rule set: 'valid_until' lies before 'valid_from'")
    check.text(data, "source", "rule set")
    kinds_raw = data.get("kinds")
    kinds = tuple(kinds_raw) if isinstance(kinds_raw, list) else ()
    settled_raw = data.get("judgement_settled_by")
    settled = frozenset(settled_raw) if isinstance(settled_raw, list) else frozenset()
    if not settled:
        check.add("rule set: 'judgement_settled_by' must list the roles that settle judgements")

    params: dict[str, Parameter] = {}
    for pid, raw in _mapping(data.get("parameters")).items():
        param = _parse_param(str(pid), raw, check)
        if param:
            params[param.id] = param
    facts: dict[str, FactDef] = {}
    for fid, raw in _mapping(data.get("facts")).items():
        fact = _parse_fact(str(fid), raw, check)
        if fact:
            facts[fact.id] = fact
    for fid in REQUIRED_FACTS:
        if fid not in facts:
            check.add(f"rule set: fact '{fid}' must be defined")
    if facts.get("request_date") and facts["request_date"].type != "date":
        check.add("fact request_date: must be a date")
    kind_fact = facts.get("kind")
    if kind_fact and (kind_fact.type != "enum" or not kinds or set(kinds) - set(kind_fact.values)):
        check.add("rule set: 'kinds' must be a non-empty list of values of the enum fact 'kind'")

    raw_exceptions = data.get("exceptions") or []
    raw_requirements = data.get("requirements") or []
    literals: dict[str, list[Any]] = {}
    ground_ids = {
        str(r.get("id")) for r in raw_exceptions if isinstance(r, Mapping) and r.get("id")
    }

    derived: dict[str, DerivedDef] = {}
    for did, raw in _mapping(data.get("derived")).items():
        where = f"derived {did}"
        if not isinstance(raw, Mapping):
            check.add(f"{where}: expected a mapping")
            continue
        check.keys(raw, where, {"type", "label", "compute"}, set())
        compiled, refs = _compile(raw.get("compute"), where, check, literals)
        _check_refs(refs, where, facts, derived, params, ground_ids, check)
        declared = raw.get("type")
        inferred = _type_of(raw.get("compute"), facts, derived, params, where, check)
        if declared not in DERIVED_TYPES:
            check.add(f"{where}: type must be one of {', '.join(DERIVED_TYPES)}")
        elif inferred and inferred != declared:
            check.add(f"{where}: declared {declared} but computes {inferred}")
        all_facts = set(refs.facts)
        for used in refs.derived:
            if used in derived:
                all_facts |= derived[used].facts
        derived[str(did)] = DerivedDef(
            str(did),
            str(raw.get("type")),
            check.text(raw, "label", where),
            compiled,
            frozenset(all_facts),
            frozenset(refs.derived),
            frozenset(refs.params),
        )

    used_facts: set[str] = set(REQUIRED_FACTS)
    used_params: set[str] = set()
    for d in derived.values():
        used_params |= d.params

    def rules(raw_list: Any, rule_type: str) -> tuple[Rule, ...]:
        out: list[Rule] = []
        if not isinstance(raw_list, list):
            check.add(f"rule set: '{rule_type}s' must be a list")
            return ()
        seen: set[str] = set()
        for raw in raw_list:
            if not isinstance(raw, Mapping):
                check.add(f"{rule_type}: expected a mapping, got {raw!r}")
                continue
            rid = str(raw.get("id", "?"))
            where = f"{rule_type} {rid}"
            extra = {"category", "on_fail"} if rule_type == "requirement" else set()
            check.keys(
                raw, where, {"id", "label", "applies_to", "condition", "source"} | extra, set()
            )
            if not RULE_ID_PATTERN.match(rid):
                check.add(f"{where}: rule ids start with a capital letter")
            if rid in seen:
                check.add(f"{where}: duplicate id")
            seen.add(rid)
            applies = raw.get("applies_to")
            if not isinstance(applies, list) or not applies or set(applies) - set(kinds):
                check.add(f"{where}: 'applies_to' must list kinds of this rule set")
                applies = []
            category, on_fail = raw.get("category"), raw.get("on_fail")
            if rule_type == "requirement":
                if category not in ("content", "process"):
                    check.add(f"{where}: 'category' must be content or process")
                if on_fail not in ("reject", "refer"):
                    check.add(f"{where}: 'on_fail' must be reject or refer")
            compiled, refs = _compile(raw.get("condition"), where, check, literals)
            _check_refs(refs, where, facts, derived, params, ground_ids, check)
            _check_condition(raw.get("condition"), facts, derived, params, where, check)
            used_params.update(refs.params)
            rule_facts, rule_derived = _all_facts(refs, derived)
            if set(applies) != set(kinds):
                rule_facts = tuple(sorted({*rule_facts, "kind"}))
            used_facts.update(rule_facts)
            out.append(
                Rule(
                    rid,
                    rule_type,
                    check.text(raw, "label", where),
                    frozenset(applies),
                    compiled,
                    rule_facts,
                    rule_derived,
                    check.text(raw, "source", where),
                    category if rule_type == "requirement" else None,
                    on_fail if rule_type == "requirement" else None,
                )
            )
        return tuple(out)

    exceptions = rules(raw_exceptions, "exception")
    requirements = rules(raw_requirements, "requirement")
    signals: list[Signal] = []
    for raw in data.get("signals") or []:
        if not isinstance(raw, Mapping):
            check.add(f"signal: expected a mapping, got {raw!r}")
            continue
        sid = str(raw.get("id", "?"))
        where = f"signal {sid}"
        check.keys(raw, where, {"id", "label", "condition", "source"}, set())
        compiled, refs = _compile(raw.get("condition"), where, check, literals)
        _check_refs(refs, where, facts, derived, params, ground_ids, check)
        _check_condition(raw.get("condition"), facts, derived, params, where, check)
        used_params.update(refs.params)
        signal_facts, signal_derived = _all_facts(refs, derived)
        used_facts.update(signal_facts)
        signals.append(
            Signal(
                sid,
                check.text(raw, "label", where),
                compiled,
                signal_facts,
                signal_derived,
                check.text(raw, "source", where),
            )
        )
    for fid in sorted(set(facts) - used_facts):
        check.add(f"fact {fid}: not used by any rule, derived value or signal")
    for pid in sorted(set(params) - used_params):
        check.add(f"parameter {pid}: not used by any rule")
    if check.problems:
        raise RuleSetError(path, check.problems)
    assert isinstance(version, str)
    assert isinstance(valid_from, date)
    return RuleSet(
        ruleset_id=str(data["ruleset"]),
        version=version,
        title=str(data["title"]),
        valid_from=valid_from,
        valid_until=valid_until,
        kinds=kinds,
        judgement_settled_by=settled,
        parameters=params,
        facts=facts,
        derived=derived,
        exceptions=exceptions,
        requirements=requirements,
        signals=tuple(signals),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=path,
        literals={k: tuple(dict.fromkeys(v)) for k, v in literals.items()},
    )


def load_ruleset(path: Path) -> RuleSet:
    return parse_ruleset(path.read_text(encoding="utf-8"), str(path))


class Registry:
    """All versions of one rule set; selects the version by request date."""

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        self.rulesets = tuple(sorted(rulesets, key=lambda r: r.valid_from))
        problems: list[str] = []
        seen: dict[str, RuleSet] = {}
        for ruleset in self.rulesets:
            if ruleset.version in seen:
                problems.append(f"version {ruleset.version} is defined twice")
            seen[ruleset.version] = ruleset
        self.vocabulary: dict[str, FactDef] = {}
        for ruleset in self.rulesets:
            for fact in ruleset.facts.values():
                known = self.vocabulary.get(fact.id)
                if known and (known.type, known.values, known.judgement) != (
                    fact.type,
                    fact.values,
                    fact.judgement,
                ):
                    problems.append(
                        f"fact {fact.id}: type, values or judgement differ between versions"
                    )
                self.vocabulary.setdefault(fact.id, fact)
        self.ground_ids = frozenset(r.id for rs in self.rulesets for r in rs.exceptions)
        if problems:
            raise RuleSetError("registry", problems)

    def get(self, version: str) -> RuleSet:
        for ruleset in self.rulesets:
            if ruleset.version == version:
                return ruleset
        known = ", ".join(r.version for r in self.rulesets)
        raise VersionError(
            f"Onbekende versie '{version}' van het afwegingskader (bekend: {known})."
        )

    def select(self, request_date: date) -> RuleSet:
        matches = [r for r in self.rulesets if r.valid_on(request_date)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise VersionError(
                f"Geen versie van het afwegingskader geldt op aanvraagdatum "
                f"{request_date.isoformat()}."
            )
        versions = ", ".join(r.version for r in matches)
        raise VersionError(
            f"Meer dan één versie van het afwegingskader geldt op aanvraagdatum "
            f"{request_date.isoformat()} ({versions}); de regelbestanden overlappen."
        )


def load_registry(directory: Path = RULESETS_DIR) -> Registry:
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise RuleSetError(str(directory), ["no rule set files (*.yaml)"])
    return Registry(load_ruleset(path) for path in files)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The rule sets shipped in `framework/rulesets/` (loaded once per process)."""
    return load_registry(RULESETS_DIR)
