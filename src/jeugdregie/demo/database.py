# SPDX-License-Identifier: EUPL-1.2
"""Recreate the demo's database: the way ``seed_demo`` rebuilds the demo.

Log rows are never deleted (on PostgreSQL the access and change logs refuse DELETE), so a
demo built with other settings is not purged row by row: the whole database goes (the SQLite
file, or the PostgreSQL schema) and the migrations build it again. ``demo_rebuild`` only
calls this in demo mode and when every region in the database was made by the demo.
"""

from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.creation import DatabaseCreation as SQLiteCreation


def _drop_every_sqlite_table(connection: BaseDatabaseWrapper) -> None:
    """An in-memory SQLite database (the test suite's) has no file to delete."""
    tables = connection.introspection.table_names(include_views=False)
    views = set(connection.introspection.table_names(include_views=True)) - set(tables)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")
        for view in views:
            cursor.execute(f"DROP VIEW IF EXISTS {connection.ops.quote_name(view)}")
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)}")
        cursor.execute("PRAGMA foreign_keys = ON")


def database_recreate(*, using: str = "default") -> None:
    """Empty the database completely and migrate it again."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if SQLiteCreation.is_in_memory_db(name):
            _drop_every_sqlite_table(connection)
        else:
            connection.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(name + suffix).unlink(missing_ok=True)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_schema()")
            (schema,) = cursor.fetchone()
            quoted = connection.ops.quote_name(schema)
            cursor.execute(f"DROP SCHEMA {quoted} CASCADE")
            cursor.execute(f"CREATE SCHEMA {quoted}")
    else:  # pragma: no cover - jeugdregie supports SQLite and PostgreSQL
        raise NotImplementedError(connection.vendor)
    ContentType.objects.clear_cache()
    call_command("migrate", database=using, interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
