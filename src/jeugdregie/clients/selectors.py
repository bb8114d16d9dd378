# SPDX-License-Identifier: EUPL-1.2
"""Reads of youth. Every function that returns personal data records the access."""

from django.db.models import Q, QuerySet
from django.http import Http404

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import ScopePaths, organisation_scope
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key, family_name_lookup_key
from jeugdregie.core.bsn import normalise_bsn, passes_eleven_test

YOUTH_SCOPE = ScopePaths(
    region="municipality__region_id",
    municipality="municipality_id",
    referring_organisation="referrals__referrer_organisation_id",
    provider="allocations__provider_id",
    youth="pk",
)


def youth_visible_to(*, user: User) -> QuerySet[Youth]:
    scope = organisation_scope(user, capability=Capability.VIEW_YOUTH, paths=YOUTH_SCOPE)
    if scope is None:
        return Youth.objects.none()
    return Youth.objects.filter(pk__in=Youth.objects.filter(scope).values("pk")).select_related(
        "municipality"
    )


def youth_search(*, user: User, query: str, route: str) -> list[Youth]:
    """Exact search on BSN or family name (both stored encrypted, found by keyed hash)."""
    text = query.strip()
    if not text:
        return []
    bsn = normalise_bsn(text)
    if bsn.isdigit():
        if not passes_eleven_test(bsn):
            return []
        condition = Q(bsn_index=bsn_lookup_key(bsn))
    else:
        condition = Q(family_name_index=family_name_lookup_key(text))
    results = list(youth_visible_to(user=user).filter(condition).order_by("birth_date", "pk")[:50])
    access_record_create(
        user=user, youth_ids=[y.pk for y in results], purpose=AccessPurpose.SEARCH, route=route
    )
    return results


def youth_detail(
    *, user: User, pk: int, route: str, purpose: AccessPurpose = AccessPurpose.DETAIL
) -> Youth:
    youth = youth_visible_to(user=user).filter(pk=pk).first()
    if youth is None:
        raise Http404
    access_record_create(user=user, youth_ids=[youth.pk], purpose=purpose, route=route)
    return youth
