# SPDX-License-Identifier: EUPL-1.2
"""Upgrading an installation encrypts the comments and decision notes already on the
worklists (free text that can hold health details)."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import build_world, synthetic_test_bsn

BEFORE = [("messaging", "0002_reported_stops_and_declaration_period")]
AFTER = [("messaging", "0003_encrypted_request_notes")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaves() -> list[tuple[str, str]]:
    graph = MigrationExecutor(connection).loader.graph
    return [key for key in graph.leaf_nodes() if key[0] in {"messaging", "waitinglists"}]


@pytest.mark.django_db(transaction=True)
def test_existing_comments_and_decision_notes_are_encrypted() -> None:
    world = build_world()
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "VOT1",
            bsn=synthetic_test_bsn(80),
            day=dt.date(2025, 3, 3),
            reference="REF-1",
            start=dt.date(2025, 3, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    old = _migrate(BEFORE)
    try:
        request_model = old.get_model("messaging", "AllocationRequest")
        request_model.objects.update(
            comment="Ernstige angstklachten", decision_note="Wacht op diagnose"
        )
        pk = request_model.objects.get().pk
        new = _migrate(AFTER)
    finally:
        _migrate(_leaves())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT comment, decision_note FROM messaging_allocationrequest WHERE id = %s", [pk]
        )
        raw = " ".join(cursor.fetchone())
    assert "angst" not in raw
    assert "diagnose" not in raw
    migrated = new.get_model("messaging", "AllocationRequest").objects.get(pk=pk)
    assert (migrated.comment, migrated.decision_note) == (
        "Ernstige angstklachten",
        "Wacht op diagnose",
    )
