# SPDX-License-Identifier: EUPL-1.2
"""Locating the shared official iJw material (XSDs, samples) for the tests."""

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_IJW = REPOSITORY / ".." / "shared" / "ijw"


def folder(variable: str, default: Path) -> Path:
    """The folder of the official material. Missing: the tests that need it are skipped with
    the reason (a clone without ``../shared`` beside it), except under CI (``CI`` set), where
    the official material is mandatory and its absence fails the run (`.ci/run` sets
    ``JEUGDREGIE_REQUIRE_SHARED=1`` as well)."""
    found = Path(os.environ.get(variable) or default).resolve()
    if found.is_dir():
        return found
    reason = f"{variable}: {found} does not exist (the shared official iJw material)"
    if os.environ.get("CI") or os.environ.get("JEUGDREGIE_REQUIRE_SHARED"):
        raise AssertionError(f"{reason}; CI needs it")
    pytest.skip(f"{reason}: skipped, CI runs it", allow_module_level=True)


def xsd_folder() -> Path:
    return folder("IJW_XSD_DIR", SHARED_IJW / "xsd")


def examples_folder() -> Path:
    return folder("IJW_EXAMPLES_DIR", SHARED_IJW / "examples")
