# SPDX-License-Identifier: EUPL-1.2
"""Locating the shared official iJw material (XSDs, samples) for the tests."""

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_IJW = REPOSITORY / ".." / "shared" / "ijw"


def folder(variable: str, default: Path) -> Path:
    found = Path(os.environ.get(variable) or default).resolve()
    assert found.is_dir(), f"{variable}: {found} does not exist (the shared iJw material)"
    return found


def xsd_folder() -> Path:
    return folder("IJW_XSD_DIR", SHARED_IJW / "xsd")


def examples_folder() -> Path:
    return folder("IJW_EXAMPLES_DIR", SHARED_IJW / "examples")
