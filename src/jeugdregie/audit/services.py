# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import AccessRecord, ChangeRecord

REDACTED = "[versleuteld]"


def access_record_create(*, user: User, youth_ids: Iterable[int], purpose: str, route: str) -> int:
    """Record that ``user`` read the personal data of these youth. Returns the count."""
    records = [
        AccessRecord(user=user, role=user.role, youth_id=youth_id, purpose=purpose, route=route)
        for youth_id in dict.fromkeys(youth_ids)
    ]
    AccessRecord.objects.bulk_create(records)
    return len(records)


def snapshot(instance: models.Model, *, redact: Iterable[str] = ()) -> dict[str, Any]:
    """The concrete field values of ``instance`` as JSON-safe strings; personal data redacted."""
    redacted = set(redact)
    values: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in redacted:
            values[field.name] = REDACTED
            continue
        value = getattr(instance, field.attname)
        values[field.name] = None if value is None else str(value)
    return values


def change_record_create(
    *,
    user: User | None,
    instance: models.Model,
    action: str,
    before: Mapping[str, Any] | None = None,
    redact: Iterable[str] = (),
    after: Mapping[str, Any] | None = None,
) -> ChangeRecord:
    """``after`` replaces the snapshot of ``instance`` when the caller builds its own (a user
    with its groups and a password marker instead of the hash)."""
    if after is None:
        after = snapshot(instance, redact=redact) if action != ChangeAction.DELETE else {}
    before = before or {}
    changes = {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name) or name in redact
    }
    return ChangeRecord.objects.create(
        user=user,
        model=instance._meta.label,
        object_pk=str(instance.pk),
        object_repr=str(instance)[:200] if not redact else f"{instance._meta.label} {instance.pk}",
        action=action,
        changes=changes,
    )


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
                object_repr=str(instance)[:200],
                action=action,
                # as change_record_create: only the fields that differ from nothing
                changes={n: [None, v] for n, v in sorted(after.items()) if v is not None},
            )
        )
    return ChangeRecord.objects.bulk_create(records)
