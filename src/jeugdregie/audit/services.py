# SPDX-License-Identifier: EUPL-1.2
"""Writing the access and change logs.

Records are appended to their hash chain (``audit.chain``). Inside ``audit_batch()`` they are
kept until the end of the batch's transaction and then written at once, so the chain's lock
is held only for that last insert and the commit (the iJw import runs many transactions in
parallel; holding the lock from a transaction's first record would serialise them).
"""

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, connections, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.audit import chain
from jeugdregie.audit.constants import AccessEvent, AccessPurpose, ChangeAction, Log
from jeugdregie.audit.context import origin
from jeugdregie.audit.models import AccessRecord, ChangeRecord, Checkpoint
from jeugdregie.audit.verification import log_verify
from jeugdregie.core.bsn import normalise_bsn
from jeugdregie.core.crypto import blind_index, blind_index_key_version
from jeugdregie.core.fields import EncryptedBytesField, EncryptedJSONField, EncryptedTextField

__all__ = [
    "ENCRYPTED_FIELDS",
    "REDACTED",
    "ROUTE_LENGTH",
    "Redacted",
    "access_record_create",
    "audit_batch",
    "bsn_hash",
    "change_record_create",
    "change_records_create",
    "export_record_create",
    "logs_prune",
    "security_event_create",
    "snapshot",
]

REDACTED = "[versleuteld]"
ENCRYPTED_FIELDS = (EncryptedTextField, EncryptedBytesField, EncryptedJSONField)
ROUTE_LENGTH = AccessRecord._meta.get_field("route").max_length or 200


# --- batches ------------------------------------------------------------------------------


class _Pending:
    """Marks records kept in a savepoint: Django drops it from the on-commit list when the
    savepoint rolls back, and then the records are dropped too."""

    def __call__(self) -> None:
        return None


@dataclass
class _Batch:
    using: str
    depth: int  # savepoints open when the batch started
    records: list[tuple[_Pending | None, models.Model]] = field(default_factory=list)

    def keep(self, records: Iterable[models.Model]) -> None:
        connection = connections[self.using]
        marker = None
        if len(connection.savepoint_ids) > self.depth:
            marker = _Pending()
            transaction.on_commit(marker, using=self.using)
        self.records.extend((marker, record) for record in records)

    def write(self) -> None:
        connection = connections[self.using]
        if connection.needs_rollback or not self.records:
            return
        alive = {id(entry[1]) for entry in connection.run_on_commit}
        kept = [r for marker, r in self.records if marker is None or id(marker) in alive]
        chain.append_all(
            [
                (AccessRecord, [r for r in kept if isinstance(r, AccessRecord)]),
                (ChangeRecord, [r for r in kept if isinstance(r, ChangeRecord)]),
            ],
            using=self.using,
        )


_batch: ContextVar[_Batch | None] = ContextVar("audit_batch", default=None)


@contextmanager
def audit_batch(using: str = "default") -> Iterator[None]:
    """A transaction (``transaction.atomic``) whose audit records are written at its end.

    Use it instead of ``@transaction.atomic`` around work that writes audit records in the
    middle of a longer transaction. Nested batches write with the outermost one; records
    made in a savepoint that rolls back are not written. Also a decorator.
    """
    if _batch.get() is not None:
        with transaction.atomic(using=using):
            yield
        return
    with transaction.atomic(using=using):
        batch = _Batch(using=using, depth=len(connections[using].savepoint_ids))
        token = _batch.set(batch)
        try:
            yield
        finally:
            _batch.reset(token)
        batch.write()


def _write(model: type[models.Model], records: list[Any]) -> None:
    batch = _batch.get()
    if batch is not None:
        batch.keep(records)
    else:
        chain.append(model, records)


# --- the access log -----------------------------------------------------------------------


def bsn_hash(bsn: str) -> str:
    """The keyed hash of a BSN as the access log keeps it (the youth's ``bsn_index``)."""
    return blind_index(normalise_bsn(bsn), purpose="bsn")


def _access(
    *,
    event: str,
    user: User | None,
    username: str = "",
    request: HttpRequest | None = None,
    **values: Any,
) -> AccessRecord:
    where = origin(request)
    if "route" in values:
        values["route"] = str(values["route"])[:ROUTE_LENGTH]
    return AccessRecord(
        event=event,
        user=user,
        username=(user.get_username() if user is not None else username)[:150],
        role=user.role if user is not None else "",
        key_version=blind_index_key_version(),
        ip=where.ip,
        session_hash=where.session_hash,
        method=where.method,
        **values,
    )


def _reads(
    *,
    user: User,
    youth_ids: Iterable[int],
    purpose: AccessPurpose,
    route: str,
    bsns: Iterable[str] = (),
    bsn_hashes: Iterable[str] = (),
    region_id: int | None = None,
) -> list[AccessRecord]:
    ids = list(dict.fromkeys(youth_ids))
    youth_model = apps.get_model("clients", "Youth")
    hashes: dict[int, str] = {
        pk: key or ""
        for pk, key in (
            youth_model.objects.filter(pk__in=ids).values_list("pk", "bsn_index") if ids else []
        )
    }
    records = [
        _access(
            event=AccessEvent.READ,
            user=user,
            youth_id=youth_id,
            bsn_hash=hashes.get(youth_id, ""),
            purpose=purpose,
            route=route,
        )
        for youth_id in ids
    ]
    numbers = (normalise_bsn(bsn) for bsn in bsns)
    keys = [*(bsn_hash(n) for n in numbers if n.isdigit()), *bsn_hashes]
    known = {key for key in hashes.values() if key}
    for key in keys:
        if key in known:
            continue
        known.add(key)
        records.append(
            _access(
                event=AccessEvent.READ,
                user=user,
                bsn_hash=key,
                region_id=region_id,
                purpose=purpose,
                route=route,
            )
        )
    return records


def access_record_create(
    *,
    user: User,
    youth_ids: Iterable[int],
    purpose: AccessPurpose,
    route: str,
    bsns: Iterable[str] = (),
    bsn_hashes: Iterable[str] = (),
    region_id: int | None = None,
) -> int:
    """Record that ``user`` read the personal data of these youth. Returns the count.

    ``purpose`` is one of the ``AccessPurpose`` choices (how the data was shown); the type
    says so, and a test scans the callers for anything else.

    ``bsns`` (or their keyed hashes, ``bsn_hashes``): BSNs the user saw that need not belong
    to a linked youth (a message's); those not among the youth are recorded against their
    keyed hash and ``region_id``, the region whose data it was.
    """
    records = _reads(
        user=user,
        youth_ids=youth_ids,
        purpose=purpose,
        route=route,
        bsns=bsns,
        bsn_hashes=bsn_hashes,
        region_id=region_id,
    )
    _write(AccessRecord, records)
    return len(records)


def export_record_create(
    *, user: User, route: str, rows: int, youth_ids: Iterable[int] = ()
) -> int:
    """Record an export (a file with ``rows`` rows) and, for every youth in it, a read with
    the purpose "export". One insert; returns the number of records."""
    records = [
        _access(
            event=AccessEvent.EXPORT,
            user=user,
            purpose=AccessPurpose.EXPORT,
            route=route,
            rows=rows,
        ),
        *_reads(user=user, youth_ids=youth_ids, purpose=AccessPurpose.EXPORT, route=route),
    ]
    _write(AccessRecord, records)
    return len(records)


def security_event_create(
    *,
    event: str,
    user: User | None = None,
    username: str = "",
    request: HttpRequest | None = None,
    route: str | None = None,
    status: int | None = None,
    ip: str = "",
) -> AccessRecord:
    """A sign-in, sign-out, failed sign-in, lockout or denied request in the access log.

    ``username``: as typed, for a failed sign-in (``user`` then the user it names, if any).
    ``ip``: an address known to the caller (the lockout's), else the request's.
    """
    if route is None:
        route = request.path if request is not None else ""
    record = _access(
        event=event, user=user, username=username, request=request, route=route, status=status
    )
    if ip and not record.ip:
        record.ip = ip
    _write(AccessRecord, [record])
    return record


# --- the change log -----------------------------------------------------------------------


class Redacted(str):
    """``[versleuteld]`` in the log. Two redactions compare equal when the values behind them
    are equal, so a change of an encrypted field is recorded without its value."""

    digest: str

    def __new__(cls, value: object) -> "Redacted":
        redacted = super().__new__(cls, REDACTED)
        redacted.digest = hashlib.sha256(repr(value).encode()).hexdigest()
        return redacted

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Redacted):
            return self.digest == other.digest
        return isinstance(other, str) and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = str.__hash__


@cache
def _encrypted_fields(model: type[models.Model]) -> frozenset[str]:
    return frozenset(f.name for f in model._meta.concrete_fields if isinstance(f, ENCRYPTED_FIELDS))


def snapshot(instance: models.Model, *, redact: Iterable[str] = ()) -> dict[str, Any]:
    """The concrete field values of ``instance`` as JSON-safe strings.

    Every encrypted field (and any named in ``redact``) is redacted: ``[versleuteld]``, or
    None when empty.
    """
    redacted = set(redact) | _encrypted_fields(type(instance))
    values: dict[str, Any] = {}
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if model_field.name in redacted:
            values[model_field.name] = None if value in (None, "", b"") else Redacted(value)
        else:
            values[model_field.name] = None if value is None else str(value)
    return values


def _object_repr(instance: models.Model, redact: Iterable[str]) -> str:
    if set(redact) or _encrypted_fields(type(instance)):
        return f"{instance._meta.label} {instance.pk}"
    return str(instance)[:200]


def change_record_create(
    *,
    user: User | None,
    instance: models.Model,
    action: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    redact: Iterable[str] = (),
) -> ChangeRecord:
    """Record a change. ``before`` and ``after`` are snapshots (``after`` defaults to the
    instance's now). Inside ``audit_batch()`` the record is written at the batch's end."""
    redact = tuple(redact)
    if after is None:
        after = snapshot(instance, redact=redact) if action != ChangeAction.DELETE else {}
    before = before or {}
    changes = {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }
    record = ChangeRecord(
        user=user,
        model=instance._meta.label,
        object_pk=str(instance.pk),
        object_repr=_object_repr(instance, redact),
        action=action,
        changes=changes,
    )
    _write(ChangeRecord, [record])
    return record


def change_records_create(
    *, user: User | None, instances: Iterable[models.Model], action: str
) -> list[ChangeRecord]:
    """``change_record_create`` for many new or deleted objects at once (one insert)."""
    records = []
    for instance in instances:
        after = snapshot(instance) if action != ChangeAction.DELETE else {}
        records.append(
            ChangeRecord(
                user=user,
                model=instance._meta.label,
                object_pk=str(instance.pk),
                object_repr=_object_repr(instance, ()),
                action=action,
                # as change_record_create: only the fields that differ from nothing
                changes={n: [None, v] for n, v in sorted(after.items()) if v is not None},
            )
        )
    _write(ChangeRecord, records)
    return records


# --- pruning ------------------------------------------------------------------------------


def logs_prune(*, before: dt.date, by: str) -> list[Checkpoint]:
    """Remove the records of both logs made before ``before`` (00:00 local time): the only
    way records leave. Per log the pruned records are a prefix of the chain, ending just
    before its first record made on or after ``before``; a checkpoint keeps where the rest
    of the chain starts (the last pruned record's sequence number and hash). A log whose
    chain does not verify is not pruned (that would remove the evidence).
    Returns the checkpoints written.
    """
    if before > timezone.localdate():
        raise ValidationError(_("The date lies in the future."), code="future")
    cutoff = timezone.make_aware(dt.datetime.combine(before, dt.time.min))
    checkpoints = []
    with transaction.atomic():
        chain.lock()
        for model in (AccessRecord, ChangeRecord):
            report = log_verify(model)
            if report.problem is not None:
                raise ValidationError(
                    _("%(log)s: the chain is broken, nothing was pruned. %(problem)s")
                    % {"log": Log(model.LOG).label, "problem": report.problem.message},
                    code="broken",
                )
            kept = (
                model.objects.filter(at__gte=cutoff)
                .order_by("seq")
                .values_list("seq", flat=True)
                .first()
            )
            up_to = (kept - 1) if kept is not None else report.last_seq
            if up_to <= report.start_seq:
                continue
            last = model.objects.values_list("hash", flat=True).get(seq=up_to)
            checkpoint = Checkpoint(
                log=model.LOG,
                up_to_seq=up_to,
                last_hash=last,
                count=up_to - report.start_seq,
                before=before,
                by=by[:150],
            )
            checkpoint.save()
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                # the only DELETE the database accepts: up to the checkpoint just written
                cursor.execute(f"DELETE FROM {table} WHERE seq <= %s", [up_to])  # noqa: S608
            checkpoints.append(checkpoint)
    return checkpoints
