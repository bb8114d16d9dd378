# SPDX-License-Identifier: EUPL-1.2
"""Existing records get their place in the chain: sequence numbers in (at, id) order and
their hashes; access records get the username, the youth's keyed BSN hash and the key
version. The hashed fields are frozen here as they were when this migration was written."""

from typing import Any

from django.db import migrations

ACCESS_FIELDS = (
    "at",
    "event",
    "user_id",
    "username",
    "role",
    "youth_id",
    "bsn_hash",
    "key_version",
    "region_id",
    "purpose",
    "route",
    "method",
    "status",
    "rows",
    "ip",
    "session_hash",
)
CHANGE_FIELDS = ("at", "user_id", "model", "object_pk", "object_repr", "action", "changes")
CHUNK = 1000


def _chain(model: Any, log: str, fields: tuple[str, ...], fill: Any = None) -> None:
    from jeugdregie.audit.chain import GENESIS, _plain, record_hash  # noqa: PLC0415

    previous, seq, chunk = GENESIS, 0, []
    for record in model.objects.order_by("at", "id").iterator(chunk_size=CHUNK):
        if fill is not None:
            fill(record)
        seq += 1
        record.seq = seq
        values = {name: _plain(getattr(record, name)) for name in fields}
        record.hash = record_hash(log=log, seq=seq, previous=previous, fields=values)
        previous = record.hash
        chunk.append(record)
        if len(chunk) == CHUNK:
            _save(model, chunk, fill is not None)
            chunk = []
    _save(model, chunk, fill is not None)


def _save(model: Any, records: list[Any], access: bool) -> None:
    if records:
        extra = ["username", "bsn_hash", "key_version"] if access else []
        model.objects.bulk_update(records, ["seq", "hash", *extra])


def forwards(apps: Any, schema_editor: Any) -> None:
    access = apps.get_model("audit", "AccessRecord")
    change = apps.get_model("audit", "ChangeRecord")
    if access.objects.exists():
        from jeugdregie.core.crypto import blind_index_key_version  # noqa: PLC0415

        version = blind_index_key_version()
        usernames = dict(apps.get_model("accounts", "User").objects.values_list("pk", "username"))
        youth = apps.get_model("clients", "Youth")
        bsn_index = dict(youth.objects.values_list("pk", "bsn_index"))

        def fill(record: Any) -> None:
            record.username = usernames.get(record.user_id, "")
            record.bsn_hash = bsn_index.get(record.youth_id) or ""
            record.key_version = version

        _chain(access, "access", ACCESS_FIELDS, fill)
    _chain(change, "change", CHANGE_FIELDS)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain_fields_and_security_events")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)]
