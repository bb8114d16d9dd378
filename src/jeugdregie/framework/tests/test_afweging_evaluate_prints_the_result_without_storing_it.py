# SPDX-License-Identifier: EUPL-1.2
"""`jeugdregie afweging_evaluate CASE.json --json` prints exactly the keys of issue 5
Build §7 and stores nothing; with --record it stores one receipt."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from jeugdregie.framework.models import EvaluationReceipt
from jeugdregie.framework.tests.examples import case_data

pytestmark = pytest.mark.django_db


def _run(tmp_path, data, *args):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("afweging_evaluate", str(path), *args, stdout=out)
    return out.getvalue()


def test_json_output_has_exactly_the_agreed_keys_and_nothing_is_stored(tmp_path):
    result = json.loads(_run(tmp_path, case_data(contracted_offer_available=True), "--json"))

    assert list(result) == [
        "case_id",
        "version",
        "outcome",
        "exceptions",
        "reasons",
        "questions",
        "signals",
        "trace",
    ]
    assert (result["case_id"], result["version"], result["outcome"]) == (
        "HET-2022-014",
        "2022-01",
        "afgewezen",
    )
    assert result["reasons"] == ["I3"]
    assert {"rule", "label", "value", "facts", "source"} <= set(result["trace"][0])
    assert EvaluationReceipt.objects.count() == 0


def test_record_stores_one_receipt(tmp_path):
    _run(tmp_path, case_data(), "--json", "--record")

    receipt = EvaluationReceipt.objects.get()
    assert (receipt.case_id, receipt.outcome, receipt.user) == ("HET-2022-014", "voldaan", None)


def test_text_output_is_dutch_and_shows_the_questions(tmp_path):
    out = _run(tmp_path, case_data(care_start_date="2022-03-01"))

    assert "Uitkomst: onvoldoende_informatie (onvoldoende informatie)" in out
    assert "Vraag (gi_determination): Heeft een gecertificeerde instelling" in out
    assert "P4 Geen vergoeding met terugwerkende kracht zonder toewijzing: onbekend" in out


def test_a_given_version_overrides_the_request_date(tmp_path):
    result = json.loads(_run(tmp_path, case_data(), "--json", "--ruleset-version", "2020-08"))

    assert (result["version"], result["outcome"], result["reasons"]) == (
        "2020-08",
        "afgewezen",
        ["I1", "P1b"],
    )
