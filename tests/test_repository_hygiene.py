# SPDX-License-Identifier: EUPL-1.2
"""House rules that a reviewer would otherwise have to remember."""

import subprocess
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
