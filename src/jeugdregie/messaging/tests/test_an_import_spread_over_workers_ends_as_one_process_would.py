# SPDX-License-Identifier: EUPL-1.2
"""``ijw_import --workers 2``: one task per provider, run by worker processes.

The outcome is the one a single process gives: every message received once with exactly
one retour, duplicates answered with 9056, and a new client sent by two providers at the
same moment registered once (the worker that loses the race receives its message again).
On PostgreSQL two ``jeugdregie worker`` processes do the work, each provider's files whole
in one task; SQLite allows one writer, so there the import runs in the command's process
and must give the same answers.
"""

import datetime as dt
import json
import os
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.messaging.models import AllocationRequest, InboxMessage, OutboxMessage
from jeugdregie.messaging.services import imports
from jeugdregie.messaging.tests import messages as m
from jeugdregie.messaging.tests.workers import DATABASE_TASKS, worker_environment
from jeugdregie.testing.factories import World, build_world, synthetic_test_bsn

# Worker processes run on the real clock: the messages are dated today.
DAY = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
SHARED = 90  # a new client that both providers ask for


def _request(agb: str, identificatie: str, bsn_number: int, reference: str) -> bytes:
    return m.jw315(
        agb,
        identificatie,
        bsn=synthetic_test_bsn(bsn_number),
        day=DAY,
        reference=reference,
        start=DAY.replace(day=1),
        end=dt.date(DAY.year, 12, 31),
    )


def _batch(folder: Path, world: World) -> dict[str, tuple[str, list[str]]]:
    """Files of two providers, interleaved; the expected (outcome, retour codes) per file."""
    folder.mkdir()
    expected: dict[str, tuple[str, list[str]]] = {}
    providers = [(world.provider.agb_code, 100), (world.other_provider.agb_code, 200)]
    for n in range(6):
        for agb, first_bsn in providers:
            name = f"{n:02d}-{agb}.xml"
            outcome, codes = ("duplicate", ["9056"]) if n == 5 else ("accepted", [])
            identificatie = "VOT0" if n == 5 else f"VOT{n}"  # 5: the first one's again
            bsn_number = SHARED if n == 4 else first_bsn + n
            data = _request(agb, identificatie, bsn_number, f"R{n}")
            (folder / name).write_bytes(data)
            expected[name] = (outcome, codes)
    return expected


@pytest.mark.django_db(transaction=True)
def test_an_import_over_two_workers_gives_the_answers_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(year=DAY.year)
    expected = _batch(tmp_path / "in", world)
    for name, value in worker_environment().items():
        monkeypatch.setenv(name, value)
    out = StringIO()
    with override_settings(TASKS=DATABASE_TASKS):
        call_command("ijw_import", str(tmp_path / "in"), "--json", "--workers", "2", stdout=out)
    results = json.loads(out.getvalue())

    assert [Path(r["file"]).name for r in results] == sorted(expected), "in file order"
    answers = {Path(r["file"]).name: (r["outcome"], r["retour"]["codes"]) for r in results}
    assert answers == expected
    assert InboxMessage.objects.count() == len(expected)
    assert OutboxMessage.objects.filter(retour_of__isnull=False).count() == len(expected)
    assert AllocationRequest.objects.count() == 10  # 5 requests of each provider
    shared = Youth.objects.filter(bsn_index=bsn_lookup_key(synthetic_test_bsn(SHARED)))
    assert shared.count() == 1
    tasks = list(DBTaskResult.objects.all())
    if connection.vendor == "postgresql":
        per_task = [
            {imports.provider_key(Path(absolute)) for _index, _shown, absolute in files}
            for files in (task.args_kwargs["kwargs"]["files"] for task in tasks)
        ]
        assert sorted(map(sorted, per_task)) == sorted(
            [[world.provider.agb_code], [world.other_provider.agb_code]]
        ), "each provider's files whole in one task"
        workers = {worker for task in tasks for worker in task.worker_ids}
        assert workers, "run by workers"
        assert not any(worker.endswith(f"-{os.getpid()}") for worker in workers), "not here"
        assert {task.status for task in tasks} == {"SUCCESSFUL"}
    else:
        assert not tasks, "SQLite: one process, no tasks"


@pytest.mark.django_db
def test_files_are_grouped_per_provider_heaviest_first(world: World, tmp_path: Path) -> None:
    expected = _batch(tmp_path / "in", world)
    paths = sorted((tmp_path / "in").iterdir())
    (tmp_path / "in" / "not-ijw.xml").write_bytes(b"<niets/>")
    paths.append(tmp_path / "in" / "not-ijw.xml")

    groups = imports.file_groups(paths)

    keys = [{imports.provider_key(Path(name)) for _index, name, _abs in group} for group in groups]
    mine, others = world.provider.agb_code, world.other_provider.agb_code
    assert sorted(map(sorted, keys)) == sorted([[""], [mine], [others]]), "one per provider"
    assert keys[-1] == {""}, "the lightest last"
    for group in groups:
        assert [index for index, *_names in group] == sorted(index for index, *_ in group)
    assert sum(len(group) for group in groups) == len(expected) + 1
