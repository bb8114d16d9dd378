# SPDX-License-Identifier: EUPL-1.2
"""Every purpose the code writes into the access log is one of the ``AccessPurpose`` choices,
so the privacy officer's pages show its Dutch label and a filter on purpose finds it.

The source is scanned: every function that hands a ``purpose`` on to
``access_record_create`` (directly or through another such function) is found, and every
call of one of them passes ``AccessPurpose.<MEMBER>`` (or its own ``purpose`` parameter,
typed ``AccessPurpose``), never a bare string (the expert table once logged
"afwegingskader"). ``tests/test_personal_data_reads_are_logged.py`` checks the same at run
time on every route that shows personal data.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from jeugdregie.audit.constants import AccessPurpose

SRC = Path(__file__).resolve().parents[3]  # src/
ROOTS = {"access_record_create", "_reads", "_access"}  # jeugdregie.audit.services


@dataclass(frozen=True)
class Call:
    where: str
    callee: str
    purpose: ast.expr


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _purpose(call: ast.Call) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == "purpose"), None)


def _is_member(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "AccessPurpose"
        and node.attr in AccessPurpose.__members__
    )


def _functions() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if "tests" in path.relative_to(SRC).parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        where = str(path.relative_to(SRC))
        found += [(where, n) for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    return found


def _purpose_parameter(function: ast.FunctionDef) -> ast.arg | None:
    arguments = [*function.args.args, *function.args.kwonlyargs]
    return next((a for a in arguments if a.arg == "purpose"), None)


def _loggers(functions: list[tuple[str, ast.FunctionDef]]) -> dict[str, ast.FunctionDef]:
    """The functions whose ``purpose`` ends up in the access log (a fixpoint from the roots)."""
    loggers = {name: f for _, f in functions if (name := f.name) in ROOTS}
    grew = True
    while grew:
        grew = False
        for _, function in functions:
            if function.name in loggers or _purpose_parameter(function) is None:
                continue
            passes_on = any(
                isinstance(n, ast.Call)
                and _callee(n) in loggers
                and isinstance(_purpose(n), ast.Name)
                for n in ast.walk(function)
            )
            if passes_on:
                loggers[function.name] = function
                grew = True
    return loggers


def _calls(functions: list[tuple[str, ast.FunctionDef]], loggers: set[str]) -> list[Call]:
    calls = []
    for where, function in functions:
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and _callee(node) in loggers:
                purpose = _purpose(node)
                if purpose is not None:
                    calls.append(Call(f"{where}:{node.lineno}", _callee(node), purpose))
    return calls


def test_every_purpose_passed_to_the_access_log_is_a_purpose_choice():
    functions = _functions()
    loggers = _loggers(functions)
    calls = _calls(functions, set(loggers))

    assert {"access_record_create", "log_youth_shown", "youth_detail"} <= set(loggers)
    assert len(calls) >= 20  # the scan still finds the callers
    wrong = [
        f"{call.where} {call.callee}(purpose={ast.unparse(call.purpose)})"
        for call in calls
        if not _is_member(call.purpose)
        and not (isinstance(call.purpose, ast.Name) and call.purpose.id == "purpose")
    ]
    assert wrong == []
    for name, function in loggers.items():  # a pass-through is typed, its default a member
        parameter = _purpose_parameter(function)
        if name == "_access":  # takes the purpose through **values from _reads and the rest
            continue
        assert parameter is not None, name
        assert parameter.annotation is not None, name
        assert ast.unparse(parameter.annotation) == "AccessPurpose", name
        arguments = function.args
        defaults = dict(zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True))
        default = defaults.get(parameter)
        assert default is None or _is_member(default), name


def test_a_bare_string_as_purpose_is_found():
    tree = ast.parse(
        "def log_youth_shown(*, purpose: AccessPurpose) -> None:\n"
        "    access_record_create(purpose=purpose)\n"
        "def page() -> None:\n"
        "    log_youth_shown(purpose='afwegingskader')\n"
    )
    functions = [("sample", n) for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    loggers = _loggers([*functions, *_functions()])
    calls = _calls(functions, set(loggers))

    assert [(c.callee, ast.unparse(c.purpose)) for c in calls] == [
        ("access_record_create", "purpose"),
        ("log_youth_shown", "'afwegingskader'"),
    ]
    assert not _is_member(calls[1].purpose)
