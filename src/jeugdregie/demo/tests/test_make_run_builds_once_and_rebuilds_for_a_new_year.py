# SPDX-License-Identifier: EUPL-1.2
"""What ``make run`` does with the database (``migrate`` + ``seed_demo``, JEUGDREGIE_DEMO=1),
run as separate processes on a SQLite file as on a fresh clone: the first run builds the
demo, the second changes nothing, and when the demo year has moved on the database file is
recreated and built again (no rows deleted)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

import jeugdregie
from jeugdregie.demo.tests.helpers import YEAR

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its own SQLite file; once is enough",
)


def _jeugdregie(var_dir: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "JEUGDREGIE_DEMO": "1",
        "JEUGDREGIE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'jeugdregie.sqlite3'}",
        "PYTHONPATH": str(Path(jeugdregie.__file__).resolve().parents[1]),
    }
    env.pop("JEUGDREGIE_ENCRYPTION_KEYS", None)
    env.pop("JEUGDREGIE_BLIND_INDEX_KEY", None)
    env.pop("JEUGDREGIE_BLIND_INDEX_KEYS", None)
    command = [str(Path(sys.executable).with_name("jeugdregie")), *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _make_demo(var_dir: Path, year: int) -> str:
    _jeugdregie(var_dir, "migrate", "--noinput", "-v0")
    return _jeugdregie(var_dir, "seed_demo", "--scale", "small", "--year", str(year))


def _demo_years(database: Path) -> set[int]:
    with sqlite3.connect(database) as db:
        return {row[0] for row in db.execute("SELECT year FROM demo_demodataset")}


def test_make_run_builds_the_demo_once_and_recreates_the_database_for_a_new_year(tmp_path):
    database = tmp_path / "jeugdregie.sqlite3"

    first = _make_demo(tmp_path, YEAR - 1)
    assert "Demoregio zhz: " in first
    assert _demo_years(database) == {YEAR - 1}

    second = _make_demo(tmp_path, YEAR - 1)
    assert "niets gewijzigd" in second
    with sqlite3.connect(database) as db:  # something only the old database file holds
        db.execute("CREATE TABLE left_behind (note TEXT)")

    new_year = _make_demo(tmp_path, YEAR)
    assert "de database wordt opnieuw aangemaakt" in new_year
    assert "Demoregio zhz: " in new_year
    assert _demo_years(database) == {YEAR}
    with sqlite3.connect(database) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "left_behind" not in tables
    assert "audit_accessrecord" in tables
