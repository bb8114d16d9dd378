# SPDX-License-Identifier: EUPL-1.2
"""Upgrading an installation encrypts the notes already on the waiting list, and entries a
provider reported before keep showing it the identity it saw until now."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.testing.factories import build_world

BEFORE = [("waitinglists", "0002_reported_by_is_followed_by_the_demo_purge")]
AFTER = [("waitinglists", "0005_notes_are_encrypted_fields")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_notes_are_encrypted_and_own_reports_keep_their_identity() -> None:
    world = build_world()
    old = _migrate(BEFORE)
    try:
        entry_model = old.get_model("waitinglists", "WaitingEntry")
        entry = entry_model.objects.create(
            youth_id=world.youth["anna"].pk,
            provider_id=world.provider.pk,
            lot_id=world.lot.pk,
            waiting_since=dt.date(2025, 5, 1),
            source="provider_screen",
            bridging_note="Depressieve klachten, POH-GGZ",
            outflow_date=dt.date(2025, 6, 1),
            outflow_reason="other",
            outflow_note="Opname in kliniek",
        )
        new = _migrate(AFTER)
    finally:
        _migrate(
            [
                key
                for key in MigrationExecutor(connection).loader.graph.leaf_nodes()
                if key[0] in {"waitinglists"}
            ]
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bridging_note, outflow_note, submitted_given_name FROM "
            "waitinglists_waitingentry WHERE id = %s",
            [entry.pk],
        )
        raw = " ".join(cursor.fetchone())
    assert "Depressieve" not in raw
    assert "kliniek" not in raw
    assert "Anna" not in raw
    migrated = new.get_model("waitinglists", "WaitingEntry").objects.get(pk=entry.pk)
    assert migrated.bridging_note == "Depressieve klachten, POH-GGZ"
    assert migrated.outflow_note == "Opname in kliniek"
    assert (migrated.submitted_given_name, migrated.submitted_family_name) == ("Anna", "Visser")
    assert migrated.submitted_bsn == world.youth["anna"].bsn
    assert migrated.submitted_birth_date == "2012-03-01"
