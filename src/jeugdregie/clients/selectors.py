# SPDX-License-Identifier: EUPL-1.2
"""Reads of youth. Every function that returns personal data records the access."""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import ScopePaths, organisation_scope
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key, family_name_lookup_key
from jeugdregie.core.bsn import normalise_bsn, passes_eleven_test
from jeugdregie.regions.models import Region

__all__ = [
    "YOUTH_SCOPE",
    "youth_by_bsn",
    "youth_by_bsn_index",
    "youth_by_bsn_required",
    "youth_detail",
    "youth_search",
    "youth_visible_to",
]

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


# --- "youth by BSN" ---------------------------------------------------------------------
# The one owner of the question (issue 12). A youth is found by the keyed hash of its BSN
# (``bsn_index``), only in the municipalities of ``region``. ``region=None`` looks in every
# region and is only for callers that create the youth when none is found (a JW315, the
# master-data import): a BSN is unique nationally, so a second record may not be made.
# These functions record no access and check no user: a caller that shows the youth uses
# ``youth_detail``; a provider's own submission is linked with ``youth_by_bsn`` but never
# answered with it (``clients.submissions``: the provider learns nothing about a youth it
# has no relation with).


def youth_by_bsn_index(
    *, bsn_index: str, region: Region | int | None, keys_only: bool = False
) -> Youth | None:
    """The youth whose BSN has this keyed hash, in ``region`` (None: any region), or None.

    ``keys_only``: read only the keys (nothing to decrypt; the rest is read when used), for
    the message pipeline, which needs the youth only to link and compare."""
    youths = Youth.objects.filter(bsn_index=bsn_index)
    if region is not None:
        youths = youths.filter(municipality__region=region)
    if keys_only:
        youths = youths.only("pk", "municipality_id", "bsn_index")
    else:
        youths = youths.select_related("municipality")
    return youths.order_by("pk").first()


def youth_by_bsn(*, bsn: str, region: Region | int | None, keys_only: bool = False) -> Youth | None:
    """The youth with this BSN in ``region`` (None: any region), or None."""
    return youth_by_bsn_index(bsn_index=bsn_lookup_key(bsn), region=region, keys_only=keys_only)


def youth_by_bsn_required(*, bsn: str, region: Region | int) -> Youth:
    """The region's youth with this BSN for the region's own staff (a case of the
    afwegingskader, a waiting-list report by staff); a ValidationError on ``bsn`` when the
    BSN fails the eleven-test or no youth of the region has it. Never for a provider: its
    answer tells whether the youth exists (a provider's request keeps its submission)."""
    number = normalise_bsn(bsn)
    if not (number.isdigit() and passes_eleven_test(number)):
        raise ValidationError({"bsn": _("BSN '%(value)s' is not a valid BSN.") % {"value": bsn}})
    youth = youth_by_bsn(bsn=number, region=region)
    if youth is None:
        raise ValidationError(
            {"bsn": _("No youth with this BSN lives in one of the region's municipalities.")}
        )
    return youth
