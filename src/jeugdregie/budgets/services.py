# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_records_create
from jeugdregie.budgets import ledger
from jeugdregie.budgets.constants import CeilingBasis, RealisationSource
from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange, Realisation
from jeugdregie.budgets.reconciliation import LedgerCheck, ledger_reconcile
from jeugdregie.contracting.models import Lot, Provider
from jeugdregie.regions.models import Region

__all__ = [
    "LedgerCheck",
    "RealisationLine",
    "ceiling_raise_refusal",
    "ceiling_set",
    "ledger_reconcile",
    "realisation_book",
    "realisation_credit",
    "realisations_book",
]


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


def ceiling_raise_refusal(
    *, region: Region, year: int, old_amount: Decimal | None, new_amount: Decimal
) -> str:
    """Why a ceiling cannot go from ``old_amount`` to ``new_amount``; empty when it can.

    A region with ``ceiling_fixed_in_year`` refuses raising a ceiling of the current (or a
    past) year.
    """
    if (
        old_amount is not None
        and new_amount > old_amount
        and region.ceiling_fixed_in_year
        and year <= timezone.localdate().year
    ):
        return _(
            "The region fixes ceilings within the year: the %(year)s ceiling cannot be raised."
        ) % {"year": year}
    return ""


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
        BudgetCeiling.objects.select_for_update(of=("self",))
        .filter(region=region, provider=provider, year=year, lot=lot)
        .first()
    )
    old_amount = ceiling.amount if ceiling else None
    refusal = ceiling_raise_refusal(
        region=region, year=year, old_amount=old_amount, new_amount=value
    )
    if refusal:
        raise ValidationError({"amount": refusal})
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
    ledger.ledger_ceiling_changed(ceiling=ceiling)
    return ceiling


def realisation_book(
    *,
    actor: User | None,
    region: Region,
    provider: Provider,
    year: int,
    month: int,
    amount: Decimal | str,
    source: str = RealisationSource.DECLARATION,
    is_credit: bool = False,
    reference: str = "",
    allocation: Allocation | None = None,
) -> Realisation:
    """Book realised spend for a service month: an approved declaration line or an import.

    A credit (``is_credit``) subtracts its amount. A reference (the declaration line) can
    be booked once per region.
    """
    line = RealisationLine(
        year=year,
        month=month,
        amount=amount,
        reference=reference,
        is_credit=is_credit,
        allocation=allocation,
    )
    (realisation,) = realisations_book(
        actor=actor, region=region, provider=provider, lines=[line], source=source
    )
    return realisation


@dataclass(frozen=True)
class RealisationLine:
    """One line to book with ``realisations_book``."""

    year: int
    month: int
    amount: Decimal | str
    reference: str
    is_credit: bool = False
    allocation: Allocation | None = None


def realisations_book(
    *,
    actor: User | None,
    region: Region,
    provider: Provider,
    lines: list[RealisationLine],
    source: str = RealisationSource.DECLARATION,
    references_checked: bool = False,
) -> list[Realisation]:
    """``realisation_book`` for several lines of one provider at once (the approved lines of a
    declaration): the same checks, one query for the references, one insert, one ledger
    update. All or nothing: one bad line books none.

    ``references_checked``: the caller has proven the references new (a declaration's line
    references, TR314), so they are not read again; the database still refuses a reference
    booked twice.
    """
    if not lines:
        return []
    rows = []
    references = [line.reference.strip() for line in lines if line.reference.strip()]
    if len(set(references)) != len(references):
        raise ValidationError({"reference": _("A line reference occurs twice in the batch.")})
    booked = (
        set()
        if references_checked
        else set(
            Realisation.objects.filter(region=region, reference__in=references).values_list(
                "reference", flat=True
            )
        )
    )
    for line in lines:
        value = _clean_amount(line.amount)
        if not 1 <= line.month <= 12:
            raise ValidationError(
                {"month": _("Month %(month)s does not exist; use 1 to 12.") % {"month": line.month}}
            )
        if line.reference.strip() in booked:
            raise ValidationError(
                {
                    "reference": _("Line '%(reference)s' has already been booked.")
                    % {"reference": line.reference.strip()}
                }
            )
        if line.allocation is not None and line.allocation.provider_id != provider.pk:
            raise ValidationError({"allocation": _("This allocation belongs to another provider.")})
        realisation = Realisation(
            region=region,
            provider=provider,
            year=line.year,
            month=line.month,
            amount=value,
            is_credit=line.is_credit,
            source=source,
            reference=line.reference.strip(),
            allocation=line.allocation,
            booked_by=actor,
        )
        # the related objects are at hand: no query per foreign key to prove they exist
        realisation.clean_fields(exclude=["region", "provider", "allocation", "booked_by"])
        rows.append(realisation)
    # Every check is done: a refusal above leaves the caller's transaction usable; the writes
    # take no savepoint of their own inside it (two round trips less per declaration).
    with transaction.atomic(savepoint=False):
        Realisation.objects.bulk_create(rows)
        change_records_create(user=actor, instances=rows, action=ChangeAction.CREATE)
        ledger.ledger_realisations_booked(region=region, provider_id=provider.pk, realisations=rows)
    return rows


def realisation_credit(
    *, actor: User | None, original: Realisation, reference: str = ""
) -> Realisation:
    """Credit a booked line in full (a credit line of the same month and amount)."""
    if original.is_credit:
        raise ValidationError(_("A credit cannot be credited."))
    return realisation_book(
        actor=actor,
        region=original.region,
        provider=original.provider,
        year=original.year,
        month=original.month,
        amount=original.amount,
        source=original.source,
        is_credit=True,
        reference=reference,
        allocation=original.allocation,
    )
