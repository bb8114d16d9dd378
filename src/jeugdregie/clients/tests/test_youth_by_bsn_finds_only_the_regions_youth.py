# SPDX-License-Identifier: EUPL-1.2
""" "Youth by BSN" has one owner (issue 12): ``clients.selectors.youth_by_bsn``. It finds a
youth only in the municipalities of the region asked for (``None``: in every region, for the
callers that create a missing youth), by BSN or by the stored keyed hash, and the staff
variant refuses in Dutch."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jeugdregie.clients.selectors import youth_by_bsn, youth_by_bsn_index, youth_by_bsn_required
from jeugdregie.clients.services import bsn_lookup_key, youth_create
from jeugdregie.testing.factories import synthetic_test_bsn

IN_REGION, IN_OTHER_REGION, UNKNOWN = (synthetic_test_bsn(n) for n in (901, 902, 903))


@pytest.fixture
def youths(world):
    here = youth_create(
        actor=None,
        bsn=IN_REGION,
        given_name="Sam",
        family_name="Hier",
        birth_date=dt.date(2012, 1, 1),
        municipality=world.gorinchem,
    )
    there = youth_create(
        actor=None,
        bsn=IN_OTHER_REGION,
        given_name="Lou",
        family_name="Daar",
        birth_date=dt.date(2013, 1, 1),
        municipality=world.haarlem,
    )
    return {IN_REGION: here, IN_OTHER_REGION: there}


# (BSN as typed, which region: "region" / "other" / None, expected youth or None)
CASES = [
    (IN_REGION, "region", IN_REGION),
    (f"{IN_REGION[:4]}.{IN_REGION[4:6]}.{IN_REGION[6:]}", "region", IN_REGION),  # dots
    (IN_REGION, "other", None),
    (IN_REGION, None, IN_REGION),
    (IN_OTHER_REGION, "region", None),
    (IN_OTHER_REGION, "other", IN_OTHER_REGION),
    (IN_OTHER_REGION, None, IN_OTHER_REGION),
    (UNKNOWN, "region", None),
    (UNKNOWN, None, None),
]


@pytest.mark.parametrize(("bsn", "where", "expected"), CASES)
@pytest.mark.parametrize("keys_only", [False, True])
def test_the_youth_is_found_only_where_asked(world, youths, bsn, where, expected, keys_only):
    region = {"region": world.region, "other": world.other_region, None: None}[where]
    want = youths[expected] if expected else None
    assert youth_by_bsn(bsn=bsn, region=region, keys_only=keys_only) == want
    assert youth_by_bsn_index(bsn_index=bsn_lookup_key(bsn), region=region) == want
    # a region id answers the same as the region
    if region is not None:
        assert youth_by_bsn(bsn=bsn, region=region.pk) == want


def test_staff_get_the_youth_or_a_dutch_reason(world, youths):
    assert youth_by_bsn_required(bsn=IN_REGION, region=world.region) == youths[IN_REGION]
    with translation.override("nl"):
        for bsn, reason in [
            (IN_OTHER_REGION, "geen jeugdige met dit BSN"),
            (UNKNOWN, "geen jeugdige met dit BSN"),
            ("123456789", "geen geldig BSN"),
        ]:
            with pytest.raises(ValidationError) as refused:
                youth_by_bsn_required(bsn=bsn, region=world.region)
            assert reason in " ".join(refused.value.message_dict["bsn"])
