# SPDX-License-Identifier: EUPL-1.2
"""The import contract (``.importlinter``, run by ``make check``) holds on the code, and it is
not a contract that cannot fail: on a copy of the source, one added import of each forbidden
kind breaks the contract that guards it, and the report names the import."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(settings.PROJECT_DIR)
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


@pytest.fixture(scope="module")
def source_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("contract")
    for package in ("jeugdregie", "ijw"):
        shutil.copytree(
            PROJECT / "src" / package,
            root / "src" / package,
            ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "locale"),
        )
    shutil.copy(PROJECT / ".importlinter", root / ".importlinter")
    return root


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "COLUMNS": "250"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _words(text: str) -> str:
    """The report with its line wrapping undone."""
    return " ".join(text.split())


def _with_import(root: Path, module: str, line: str) -> Path:
    """A copy of the copy with one more import at the end of ``module`` (a dotted name)."""
    changed = root.parent / f"{root.name}-{module.replace('.', '-')}"
    shutil.copytree(root, changed)
    path = changed / "src" / Path(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")
    return changed


def test_the_code_keeps_every_contract(source_copy: Path):
    result = _lint(source_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken", "named"),
    [
        (  # an app above reading a lower app's tables directly
            "jeugdregie.casetable.selectors",
            "from jeugdregie.budgets.models import CeilingException",
            "Apps meet through services, selectors and constants, not each other's models BROKEN",
            "jeugdregie.casetable.selectors -> jeugdregie.budgets.models",
        ),
        (  # a lower app reaching up
            "jeugdregie.contracting.selectors",
            "from jeugdregie.allocations import selectors as _allocations",
            "Apps depend downwards only BROKEN",
            "jeugdregie.contracting.selectors -> jeugdregie.allocations.selectors",
        ),
        (  # two apps of one layer importing each other
            "jeugdregie.waitinglists.selectors",
            "from jeugdregie.trajectories import constants as _trajectories",
            "No cycles between apps BROKEN",
            "waitinglists",
        ),
        (  # an allocation written past the workflow (no checks, no ledger, no JW301)
            "jeugdregie.casetable.services",
            "from jeugdregie.allocations.granting import allocation_create",
            "An allocation is created, changed and ended only by the workflows BROKEN",
            "jeugdregie.casetable.services -> jeugdregie.allocations.granting",
        ),
        (  # the protocol library knowing the product
            "ijw.build",
            "from jeugdregie.core import bsn as _bsn",
            "The iJw protocol library imports nothing of the product BROKEN",
            "ijw.build -> jeugdregie.core.bsn",
        ),
    ],
    ids=["models", "layers", "cycle", "granting", "ijw"],
)
def test_one_forbidden_import_breaks_its_contract(
    source_copy: Path, module: str, line: str, broken: str, named: str
):
    result = _lint(_with_import(source_copy, module, line))
    report = _words(result.stdout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in report
    assert named in report


def test_a_pending_exception_that_no_longer_matches_fails(source_copy: Path):
    """The list of imports still to be replaced only shrinks: a stale line is an error."""
    changed = source_copy.parent / f"{source_copy.name}-stale"
    shutil.copytree(source_copy, changed)
    contract = changed / ".importlinter"
    contract.write_text(
        contract.read_text() + "    jeugdregie.contracting.selectors -> jeugdregie.budgets.models\n"
    )
    result = _lint(changed)
    assert result.returncode != 0
    assert "No matches for ignored import jeugdregie.contracting.selectors -> " in _words(
        result.stdout + result.stderr
    )
