# SPDX-License-Identifier: EUPL-1.2
"""`jeugdregie afweging_impact --from 2020-08 --to 2022-01` re-evaluates every stored case
(its latest receipt) under both versions, whatever its request date, and reports the
changed outcomes: counts per transition and the list."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from jeugdregie.framework.selectors import impact_report, receipts_latest_per_case
from jeugdregie.framework.services import evaluate_and_record
from jeugdregie.framework.tests.examples import as_case, case_data

pytestmark = pytest.mark.django_db


def _store(case_id, **facts):
    evaluate_and_record(case=as_case(case_data(case_id=case_id, **facts)))


@pytest.fixture
def stored_cases():
    _store("A-ambulant")  # 2020-08: afgewezen (I1, P1b); 2022-01: voldaan
    _store(
        "B-residential", care_setting="verblijf", return_plan=True, subcontracting_attempted=True
    )
    _store("C-young-child", client_birth_date="2016-01-01")  # 2020-08 knew no U11
    _store("D-overrun", kind="ceiling_overrun")  # no such kind in 2020-08
    _store("E-changed-later", contracted_offer_available=True)
    _store(
        "E-changed-later", care_setting="verblijf", return_plan=True, subcontracting_attempted=True
    )


def test_the_latest_receipt_of_each_case_is_used(stored_cases):
    latest = {r.case_id: r for r in receipts_latest_per_case()}

    assert sorted(latest) == [
        "A-ambulant",
        "B-residential",
        "C-young-child",
        "D-overrun",
        "E-changed-later",
    ]
    assert latest["E-changed-later"].outcome == "voldaan"


def test_the_report_counts_and_lists_the_changed_outcomes(stored_cases):
    report = impact_report(from_version="2020-08", to_version="2022-01")

    assert (report.total, len(report.changed), report.unchanged) == (5, 3, 2)
    assert [(r.case_id, r.from_outcome, r.to_outcome) for r in report.changed] == [
        ("A-ambulant", "afgewezen", "voldaan"),
        ("C-young-child", "afgewezen", "uitzondering"),
        ("D-overrun", None, "voldaan"),
    ]
    assert "ceiling_overrun" in str(report.changed[2].from_error)
    assert dict(report.transitions) == {
        ("afgewezen", "voldaan"): 1,
        ("afgewezen", "uitzondering"): 1,
        ("niet_te_beoordelen", "voldaan"): 1,
    }


def test_the_command_prints_the_report(stored_cases):
    out = StringIO()
    call_command("afweging_impact", "--from", "2020-08", "--to", "2022-01", "--json", stdout=out)
    report = json.loads(out.getvalue())
    text = StringIO()
    call_command("afweging_impact", "--from", "2020-08", "--to", "2022-01", stdout=text)

    assert (report["cases"], report["changed"], report["unchanged"]) == (5, 3, 2)
    assert report["changed_cases"][0] == {
        "case_id": "A-ambulant",
        "from": "afgewezen",
        "to": "voldaan",
        "from_error": None,
        "to_error": None,
    }
    assert "5 casussen, 3 met een andere uitkomst, 2 gelijk" in text.getvalue()
    assert "A-ambulant: afgewezen -> voldaan" in text.getvalue()


def test_an_unknown_version_is_refused():
    with pytest.raises(CommandError, match="Onbekende versie '2019-01'"):
        call_command("afweging_impact", "--from", "2019-01", "--to", "2022-01")
