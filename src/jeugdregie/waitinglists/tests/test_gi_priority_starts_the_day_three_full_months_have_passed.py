# SPDX-License-Identifier: EUPL-1.2
"""A GI case gets priority from the day 3 full months after the court ruling have passed,
on the waiting list and in the afwegingskader (U02) alike: one boundary, one count
(issue 17, corrected December 2026, seeds/000; ``jeugdregie.core.calendar_months``).

Before the correction the waiting list showed the signal only from the day *after* (``>``,
"more than 3 months") while U02 held on the day itself (``>=``).
"""

import datetime as dt

import pytest

from jeugdregie.core.calendar_months import full_months_between
from jeugdregie.framework.engine import evaluate
from jeugdregie.framework.tests.examples import as_case, case_data
from jeugdregie.waitinglists.policy import waiting_list_boundaries
from jeugdregie.waitinglists.signals import is_gi_ruling_overdue

# (court ruling, today, priority?)
CASES = [
    (dt.date(2025, 1, 15), dt.date(2025, 4, 14), False),  # one day short
    (dt.date(2025, 1, 15), dt.date(2025, 4, 15), True),  # 3 full months today: priority
    # 31 January: April has no 31st, so the third month completes on 1 May.
    (dt.date(2025, 1, 31), dt.date(2025, 4, 30), False),
    (dt.date(2025, 1, 31), dt.date(2025, 5, 1), True),
    (dt.date(2025, 1, 30), dt.date(2025, 4, 29), False),
    (dt.date(2025, 1, 30), dt.date(2025, 4, 30), True),
    # 30 November: February has no 30th, so from 1 March (in a leap year too).
    (dt.date(2024, 11, 30), dt.date(2025, 2, 28), False),
    (dt.date(2024, 11, 30), dt.date(2025, 3, 1), True),
    (dt.date(2023, 11, 30), dt.date(2024, 2, 29), False),
    (dt.date(2023, 11, 30), dt.date(2024, 3, 1), True),
    (dt.date(2023, 11, 29), dt.date(2024, 2, 29), True),  # a leap day completes the month
    (dt.date(2024, 10, 31), dt.date(2025, 1, 31), True),  # month end to month end
]


@pytest.mark.parametrize(("ruling", "today", "expected"), CASES)
def test_the_waiting_list_gives_gi_priority_from_the_day_three_full_months_have_passed(
    ruling, today, expected
):
    boundaries = waiting_list_boundaries(region_code="zhz", on=today)  # 3 months

    overdue = is_gi_ruling_overdue(
        gi_case=True, court_ruling_date=ruling, today=today, boundaries=boundaries
    )

    assert overdue is expected
    assert (full_months_between(ruling, today) >= 3) is expected


@pytest.mark.parametrize(("ruling", "today", "expected"), CASES)
def test_the_afwegingskader_gives_u02_priority_on_the_same_day(ruling, today, expected):
    evaluation = evaluate(
        as_case(
            case_data(
                request_date=today.isoformat(),
                care_start_date=today.isoformat(),
                court_ruling_date=ruling.isoformat(),
            )
        )
    )

    assert (evaluation.state_of("U02") == "true") is expected
    assert ("priority_court_ruling" in evaluation.signals) is expected
