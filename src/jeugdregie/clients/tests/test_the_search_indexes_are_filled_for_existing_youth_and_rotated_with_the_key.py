# SPDX-License-Identifier: EUPL-1.2
"""The search indexes of youth registered before issue 14 are filled by the data migration
(clients 0004), with the key of the settings; key rotation recomputes them like the BSN
index; the database holds only their keyed hashes, never a plain name."""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.models import Youth
from jeugdregie.clients.names import normalise_family_name, normalise_given_name
from jeugdregie.clients.selectors import youth_search
from jeugdregie.clients.services import (
    family_name_lookup_key,
    given_name_lookup_key,
    youth_anonymise,
    youth_create,
)
from jeugdregie.core import crypto
from jeugdregie.core.keys import keys_rotate
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db
migration = import_module("jeugdregie.clients.migrations.0004_youth_search_indexes")
OLD_BLIND = "b2xkLWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcy0uLi4="
NEW_BLIND = "bmV3LWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcy0uLi4="


def vries(world: World, n: int = 40) -> Youth:
    return youth_create(
        actor=None,
        bsn=synthetic_test_bsn(n),
        given_name="Émma Sophie",
        family_name="van der Vries",
        birth_date=dt.date(2014, 11, 3),
        municipality=world.dordrecht,
    )


def found(world: World, query: str) -> list[Youth]:
    return youth_search(user=world.users[Role.CONTRACT_MANAGER], route="/t/", query=query)


def test_the_data_migration_fills_the_indexes_of_existing_youth(world):
    emma, gone = vries(world), youth_anonymise(youth=vries(world, 41))
    # as before the migration: no given-name index, the family name's exact index of before
    before = crypto.blind_index("van der vries", purpose="family_name")
    Youth.objects.update(given_name_index="", family_name_index=before)
    assert found(world, "Vries") == []
    assert found(world, "Emma") == []

    migration.youth_search_indexes_fill(apps, connection.schema_editor())

    emma.refresh_from_db()
    assert emma.family_name_index == family_name_lookup_key("Vries")
    assert emma.given_name_index == given_name_lookup_key("emma")
    for anna_like in Youth.objects.filter(anonymised_at__isnull=True):
        assert anna_like.family_name_index == crypto.blind_index(
            normalise_family_name(anna_like.family_name), purpose="family_name"
        )
        assert anna_like.given_name_index == crypto.blind_index(
            normalise_given_name(anna_like.given_name), purpose="given_name"
        )
    gone.refresh_from_db()
    assert (gone.given_name_index, gone.family_name_index) == ("", "")
    assert found(world, "Vries") == [emma]
    assert found(world, "emma") == [emma]
    assert found(world, "VISSER") == [world.youth["anna"]]


def test_going_back_restores_the_exact_family_name_index(world):
    emma = vries(world)
    migration._exact_family_name_index_restore(apps, connection.schema_editor())
    emma.refresh_from_db()
    assert emma.family_name_index == crypto.blind_index("van der vries", purpose="family_name")
    assert emma.given_name_index == ""


def test_key_rotation_recomputes_the_name_indexes(world, settings):
    settings.JEUGDREGIE_BLIND_INDEX_KEYS = [OLD_BLIND]  # the encryption key stays
    crypto.reset_key_cache()
    emma = vries(world)
    settings.JEUGDREGIE_BLIND_INDEX_KEYS = [NEW_BLIND, OLD_BLIND]
    crypto.reset_key_cache()
    assert found(world, "emma vries") == []  # made with the old key

    counts = {(c.model, c.field): c.count for c in keys_rotate()}

    assert counts[("clients.Youth", "given_name_index")] >= 1
    assert counts[("clients.Youth", "family_name_index")] >= 1
    assert found(world, "emma vries") == [emma]
    assert found(world, "Émma van der Vries") == [emma]


def test_the_youth_table_holds_no_plain_name_only_keyed_hashes(world):
    emma = vries(world)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM clients_youth")  # every column, as stored
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    stored = "\n".join(str(value) for row in rows for value in row.values()).casefold()
    assert len(rows) == Youth.objects.count() >= 5
    for plain in ("vries", "emma", "mma sophie", "visser", "anna", "bakker", emma.bsn):
        assert plain not in stored
    for row in rows:
        for column in ("given_name_index", "family_name_index"):
            assert len(row[column]) == 64
            int(row[column], 16)  # a hex digest
