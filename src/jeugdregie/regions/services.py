# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create
from jeugdregie.regions.codelists import cbs_codes
from jeugdregie.regions.models import Municipality, Region

__all__ = [
    "municipality_create",
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
