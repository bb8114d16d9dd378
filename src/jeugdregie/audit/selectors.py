# SPDX-License-Identifier: EUPL-1.2
from django.db.models import Q, QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import region_id_of
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.models import AccessRecord, ChangeRecord

__all__ = [
    "access_records_by_user",
    "access_records_for_bsn_hash",
    "access_records_for_youth",
    "change_records_for",
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
