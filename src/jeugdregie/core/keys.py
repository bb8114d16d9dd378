# SPDX-License-Identifier: EUPL-1.2
"""Key rotation: every encrypted value re-encrypted with the newest key, every blind index
recomputed with the newest blind-index key (``jeugdregie keys_rotate``).

The encrypted columns are found in the app registry (every ``Encrypted*Field`` of every
model), the blind indexes in the models' ``BLIND_INDEXES``. Rows are read in batches by
primary key, each batch in its own transaction, the ciphertext as stored (nothing is
decrypted on load). A value the newest key alone already decrypts is left as it is, so a
run that was interrupted simply continues and nothing is encrypted twice.

A row is written with ``_rewrite``: the one way past the guards of the append-only tables
(the change log, evaluation receipts), and only for what rotation changes. It writes an
encrypted column only with a token of the same plaintext, a blind index only as the hash
of its own row's source, and only when the row still holds what was read (a concurrent
change wins; the next run takes the row). The change log's hash chain covers the plain
values, so it stays intact; on PostgreSQL the log's trigger lets an UPDATE through only when
nothing but its ciphertext columns changes (audit migration 0007). Stored keyed hashes of
the audit log (``bsn_hash``, ``session_hash``) are never rewritten: they keep their
``key_version``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, router, transaction
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

from jeugdregie.core import crypto
from jeugdregie.core.fields import (
    BlindIndex,
    EncryptedBytesField,
    EncryptedJSONField,
    EncryptedTextField,
)

__all__ = ["ENCRYPTED_FIELDS", "Rewritten", "encrypted_columns", "keys_rotate"]

ENCRYPTED_FIELDS = (EncryptedTextField, EncryptedBytesField, EncryptedJSONField)
DEFAULT_BATCH_SIZE = 500


@dataclass
class Rewritten:
    """How many values of one column were (or, in a dry run, would be) rewritten."""

    model: str  # app_label.ModelName
    field: str
    count: int = 0


@dataclass(frozen=True)
class _Table:
    model: type[models.Model]
    fields: tuple[models.Field[Any, Any], ...]  # the encrypted columns
    indexes: tuple[BlindIndex, ...]


def encrypted_columns() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    """Every encrypted column of every installed model (each table once)."""
    for table in _tables():
        for field in table.fields:
            yield table.model, field


def _tables() -> Iterator[_Table]:
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        fields = tuple(
            f for f in model._meta.local_concrete_fields if isinstance(f, ENCRYPTED_FIELDS)
        )
        indexes: tuple[BlindIndex, ...] = tuple(getattr(model, "BLIND_INDEXES", ()))
        if fields or indexes:
            yield _Table(model, fields, indexes)


def _column(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model._meta.label}.{name} is not a column")
    return field


def _stored(attname: str) -> Cast:
    """A column as stored: ciphertext, not the decrypted value of the field."""
    return Cast(attname, output_field=models.TextField())


def _raw(field: models.Field[Any, Any]) -> str:
    return f"_stored_{field.attname}"


def _rewrite(
    model: type[models.Model], pk: Any, *, read: dict[str, str], changes: dict[str, str]
) -> bool:
    """Write ``changes`` (attname → new stored value) to one row if it still holds ``read``
    (attname → ciphertext as read). See the module's docstring for what it writes."""
    encrypted = {f.attname for f in model._meta.concrete_fields if isinstance(f, ENCRYPTED_FIELDS)}
    indexes = {_column(model, i.index).attname: i for i in getattr(model, "BLIND_INDEXES", ())}
    values: dict[str, Any] = {}
    for attname, new in changes.items():
        if attname in encrypted:
            if crypto.decrypt_bytes(new) != crypto.decrypt_bytes(read[attname]):
                raise ValueError(f"{model._meta.label}.{attname}: not the same plaintext")
            values[attname] = models.Value(new, output_field=models.TextField())
        elif attname in indexes:
            index = indexes[attname]
            source = _column(model, index.source).attname
            if new != index.of(crypto.decrypt(read[source])):
                raise ValueError(f"{model._meta.label}.{attname}: not the row's blind index")
            values[attname] = new
        else:
            raise ValueError(f"{model._meta.label}.{attname}: not a column key rotation writes")
    rows = model._base_manager.filter(pk=pk)
    for attname, old in read.items():
        rows = rows.filter(Exact(_stored(attname), old))
    # models.QuerySet.update, not the queryset's own: the append-only tables refuse update()
    return bool(models.QuerySet.update(rows, **values))


def _changes(table: _Table, row: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """(what was read, what to write) for one row: attname → stored value."""
    read: dict[str, str] = {}
    changes: dict[str, str] = {}
    for field in table.fields:
        stored = row[_raw(field)]
        if stored and not crypto.is_current(stored):
            read[field.attname] = stored
            changes[field.attname] = crypto.rotate(stored)
    for index in table.indexes:
        source = _column(table.model, index.source)
        stored_source, stored_index = row[_raw(source)], row[index.index]
        if not stored_source or not stored_index:
            continue  # nothing to hash (an unknown BSN): the index stays empty
        new = index.of(crypto.decrypt(stored_source))
        if new != stored_index:
            read[source.attname] = stored_source
            changes[index.index] = new
    return read, changes


def _batches(table: _Table, size: int) -> Iterator[list[dict[str, Any]]]:
    model = table.model
    sources = {_column(model, i.source) for i in table.indexes}
    stored = {_raw(f): _stored(f.attname) for f in {*table.fields, *sources}}
    columns = ["pk", *stored, *(i.index for i in table.indexes)]
    rows = model._base_manager.order_by("pk").annotate(**stored).values(*columns)
    after = None
    while True:
        # read in the batch's transaction (the caller's): a row changed meanwhile is skipped
        batch = list((rows if after is None else rows.filter(pk__gt=after))[:size])
        if not batch:
            return
        yield batch
        after = batch[-1]["pk"]


def keys_rotate(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> list[Rewritten]:
    """Re-encrypt every encrypted value that the newest key alone cannot decrypt, and
    recompute every blind index made with another blind-index key; per column how many
    values were rewritten (``dry_run``: would be, nothing written). ``progress`` is called
    with the model's label and the rows read after every batch (committed)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    counts: list[Rewritten] = []
    for table in _tables():
        label = table.model._meta.label
        per_column = {
            **{f.attname: Rewritten(label, f.name) for f in table.fields},
            **{i.index: Rewritten(label, i.index) for i in table.indexes},
        }
        counts.extend(per_column.values())
        using = router.db_for_write(table.model)
        batches = _batches(table, batch_size)
        while True:
            with transaction.atomic(using=using):
                batch = next(batches, None)
                if batch is None:
                    break
                for row in batch:
                    read, changes = _changes(table, row)
                    if changes and (
                        dry_run or _rewrite(table.model, row["pk"], read=read, changes=changes)
                    ):
                        for attname in changes:
                            per_column[attname].count += 1
            if progress is not None:
                progress(label, len(batch))
    return counts
