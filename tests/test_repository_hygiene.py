# SPDX-License-Identifier: EUPL-1.2
"""House rules that a reviewer would otherwise have to remember."""

import ast
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js"}
SOURCE_NAMES = {"Makefile", "run"}


def _tracked_files() -> list[Path]:
    output = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [ROOT / line for line in output.splitlines() if (ROOT / line).is_file()]


def test_every_source_file_carries_the_spdx_licence_header():
    missing = [
        str(path.relative_to(ROOT))
        for path in _tracked_files()
        if (path.suffix in SOURCE_SUFFIXES or path.name in SOURCE_NAMES)
        and "SPDX-License-Identifier: EUPL-1.2" not in path.read_text(encoding="utf-8")[:300]
    ]
    assert missing == []


def test_nothing_from_shared_or_node_modules_is_committed():
    paths = [str(path.relative_to(ROOT)) for path in _tracked_files()]
    assert not [p for p in paths if "node_modules" in p or p.startswith("shared/")]
    assert not [p for p in paths if p.endswith((".xsd", ".mo", ".sqlite3"))]


def test_every_bsn_written_in_the_code_is_a_synthetic_test_number():
    import re

    from jeugdregie.core.bsn import passes_eleven_test

    nine_digits = re.compile(r"(?<!\d)(\d{9})(?!\d)")
    for path in _tracked_files():
        if path.suffix != ".py":
            continue
        for number in nine_digits.findall(path.read_text(encoding="utf-8")):
            if passes_eleven_test(number):
                assert number.startswith("9999"), f"{path}: {number} looks like a real BSN"


# --- size: no module over MODULE_LIMIT lines, no function over FUNCTION_LIMIT ----------------

MODULE_LIMIT = 400  # lines of a module
FUNCTION_LIMIT = 80  # lines of a function or method, its decorators included
SIZE_CHECKED = ("src/jeugdregie", "src/ijw")  # every module below, migrations excepted

# What may stay over the limit, each with the reason it does. A key is a module's path, or
# "path::name" for a function ("path::Class.method", "path::outer.inner"). An entry that is
# no longer over the limit must be removed (see the test below).
OVERSIZED: dict[str, str] = {
    # modules
    "src/ijw/examples.py": (
        "one synthetic, schema-valid example per iJw message type (JW301 to JW325) on shared "
        "headers and identifiers; example(type) is the one lookup for tests and docs"
    ),
    "src/jeugdregie/audit/services.py": (
        "the one write path of both audit trails (access and change records) with the "
        "snapshot redaction and the batch that appends a request's records to the hash "
        "chain together; splitting it would expose the chain's append to callers"
    ),
    "src/jeugdregie/budgets/ledger.py": (
        "the computed and the stored ledger, which must sum the same per-allocation amounts "
        "under the reference-date rules documented at its top; the two must stay side by side "
        "(budgets/tests/test_incremental_ledger_equals_a_full_recompute.py)"
    ),
    "src/jeugdregie/budgets/models.py": (
        "the budgets app's eight tables (ceilings and their changes, realisation, ledger rows, "
        "commitments, the request decisions); one concern, 15 lines over: a models package "
        "is not worth it until a table is added"
    ),
    "src/jeugdregie/budgets/views.py": (
        "thin budget screens (ceilings, proposals, provider budget, client stops, nee-tenzij "
        "exceptions, overview; exports in reports.py); the client-stop and exception views "
        "change with issue 12's one owner of 'youth by BSN', split after that"
    ),
    "src/jeugdregie/casetable/services.py": (
        "the expert table's writes (cases, answers, judgements, meetings, agenda, decisions, "
        "follow-ups), each validating the case's state first; the approval's effects are "
        "the workflow's (workflows/cases.py). Next split: meetings and agenda apart"
    ),
    "src/jeugdregie/demo/profiles/zhz.py": (
        "the ZHZ demo region's calibration as data (the product catalogue and care patterns as "
        "text tables, the figures of seed document 001): one region per file, as ijzk.py"
    ),
    "src/jeugdregie/messaging/models.py": (
        "the message exchange's tables (inbox, outbox, settings, the two request worklists, "
        "reported stops, declaration lines); one concern, 3 lines over: a models package is "
        "not worth it until a table is added"
    ),
    "src/jeugdregie/messaging/services/requests.py": (
        "receiving a JW315 and a JW317 with the checks they share (earlier requests, the "
        "quantity, the youth named in the request); the approvals moved to "
        "workflows/requests.py. Next split: the JW317 checks into a module of their own"
    ),
    "src/jeugdregie/trajectories/views.py": (
        "the perceel-2 screens (trajectory list and page, extension request, self-assessment, "
        "CJG review, referrer decision, additional practitioner, complexity, exports), each "
        "thin; next split: the extension screens apart"
    ),
    "src/jeugdregie/waitinglists/selectors.py": (
        "issue 12 replaces its plain-integer link to trajectories (cjg_workers through "
        "apps.get_model); split by sub-topic (entries, shown identity, history, figures) then"
    ),
    "src/jeugdregie/waitinglists/services.py": (
        "the waiting-list writes, each validating everything before writing; 5 lines over, "
        "and its trajectory_id argument (a plain integer) changes with issue 12"
    ),
    # functions
    "src/jeugdregie/budgets/tests/test_nee_tenzij_end_to_end.py"
    "::test_nee_tenzij_from_request_to_half_year_report": (
        "an end-to-end use case read top to bottom (request under a client stop, decision, "
        "allocation apart from the ceiling, half-year report); helpers would hide the order"
    ),
    "src/jeugdregie/core/tests/test_free_text_with_health_details_is_encrypted.py"
    "::free_text_rows": (
        "one row for every encrypted free-text field, in one list so that a new field is "
        "added in one place"
    ),
    "src/jeugdregie/messaging/services/declaration_lines.py::check_line": (
        "the JW323 line rules TR314 to TR369 as one ordered chain: the first rule a line "
        "breaks gives its retour code, so the order is behaviour"
    ),
    "src/jeugdregie/messaging/services/requests.py::handle_change_request": (
        "the JW317 intake in the order of the standard: header, youth, each changed and new "
        "line against the current allocations (TR374, IV066, overlap), then the worklist row"
    ),
    "src/jeugdregie/messaging/tests/test_full_scenario_from_request_to_declaration.py"
    "::test_request_to_declaration_end_to_end": (
        "the end-to-end message scenario (JW315 in to JW308 out) read top to bottom, every "
        "message we write checked against the official schemas"
    ),
    "src/jeugdregie/testing/factories.py::build_world": (
        "the shared test world (one region, one user per role, contracts, youth, "
        "allocations), built in dependency order and read top to bottom by every test"
    ),
}


@dataclass(frozen=True)
class Oversized:
    key: str  # as in OVERSIZED
    lines: int
    limit: int

    def __str__(self) -> str:
        return f"{self.key}: {self.lines} lines (limit {self.limit})"


def _function_lengths(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, int]]:
    """(dotted name, lines) of every function and method below ``node``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = prefix + child.name
            if not isinstance(child, ast.ClassDef):
                start = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                yield name, (child.end_lineno or child.lineno) - start + 1
            yield from _function_lengths(child, name + ".")
        else:
            yield from _function_lengths(child, prefix)


def oversized(root: Path, folders: Iterable[str] = SIZE_CHECKED) -> dict[str, Oversized]:
    """Every module over MODULE_LIMIT and every function over FUNCTION_LIMIT lines in the
    ``folders`` of ``root`` (migrations excepted), by key."""
    found: dict[str, Oversized] = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            name = path.relative_to(root).as_posix()
            if "migrations" in path.relative_to(root).parts:
                continue
            text = path.read_text(encoding="utf-8")
            if (lines := len(text.splitlines())) > MODULE_LIMIT:
                found[name] = Oversized(name, lines, MODULE_LIMIT)
            for function, length in _function_lengths(ast.parse(text, filename=name)):
                key = f"{name}::{function}"
                if length > FUNCTION_LIMIT and length > getattr(found.get(key), "lines", 0):
                    found[key] = Oversized(key, length, FUNCTION_LIMIT)
    return found


def unlisted(found: Mapping[str, Oversized], listed: Mapping[str, str]) -> list[Oversized]:
    return [item for key, item in sorted(found.items()) if key not in listed]


def too_long_message(offenders: Iterable[Oversized]) -> str:
    return (
        "Too long:\n"
        + "".join(f"  {item}\n" for item in offenders)
        + "Split the module by sub-topic (a package, as messaging/services/) or the function "
        "into smaller functions; or, when it must stay this long, list it in OVERSIZED in "
        "tests/test_repository_hygiene.py with the reason."
    )


def test_no_module_or_function_is_longer_than_the_limit_without_a_reason():
    offenders = unlisted(oversized(ROOT), OVERSIZED)

    assert not offenders, too_long_message(offenders)


def test_every_listed_oversized_entry_still_exists_and_is_still_too_long():
    found = oversized(ROOT)
    stale = sorted(set(OVERSIZED) - set(found))

    assert not stale, (
        "Listed in OVERSIZED but no longer over the limit (split, renamed or removed): "
        f"remove {', '.join(stale)} from tests/test_repository_hygiene.py."
    )
    assert all(len(reason.split()) >= 5 for reason in OVERSIZED.values())


def _function(name: str, lines: int, indent: str = "") -> str:
    body = [f"{indent}    x = {n}" for n in range(lines - 2)]
    return "\n".join([f"{indent}def {name}() -> int:", *body, f"{indent}    return x", ""])


def test_the_size_check_reports_a_long_module_and_a_long_function(tmp_path):
    package = tmp_path / "src" / "pkg"
    (package / "migrations").mkdir(parents=True)
    (package / "long_module.py").write_text("x = 1\n" * 401)
    (package / "module_at_the_limit.py").write_text("x = 1\n" * 400)
    (package / "migrations" / "0001_initial.py").write_text("x = 1\n" * 900)
    (package / "functions.py").write_text(
        _function("too_long", 81)
        + _function("at_the_limit", 80)
        + "class Holder:\n"
        + "    @staticmethod\n"  # the decorator counts: 1 + 80 lines
        + _function("listed", 80, indent="    ")
    )

    found = oversized(tmp_path, ["src/pkg"])
    offenders = unlisted(found, {"src/pkg/functions.py::Holder.listed": "a synthetic reason"})

    assert {key: item.lines for key, item in found.items()} == {
        "src/pkg/long_module.py": 401,
        "src/pkg/functions.py::too_long": 81,
        "src/pkg/functions.py::Holder.listed": 81,
    }
    assert [str(item) for item in offenders] == [
        "src/pkg/functions.py::too_long: 81 lines (limit 80)",
        "src/pkg/long_module.py: 401 lines (limit 400)",
    ]
    message = too_long_message(offenders)
    assert "src/pkg/long_module.py: 401 lines" in message
    assert "list it in OVERSIZED" in message


# --- row locks --------------------------------------------------------------------------


def unscoped_locks(root: Path, folders: Iterable[str] = ("src",)) -> list[str]:
    """``select_for_update`` calls without ``of=``: on PostgreSQL they lock every row of the
    query's joins too — a model ordering or ``select_related`` joining the region or the
    provider then locks a row that every message refers to (a parallel import deadlocked
    on the region row that way)."""
    found = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            if "tests" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "select_for_update"
                    and not any(keyword.arg == "of" for keyword in node.keywords)
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_every_row_lock_names_the_rows_it_locks():
    offenders = unscoped_locks(ROOT)

    assert not offenders, (
        "select_for_update without of=: " + ", ".join(offenders) + ". Lock only the rows you "
        'change: select_for_update(of=("self",)) (or name the related rows you mean to lock).'
    )


def test_the_lock_check_finds_an_unscoped_lock(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "services.py").write_text(
        "def f(Model):\n"
        "    Model.objects.select_for_update().first()\n"
        "    Model.objects.select_for_update(of=('self',)).first()\n"
    )

    assert unscoped_locks(tmp_path) == ["src/services.py:2"]
