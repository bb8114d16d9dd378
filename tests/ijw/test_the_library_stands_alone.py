# SPDX-License-Identifier: EUPL-1.2
"""`ijw` is a pure library: importing and using it loads nothing of Django or jeugdregie."""

import subprocess
import sys

from .shared import REPOSITORY

PROGRAM = """
import sys
import ijw
from ijw.examples import example
message, findings = ijw.parse(ijw.build(example(ijw.MessageType.JW301)))
assert message is not None and findings == []
loaded = sorted(name for name in sys.modules if name.split(".")[0] in {"django", "jeugdregie"})
print(loaded)
"""


def test_ijw_imports_nothing_of_django_or_jeugdregie():
    finished = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        cwd=REPOSITORY / "src",
        check=True,
        timeout=60,
    )

    assert finished.stdout.strip() == "[]"
