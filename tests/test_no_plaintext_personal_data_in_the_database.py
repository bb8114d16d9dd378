# SPDX-License-Identifier: EUPL-1.2
"""A raw dump of every table (SQLite and PostgreSQL alike) holds no plaintext BSN or name."""

import pytest
from django.db import connection

from jeugdregie.clients.models import Youth
from jeugdregie.testing.auth import sign_in


def _raw_dump() -> str:
    cells: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                cells.extend(str(value) for value in row)
    return "\n".join(cells)


@pytest.mark.django_db
def test_raw_database_dump_contains_no_plaintext_bsn_or_name(world, client):
    # Also exercise the logs and change records: search and open a youth first.
    from django.urls import reverse

    from jeugdregie.accounts.constants import Role

    sign_in(client, world.users[Role.ACCESS_STAFF])
    client.post(reverse("clients:youth-search"), {"q": world.youth["anna"].bsn}, follow=True)
    client.post(reverse("clients:youth-search"), {"q": "anna visser"}, follow=True)
    client.get(reverse("clients:youth-detail", kwargs={"pk": world.youth["anna"].pk}))

    dump = _raw_dump()
    youth = list(Youth.objects.all())
    assert len(youth) == 4
    assert len(dump) > 10_000  # the dump really holds the tables
    for person in youth:
        assert person.bsn.startswith("9999")
        assert person.bsn not in dump
        assert person.family_name not in dump
        assert person.given_name not in dump
    # and the decrypted values are available through the model
    assert {p.family_name for p in youth} == {"Visser", "de Jong", "Bakker", "Smit"}


@pytest.mark.django_db
def test_raw_database_dump_contains_no_plaintext_health_details(world):
    """Motivations, reasons, explanations and notes, and the change records and notifications
    written with them, are in the dump only as ciphertext."""
    from jeugdregie.core.tests.test_free_text_with_health_details_is_encrypted import (
        free_text_rows,
    )

    texts = free_text_rows(world)

    dump = _raw_dump()
    assert len(texts) >= 10
    for plain in texts.values():
        assert plain not in dump
    assert "gezondheid" not in dump
