# SPDX-License-Identifier: EUPL-1.2
"""The checks `schema.parse_ruleset` runs on a rule set's expressions: every reference
defined, enum literals among the values, and types that fit (a condition is yes/no, logic
takes yes/no operands, ordering compares numbers, amounts or dates, both sides of a
comparison have the same type). Problems are collected in a `Checker`, never raised one by
one, so that a file's author sees them all at once; a `Scope` holds what the file defines
so far and what its expressions use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jeugdregie.framework.engine.definitions import REQUIRED_FACTS, DerivedDef, FactDef, Parameter
from jeugdregie.framework.engine.expressions import (
    Compiled,
    ExpressionError,
    References,
    compile_expression,
)

_VALUE_TYPES = {"bool": "bool", "int": "int", "date": "date", "money": "money", "enum": "text"}


class Checker:
    """The problems found in one rule set file, in the order they were found."""

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


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def compile_checked(
    expr: Any, where: str, check: Checker, literals: dict[str, list[Any]]
) -> tuple[Compiled, References]:
    """The compiled expression and what it refers to; the literals it compares facts with
    are added to `literals`. A malformed expression is a problem and compiles to unknown."""
    refs = References()
    try:
        compiled = compile_expression(expr, refs, where)
        for fact_id, literal in refs.literals:
            literals.setdefault(fact_id, []).append(literal)
        return compiled, refs
    except ExpressionError as exc:
        check.add(str(exc))
        return (lambda _ctx: None), refs


def type_of(
    expr: Any,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    where: str,
    check: Checker,
) -> str | None:
    """The type an expression yields (None when it cannot be told); type errors go to
    `check`. Conditions must be yes/no, logic takes yes/no operands, ordering compares
    numbers, amounts or dates, and both sides of a comparison have the same type."""

    def of(e: Any) -> str | None:
        return type_of(e, facts, derived, params, where, check)

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


def check_refs(
    refs: References,
    where: str,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    ground_ids: set[str],
    check: Checker,
) -> None:
    """Every fact, derived value, parameter and exception ground an expression refers to is
    defined, and the literals it compares a fact with suit the fact."""
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


def check_condition(
    expr: Any,
    facts: Mapping[str, FactDef],
    derived: Mapping[str, DerivedDef],
    params: Mapping[str, Parameter],
    where: str,
    check: Checker,
) -> None:
    """A rule's or signal's condition is yes/no."""
    kind = type_of(expr, facts, derived, params, where, check)
    if kind not in (None, "bool"):
        check.add(f"{where}: the condition must be yes/no, not {kind}")


def facts_read(
    refs: References, derived: Mapping[str, DerivedDef]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The facts an expression reads, directly or through derived values, and the derived
    values it uses (both sorted)."""
    facts = set(refs.facts)
    for did in refs.derived:
        if did in derived:
            facts |= derived[did].facts
    return tuple(sorted(facts)), tuple(sorted(refs.derived))


@dataclass
class Scope:
    """While one rule set file is read: what the sections read so far define, and what
    their expressions use (so that an unused fact or parameter can be told)."""

    check: Checker
    kinds: tuple[str, ...]
    params: dict[str, Parameter]
    facts: dict[str, FactDef]
    ground_ids: set[str]
    derived: dict[str, DerivedDef] = field(default_factory=dict)
    literals: dict[str, list[Any]] = field(default_factory=dict)
    used_facts: set[str] = field(default_factory=lambda: set(REQUIRED_FACTS))
    used_params: set[str] = field(default_factory=set)

    def compile(self, expr: Any, where: str) -> tuple[Compiled, References]:
        """The compiled expression, its references checked against what is defined."""
        compiled, refs = compile_checked(expr, where, self.check, self.literals)
        check_refs(refs, where, self.facts, self.derived, self.params, self.ground_ids, self.check)
        return compiled, refs

    def type_of(self, expr: Any, where: str) -> str | None:
        return type_of(expr, self.facts, self.derived, self.params, where, self.check)

    def check_condition(self, expr: Any, where: str) -> None:
        check_condition(expr, self.facts, self.derived, self.params, where, self.check)
