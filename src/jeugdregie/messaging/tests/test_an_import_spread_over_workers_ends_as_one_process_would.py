# SPDX-License-Identifier: EUPL-1.2
"""``ijw_import --workers 2``: the files of each provider go to one worker, in file order.

The outcome is the one a single process gives: every message received once with exactly
one retour, duplicates answered with 9056, and a new client sent by two providers at the
same moment registered once (the worker that loses the race receives its message again).
On PostgreSQL two worker processes do the work; SQLite allows one writer, so there the
import runs in one process and must give the same answers.
"""

import datetime as dt
import json
import os
import sys
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.messaging.models import AllocationRequest, InboxMessage, OutboxMessage
from jeugdregie.messaging.services import imports
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn

DAY = dt.date(2025, 3, 3)
SHARED = 90  # a new client that both providers ask for


def _request(agb: str, identificatie: str, bsn_number: int, reference: str) -> bytes:
    return m.jw315(
        agb,
        identificatie,
        bsn=synthetic_test_bsn(bsn_number),
        day=DAY,
        reference=reference,
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
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


PIDS: Path | None = None
_receive_group = imports._receive_group


def _noting_the_worker(group: list[tuple[int, str]]) -> object:
    """In the worker (forked: it sees the patch): note the process and the group's
    provider, then do the work."""
    assert PIDS is not None
    agbs = {imports.provider_key(Path(name)) for _index, name in group}
    with PIDS.open("a") as file:
        file.write(f"{os.getpid()} {' '.join(sorted(agbs))}\n")
    return _receive_group(group)


@pytest.mark.django_db(transaction=True)
def test_an_import_over_two_workers_gives_the_answers_of_one_process(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _batch(tmp_path / "in", world)
    pids = tmp_path / "pids"
    monkeypatch.setattr(sys.modules[__name__], "PIDS", pids)
    monkeypatch.setattr(imports, "_receive_group", _noting_the_worker)
    out = StringIO()
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
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
    noted = [line.split() for line in pids.read_text().splitlines()] if pids.exists() else []
    if connection.vendor == "postgresql":
        assert sorted(agb for _pid, *agbs in noted for agb in agbs) == sorted(
            [world.provider.agb_code, world.other_provider.agb_code]
        ), "each provider's files whole in one worker"
        assert str(os.getpid()) not in {pid for pid, *_agbs in noted}, "not in the command"
    else:
        assert not noted, "SQLite: one process, no workers"


@pytest.mark.django_db
def test_files_are_grouped_per_provider_heaviest_first(world: World, tmp_path: Path) -> None:
    expected = _batch(tmp_path / "in", world)
    paths = sorted((tmp_path / "in").iterdir())
    (tmp_path / "in" / "not-ijw.xml").write_bytes(b"<niets/>")
    paths.append(tmp_path / "in" / "not-ijw.xml")

    groups = imports._groups(paths)

    keys = [{imports.provider_key(Path(name)) for _index, name in group} for group in groups]
    mine, others = world.provider.agb_code, world.other_provider.agb_code
    assert sorted(map(sorted, keys)) == sorted([[""], [mine], [others]]), "one per provider"
    assert keys[-1] == {""}, "the lightest last"
    for group in groups:
        assert [index for index, _name in group] == sorted(index for index, _name in group)
    assert sum(len(group) for group in groups) == len(expected) + 1
