# SPDX-License-Identifier: EUPL-1.2
"""Primary keys reserved before a row is written (PostgreSQL).

A hot path that needs a row's id before it can write the row (an outgoing message carries
its own id in its Identificatie; a received message is referred to by the rows its
processing writes) takes the id from the table's own sequence, reserved in blocks: one
round trip per block instead of an insert followed by an update per row. Sequence values
are never handed out twice, also not after a rollback or to another process, so a reserved
id is unique; unused ones leave gaps, as a rolled-back insert does anyway.

SQLite has no sequences: there ``reserved_pk`` returns None and the caller inserts first.
"""

import os

from django.db import connection, models

BLOCK = 100

_reserved: dict[tuple[int, str], list[int]] = {}


def reserved_pk(model: type[models.Model]) -> int | None:
    """A fresh id for a new row of ``model`` (save it with ``force_insert=True``), or None
    when the database cannot reserve one."""
    if connection.vendor != "postgresql":
        return None
    table, pk = model._meta.db_table, model._meta.pk
    assert pk is not None
    key = (os.getpid(), table)  # a forked worker never reuses its parent's block
    block = _reserved.setdefault(key, [])
    if not block:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk.column, BLOCK],
            )
            block.extend(sorted((row[0] for row in cursor.fetchall()), reverse=True))
    return block.pop()
