# SPDX-License-Identifier: EUPL-1.2
"""Reads of youth. Every function that returns personal data records the access."""

from datetime import date
from functools import reduce
from operator import and_, or_

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
from jeugdregie.clients.names import name_readings
from jeugdregie.clients.services import (
    bsn_lookup_key,
    family_name_lookup_key,
    given_name_lookup_key,
)
from jeugdregie.core.bsn import normalise_bsn, passes_eleven_test
from jeugdregie.regions.models import Region

__all__ = [
    "SEARCH_LIMIT",
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


SEARCH_LIMIT = 50


def _name_condition(text: str) -> Q | None:
    """Any reading of ``text`` as a name (``clients.names.name_readings``), by keyed hash."""
    readings = []
    for reading in name_readings(text):
        parts = []
        if reading.given:
            parts.append(Q(given_name_index=given_name_lookup_key(reading.given)))
        if reading.family:
            parts.append(Q(family_name_index=family_name_lookup_key(reading.family)))
        readings.append(reduce(and_, parts))
    return reduce(or_, readings) if readings else None


def _search_condition(query: str, birth_date: date | None, by_name: bool) -> Q | None:
    conditions = []
    if text := query.strip():
        bsn = normalise_bsn(text)
        if bsn.isdigit():
            if not passes_eleven_test(bsn):
                return None
            conditions.append(Q(bsn_index=bsn_lookup_key(bsn)))
        else:
            names = _name_condition(text) if by_name else None
            if names is None:
                return None
            conditions.append(names)
    if birth_date is not None:
        conditions.append(Q(birth_date=birth_date))
    return reduce(and_, conditions) if conditions else None


def youth_search(
    *,
    user: User,
    route: str,
    query: str = "",
    birth_date: date | None = None,
    by_name: bool = True,
) -> list[Youth]:
    """The youth ``user`` may see that match, at most ``SEARCH_LIMIT``, and the access.

    ``query`` is a BSN (exact, by its keyed hash) or a name: a family name with or without
    its tussenvoegsels, a given name, or given names then a family name, in any case and
    with or without diacritics (``clients.names``; by keyed hashes, nothing is decrypted to
    search). ``birth_date`` narrows it, or searches on its own. Criteria combine with AND.
    ``by_name=False``: a BSN only (a form that asks for a BSN). An anonymised youth is not
    found: nothing that identified it is left."""
    condition = _search_condition(query, birth_date, by_name)
    if condition is None:
        return []
    results = list(
        youth_visible_to(user=user)
        .filter(condition, anonymised_at__isnull=True)
        .order_by("birth_date", "pk")[:SEARCH_LIMIT]
    )
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
