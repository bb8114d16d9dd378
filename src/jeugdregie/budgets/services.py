# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange
from jeugdregie.contracting.models import Lot, Provider
from jeugdregie.regions.models import Region


def _clean_amount(amount: Decimal | str) -> Decimal:
    try:
        value = Decimal(str(amount))
    except InvalidOperation as exc:
        raise ValidationError(
            {"amount": _("'%(value)s' is not an amount.") % {"value": amount}}
        ) from exc
    if value < 0:
        raise ValidationError(
            {
                "amount": _("A budget ceiling cannot be below zero (entered: € %(value)s).")
                % {"value": number_format(value, 2, use_l10n=True)}
            }
        )
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def ceiling_set(
    *,
    actor: User | None,
    region: Region,
    provider: Provider,
    year: int,
    amount: Decimal | str,
    basis: str = CeilingBasis.FIXED,
    lot: Lot | None = None,
    reason: str,
    decision_reference: str = "",
) -> BudgetCeiling:
    """Create or change a ceiling; every amount it has had is kept in its history."""
    value = _clean_amount(amount)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason for this ceiling.")})
    if lot is not None and lot.region_id != region.pk:
        raise ValidationError({"lot": _("This lot does not belong to the region.")})
    ceiling = (
        BudgetCeiling.objects.select_for_update()
        .filter(region=region, provider=provider, year=year, lot=lot)
        .first()
    )
    old_amount = ceiling.amount if ceiling else None
    if (
        ceiling is not None
        and old_amount is not None
        and value > old_amount
        and region.ceiling_fixed_in_year
        and year <= timezone.localdate().year
    ):
        raise ValidationError(
            {
                "amount": _(
                    "The region fixes ceilings within the year: the %(year)s ceiling "
                    "cannot be raised."
                )
                % {"year": year}
            }
        )
    if ceiling is None:
        ceiling = BudgetCeiling(region=region, provider=provider, year=year, lot=lot)
    ceiling.amount, ceiling.basis = value, basis
    ceiling.full_clean()
    ceiling.save()
    BudgetCeilingChange.objects.create(
        ceiling=ceiling,
        user=actor,
        old_amount=old_amount,
        new_amount=value,
        reason=reason.strip(),
        decision_reference=decision_reference.strip(),
    )
    return ceiling
