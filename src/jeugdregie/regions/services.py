# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import OrganisationKind
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.selectors import organisation_by_code
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create
from jeugdregie.regions.codelists import cbs_codes
from jeugdregie.regions.models import Municipality, Region

if TYPE_CHECKING:
    from jeugdregie.contracting.models import Provider

__all__ = [
    "municipality_create",
    "municipality_organisation_create",
    "organisation_create",
    "region_create",
    "region_office_code",
    "validate_cbs_code",
]


def validate_cbs_code(code: str) -> None:
    if len(code) != 4 or not code.isdigit():
        raise ValidationError(
            {
                "cbs_code": _("CBS code '%(code)s' must have exactly 4 digits, e.g. 0505.")
                % {"code": code}
            }
        )
    known = cbs_codes()
    if known and code not in known:
        raise ValidationError(
            {
                "cbs_code": _("CBS code '%(code)s' is not a known municipality code.")
                % {"code": code}
            }
        )


@transaction.atomic
def municipality_create(
    *, actor: User | None, region: Region, cbs_code: str, name: str, youth_population: int = 0
) -> Municipality:
    cbs_code = cbs_code.strip()
    validate_cbs_code(cbs_code)
    if Municipality.objects.filter(cbs_code=cbs_code).exists():
        raise ValidationError({"cbs_code": _("This municipality is already registered.")})
    municipality = Municipality(
        region=region, cbs_code=cbs_code, name=name.strip(), youth_population=youth_population
    )
    municipality.full_clean()
    municipality.save()
    change_record_create(user=actor, instance=municipality, action=ChangeAction.CREATE)
    return municipality


def region_office_code(region: Region) -> str:
    """The organisation code of a region's service organisation (``<region>-servicecentrum``)."""
    return f"{region.code}-servicecentrum"


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    region: Region,
    kind: str,
    name: str,
    code: str = "",
    municipality: Municipality | None = None,
    provider: "Provider | None" = None,
) -> Organisation:
    """An organisation users work for; ``code`` (default: region code and name) is the stable
    identifier the sign-in's group mapping and ``user_create`` name it by."""
    name = name.strip()
    code = (code.strip() or slugify(f"{region.code}-{name}"))[:60]
    if municipality is not None and municipality.region_id != region.pk:
        raise ValidationError({"municipality": _("This municipality belongs to another region.")})
    if organisation_by_code(code) is not None:
        raise ValidationError(
            {"code": _("An organisation with code '%(code)s' already exists.") % {"code": code}}
        )
    organisation = Organisation(
        region=region,
        kind=kind,
        name=name,
        code=code,
        municipality=municipality,
        provider=provider,
    )
    organisation.full_clean()
    organisation.save()
    change_record_create(user=actor, instance=organisation, action=ChangeAction.CREATE)
    return organisation


def _thresholds_ascend(thresholds: list[Decimal | None]) -> None:
    given = [t for t in thresholds if t is not None]
    if given and len(given) != len(thresholds):
        raise ValidationError(
            _("Give all three status thresholds or none (then the dated policy applies).")
        )
    if given != sorted(given) or len(set(given)) != len(given):
        raise ValidationError(
            _("The status thresholds must ascend: warning < critical < exhausted.")
        )


@transaction.atomic
def region_create(
    *,
    actor: User | None,
    code: str,
    name: str,
    office_name: str = "",
    ceiling_fixed_in_year: bool = True,
    client_stop_allows_extensions: bool = True,
    status_warning_pct: Decimal | None = None,
    status_critical_pct: Decimal | None = None,
    status_exhausted_pct: Decimal | None = None,
) -> Region:
    """A new region with its policy settings and its service organisation (the organisation of
    contract management, policy, functional administration and the privacy officer)."""
    code = code.strip().lower()
    if Region.objects.filter(code=code).exists():
        raise ValidationError(
            {"code": _("A region with code '%(code)s' already exists.") % {"code": code}}
        )
    thresholds = [status_warning_pct, status_critical_pct, status_exhausted_pct]
    _thresholds_ascend(thresholds)
    region = Region(
        code=code,
        name=name.strip(),
        ceiling_fixed_in_year=ceiling_fixed_in_year,
        client_stop_allows_extensions=client_stop_allows_extensions,
        status_warning_pct=status_warning_pct,
        status_critical_pct=status_critical_pct,
        status_exhausted_pct=status_exhausted_pct,
    )
    region.full_clean()
    region.save()
    change_record_create(user=actor, instance=region, action=ChangeAction.CREATE)
    organisation_create(
        actor=actor,
        region=region,
        kind=OrganisationKind.REGION_OFFICE,
        name=office_name.strip() or _("Service organisation %(region)s") % {"region": region.name},
        code=region_office_code(region),
    )
    return region


def municipality_organisation_create(
    *, actor: User | None, municipality: Municipality
) -> Organisation:
    """The organisation of a municipality's access team: "Gemeente <name>", code
    ``<region>-gemeente-<name>``."""
    region = municipality.region
    return organisation_create(
        actor=actor,
        region=region,
        kind=OrganisationKind.MUNICIPALITY,
        name=_("Municipality of %(name)s") % {"name": municipality.name},
        code=slugify(f"{region.code}-gemeente-{municipality.name}"),
        municipality=municipality,
    )
