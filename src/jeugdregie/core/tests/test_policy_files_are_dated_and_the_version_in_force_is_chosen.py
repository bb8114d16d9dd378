# SPDX-License-Identifier: EUPL-1.2
"""The one loader of dated policy (``jeugdregie.core.policy``): it picks the version in force
on a day, refuses a file without a date or a source and versions that overlap (naming the
file), and ``jeugdregie check`` names a bad file before anybody relies on it."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from jeugdregie.core.policy import (
    AFWEGINGSKADER,
    WAITING_LIST,
    PolicyError,
    policy_in_force,
    policy_versions,
)


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


BOUNDARIES = "young_child_age: 8\ngi_ruling_months: 3\n"


@pytest.fixture
def own_tree(settings, tmp_path: Path) -> Path:
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)
    return tmp_path


def test_the_built_in_rule_sets_are_chosen_by_date():
    def version(day: dt.date) -> str | None:
        file = policy_in_force(region="zhz", kind=AFWEGINGSKADER, on=day)
        return None if file is None else file.content["version"]

    assert version(dt.date(2020, 8, 19)) is None
    assert version(dt.date(2020, 8, 20)) == "2020-08"
    assert version(dt.date(2021, 12, 31)) == "2020-08"  # valid_until: its last day
    assert version(dt.date(2022, 1, 1)) == "2022-01"
    assert version(dt.date(2031, 6, 1)) == "2022-01"  # open-ended


def test_the_version_in_force_on_a_day_is_picked_from_a_regions_own_tree(own_tree):
    write(
        own_tree,
        "utrecht/waiting_list/2024.yaml",
        f"valid_from: 2024-01-01\nvalid_to: 2024-12-31\nsource: Verordening 2024 art. 3\n"
        f"{BOUNDARIES}",
    )
    write(
        own_tree,
        "utrecht/waiting_list/2025.json",
        '{"valid_from": "2025-01-01", "source": "Verordening 2025 art. 3",'
        ' "young_child_age": 12, "gi_ruling_months": 2}',
    )

    versions = policy_versions(region="utrecht", kind=WAITING_LIST)
    assert [file.path.name for file in versions] == ["2024.yaml", "2025.json"]

    def age(day: dt.date) -> int:
        file = policy_in_force(region="utrecht", kind=WAITING_LIST, on=day)
        assert file is not None
        return int(file.content["young_child_age"])

    assert (age(dt.date(2024, 12, 31)), age(dt.date(2025, 1, 1))) == (8, 12)
    assert policy_in_force(region="utrecht", kind=WAITING_LIST, on=dt.date(2023, 12, 31)) is None
    assert versions[1].source == "Verordening 2025 art. 3"
    assert versions[1].valid_to is None


REFUSED = [
    (
        "undated",
        {"zhz/waiting_list/a.yaml": f"source: Verordening art. 3\n{BOUNDARIES}"},
        "zhz/waiting_list/a.yaml: 'valid_from' is missing",
    ),
    (
        "without a source",
        {"zhz/waiting_list/a.yaml": f"valid_from: 2025-01-01\n{BOUNDARIES}"},
        "zhz/waiting_list/a.yaml: 'source' is missing",
    ),
    (
        "a date that is not a date",
        {"zhz/waiting_list/a.yaml": f"valid_from: 1-1-2025\nsource: x\n{BOUNDARIES}"},
        "zhz/waiting_list/a.yaml: 'valid_from' must be a date (YYYY-MM-DD), not '1-1-2025'",
    ),
    (
        "an end before the start",
        {
            "zhz/waiting_list/a.json": '{"valid_from": "2025-01-01", "valid_to": "2024-12-31",'
            ' "source": "x"}'
        },
        "zhz/waiting_list/a.json: 'valid_to' 2024-12-31 is before 'valid_from' 2025-01-01",
    ),
    (
        "overlapping versions",
        {
            "zhz/waiting_list/2024.yaml": f"valid_from: 2024-01-01\nsource: x\n{BOUNDARIES}",
            "zhz/waiting_list/2025.yaml": f"valid_from: 2025-01-01\nsource: y\n{BOUNDARIES}",
        },
        "zhz/waiting_list/2025.yaml: overlaps JEUGDREGIE_POLICY_DIR "
        "zhz/waiting_list/2024.yaml (2024-01-01 to open-ended)",
    ),
    (
        "a kind that does not exist",
        {"zhz/waitinglist/a.yaml": f"valid_from: 2025-01-01\nsource: x\n{BOUNDARIES}"},
        "zhz/waitinglist: not a kind of policy",
    ),
    (
        "a region's own afwegingskader",
        {"zhz/afwegingskader/a.yaml": "valid_from: 2025-01-01\nsource: x\n"},
        "zhz/afwegingskader: the afwegingskader is one for every region; put its files under "
        "default/afwegingskader",
    ),
    (
        "a file that is not a policy file",
        {"zhz/waiting_list/notes.txt": "to do"},
        "zhz/waiting_list/notes.txt: not a policy file",
    ),
]


@pytest.mark.parametrize(("case", "files", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_bad_file_is_refused_with_its_name(own_tree, case, files, message):
    for name, text in files.items():
        write(own_tree, name, text)

    with pytest.raises(PolicyError) as error:
        policy_versions(region="zhz", kind=WAITING_LIST)
    assert any(
        problem.startswith("JEUGDREGIE_POLICY_DIR ") and message in problem
        for problem in error.value.problems
    ), error.value.problems


def test_a_policy_dir_that_does_not_exist_is_refused(settings, tmp_path):
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path / "missing")

    with pytest.raises(PolicyError, match="is not a directory"):
        policy_versions(region="zhz", kind=WAITING_LIST)


def test_jeugdregie_check_names_the_bad_file(own_tree):
    write(own_tree, "zhz/status_thresholds/2025.yaml", "valid_from: 2025-01-01\n")

    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert "jeugdregie.E201" in str(error.value)
    assert "zhz/status_thresholds/2025.yaml: 'source' is missing" in str(error.value)
