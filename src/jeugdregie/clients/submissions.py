# SPDX-License-Identifier: EUPL-1.2
"""The identity of a youth as a provider submitted it (issue 11, provider isolation).

Wherever a provider names a youth by BSN (a waiting-list report, a nee-tenzij request), the
BSN, name and birth date it typed are checked on their own form only, stored with what it
asked for, and linked to the region's youth record when there is one. The answer, and what
the provider is shown afterwards, never depends on whether that youth exists: the provider
is shown its own submission, the region sees the link (found with
``clients.selectors.youth_by_bsn``, the one owner of "youth by BSN").
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.core.bsn import normalise_bsn, passes_eleven_test


@dataclass(frozen=True)
class Submission:
    """The identity of a youth as a provider submitted it (or as its JW315 named it)."""

    bsn: str
    given_name: str
    family_name: str
    birth_date: date

    @property
    def bsn_index(self) -> str:
        return bsn_lookup_key(self.bsn)

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


def submission_check(
    *, bsn: str, given_name: str, family_name: str, birth_date: date, today: date
) -> Submission:
    """The submitted identity, checked on its own form only (never against the youth records:
    the answer must not depend on whether a youth with this BSN exists)."""
    errors: dict[str, list[str]] = {}
    number = normalise_bsn(bsn)
    if not (number.isdigit() and len(number) == 9 and passes_eleven_test(number)):
        errors["bsn"] = [_("BSN '%(value)s' is not a valid BSN.") % {"value": bsn}]
    if not given_name.strip():
        errors["given_name"] = [_("Give the youth's given name.")]
    if not family_name.strip():
        errors["family_name"] = [_("Give the youth's family name.")]
    if birth_date > today:
        errors["birth_date"] = [
            _("The birth date %(day)s lies in the future.")
            % {"day": date_format(birth_date, "j F Y")}
        ]
    if errors:
        raise ValidationError(errors)
    return Submission(
        bsn=number,
        given_name=" ".join(given_name.split()),
        family_name=" ".join(family_name.split()),
        birth_date=birth_date,
    )
