# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.contracting.models import Contract, Lot, Provider
from jeugdregie.regions.models import Region


def _check_digits(field: str, label: str, value: str, *, required: bool) -> None:
    if not value and not required:
        return
    if not value.isdigit():
        raise ValidationError(
            {
                field: _("%(label)s '%(value)s' may contain digits only; expected 8 digits.")
                % {"label": label, "value": value}
            }
        )
    if len(value) != 8:
        raise ValidationError(
            {
                field: _("%(label)s '%(value)s' has %(count)s digits; expected 8 digits.")
                % {"label": label, "value": value, "count": len(value)}
            }
        )


@transaction.atomic
def provider_create(
    *, actor: User | None, agb_code: str, name: str, kvk_number: str = ""
) -> Provider:
    agb_code, kvk_number = agb_code.strip(), kvk_number.strip()
    _check_digits("agb_code", _("AGB code"), agb_code, required=True)
    _check_digits("kvk_number", _("KvK number"), kvk_number, required=False)
    if Provider.objects.filter(agb_code=agb_code).exists():
        raise ValidationError({"agb_code": _("A provider with this AGB code already exists.")})
    provider = Provider(agb_code=agb_code, name=name.strip(), kvk_number=kvk_number)
    provider.full_clean()
    provider.save()
    change_record_create(user=actor, instance=provider, action=ChangeAction.CREATE)
    return provider


@transaction.atomic
def provider_update(
    *, actor: User | None, provider: Provider, name: str, kvk_number: str
) -> Provider:
    kvk_number = kvk_number.strip()
    _check_digits("kvk_number", _("KvK number"), kvk_number, required=False)
    before = snapshot(provider)
    provider.name, provider.kvk_number = name.strip(), kvk_number
    provider.full_clean()
    provider.save()
    change_record_create(user=actor, instance=provider, action=ChangeAction.UPDATE, before=before)
    return provider


@transaction.atomic
def contract_create(
    *,
    actor: User | None,
    region: Region,
    provider: Provider,
    kind: str,
    reference: str,
    lots: list[Lot],
    start: date,
    end: date | None = None,
) -> Contract:
    foreign = [lot for lot in lots if lot.region_id != region.pk]
    if foreign:
        raise ValidationError({"lots": _("All lots must belong to the contract's region.")})
    contract = Contract(
        region=region, provider=provider, kind=kind, reference=reference, start=start, end=end
    )
    contract.full_clean()
    contract.save()
    contract.lots.set(lots)
    change_record_create(user=actor, instance=contract, action=ChangeAction.CREATE)
    return contract
