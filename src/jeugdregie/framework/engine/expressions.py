# SPDX-License-Identifier: EUPL-1.2
"""The small condition language of the rule sets, compiled to closures (no eval).

A condition is YAML data: a mapping with exactly one operator key, or a literal.

- values: ``{fact: id}``, ``{derived: id}``, ``{param: id}``, ``{claimed: ground_id}``,
  a literal (string, number, bool) or ``{const: value}``;
- comparisons: ``{eq|ne|lt|le|gt|ge: [a, b]}``, ``{in: [a, [v1, v2]]}``;
- logic (Kleene): ``{all: [...]}``, ``{any: [...]}``, ``{not: x}``;
- ``{first_known: [a, b, ...]}``: the first operand that is not unknown;
- date arithmetic for derived values: ``{age_on: [birth, day]}`` (whole years),
  ``{months_between: [start, end]}`` (whole calendar months completed,
  ``jeugdregie.core.calendar_months.full_months_between``).

Unknown is ``None`` everywhere: an operation on an unknown operand is unknown, except
where Kleene logic decides (``false AND unknown = false``, ``true OR unknown = true``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from jeugdregie.core.calendar_months import full_months_between


class Context(Protocol):
    values: dict[str, Any]  # fact id -> value; absent = unknown

    def fact(self, fact_id: str) -> Any: ...

    def derived(self, derived_id: str) -> Any: ...

    def param(self, param_id: str) -> Any: ...

    def claimed(self, ground_id: str) -> bool | None: ...


Compiled = Callable[[Context], Any]


class ExpressionError(ValueError):
    """A condition that is not well formed (raised while loading a rule set)."""


@dataclass
class References:
    """What a compiled expression reads: used for the trace and the load checks."""

    facts: set[str] = field(default_factory=set)
    derived: set[str] = field(default_factory=set)
    params: set[str] = field(default_factory=set)
    grounds: set[str] = field(default_factory=set)
    literals: list[tuple[str, Any]] = field(default_factory=list)  # (fact id, literal) pairs


def kleene_and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def kleene_or(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def kleene_not(value: bool | None) -> bool | None:
    return None if value is None else not value


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: bool(a == b),
    "ne": lambda a, b: bool(a != b),
    "lt": lambda a, b: bool(a < b),
    "le": lambda a, b: bool(a <= b),
    "gt": lambda a, b: bool(a > b),
    "ge": lambda a, b: bool(a >= b),
}
_DATE_FUNCTIONS: dict[str, Callable[[date, date], int]] = {
    "age_on": age_on,
    # One owner for "full calendar months passed" (the waiting list's GI signal counts the same).
    "months_between": full_months_between,
}
_LITERAL_TYPES = (str, int, float, bool, Decimal, date)


def _fact_of(expr: Any) -> str | None:
    if isinstance(expr, Mapping) and set(expr) == {"fact"}:
        return str(expr["fact"])
    return None


def compile_expression(expr: Any, refs: References, where: str) -> Compiled:
    """Compile ``expr``; ``refs`` collects what it reads; ``where`` names it in errors."""
    if isinstance(expr, _LITERAL_TYPES) and not isinstance(expr, float):
        literal = expr
        return lambda _ctx: literal
    if isinstance(expr, float):
        raise ExpressionError(f"{where}: use a quoted decimal string, not the float {expr!r}")
    if not isinstance(expr, Mapping) or len(expr) != 1:
        raise ExpressionError(f"{where}: expected one operator, got {expr!r}")
    ((op, arg),) = expr.items()
    if op in ("fact", "derived", "param", "claimed", "const"):
        return _compile_value(op, arg, refs)
    if op in ("not", "all", "any", "first_known"):
        return _compile_logic(op, arg, refs, where)
    if op in _COMPARISONS or op in _DATE_FUNCTIONS or op == "in":
        if not isinstance(arg, list) or len(arg) != 2:
            raise ExpressionError(f"{where}: '{op}' needs a list of two operands")
        if op == "in":
            return _compile_in(arg[0], arg[1], refs, where)
        return _compile_binary(op, arg[0], arg[1], refs, where)
    raise ExpressionError(f"{where}: unknown operator '{op}'")


def _compile_value(op: str, arg: Any, refs: References) -> Compiled:
    """``{fact: id}``, ``{derived: id}``, ``{param: id}``, ``{claimed: ground}``,
    ``{const: value}``."""
    if op == "fact":
        fact_id = str(arg)
        refs.facts.add(fact_id)
        return lambda ctx: ctx.values.get(fact_id)
    if op == "derived":
        derived_id = str(arg)
        refs.derived.add(derived_id)
        return lambda ctx: ctx.derived(derived_id)
    if op == "param":
        param_id = str(arg)
        refs.params.add(param_id)
        return lambda ctx: ctx.param(param_id)
    if op == "claimed":
        ground_id = str(arg)
        refs.grounds.add(ground_id)
        refs.facts.add("exception_grounds")
        return lambda ctx: ctx.claimed(ground_id)
    constant = arg
    return lambda _ctx: constant


def _compile_logic(op: str, arg: Any, refs: References, where: str) -> Compiled:
    """``{not: x}``, ``{all: [...]}``, ``{any: [...]}`` (Kleene) and ``{first_known: [...]}``."""
    if op == "not":
        inner = compile_expression(arg, refs, where)
        return lambda ctx: kleene_not(inner(ctx))
    if not isinstance(arg, list) or not arg:
        raise ExpressionError(f"{where}: '{op}' needs a non-empty list")
    parts = [compile_expression(a, refs, where) for a in arg]
    if op == "all":
        return lambda ctx: kleene_and([p(ctx) for p in parts])
    if op == "any":
        return lambda ctx: kleene_or([p(ctx) for p in parts])

    def first_known(ctx: Context) -> Any:
        for part in parts:
            value = part(ctx)
            if value is not None:
                return value
        return None

    return first_known


def _compile_in(left_expr: Any, right_expr: Any, refs: References, where: str) -> Compiled:
    """``{in: [a, [v1, v2]]}``; the values count as literals the fact is compared with."""
    if not isinstance(right_expr, list) or not right_expr:
        raise ExpressionError(f"{where}: 'in' needs a non-empty list of values")
    left = compile_expression(left_expr, refs, where)
    options = tuple(right_expr)
    in_fact = _fact_of(left_expr)
    if in_fact:
        refs.literals.extend((in_fact, option) for option in options)
    return lambda ctx: None if (v := left(ctx)) is None else v in options


def _compile_binary(
    op: str, left_expr: Any, right_expr: Any, refs: References, where: str
) -> Compiled:
    """A comparison or a date function: unknown when either operand is unknown."""
    left = compile_expression(left_expr, refs, where)
    right = compile_expression(right_expr, refs, where)
    for one, other in ((left_expr, right_expr), (right_expr, left_expr)):
        compared = _fact_of(one)
        if compared and isinstance(other, _LITERAL_TYPES):
            refs.literals.append((compared, other))
    function: Callable[[Any, Any], Any] = (
        _COMPARISONS[op] if op in _COMPARISONS else _DATE_FUNCTIONS[op]
    )

    def binary(ctx: Context) -> Any:
        a = left(ctx)
        if a is None:
            return None
        b = right(ctx)
        if b is None:
            return None
        return function(a, b)

    return binary
