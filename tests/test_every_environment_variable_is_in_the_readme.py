# SPDX-License-Identifier: EUPL-1.2
"""Every environment variable that the settings or the code read is in the README's
configuration table: an operator can configure nothing that is not written down."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SETTINGS = SRC / "jeugdregie" / "conf" / "settings.py"
README = ROOT / "README.md"
HELPERS_MODULE = SRC / "jeugdregie" / "conf" / "env.py"  # reads the name its caller passes

ENV_HELPERS = {"env_str", "env_int", "env_bool", "env_list"}  # jeugdregie.conf.env
ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]*)` \|")


def _is_os_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _reads_by_name(func: ast.expr) -> bool:
    """``env_str(NAME, …)`` and friends, ``os.environ.get(NAME)``, ``os.getenv(NAME)``."""
    if isinstance(func, ast.Name):
        return func.id in ENV_HELPERS
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "getenv":
        return isinstance(func.value, ast.Name) and func.value.id == "os"
    return func.attr in {"get", "pop"} and _is_os_environ(func.value)


def _env_reads(tree: ast.AST, where: str) -> tuple[set[str], list[str]]:
    """The names read from the environment in ``tree`` and the reads whose name is not a
    literal (they cannot be checked, so they are reported). ``os.environ.setdefault`` is a
    write (``DJANGO_SETTINGS_MODULE`` for the entry points), not a read."""
    names: set[str] = set()
    unchecked: list[str] = []

    def name_of(argument: ast.expr | None, node: ast.AST) -> None:
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            names.add(argument.value)
        else:
            unchecked.append(f"{where}:{getattr(node, 'lineno', '?')}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _reads_by_name(node.func):
            name_of(node.args[0] if node.args else None, node)
        elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            if isinstance(node.ctx, ast.Load):
                name_of(node.slice, node)
        elif (
            isinstance(node, ast.Compare)
            and len(node.comparators) == 1
            and isinstance(node.ops[0], ast.In | ast.NotIn)
            and _is_os_environ(node.comparators[0])
        ):
            name_of(node.left, node)
    return names, unchecked


def _variables_read() -> tuple[set[str], set[str], list[str]]:
    settings_names, unchecked = _env_reads(ast.parse(SETTINGS.read_text()), "settings.py")
    code_names: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        if "tests" in path.relative_to(SRC).parts or path in {SETTINGS, HELPERS_MODULE}:
            continue
        names, more = _env_reads(ast.parse(path.read_text()), str(path.relative_to(ROOT)))
        code_names |= names
        unchecked += more
    return settings_names, code_names, unchecked


def _readme_table() -> set[str]:
    text = README.read_text()
    section = text[text.index("\n## Configuratie\n") :]
    section = section[: section.index("\n## ", 1)]
    return {match.group(1) for line in section.splitlines() if (match := ROW.match(line))}


def test_every_variable_read_by_the_settings_or_the_code_is_in_the_readme_table():
    settings_names, code_names, unchecked = _variables_read()
    table = _readme_table()

    assert unchecked == []  # a name built at run time cannot be checked: write it out
    assert len(settings_names) > 30  # the parser still finds the settings' variables
    assert {"DATABASE_URL", "IJW_XSD_DIR", "IJW_MAX_BYTES"} <= settings_names
    assert len(table) > 30  # the table is still found and read
    assert sorted((settings_names | code_names) - table) == []


def test_the_parser_sees_every_way_of_reading_the_environment():
    sample = """
import os
a = env_str("A_STR", "")
b = env_int("B_INT", 0)
c = env_bool("C_BOOL", default=False)
d = env_list("D_LIST", [])
e = os.environ.get("E_GET")
f = os.environ["F_ITEM"]
g = os.getenv("G_GETENV", "x")
h = "H_IN" in os.environ
os.environ.setdefault("NOT_A_READ", "1")
i = env_str(NAME_AT_RUN_TIME, "")
"""
    names, unchecked = _env_reads(ast.parse(sample), "sample")

    expected = {"A_STR", "B_INT", "C_BOOL", "D_LIST", "E_GET", "F_ITEM", "G_GETENV", "H_IN"}
    assert names == expected
    assert unchecked == ["sample:12"]
