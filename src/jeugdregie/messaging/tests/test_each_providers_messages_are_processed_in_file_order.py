# SPDX-License-Identifier: EUPL-1.2
"""A provider's messages are processed in file order, also spread over workers.

Each provider sends requests whose Identificatie repeats the one of the file before now and
then: the first of the two is accepted, the later one is the duplicate (9056). That holds
only when the provider's files are processed in file order; on PostgreSQL two worker
processes import the three providers (each provider whole in one task), on SQLite the
command itself does.
"""

import datetime as dt
import json
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings

from jeugdregie.messaging.models import InboxMessage
from jeugdregie.messaging.tests import messages as m
from jeugdregie.messaging.tests.workers import DATABASE_TASKS, worker_environment
from jeugdregie.testing.factories import build_world, synthetic_test_bsn

DAY = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # workers run on the real clock
PER_PROVIDER = 12


@pytest.mark.django_db(transaction=True)
def test_each_providers_repeated_identificatie_is_the_later_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(year=DAY.year)
    folder = tmp_path / "in"
    folder.mkdir()
    agbs = [world.provider.agb_code, world.other_provider.agb_code]
    expected: dict[str, str] = {}
    for n in range(PER_PROVIDER):
        for p, agb in enumerate(agbs):  # the providers' files interleaved
            repeat = n % 3 == 2
            name = f"{n:03d}-{p}.xml"
            (folder / name).write_bytes(
                m.jw315(
                    agb,
                    f"V{p}-{n - 1 if repeat else n}",
                    bsn=synthetic_test_bsn(300 + 100 * p + n),
                    day=DAY,
                    reference=f"R{p}-{n}",
                    start=DAY.replace(day=1),
                    end=dt.date(DAY.year, 12, 31),
                )
            )
            expected[name] = "duplicate" if repeat else "accepted"
    for name, value in worker_environment().items():
        monkeypatch.setenv(name, value)
    out = StringIO()
    with override_settings(TASKS=DATABASE_TASKS):
        call_command("ijw_import", str(folder), "--json", "--workers", "2", stdout=out)

    outcomes = {Path(r["file"]).name: r["outcome"] for r in json.loads(out.getvalue())}
    assert outcomes == expected
    for agb in agbs:
        received = InboxMessage.objects.filter(sender=agb).order_by("received_at")
        names = [Path(source).name for source in received.values_list("source", flat=True)]
        assert names == sorted(names), "received in file order"
