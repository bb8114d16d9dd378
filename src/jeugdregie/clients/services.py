# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.constants import Gender
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.core.bsn import normalise_bsn, validate_bsn
from jeugdregie.regions.models import Municipality

__all__ = [
    "ANONYMOUS",
    "PERSONAL_FIELDS",
    "bsn_lookup_key",
    "family_name_lookup_key",
    "given_name_lookup_key",
    "referral_create",
    "youth_anonymise",
    "youth_create",
    "youth_lookup_keys",
    "youth_rectify",
]

PERSONAL_FIELDS = ("bsn", "given_name", "family_name", "birth_date")
# The keyed hashes of those fields: the change log says that they changed, never their value.
LOOKUP_KEY_FIELDS = ("bsn_index", "given_name_index", "family_name_index")
ANONYMOUS = "(geanonimiseerd)"
"""The name an anonymised youth keeps (data, not interface text: it is stored)."""


def bsn_lookup_key(bsn: str) -> str:
    return Youth.BSN_INDEX.of(bsn)


def family_name_lookup_key(name: str) -> str:
    """The keyed hash of a family name as the search compares it (``clients.names``)."""
    return Youth.FAMILY_NAME_INDEX.of(name)


def given_name_lookup_key(name: str) -> str:
    """The keyed hash of the first given name as the search compares it."""
    return Youth.GIVEN_NAME_INDEX.of(name)


def youth_lookup_keys(*, bsn: str, given_name: str, family_name: str) -> dict[str, str | None]:
    """Every keyed hash a youth row keeps, by column: the one place that fills them (the
    youth service, a correction, the demo writer's bulk insert). An unknown BSN has none."""
    return {
        "bsn_index": bsn_lookup_key(bsn) if bsn else None,
        "given_name_index": given_name_lookup_key(given_name),
        "family_name_index": family_name_lookup_key(family_name),
    }


def _check_municipality(actor: User | None, municipality: Municipality) -> None:
    organisation: Organisation | None = actor.organisation if actor else None
    if actor is None or organisation is None:
        return
    if actor.role == Role.ACCESS_STAFF and organisation.municipality_id != municipality.pk:
        raise ValidationError(
            {"municipality": _("You can only register youth of your own municipality.")}
        )
    if municipality.region_id != organisation.region_id:
        raise ValidationError({"municipality": _("This municipality is not in your region.")})


@transaction.atomic
def youth_create(
    *,
    actor: User | None,
    bsn: str,
    given_name: str,
    family_name: str,
    birth_date: date,
    municipality: Municipality,
    gender: str = Gender.UNKNOWN,
) -> Youth:
    try:
        validate_bsn(bsn)
    except ValidationError as exc:
        raise ValidationError({"bsn": exc.messages}) from exc
    bsn = normalise_bsn(bsn)
    if birth_date > timezone.localdate():
        raise ValidationError({"birth_date": _("The birth date lies in the future.")})
    _check_municipality(actor, municipality)
    index = bsn_lookup_key(bsn)
    if Youth.objects.filter(bsn_index=index).exists():
        raise ValidationError({"bsn": _("A youth with this BSN is already registered.")})
    youth = Youth(
        bsn=bsn,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        birth_date=birth_date,
        gender=gender,
        municipality=municipality,
        **youth_lookup_keys(bsn=bsn, given_name=given_name, family_name=family_name),
    )
    youth.full_clean(exclude=list(LOOKUP_KEY_FIELDS))
    youth.save()
    change_record_create(
        user=actor,
        instance=youth,
        action=ChangeAction.CREATE,
        redact=PERSONAL_FIELDS + LOOKUP_KEY_FIELDS,
    )
    return youth


@transaction.atomic
def referral_create(
    *,
    actor: User | None,
    youth: Youth,
    referrer_type: str,
    date: date,
    referrer_name: str = "",
    referrer_agb: str = "",
    referrer_organisation: Organisation | None = None,
    care_profile: str = "",
) -> Referral:
    referral = Referral(
        youth=youth,
        referrer_type=referrer_type,
        date=date,
        referrer_name=referrer_name,
        referrer_agb=referrer_agb,
        referrer_organisation=referrer_organisation,
        care_profile=care_profile,
    )
    referral.full_clean()
    referral.save()
    change_record_create(user=actor, instance=referral, action=ChangeAction.CREATE)
    return referral


@transaction.atomic
def youth_anonymise(*, youth: Youth) -> Youth:
    """Remove what identifies the youth once its retention period passed: name and BSN (and
    their keyed hashes: the youth is no longer found by name or BSN), the day of birth (the
    month stays, so age figures keep counting). The row, its municipality and everything
    pointing at it stay; the change log records the anonymisation, never the values that
    were removed."""
    if youth.anonymised_at is not None:
        return youth
    youth.given_name = ANONYMOUS
    youth.family_name = ANONYMOUS
    youth.given_name_index = ""
    youth.family_name_index = ""
    youth.bsn = ""
    youth.bsn_index = None
    youth.birth_date = youth.birth_date.replace(day=1)
    youth.anonymised_at = timezone.now()
    youth.save(
        update_fields=[
            "given_name",
            "given_name_index",
            "family_name",
            "family_name_index",
            "bsn",
            "bsn_index",
            "birth_date",
            "anonymised_at",
        ]
    )
    change_record_create(
        user=None,
        instance=youth,
        action=ChangeAction.UPDATE,
        before={"anonymised_at": None},
        after={"anonymised_at": youth.anonymised_at.isoformat()},
    )
    return youth


@transaction.atomic
def youth_rectify(
    *,
    actor: User,
    youth: Youth,
    given_name: str,
    family_name: str,
    birth_date: date,
    gender: str,
) -> Youth:
    """Correct a youth's personal details (AVG art. 16), on the privacy officer's decision.
    The change log records which fields changed and by whom, the values encrypted away like
    at registration. The BSN is not corrected here: a wrong BSN is another person."""
    if youth.anonymised_at is not None:
        raise ValidationError(_("This youth is anonymised; there is nothing left to correct."))
    given_name, family_name = given_name.strip(), family_name.strip()
    if not given_name or not family_name:
        raise ValidationError(_("Give both the given name and the family name."))
    if birth_date > timezone.localdate():
        raise ValidationError({"birth_date": _("The birth date lies in the future.")})
    stored = (youth.given_name, youth.family_name, youth.birth_date, youth.gender)
    if stored == (given_name, family_name, birth_date, gender):
        return youth  # saved unchanged: nothing to write, nothing to log
    before = snapshot(youth, redact=PERSONAL_FIELDS + LOOKUP_KEY_FIELDS)
    youth.given_name, youth.family_name = given_name, family_name
    youth.given_name_index = given_name_lookup_key(given_name)
    youth.family_name_index = family_name_lookup_key(family_name)
    youth.birth_date, youth.gender = birth_date, gender
    youth.full_clean(exclude=list(LOOKUP_KEY_FIELDS))
    youth.save(
        update_fields=[
            "given_name",
            "given_name_index",
            "family_name",
            "family_name_index",
            "birth_date",
            "gender",
        ]
    )
    change_record_create(
        user=actor,
        instance=youth,
        action=ChangeAction.UPDATE,
        before=before,
        redact=PERSONAL_FIELDS + LOOKUP_KEY_FIELDS,
    )
    return youth
