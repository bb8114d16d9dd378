# SPDX-License-Identifier: EUPL-1.2
"""A bad case file (unknown fact, wrong type, date not ISO, amount not a decimal string)
is refused whole with a Dutch message naming the fact; the command exits with code 2 and
stores no receipt, even with --record."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from jeugdregie.framework.engine import CaseFileError
from jeugdregie.framework.models import EvaluationReceipt
from jeugdregie.framework.tests.examples import as_case, case_data

BAD_FILES = [
    ("unknown fact", case_data(favourite_colour="blauw"), "favourite_colour", "bestaat niet"),
    ("yes as text", case_data(stacking="ja"), "stacking", "verwacht true of false"),
    ("Dutch date", case_data(request_date="14-03-2022"), "request_date", "geen datum in ISO 8601"),
    (
        "impossible date",
        case_data(care_start_date="2022-02-30"),
        "care_start_date",
        "geen bestaande datum",
    ),
    ("amount as number", case_data(tariff=68.5), "tariff", "decimale tekst"),
    ("amount with comma", case_data(annual_cost="21000,00"), "annual_cost", "decimale tekst"),
    (
        "enum outside values",
        case_data(care_setting="thuis"),
        "care_setting",
        "kies uit: verblijf, kortdurend_verblijf, ambulant",
    ),
    ("months as text", case_data(trajectory_months="10"), "trajectory_months", "geheel getal"),
    ("unknown ground", case_data(exception_grounds=["U99"]), "exception_grounds", "U99"),
    (
        "judgement with an unknown key",
        case_data(content_proportional={"value": True, "by": "expert_team"}),
        "content_proportional",
        "onbekende sleutel by",
    ),
]


@pytest.mark.parametrize(
    ("data", "fact", "message"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES]
)
def test_parsing_names_the_fact(data, fact, message):
    with pytest.raises(CaseFileError) as error:
        as_case(data)

    assert error.value.fact == fact
    assert f"'{fact}'" in str(error.value)
    assert message in str(error.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "fact"), [(b[1], b[2]) for b in BAD_FILES], ids=[b[0] for b in BAD_FILES]
)
def test_the_command_refuses_the_file_with_exit_code_2_and_stores_nothing(tmp_path, data, fact):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("afweging_evaluate", str(path), "--record")

    assert error.value.returncode == 2
    assert f"Feit '{fact}'" in str(error.value)
    assert EvaluationReceipt.objects.count() == 0


def test_a_file_that_is_no_json_is_refused_with_its_position(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"case_id": "X", "facts": {', encoding="utf-8")

    with pytest.raises(CommandError, match=r"geen geldige JSON \(regel 1"):
        call_command("afweging_evaluate", str(path))


def test_the_console_command_exits_with_code_2_and_a_dutch_message(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_data(tariff="68,50")), encoding="utf-8")

    done = subprocess.run(  # noqa: S603 (our own console script)
        [sys.executable, "-m", "jeugdregie.manage", "afweging_evaluate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 2
    assert "Feit 'tariff' (Tarief per eenheid): bedrag \"68,50\"" in done.stderr
    assert done.stdout == ""
