# SPDX-License-Identifier: EUPL-1.2
"""Reading one rule set file (one YAML file per version), checked against a strict schema.

Load errors (all collected, then raised together as `RuleSetError`): unknown keys, a
fact/derived value/parameter/exception id that is not defined, a rule or parameter without
a source reference, a fact that no rule, derived value or signal uses, literals outside an
enum, malformed conditions, type errors (see `checks`). `parse_ruleset` reads the
sections in a fixed order (header, parameters, facts, derived values, exceptions,
requirements, signals); an expression may use what the sections before it define, the
exception ids, and the derived values listed above it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from jeugdregie.framework.engine.checks import Checker, Scope, as_mapping, facts_read
from jeugdregie.framework.engine.definitions import (
    DERIVED_TYPES,
    FACT_TYPES,
    ID_PATTERN,
    MONEY_PATTERN,
    REQUIRED_FACTS,
    RULE_ID_PATTERN,
    DerivedDef,
    FactDef,
    Parameter,
    Rule,
    RuleSet,
    RuleSetError,
    Signal,
)


def parse_ruleset(text: str, path: str = "<text>") -> RuleSet:
    """Parse and check one rule set (the YAML text of one file)."""
    data = _load_yaml(text, path)
    check = Checker(path)
    header = _parse_header(data, check)
    params = _parse_params(data, check)
    facts = _parse_facts(data, header.kinds, check)
    raw_exceptions = data.get("exceptions") or []
    raw_requirements = data.get("requirements") or []
    scope = Scope(check, header.kinds, params, facts, _ground_ids(raw_exceptions))
    derived = _parse_derived(data, scope)
    exceptions = _parse_rules(raw_exceptions, "exception", scope)
    requirements = _parse_rules(raw_requirements, "requirement", scope)
    signals = _parse_signals(data.get("signals") or [], scope)
    _check_everything_is_used(scope)
    if check.problems:
        raise RuleSetError(path, check.problems)
    assert header.version is not None
    assert header.valid_from is not None
    return RuleSet(
        ruleset_id=str(data["ruleset"]),
        version=header.version,
        title=str(data["title"]),
        valid_from=header.valid_from,
        valid_until=header.valid_until,
        kinds=header.kinds,
        judgement_settled_by=header.settled,
        parameters=params,
        facts=facts,
        derived=derived,
        exceptions=exceptions,
        requirements=requirements,
        signals=signals,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=path,
        literals={k: tuple(dict.fromkeys(v)) for k, v in scope.literals.items()},
    )


@dataclass(frozen=True)
class _Header:
    """The rule set's own keys; a value that did not pass the check is None (or empty)."""

    version: str | None
    valid_from: date | None
    valid_until: date | None
    kinds: tuple[str, ...]
    settled: frozenset[str]


def _load_yaml(text: str, path: str) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleSetError(path, [f"not valid YAML: {exc}"]) from exc
    if not isinstance(data, Mapping):
        raise RuleSetError(path, ["the file must hold a mapping"])
    return data


def _parse_header(data: Mapping[str, Any], check: Checker) -> _Header:
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
    return _Header(
        version=version if isinstance(version, str) else None,
        valid_from=valid_from if isinstance(valid_from, date) else None,
        valid_until=valid_until if isinstance(valid_until, date) else None,
        kinds=kinds,
        settled=settled,
    )


def _parse_params(data: Mapping[str, Any], check: Checker) -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    for pid, raw in as_mapping(data.get("parameters")).items():
        param = _parse_param(str(pid), raw, check)
        if param:
            params[param.id] = param
    return params


def _parse_param(pid: str, raw: Any, check: Checker) -> Parameter | None:
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


def _parse_facts(
    data: Mapping[str, Any], kinds: tuple[str, ...], check: Checker
) -> dict[str, FactDef]:
    """The facts, including the two every rule set needs: `kind` (an enum holding the rule
    set's kinds) and `request_date` (a date)."""
    facts: dict[str, FactDef] = {}
    for fid, raw in as_mapping(data.get("facts")).items():
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
    return facts


def _parse_fact(fid: str, raw: Any, check: Checker) -> FactDef | None:
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


def _ground_ids(raw_exceptions: Any) -> set[str]:
    """The exception ids, which a `grounds` fact may name (read before any expression)."""
    return {str(r.get("id")) for r in raw_exceptions if isinstance(r, Mapping) and r.get("id")}


def _parse_derived(data: Mapping[str, Any], scope: Scope) -> dict[str, DerivedDef]:
    """The derived values, in file order: one may use the derived values above it."""
    for did, raw in as_mapping(data.get("derived")).items():
        derived = _parse_derived_value(did, raw, scope)
        if derived:
            scope.derived[str(did)] = derived
    for derived in scope.derived.values():
        scope.used_params |= derived.params
    return scope.derived


def _parse_derived_value(did: Any, raw: Any, scope: Scope) -> DerivedDef | None:
    check = scope.check
    where = f"derived {did}"
    if not isinstance(raw, Mapping):
        check.add(f"{where}: expected a mapping")
        return None
    check.keys(raw, where, {"type", "label", "compute"}, set())
    compiled, refs = scope.compile(raw.get("compute"), where)
    declared = raw.get("type")
    inferred = scope.type_of(raw.get("compute"), where)
    if declared not in DERIVED_TYPES:
        check.add(f"{where}: type must be one of {', '.join(DERIVED_TYPES)}")
    elif inferred and inferred != declared:
        check.add(f"{where}: declared {declared} but computes {inferred}")
    all_facts = set(refs.facts)
    for used in refs.derived:
        if used in scope.derived:
            all_facts |= scope.derived[used].facts
    return DerivedDef(
        str(did),
        str(raw.get("type")),
        check.text(raw, "label", where),
        compiled,
        frozenset(all_facts),
        frozenset(refs.derived),
        frozenset(refs.params),
    )


def _parse_rules(raw_list: Any, rule_type: str, scope: Scope) -> tuple[Rule, ...]:
    """The exceptions or the requirements (`rule_type` "exception" or "requirement")."""
    if not isinstance(raw_list, list):
        scope.check.add(f"rule set: '{rule_type}s' must be a list")
        return ()
    out: list[Rule] = []
    seen: set[str] = set()
    for raw in raw_list:
        rule = _parse_rule(raw, rule_type, seen, scope)
        if rule:
            out.append(rule)
    return tuple(out)


def _parse_rule(raw: Any, rule_type: str, seen: set[str], scope: Scope) -> Rule | None:
    check = scope.check
    if not isinstance(raw, Mapping):
        check.add(f"{rule_type}: expected a mapping, got {raw!r}")
        return None
    rid = str(raw.get("id", "?"))
    where = f"{rule_type} {rid}"
    extra = {"category", "on_fail"} if rule_type == "requirement" else set()
    check.keys(raw, where, {"id", "label", "applies_to", "condition", "source"} | extra, set())
    if not RULE_ID_PATTERN.match(rid):
        check.add(f"{where}: rule ids start with a capital letter")
    if rid in seen:
        check.add(f"{where}: duplicate id")
    seen.add(rid)
    applies = raw.get("applies_to")
    if not isinstance(applies, list) or not applies or set(applies) - set(scope.kinds):
        check.add(f"{where}: 'applies_to' must list kinds of this rule set")
        applies = []
    category, on_fail = raw.get("category"), raw.get("on_fail")
    if rule_type == "requirement":
        if category not in ("content", "process"):
            check.add(f"{where}: 'category' must be content or process")
        if on_fail not in ("reject", "refer"):
            check.add(f"{where}: 'on_fail' must be reject or refer")
    compiled, refs = scope.compile(raw.get("condition"), where)
    scope.check_condition(raw.get("condition"), where)
    scope.used_params.update(refs.params)
    rule_facts, rule_derived = facts_read(refs, scope.derived)
    if set(applies) != set(scope.kinds):
        rule_facts = tuple(sorted({*rule_facts, "kind"}))
    scope.used_facts.update(rule_facts)
    return Rule(
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


def _parse_signals(raw_list: Any, scope: Scope) -> tuple[Signal, ...]:
    signals: list[Signal] = []
    for raw in raw_list:
        signal = _parse_signal(raw, scope)
        if signal:
            signals.append(signal)
    return tuple(signals)


def _parse_signal(raw: Any, scope: Scope) -> Signal | None:
    check = scope.check
    if not isinstance(raw, Mapping):
        check.add(f"signal: expected a mapping, got {raw!r}")
        return None
    sid = str(raw.get("id", "?"))
    where = f"signal {sid}"
    check.keys(raw, where, {"id", "label", "condition", "source"}, set())
    compiled, refs = scope.compile(raw.get("condition"), where)
    scope.check_condition(raw.get("condition"), where)
    scope.used_params.update(refs.params)
    signal_facts, signal_derived = facts_read(refs, scope.derived)
    scope.used_facts.update(signal_facts)
    return Signal(
        sid,
        check.text(raw, "label", where),
        compiled,
        signal_facts,
        signal_derived,
        check.text(raw, "source", where),
    )


def _check_everything_is_used(scope: Scope) -> None:
    for fid in sorted(set(scope.facts) - scope.used_facts):
        scope.check.add(f"fact {fid}: not used by any rule, derived value or signal")
    for pid in sorted(set(scope.params) - scope.used_params):
        scope.check.add(f"parameter {pid}: not used by any rule")
