# SPDX-License-Identifier: EUPL-1.2
"""`jeugdregie ijw_validate`: a provider's or our own messages checked from the command line,
without a database (pytest-django refuses any query in these tests)."""

import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.ijw.shared import REPOSITORY, examples_folder, xsd_folder


def _run(*args: str) -> tuple[list[dict], int]:
    out = StringIO()
    try:
        call_command("ijw_validate", *args, "--json", stdout=out)
        code = 0
    except CommandError as error:
        code = error.returncode
    return json.loads(out.getvalue()), code


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(examples_folder(), folder)
    return folder


def test_a_folder_of_official_samples_gets_one_verdict_per_file(samples_copy, settings):
    settings.IJW_XSD_DIR = ""

    results, code = _run(str(samples_copy))

    assert code == 1
    assert [(Path(r["file"]).name, r["message_type"], r["valid"]) for r in results] == [
        ("JW301.xml", "JW301", True),
        ("JW302.xml", "JW302", True),
        ("JW305.xml", "JW305", True),
        ("JW306.xml", "JW306", True),
        ("JW307.xml", "JW307", True),
        ("JW308.xml", "JW308", True),
        ("JW315.xml", "JW315", False),
        ("JW316.xml", "JW316", False),
    ]
    jw315 = results[6]["findings"]
    assert {f["rule"] for f in jw315} == {"DATATYPE"}
    assert jw315[0]["location"].endswith("AangevraagdProduct[1]/ToewijzingEinddatum")
    assert set(jw315[0]) >= {"code", "rule", "location", "message"}
    assert [f["rule"] for f in results[7]["findings"] if f["severity"] == "fout"] == ["TR383"]


def test_valid_files_exit_with_zero(samples_copy, settings):
    settings.IJW_XSD_DIR = ""

    results, code = _run(str(samples_copy / "JW305.xml"), str(samples_copy / "JW307.xml"))

    assert code == 0
    assert [r["valid"] for r in results] == [True, True]


def test_the_official_schema_is_used_when_ijw_xsd_dir_is_set(samples_copy, settings):
    settings.IJW_XSD_DIR = str(xsd_folder())

    results, code = _run(str(samples_copy / "JW315.xml"))

    assert code == 1
    assert sorted(f["rule"] for f in results[0]["findings"]) == [
        "DATATYPE",
        "DATATYPE",
        "XSD",
        "XSD",
    ]


def test_folders_are_searched_recursively_for_xml_files(samples_copy, settings):
    settings.IJW_XSD_DIR = ""
    nested = samples_copy / "2026" / "05"
    nested.mkdir(parents=True)
    (samples_copy / "JW305.xml").rename(nested / "JW305.XML")
    (samples_copy / "leesmij.txt").write_text("geen bericht")

    results, _ = _run(str(samples_copy))

    assert len(results) == 8
    assert any(r["file"].endswith("2026/05/JW305.XML") for r in results)


def test_an_unreadable_file_exits_with_two(samples_copy, settings):
    settings.IJW_XSD_DIR = ""

    results, code = _run(str(samples_copy / "JW315.xml"), str(samples_copy / "missing.xml"))

    assert code == 2
    assert results[1] == {
        "file": str(samples_copy / "missing.xml"),
        "message_type": None,
        "valid": False,
        "findings": [
            {
                "code": None,
                "rule": "BESTAND",
                "location": str(samples_copy / "missing.xml"),
                "message": "Bestand niet te lezen: No such file or directory.",
            }
        ],
    }


def test_garbage_is_reported_not_raised(tmp_path, settings):
    settings.IJW_XSD_DIR = ""
    (tmp_path / "rommel.xml").write_bytes(b"<!DOCTYPE x [<!ENTITY e 'x'>]><x>&e;</x>")

    results, code = _run(str(tmp_path))

    assert code == 1
    assert results[0]["message_type"] is None
    assert results[0]["findings"][0]["rule"] == "XML"


def test_the_text_report_names_status_type_and_findings(samples_copy, settings):
    settings.IJW_XSD_DIR = ""
    out = StringIO()

    with pytest.raises(CommandError):
        call_command("ijw_validate", str(samples_copy / "JW316.xml"), stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ONGELDIG   JW316 ")
    assert "[TR383/0001] regel 70, /JW316/Client/AangevraagdeProducten" in lines[1]
    assert "(waarschuwing)" in lines[2]
    assert lines[-1] == "0 van 1 berichten geldig."


@pytest.mark.parametrize(
    ("names", "expected"),
    [(["JW305.xml"], 0), (["JW315.xml"], 1), (["JW315.xml", "missing.xml"], 2)],
    ids=["valid", "findings", "unreadable"],
)
def test_exit_status_of_the_installed_command_without_any_database(
    samples_copy, tmp_path, names, expected
):
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/no/such/folder/db.sqlite3",
        "IJW_XSD_DIR": str(xsd_folder()),
    }
    command = Path(sys.executable).parent / "jeugdregie"

    finished = subprocess.run(  # noqa: S603 -- our own installed command
        [str(command), "ijw_validate", *(str(samples_copy / name) for name in names)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPOSITORY,
        check=False,
        timeout=120,
    )

    assert finished.returncode == expected, finished.stderr
    assert not (tmp_path / "no").exists()
