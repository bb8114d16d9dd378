# SPDX-License-Identifier: EUPL-1.2
"""Every row of the case tables (both versions) gives its expected outcome, exceptions,
reasons and signals."""

from datetime import date

import pytest

from jeugdregie.framework.engine import default_registry
from jeugdregie.framework.tests.case_tables import CASE_TABLES, evaluate_row

ROWS = [(version, row) for version, rows in CASE_TABLES.items() for row in rows]


@pytest.mark.parametrize(("version", "row"), ROWS, ids=[f"{v} {r.name}" for v, r in ROWS])
def test_case_table_row(version, row):
    evaluation = evaluate_row(default_registry(), version, row)

    assert evaluation.version == version
    assert (evaluation.outcome, evaluation.exceptions, evaluation.reasons, evaluation.signals) == (
        row.outcome,
        row.exceptions,
        row.reasons,
        row.signals,
    )


def test_rows_are_evaluated_under_the_version_of_their_request_date():
    registry = default_registry()
    for version, rows in CASE_TABLES.items():
        for row in rows:
            request_date = date.fromisoformat(row.facts["request_date"])
            assert registry.select(request_date).version == version, row.name
