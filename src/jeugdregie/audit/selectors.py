# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import region_id_of
from jeugdregie.audit.models import AccessRecord, ChangeRecord


def access_records_for_youth(*, actor: User, youth_id: int) -> QuerySet[AccessRecord]:
    """Who saw this youth? Limited to youth and users of the actor's region."""
    return AccessRecord.objects.filter(
        youth_id=youth_id, youth__municipality__region_id=region_id_of(actor)
    ).select_related("user", "user__organisation")


def access_records_by_user(*, actor: User, subject_id: int) -> QuerySet[AccessRecord]:
    """What did this user see? Limited to users of the actor's region."""
    return AccessRecord.objects.filter(
        user_id=subject_id, user__organisation__region_id=region_id_of(actor)
    ).select_related("youth", "youth__municipality")


def change_records_for(*, model: str, object_pk: str) -> QuerySet[ChangeRecord]:
    return ChangeRecord.objects.filter(model=model, object_pk=object_pk).select_related("user")
