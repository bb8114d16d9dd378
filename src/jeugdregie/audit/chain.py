# SPDX-License-Identifier: EUPL-1.2
"""The hash chain of the access and change logs.

Every record has a sequence number, gapless per log, and ``hash`` = SHA-256 over the
canonical form of the record: a JSON object of the log's name, the sequence number, the
predecessor's hash (64 zeros for the first record) and the record's ``CHAIN_FIELDS``, keys
sorted, no spaces, UTF-8; times in UTC ISO 8601 with microseconds. The hash covers the
plain values (not the ciphertext of encrypted columns), so re-encrypting under a new key
keeps the chain. This form is a stored contract: changing it breaks every existing chain.

Appending is serialised: on PostgreSQL a transaction-level advisory lock (one for both
logs, so two transactions writing to both can never wait for each other) is taken just
before the last record is read and held until commit; SQLite has one writer at a time
(``BEGIN IMMEDIATE``). Records get their time under the lock, so time follows the chain.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections, transaction
from django.db.models import Model
from django.utils import timezone

GENESIS = "0" * 64
# pg_advisory_xact_lock key of the audit logs (an arbitrary constant: "jr-audit"); the same
# number is in the function audit_chain_head of migration 0006
LOCK_KEY = 0x6A72_2D61_7564_6974


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dict | list | tuple):
        # as it comes back from the database: JSON types only, string keys
        return json.loads(json.dumps(value, ensure_ascii=False))
    return value


def chain_fields(record: Model) -> dict[str, Any]:
    """The hashed values of a record, JSON-ready."""
    return {name: _plain(getattr(record, name)) for name in type(record).CHAIN_FIELDS}  # type: ignore[attr-defined]


def record_hash(*, log: str, seq: int, previous: str, fields: dict[str, Any]) -> str:
    """The hash of one record given its predecessor's hash."""
    canonical = json.dumps(
        {"log": log, "seq": seq, "previous": previous, "fields": fields},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def lock(using: str = "default") -> None:
    """Serialise appends until the end of the transaction (PostgreSQL; SQLite is serial)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def head(model: type[Model], using: str = "default") -> tuple[int, str]:
    """Sequence number and hash of the last record of a log (after a prune that left
    nothing: of its checkpoint); (0, GENESIS) for an empty log."""
    from jeugdregie.audit.models import Checkpoint

    last = model._default_manager.using(using).order_by("-seq").values_list("seq", "hash").first()
    if last is not None:
        return int(last[0]), str(last[1])
    checkpoint = (
        Checkpoint.objects.using(using)
        .filter(log=model.LOG)  # type: ignore[attr-defined]
        .order_by("-up_to_seq")
        .values_list("up_to_seq", "last_hash")
        .first()
    )
    if checkpoint is not None:
        return int(checkpoint[0]), str(checkpoint[1])
    return 0, GENESIS


def link(model: type[Model], records: Sequence[Model], *, after: tuple[int, str]) -> None:
    """Give ``records`` their sequence numbers and hashes, following ``after``."""
    seq, previous = after
    log: str = model.LOG  # type: ignore[attr-defined]
    for record in records:
        seq += 1
        record.seq = seq  # type: ignore[attr-defined]
        record.hash = record_hash(  # type: ignore[attr-defined]
            log=log, seq=seq, previous=previous, fields=chain_fields(record)
        )
        previous = record.hash  # type: ignore[attr-defined]


def locked_head(model: type[Model], using: str = "default") -> tuple[int, str]:
    """``head`` after taking the lock. On PostgreSQL one round trip: the function
    ``audit_chain_head`` (migration 0006) takes the advisory lock and then reads the head;
    being VOLATILE, its query sees what the previous holder committed."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return head(model, using)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_seq, last_hash FROM audit_chain_head(%s)",
            [model.LOG],  # type: ignore[attr-defined]
        )
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def append_all(
    groups: Iterable[tuple[type[Model], Sequence[Model]]], *, using: str = "default"
) -> None:
    """Insert the records of one or both logs: lock and head in one round trip per log (on
    PostgreSQL), then one INSERT per log. Inside a transaction no savepoint of its own: a
    failure here fails the transaction that made the records."""
    groups = [(model, records) for model, records in groups if records]
    if not groups:
        return
    with transaction.atomic(using=using, savepoint=False):
        now = None
        for model, records in groups:
            after = locked_head(model, using)
            now = now or timezone.now()  # under the lock: time follows the sequence
            for record in records:
                if not record._state.adding:
                    raise ValueError("only new records can be appended")
                record.at = now  # type: ignore[attr-defined]
            link(model, records, after=after)
            model._default_manager.using(using)._insert_chained(list(records))  # type: ignore[attr-defined]


def append(model: type[Model], records: list[Any], *, using: str | None = None) -> list[Any]:
    """Insert records of one log at the end of its chain (one INSERT)."""
    append_all([(model, records)], using=using or "default")
    return records
