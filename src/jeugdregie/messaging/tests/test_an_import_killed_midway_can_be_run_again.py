# SPDX-License-Identifier: EUPL-1.2
"""A worker killed with SIGKILL halfway an import task loses and duplicates nothing.

The batch is put in the queue (``ijw_import --no-wait``) and a ``jeugdregie worker`` runs
its task until it has written some retours; then it is killed. Its task stays RUNNING;
``ijw_import --wait-for BATCH`` sees that no worker holds the task any more, puts it back
in the queue and starts a worker, which receives the rest: each message is received in one
transaction, and a file imported before is skipped. The database ends as after one
uninterrupted import, with exactly one retour per received message. Real processes, real
files, real databases: SQLite files, or on PostgreSQL (``DATABASE_URL``) two databases of
their own on the same server.
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
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection

import ijw
import jeugdregie
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.messaging.tests import messages as m

BATCH = 500
KILL_AFTER_RETOURS = 60  # outbox rows: one retour per message
CBS = "code,omschrijving,provincie,jeugdzorgregio\n0505,Dordrecht,Zuid-Holland,Zuid-Holland Zuid\n"
WORKER_OPTIONS = ["--queue-name", "ijw", "--no-startup-delay", "--interval", "0.1", "-v", "0"]
# The workers' records differ (the killed run had two workers and its batch in the queue;
# on SQLite the uninterrupted import runs in the command). The rest must be equal.
TASKS = "django_tasks_database_dbtaskresult"
NOT_COMPARED = {"jobs_workerheartbeat", TASKS}
TASKS_IN = "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = '{}'"

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


class Database:
    """One database of the test: a SQLite file, or a PostgreSQL database on the server of
    $DATABASE_URL."""

    def __init__(self, tmp_path: Path, name: str) -> None:
        self.name = name
        if connection.vendor == "postgresql":
            self.db_name = f"jr_sigkill_{os.getpid()}_{name}"
            given = urlsplit(os.environ["DATABASE_URL"])
            self.url = urlunsplit(given._replace(path=f"/{self.db_name}"))
            self.server = urlunsplit(given._replace(path="/postgres"))
        else:
            self.file = tmp_path / f"{name}.sqlite3"
            self.url = f"sqlite:///{self.file}"

    @property
    def postgresql(self) -> bool:
        return self.url.startswith("postgresql")

    def _server(self, sql: str) -> None:
        with psycopg.connect(self.server, autocommit=True) as server:
            server.execute(sql)  # our own names

    def create_from(self, other: "Database | None") -> None:
        if not self.postgresql:
            if other is not None:
                shutil.copyfile(other.file, self.file)
            return
        template = f" TEMPLATE {other.db_name}" if other is not None else ""
        self._server(f"CREATE DATABASE {self.db_name}{template}")

    def drop(self) -> None:
        if self.postgresql:
            self._server(f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")

    def count(self, sql: str) -> int:
        if self.postgresql:
            with psycopg.connect(self.url) as db:
                row = db.execute(sql).fetchone()  # our own statements
        else:
            with sqlite3.connect(self.file, timeout=10) as lite:
                row = lite.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def table_counts(self) -> dict[str, int]:
        if self.postgresql:
            with psycopg.connect(self.url) as db:
                tables = [
                    name
                    for (name,) in db.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    )
                ]
        else:
            with sqlite3.connect(self.file) as lite:
                tables = [
                    name
                    for (name,) in lite.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%'"
                    )
                ]
        sql = 'SELECT COUNT(*) FROM "{}"'  # table names from the catalogue
        return {t: self.count(sql.format(t)) for t in tables if t not in NOT_COMPARED}


def _env(tmp_path: Path, database: Database) -> dict[str, str]:
    cbs = tmp_path / "cbs.csv"
    cbs.write_text(CBS, encoding="utf-8")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "DATABASE_URL": database.url,
        "JEUGDREGIE_VAR_DIR": str(tmp_path / "var"),
        "JEUGDREGIE_CBS_CODES_FILE": str(cbs),
        "PYTHONPATH": str(Path(jeugdregie.__file__).resolve().parents[1]),  # this source
    }


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two identical migrated databases with the test world (made once, then copied)."""
    killed, whole = Database(tmp_path, "killed"), Database(tmp_path, "whole")
    try:
        yield killed, whole
    finally:
        killed.drop()
        whole.drop()


def _setup(tmp_path: Path, killed: Database, whole: Database, today: dt.date) -> str:
    """The world in ``killed``, copied to ``whole``; the AGB code of its provider."""
    killed.create_from(None)
    done = subprocess.run(  # noqa: S603 -- our own interpreter
        [sys.executable, "-c", SETUP.format(year=today.year)],
        env=_env(tmp_path, killed),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    whole.create_from(killed)
    return done.stdout.strip().splitlines()[-1]


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


def _command(env: dict[str, str], *args: str) -> "subprocess.Popen[str]":
    return subprocess.Popen(  # noqa: S603 -- our own interpreter and command
        [sys.executable, "-m", "jeugdregie.manage", *args],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def _worker(env: dict[str, str]) -> "subprocess.Popen[str]":
    return subprocess.Popen(  # noqa: S603 -- our own interpreter and command
        [sys.executable, "-m", "jeugdregie.manage", "worker", *WORKER_OPTIONS],
        env=env,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def _output(process: "subprocess.Popen[str]") -> object:
    stdout, _stderr = process.communicate(timeout=240)
    assert process.returncode == 0
    return json.loads(stdout)


def _results(process: "subprocess.Popen[str]") -> list[dict[str, object]]:
    results = _output(process)
    assert isinstance(results, list)
    return results


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


def test_a_worker_killed_with_sigkill_midway_loses_and_duplicates_nothing(
    tmp_path: Path, databases: tuple[Database, Database]
) -> None:
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # as the command sees it
    killed, whole = databases
    agb = _setup(tmp_path, killed, whole, today)
    killed_env, whole_env = _env(tmp_path, killed), _env(tmp_path, whole)
    folder = tmp_path / "in"
    _batch(folder, agb, today)
    outbox = "SELECT COUNT(*) FROM messaging_outboxmessage"
    outbox_before = killed.count(outbox)  # the world's own messages

    enqueued = _output(_command(killed_env, "ijw_import", str(folder), "--no-wait", "--json"))
    assert isinstance(enqueued, dict)
    assert enqueued["files"] == BATCH
    assert enqueued["tasks"] == 1, "one provider: one task"
    assert killed.count(outbox) == outbox_before, "only in the queue"
    worker = _worker(killed_env)
    whole_run = _command(whole_env, "ijw_import", str(folder), "--json", "--workers", "2")
    deadline = time.monotonic() + 60
    while killed.count(outbox) < outbox_before + KILL_AFTER_RETOURS:
        assert worker.poll() is None, "the worker ended before it could be killed"
        assert time.monotonic() < deadline, "the worker wrote no outbox rows"
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    assert worker.wait(timeout=10) == -signal.SIGKILL
    received_before_kill = killed.count("SELECT COUNT(*) FROM messaging_inboxmessage")
    assert 0 < received_before_kill < BATCH
    running = TASKS_IN.format("RUNNING")
    assert killed.count(running) == 1, "the killed worker's task looks as if it runs"

    again = _results(
        _command(killed_env, "ijw_import", "--wait-for", str(enqueued["batch"]), "--json")
    )
    whole_results = _results(whole_run)

    assert killed.count(running) == 0
    assert killed.count(TASKS_IN.format("SUCCESSFUL")) == 1
    assert sum(r["outcome"] == "already_imported" for r in again) == received_before_kill
    assert killed.table_counts() == whole.table_counts()
    requests = "SELECT COUNT(*) FROM messaging_allocationrequest WHERE status = 'open'"
    assert killed.count(requests) > BATCH // 2, "the requests wait on the worklist"
    assert _answers(again) == _answers(whole_results)
    assert len(_answers(whole_results)) == BATCH
    assert {r["outcome"] for r in whole_results} == {"accepted", "duplicate", "rejected"}
    assert killed.count("SELECT COUNT(*) FROM messaging_inboxmessage") == BATCH
    assert (
        killed.count(
            "SELECT COUNT(*) FROM messaging_inboxmessage i WHERE (SELECT COUNT(*) FROM "
            "messaging_outboxmessage o WHERE o.retour_of_id = i.id) != 1"
        )
        == 0
    ), "every received message has exactly one retour"
