# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import region_id_of
from jeugdregie.audit.constants import AccessEvent, ChangeAction
from jeugdregie.audit.models import AccessRecord, ChangeRecord

__all__ = [
    "HistoryLine",
    "access_records_by_user",
    "access_records_for_bsn_hash",
    "access_records_for_youth",
    "change_records_for",
    "history_lines",
    "security_events_for",
]


def _unlinked_in_region(region_id: int) -> Q:
    """Reads of a BSN no youth was linked to: in the region whose data it was, else in the
    reader's region."""
    return Q(youth__isnull=True) & (
        Q(region_id=region_id) | Q(region__isnull=True, user__organisation__region_id=region_id)
    )


def access_records_for_youth(
    *, actor: User, youth_id: int, bsn_hash: str = ""
) -> QuerySet[AccessRecord]:
    """Who saw this youth? Limited to youth and users of the actor's region; with the
    youth's keyed BSN hash also the reads of that BSN in messages linked to no youth."""
    region_id = region_id_of(actor)
    scope = Q(youth_id=youth_id, youth__municipality__region_id=region_id)
    if bsn_hash:
        scope |= Q(bsn_hash=bsn_hash) & _unlinked_in_region(region_id)
    return AccessRecord.objects.filter(scope).select_related("user", "user__organisation")


def access_records_for_bsn_hash(*, actor: User, bsn_hash: str) -> QuerySet[AccessRecord]:
    """Who saw this BSN where it was linked to no youth (a message), in the actor's region."""
    return AccessRecord.objects.filter(
        Q(bsn_hash=bsn_hash) & _unlinked_in_region(region_id_of(actor))
    ).select_related("user", "user__organisation")


def access_records_by_user(*, actor: User, subject_id: int) -> QuerySet[AccessRecord]:
    """What did this user see and do (reads and security events)? Limited to users of the
    actor's region."""
    return AccessRecord.objects.filter(
        user_id=subject_id, user__organisation__region_id=region_id_of(actor)
    ).select_related("youth", "youth__municipality")


def security_events_for(*, actor: User, event: str = "") -> QuerySet[AccessRecord]:
    """Sign-ins, sign-outs, failed sign-ins, lockouts, denied requests and exports of the
    users of the actor's region (a failed sign-in counts when its username is one of them)."""
    events = AccessRecord.objects.exclude(event=AccessEvent.READ)
    if event:
        events = events.filter(event=event)
    return events.filter(user__organisation__region_id=region_id_of(actor)).select_related(
        "user", "user__organisation"
    )


def change_records_for(*, model: str, object_pk: str) -> QuerySet[ChangeRecord]:
    return ChangeRecord.objects.filter(model=model, object_pk=object_pk).select_related("user")


@dataclass(frozen=True)
class HistoryLine:
    """One change record in words: when, who, what was done, and each changed field by its
    label with the old and the new value."""

    at: datetime
    user: str
    action: str
    changes: list[tuple[str, str, str]]


def history_lines(
    records: Iterable[ChangeRecord],
    model: type[Model],
    *,
    hidden: Collection[str] = (),
    named: Collection[str] = (),
) -> list[HistoryLine]:
    """The one way a change record is shown to people: each changed field by its verbose
    name, a value by its choice label, yes or no, or, for the foreign keys in ``named``, by
    the name of the row it points at (never an id). The primary key and the ``hidden``
    fields are left out, and so are the values of a creation (the page shows them)."""
    records = list(records)
    fields = {field.name: field for field in model._meta.concrete_fields}
    related: dict[tuple[str, str], str] = {}
    for name in named:
        target = fields[name].related_model
        keys = {v for r in records for v in r.changes.get(name, []) if v not in (None, "")}
        if keys and isinstance(target, type):
            for obj in target._default_manager.filter(pk__in=keys):
                related[(name, str(obj.pk))] = str(getattr(obj, "name", obj))
    choices = {name: dict(field.flatchoices) for name, field in fields.items() if field.choices}
    booleans = {name for name, f in fields.items() if f.get_internal_type() == "BooleanField"}

    def shown(name: str, value: object) -> str:
        if value in (None, ""):
            return "—"
        text = str(value)
        if name in choices:
            return str(choices[name].get(text, text))
        if name in booleans:
            return {"True": _("yes"), "False": _("no")}.get(text, text)
        return related.get((name, text), text)

    return [
        HistoryLine(
            at=record.at,
            user=record.user.username if record.user else "",
            action=record.get_action_display(),
            changes=[]
            if record.action == ChangeAction.CREATE
            else [
                (str(fields[name].verbose_name), shown(name, old), shown(name, new))
                for name, (old, new) in record.changes.items()
                if name in fields
                and not fields[name].primary_key
                and name not in hidden
                and old != new
            ],
        )
        for record in records
    ]
