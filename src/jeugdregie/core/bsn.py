# SPDX-License-Identifier: EUPL-1.2
"""The Dutch citizen service number (BSN) and its eleven-test."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TEST_RANGE_PREFIX = "9999"


def normalise_bsn(value: str) -> str:
    return "".join(value.split()).replace(".", "")


def passes_eleven_test(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn[:8], range(9, 1, -1), strict=True))
    total -= int(bsn[8])
    return total % 11 == 0 and bsn != "000000000"


def validate_bsn(value: str) -> None:
    bsn = normalise_bsn(value)
    if len(bsn) != 9 or not bsn.isdigit():
        raise ValidationError(
            _("A BSN has exactly 9 digits; '%(value)s' has %(count)s."),
            code="bsn_length",
            params={"value": value, "count": len(bsn)},
        )
    if not passes_eleven_test(bsn):
        raise ValidationError(
            _("BSN '%(value)s' does not pass the eleven-test; check for a typing error."),
            code="bsn_eleven_test",
            params={"value": value},
        )


def mask_bsn(bsn: str) -> str:
    """Show only the last three digits, e.g. on screens that need to confirm identity."""
    return "******" + bsn[-3:] if bsn else ""
