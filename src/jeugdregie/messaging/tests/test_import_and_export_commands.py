# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from jeugdregie.messaging.models import OutboxMessage
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import World, synthetic_test_bsn


@pytest.mark.django_db
def test_import_prints_each_message_and_export_writes_the_outbox(
    world: World, tmp_path: Path
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    data = m.jw315(
        world.provider.agb_code,
        "VOT9",
        bsn=synthetic_test_bsn(40),
        day=dt.date(2025, 3, 3),
        reference="REF-9",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 12, 31),
    )
    (inbox / "a.xml").write_bytes(data)
    (inbox / "b.xml").write_bytes(data)
    out = StringIO()
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        call_command("ijw_import", str(inbox), "--json", stdout=out)
    results = json.loads(out.getvalue())
    assert [(r["message_type"], r["identificatie"], r["outcome"]) for r in results] == [
        ("JW315", "VOT9", "accepted"),
        ("JW315", "VOT9", "duplicate"),
    ]
    assert results[0]["retour"]["codes"] == []
    assert results[1]["retour"]["codes"] == ["9056"]

    outbox = tmp_path / "out"
    call_command("ijw_export", "--outbox", str(outbox), stdout=StringIO())
    files = sorted(p.name for p in outbox.iterdir())
    assert len(files) == OutboxMessage.objects.count()
    retour = OutboxMessage.objects.filter(message_type="JW316").first()
    assert retour is not None
    name = f"JW316_{retour.sender}_{retour.recipient}_{retour.identificatie}.xml"
    assert (outbox / name).read_bytes() == bytes(retour.data)
    assert not OutboxMessage.objects.filter(exported_at=None).exists()
