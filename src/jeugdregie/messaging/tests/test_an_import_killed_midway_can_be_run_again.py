# SPDX-License-Identifier: EUPL-1.2
"""An import killed with SIGKILL halfway a batch is simply run again.

Each message is received in one transaction, and a file imported before is skipped, so
the second run ends in the same database as one uninterrupted run, with exactly one retour
per received message. Real processes, real files, file-based SQLite databases.
"""

import datetime as dt
import itertools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import ijw
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.messaging.tests import messages as m

BATCH = 500
KILL_AFTER_RETOURS = 60  # outbox rows: one retour per message
CBS = "code,omschrijving,provincie,jeugdzorgregio\n0505,Dordrecht,Zuid-Holland,Zuid-Holland Zuid\n"

SETUP = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
from jeugdregie.testing.factories import build_world
call_command("migrate", verbosity=0)
print(build_world(year={year}).provider.agb_code)
"""


def _env(tmp_path: Path, database: Path) -> dict[str, str]:
    cbs = tmp_path / "cbs.csv"
    cbs.write_text(CBS, encoding="utf-8")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "JEUGDREGIE_VAR_DIR": str(tmp_path / "var"),
        "JEUGDREGIE_CBS_CODES_FILE": str(cbs),
    }


def _databases(
    tmp_path: Path, names: list[str], today: dt.date
) -> tuple[list[dict[str, str]], str]:
    """Identical migrated databases with the test world (made once, then copied); their
    environments and the AGB code of the world's provider."""
    first = tmp_path / f"{names[0]}.sqlite3"
    done = subprocess.run(  # noqa: S603 -- our own interpreter
        [sys.executable, "-c", SETUP.format(year=today.year)],
        env=_env(tmp_path, first),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    for name in names[1:]:
        shutil.copyfile(first, tmp_path / f"{name}.sqlite3")
    envs = [_env(tmp_path, tmp_path / f"{name}.sqlite3") for name in names]
    return envs, done.stdout.strip().splitlines()[-1]


def _test_bsns(first: int, count: int) -> list[str]:
    """``synthetic_test_bsn(first + i)`` for i < count, in one pass over the range."""
    valid = (str(c) for c in range(999900000, 999999999) if passes_eleven_test(str(c)))
    return list(itertools.islice(valid, first, first + count))


def _batch(folder: Path, agb: str, today: dt.date) -> None:
    """500 requests: mostly new clients, every 20th a duplicate Identificatie (9056),
    every 25th with one reference for two products (0001). Two messages are built; the
    rest are copies with their Identificatie, BSN and reference replaced."""
    folder.mkdir()
    template_bsn, *bsns = _test_bsns(999, 1 + BATCH)
    valid = m.jw315(
        agb,
        "VOT00000",
        bsn=template_bsn,
        day=today,
        reference="REF-00000",
        start=today.replace(day=1),
        end=dt.date(today.year, 12, 31),
    )
    message, _findings = ijw.parse(valid)
    assert isinstance(message, ijw.JW315)
    products = message.client.aangevraagde_producten
    products.append(products[0])
    invalid = ijw.build(message)
    for n in range(BATCH):
        identificatie = f"VOT{n - 1:05d}" if n % 20 == 19 else f"VOT{n:05d}"
        data = (
            (invalid if n % 25 == 7 else valid)
            .replace(b"VOT00000", identificatie.encode())
            .replace(template_bsn.encode(), bsns[n].encode())
            .replace(b"REF-00000", f"REF-{n:05d}".encode())
        )
        (folder / f"{n:04d}.xml").write_bytes(data)


def _import(env: dict[str, str], folder: Path) -> "subprocess.Popen[str]":
    return subprocess.Popen(  # noqa: S603 -- our own interpreter and command
        [sys.executable, "-m", "jeugdregie.manage", "ijw_import", str(folder), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def _results(process: "subprocess.Popen[str]") -> list[dict[str, object]]:
    stdout, _stderr = process.communicate(timeout=60)
    assert process.returncode == 0
    results: list[dict[str, object]] = json.loads(stdout)
    return results


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database, timeout=10) as db:
        row = db.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        sql = 'SELECT COUNT(*) FROM "{}"'  # table names from sqlite_master
        return {t: int(db.execute(sql.format(t)).fetchone()[0]) for t in tables}


def _answers(results: list[dict[str, object]]) -> set[tuple[object, ...]]:
    """(file, type, Identificatie, retour type, retour codes) per file."""
    answers: set[tuple[object, ...]] = set()
    for result in results:
        retour = result["retour"]
        assert isinstance(retour, dict)
        answers.add(
            (
                result["file"],
                result["message_type"],
                result["identificatie"],
                retour["message_type"],
                tuple(retour["codes"]),
            )
        )
    return answers


def test_an_import_killed_with_sigkill_and_run_again_equals_one_uninterrupted_run(
    tmp_path: Path,
) -> None:
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # as the command sees it
    (killed_env, whole_env), agb = _databases(tmp_path, ["killed", "whole"], today)
    folder = tmp_path / "in"
    _batch(folder, agb, today)
    killed_db = tmp_path / "killed.sqlite3"
    outbox = "SELECT COUNT(*) FROM messaging_outboxmessage"

    process = _import(killed_env, folder)
    whole_run = _import(whole_env, folder)  # meanwhile, uninterrupted
    deadline = time.monotonic() + 30
    while _count(killed_db, outbox) < KILL_AFTER_RETOURS:
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import wrote no outbox rows"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL
    received_before_kill = _count(killed_db, "SELECT COUNT(*) FROM messaging_inboxmessage")
    assert 0 < received_before_kill < BATCH

    again = _results(_import(killed_env, folder))
    whole = _results(whole_run)

    assert sum(r["outcome"] == "already_imported" for r in again) == received_before_kill
    counts = _table_counts(killed_db)
    assert counts == _table_counts(tmp_path / "whole.sqlite3")
    requests = "SELECT COUNT(*) FROM messaging_allocationrequest WHERE status = 'open'"
    assert _count(killed_db, requests) > BATCH // 2, "the requests wait on the worklist"
    assert _answers(again) == _answers(whole)
    assert len(_answers(whole)) == BATCH
    assert {r["outcome"] for r in whole} == {"accepted", "duplicate", "rejected"}
    assert _count(killed_db, "SELECT COUNT(*) FROM messaging_inboxmessage") == BATCH
    assert (
        _count(
            killed_db,
            "SELECT COUNT(*) FROM messaging_inboxmessage i WHERE (SELECT COUNT(*) FROM "
            "messaging_outboxmessage o WHERE o.retour_of_id = i.id) != 1",
        )
        == 0
    ), "every received message has exactly one retour"
