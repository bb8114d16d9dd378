# SPDX-License-Identifier: EUPL-1.2
"""Ceiling proposal for a year (budgets.md §1): norm × reference-year realisation.

The rules are policy data: dated files of the kind ``ceiling_norms`` in the policy tree
(``policy/<region>/ceiling_norms/``, read by ``jeugdregie.core.policy``) with, per year, the
norm, the reference year and the start budget for new providers, and the source they come
from; the rule of a year is in the file in force on 1 January of that year. ASSUMPTION (the
sources leave it open): a provider without realisation in the reference year gets the start
budget in full when it never had a ceiling in the region before the year, else the start
budget × the norm (the sources: "the same norm percentages applied in later years").

Who gets a proposal (corrected December 2026, issue 17, seeds/001): only the providers with a
running regional or tendered contract on some day of the year (``contracting.selectors.
providers_contracted``, the one owner of "is this provider contracted"). A provider with only
light contracts (maatwerk has no ceiling) or whose contracts ended before the year gets none.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DecimalField, F, Sum, Value, When
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.budgets import services
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.models import BudgetCeiling, Realisation
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import providers_contracted
from jeugdregie.core.policy import CEILING_NORMS, PolicyError, PolicyFile, policy_in_force
from jeugdregie.core.sources import source_for_people
from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import region_of

CENT = Decimal("0.01")


@dataclass(frozen=True)
class CeilingRule:
    region_code: str
    year: int
    norm: Decimal
    reference_year: int
    start_budget: Decimal
    source: str

    def describe(self) -> str:
        return _(
            "Ceiling rule %(region)s %(year)s: %(norm)s%% of the realisation of %(reference)s; "
            "start budget € %(start)s (source: %(source)s)"
        ) % {
            "region": self.region_code.upper(),
            "year": self.year,
            "norm": (self.norm * 100).normalize(),
            "reference": self.reference_year,
            "start": self.start_budget,
            "source": source_for_people(self.source),
        }


@lru_cache(maxsize=32)
def _rules_of(file: PolicyFile, region_code: str) -> dict[int, CeilingRule]:
    """The rules of one ceiling-norms file by year; a year outside the file's period is
    refused (it could never be read)."""
    rules = {
        int(row["year"]): CeilingRule(
            region_code=region_code,
            year=int(row["year"]),
            norm=Decimal(row["norm"]),
            reference_year=int(row["reference_year"]),
            start_budget=Decimal(row["start_budget"]),
            source=row.get("source", file.source),
        )
        for row in file.content["rules"]
    }
    outside = [year for year in rules if not file.in_force_on(dt.date(year, 1, 1))]
    if outside:
        raise PolicyError([f"{file.path}: the rules of {outside} fall outside the file's period"])
    return rules


def ceiling_rule(*, region: Region, year: int) -> CeilingRule | None:
    """The rule a region applies to the ceilings of a year, if it has one."""
    file = policy_in_force(region=region.code, kind=CEILING_NORMS, on=dt.date(year, 1, 1))
    return None if file is None else _rules_of(file, region.code).get(year)


@dataclass(frozen=True)
class ProposalRow:
    provider: Provider
    reference_realisation: Decimal | None  # None: nothing realised in the reference year
    norm: Decimal
    amount: Decimal
    current: Decimal | None
    basis: str
    refusal: str  # why applying this row would be refused; empty when it can be applied

    @property
    def basis_label(self) -> str:
        return str(CeilingBasis(self.basis).label)


@dataclass(frozen=True)
class Proposal:
    region: Region
    year: int
    rule: CeilingRule | None
    rows: list[ProposalRow]

    @property
    def total(self) -> Decimal:
        return sum((row.amount for row in self.rows), Decimal(0))

    @property
    def refusals(self) -> list[str]:
        return [f"{row.provider.name}: {row.refusal}" for row in self.rows if row.refusal]


def _compute(*, region: Region, year: int, rule: CeilingRule | None) -> Proposal:
    if rule is None:
        return Proposal(region=region, year=year, rule=None, rows=[])
    providers = providers_contracted(
        on=dt.date(year, 1, 1), until=dt.date(year, 12, 31), region=region
    ).order_by("name", "pk")
    signed = Case(
        When(is_credit=True, then=-F("amount")),
        default=F("amount"),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
    realised = dict(
        Realisation.objects.filter(region=region, year=rule.reference_year)
        .values("provider_id")
        .annotate(total=Sum(signed, default=Value(Decimal(0))))
        .values_list("provider_id", "total")
    )
    current = dict(
        BudgetCeiling.objects.filter(region=region, year=year, lot__isnull=True).values_list(
            "provider_id", "amount"
        )
    )
    earlier = set(
        BudgetCeiling.objects.filter(region=region, year__lt=year).values_list(
            "provider_id", flat=True
        )
    )
    rows = []
    for provider in providers:
        reference = realised.get(provider.pk)
        if reference is not None:
            amount, basis = rule.norm * reference, CeilingBasis.NORM
        elif provider.pk in earlier:
            amount, basis = rule.norm * rule.start_budget, CeilingBasis.START_BUDGET
        else:
            amount, basis = rule.start_budget, CeilingBasis.START_BUDGET
        amount = max(amount, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
        old = current.get(provider.pk)
        rows.append(
            ProposalRow(
                provider=provider,
                reference_realisation=reference,
                norm=rule.norm,
                amount=amount,
                current=old,
                basis=basis,
                refusal=services.ceiling_raise_refusal(
                    region=region, year=year, old_amount=old, new_amount=amount
                ),
            )
        )
    return Proposal(region=region, year=year, rule=rule, rows=rows)


def ceiling_proposal(*, user: User, year: int) -> Proposal | None:
    """The proposed ceilings for ``year`` of the providers of the user's region with a running
    regional or tendered contract in that year."""
    region = region_of(user=user)
    if region is None:
        return None
    return _compute(region=region, year=year, rule=ceiling_rule(region=region, year=year))


@transaction.atomic
def ceiling_proposal_apply(
    *, actor: User | None, region: Region, year: int, decision_reference: str
) -> list[BudgetCeiling]:
    """Set every proposed ceiling through ``ceiling_set``; all or nothing.

    When any provider's ceiling cannot be set (e.g. an in-year raise where the region fixes
    ceilings), nothing is applied and every refused provider is named.
    """
    rule = ceiling_rule(region=region, year=year)
    if rule is None:
        raise ValidationError(
            _("Region %(region)s has no ceiling rule for %(year)s.")
            % {"region": region.name, "year": year}
        )
    if not decision_reference.strip():
        raise ValidationError({"decision_reference": _("Give the decision reference.")})
    proposal = _compute(region=region, year=year, rule=rule)
    errors: list[str] = []
    ceilings: list[BudgetCeiling] = []
    for row in proposal.rows:
        try:
            ceilings.append(
                services.ceiling_set(
                    actor=actor,
                    region=region,
                    provider=row.provider,
                    year=year,
                    amount=row.amount,
                    basis=row.basis,
                    reason=rule.describe(),
                    decision_reference=decision_reference,
                )
            )
        except ValidationError as error:
            errors.extend(f"{row.provider.name}: {message}" for message in error.messages)
    if errors:
        raise ValidationError(
            [_("Nothing has been applied.")] + [ValidationError(message) for message in errors]
        )
    return ceilings
