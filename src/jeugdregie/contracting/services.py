# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ijw.codelists import ProductCategorie
from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.contracting.constants import ExecutionVariant
from jeugdregie.contracting.models import Contract, Lot, Product, ProductCategory, Provider
from jeugdregie.regions.models import Region

__all__ = [
    "contract_create",
    "lot_create",
    "product_create",
    "provider_create",
    "provider_update",
]


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
    if (provider.name, provider.kvk_number) == (name.strip(), kvk_number):
        return provider  # saved unchanged: nothing to write, nothing to log
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


@transaction.atomic
def lot_create(*, actor: User | None, region: Region, code: str, name: str) -> Lot:
    code, name = code.strip(), name.strip()
    if Lot.objects.filter(region=region, code=code).exists():
        raise ValidationError({"code": _("The region already has a lot with this code.")})
    lot = Lot(region=region, code=code, name=name)
    lot.full_clean()
    lot.save()
    change_record_create(user=actor, instance=lot, action=ChangeAction.CREATE)
    return lot


@transaction.atomic
def product_create(
    *,
    actor: User | None,
    region: Region,
    lot: Lot,
    category_code: str,
    code: str,
    name: str,
    unit: str,
    variant: str = ExecutionVariant.EFFORT,
) -> Product:
    """A product the region buys; its JZ020 category is registered on first use."""
    category_code, code = category_code.strip(), code.strip()
    try:
        category_name = ProductCategorie(category_code).name.replace("_", " ").capitalize()
    except ValueError as exc:
        raise ValidationError(
            {"category": _("'%(code)s' is not a JZ020 product category.") % {"code": category_code}}
        ) from exc
    if lot.region_id != region.pk:
        raise ValidationError({"lot": _("This lot does not belong to the region.")})
    if Product.objects.filter(region=region, code=code).exists():
        raise ValidationError({"code": _("The region already has a product with this code.")})
    category, created = ProductCategory.objects.get_or_create(
        code=category_code, defaults={"name": category_name}
    )
    if created:
        change_record_create(user=actor, instance=category, action=ChangeAction.CREATE)
    product = Product(
        region=region,
        lot=lot,
        category=category,
        code=code,
        name=name.strip(),
        unit=unit,
        variant=variant,
    )
    product.full_clean()
    product.save()
    change_record_create(user=actor, instance=product, action=ChangeAction.CREATE)
    return product
