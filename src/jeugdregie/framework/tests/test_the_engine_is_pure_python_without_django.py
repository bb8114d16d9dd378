# SPDX-License-Identifier: EUPL-1.2
"""The engine (rule sets, case parsing, evaluation) imports no Django and touches no
database: it evaluates the spec example in a bare Python process."""

import json
import subprocess
import sys
from pathlib import Path

import jeugdregie

SCRIPT = """
import json, sys
from jeugdregie.framework.engine import default_registry, evaluate, parse_case
registry = default_registry()
case = parse_case(json.loads(sys.argv[1]), registry.vocabulary, registry.ground_ids)
result = evaluate(case)
print(json.dumps({
    "outcome": result.outcome,
    "django": sorted(m for m in sys.modules if m == "django" or m.startswith("django.")),
}))
"""


def test_the_engine_evaluates_without_importing_django():
    from jeugdregie.framework.tests.examples import case_data

    src = str(Path(jeugdregie.__file__).resolve().parent.parent)
    done = subprocess.run(  # noqa: S603 (the running interpreter)
        [sys.executable, "-c", SCRIPT, json.dumps(case_data())],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )

    assert json.loads(done.stdout) == {"outcome": "voldaan", "django": []}
