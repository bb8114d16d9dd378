# SPDX-License-Identifier: EUPL-1.2
"""Write one planned demo region (``generator.RegionPlan``) to the database.

Master data (municipalities, providers, contracts, ceilings) goes through the services of
the owning apps, so it is validated and audited like hand-made data. Youth, referrals,
allocations and delivery periods are bulk-inserted for speed; personal data is still
encrypted (``EncryptedTextField`` encrypts in ``get_prep_value``) and the blind indexes are
computed by the youth service's own ``youth_lookup_keys``.
"""

import random
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.text import slugify

from jeugdregie.accounts.constants import OrganisationKind
from jeugdregie.accounts.models import Organisation
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.allocations.services import allocation_number_counters_sync
from jeugdregie.budgets.constants import RealisationSource
from jeugdregie.budgets.models import Realisation
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.clients.services import youth_lookup_keys
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Lot, Product, ProductCategory, Provider, Tariff
from jeugdregie.contracting.services import contract_create, provider_create
from jeugdregie.demo.generator import RegionPlan, cost_in_year
from jeugdregie.demo.profiles.base import ProviderPlan, RegionProfile
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.regions.services import (
    municipality_create,
    municipality_organisation_create,
    region_office_code,
)

BATCH_SIZE = 1000

# JZ020 product categories the demo regions use (names as in the iJw code list).
CATEGORY_NAMES = {
    "40": "Persoonlijke verzorging",
    "41": "Dagbehandeling",
    "43": "Jeugdhulp verblijf (incl. behandeling)",
    "44": "Jeugdhulp verblijf (excl. behandeling)",
    "45": "Jeugdhulp ambulant",
    "46": "Jeugdhulp crisis",
    "47": "Jeugdreclassering",
    "48": "Jeugdbescherming",
    "50": "Maatwerkarrangementen jeugd",
    "51": "Generalistische basis-ggz",
    "52": "Specialistische ggz",
    "54": "Jeugd-ggz",
}
CONTRACT_PREFIX: dict[str, str] = {
    ContractKind.REGIONAL: "RC",
    ContractKind.TENDER: "AO",
    ContractKind.LIGHT: "LC",
}


CENT = Decimal("0.01")


@dataclass
class WrittenRegion:
    region: Region
    office: Organisation
    municipalities: dict[str, Organisation] = field(default_factory=dict)
    certified_institutions: dict[str, Organisation] = field(default_factory=dict)
    providers_by_rank: list[Organisation] = field(default_factory=list)


def write_region(plan: RegionPlan, *, seed: int) -> WrittenRegion:
    profile, year = plan.profile, plan.year
    region = Region.objects.create(
        code=profile.code, name=profile.name, ceiling_fixed_in_year=profile.ceiling_fixed_in_year
    )
    office = Organisation.objects.create(
        name=profile.office_name,
        code=region_office_code(region),
        kind=OrganisationKind.REGION_OFFICE,
        region=region,
    )
    written = WrittenRegion(region=region, office=office)
    municipalities = [
        municipality_create(
            actor=None,
            region=region,
            cbs_code=spec.cbs_code,
            name=spec.name,
            youth_population=spec.youth_population,
        )
        for spec in profile.municipalities
    ]
    for municipality in municipalities:
        written.municipalities[municipality.cbs_code] = municipality_organisation_create(
            actor=None, municipality=municipality
        )
    for spec in profile.certified_institutions:
        written.certified_institutions[spec.key] = Organisation.objects.create(
            name=spec.name,
            code=slugify(f"{region.code}-{spec.key}"),
            kind=OrganisationKind.CERTIFIED_INSTITUTION,
            region=region,
        )
    lots, products = _write_catalogue(profile, region, year)
    providers = _write_providers(plan, region, lots, seed=seed)
    ranked = sorted(
        (i for i, p in enumerate(plan.providers) if p.group not in ("gi", "light")),
        key=lambda i: plan.providers[i].target,
        reverse=True,
    )
    for index in ranked[: profile.provider_organisations]:
        written.providers_by_rank.append(
            Organisation.objects.create(
                name=providers[index].name,
                code=slugify(f"{region.code}-{providers[index].name}")[:60],
                kind=OrganisationKind.PROVIDER,
                region=region,
                provider=providers[index],
            )
        )
    _write_care(plan, municipalities, products, providers, written)
    _write_realisation(plan, region, providers)
    return written


def _write_realisation(plan: RegionPlan, region: Region, providers: list[Provider]) -> None:
    """The demo year as declared: each allocation's cost in the year, by service month.

    The year is complete, so every day of care counts as declared and approved; amounts are
    imported per provider and month as a region migrating from another system would.
    """
    year = plan.year
    per_month: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for allocation in plan.allocations:
        cost = cost_in_year(allocation, year)
        first = max(allocation.start, date(year, 1, 1))
        last = min(allocation.end or date(year, 12, 31), date(year, 12, 31))
        if cost == 0 or first > last:
            continue
        days = (last - first).days + 1
        for month in range(first.month, last.month + 1):
            month_first = max(first, date(year, month, 1))
            month_last = min(last, date(year, month, monthrange(year, month)[1]))
            share = Decimal((month_last - month_first).days + 1) / days
            per_month[(allocation.provider, month)] += cost * share
    Realisation.objects.bulk_create(
        [
            Realisation(
                region=region,
                provider=providers[provider],
                year=year,
                month=month,
                amount=amount.quantize(CENT, rounding=ROUND_HALF_UP),
                source=RealisationSource.IMPORT,
            )
            for (provider, month), amount in sorted(per_month.items())
        ],
        batch_size=BATCH_SIZE,
    )


def _write_catalogue(
    profile: RegionProfile, region: Region, year: int
) -> tuple[dict[str, Lot], dict[str, Product]]:
    categories = {}
    for code in sorted({p.category for lot in profile.lots for p in lot.products}):
        categories[code], _created = ProductCategory.objects.get_or_create(
            code=code, defaults={"name": CATEGORY_NAMES[code]}
        )
    lots: dict[str, Lot] = {}
    products: dict[str, Product] = {}
    tariffs: list[Tariff] = []
    for order, spec in enumerate(profile.lots, start=1):
        lots[spec.code] = Lot.objects.create(
            region=region,
            code=spec.code,
            name=spec.name,
            is_open=spec.is_open,
            segment=spec.segment,
            order=order,
        )
        for item in spec.products:
            product = Product(
                region=region,
                lot=lots[spec.code],
                category=categories[item.category],
                code=item.code,
                name=item.name,
                unit=item.unit,
                variant=item.variant,
                basic_duration_weeks=item.basic_duration_weeks,
            )
            product.full_clean()
            product.save()
            products[item.code] = product
            tariffs.append(
                Tariff(product=product, valid_from=date(year - 1, 1, 1), amount=item.tariff)
            )
            if item.raised_tariff is not None:
                tariffs.append(
                    Tariff(product=product, valid_from=date(year, 1, 1), amount=item.raised_tariff)
                )
    Tariff.objects.bulk_create(tariffs)
    return lots, products


def _agb_codes(profile: RegionProfile, seed: int, count: int) -> list[str]:
    """Distinct synthetic AGB codes for the region, skipping codes already in use."""
    taken = set(
        Provider.objects.filter(agb_code__startswith=profile.agb_prefix).values_list(
            "agb_code", flat=True
        )
    )
    rng = random.Random(f"{seed}:{profile.code}:agb")
    numbers = rng.sample(range(100_000), min(100_000, count + len(taken)))
    candidates = (f"{profile.agb_prefix}{n:05d}" for n in numbers)
    return [code for code in candidates if code not in taken][:count]


def _write_providers(
    plan: RegionPlan, region: Region, lots: dict[str, Lot], *, seed: int
) -> list[Provider]:
    profile, year = plan.profile, plan.year
    rng = random.Random(f"{seed}:{profile.code}:registration")
    first_dates: dict[int, date] = {}
    last_dates: dict[int, date] = {}
    for allocation in plan.allocations:
        index = allocation.provider
        first_dates[index] = min(first_dates.get(index, allocation.start), allocation.start)
        last = allocation.end or date(year + 1, 12, 31)
        last_dates[index] = max(last_dates.get(index, last), last)
    providers: list[Provider] = []
    counters: dict[str, int] = defaultdict(int)
    for index, (spec, agb) in enumerate(
        zip(plan.providers, _agb_codes(profile, seed, len(plan.providers)), strict=True)
    ):
        provider = provider_create(
            actor=None,
            agb_code=agb,
            name=spec.name,
            kvk_number=f"{rng.randint(10_000_000, 99_999_999)}",
        )
        providers.append(provider)
        counters[spec.kind] += 1
        start, end = _contract_period(
            spec, profile, year, first_dates.get(index), last_dates.get(index)
        )
        contract_create(
            actor=None,
            region=region,
            provider=provider,
            kind=spec.kind,
            reference=f"{CONTRACT_PREFIX[spec.kind]}-{profile.code.upper()}-"
            f"{counters[spec.kind]:03d}",
            lots=[lots[code] for code in spec.lots],
            start=start,
            end=end,
        )
        if spec.ceiling is not None:
            ceiling_set(
                actor=None,
                region=region,
                provider=provider,
                year=year,
                amount=spec.ceiling,
                basis=spec.ceiling_basis,
                reason=spec.ceiling_reason,
                decision_reference=f"{profile.code.upper()}-PLF-{year}-{index + 1:03d}",
            )
    return providers


def _contract_period(
    spec: ProviderPlan, profile: RegionProfile, year: int, first: date | None, last: date | None
) -> tuple[date, date | None]:
    if spec.kind == ContractKind.LIGHT:
        return first or date(year, 3, 1), max(last or date(year, 12, 31), date(year, 12, 31))
    start = date(min(spec.contract_start_year or profile.contract_start_year, year - 1), 1, 1)
    if spec.kind == ContractKind.TENDER:
        return start, date(year + 1, 12, 31)
    return start, None


def _write_care(
    plan: RegionPlan,
    municipalities: list[Municipality],
    products: dict[str, Product],
    providers: list[Provider],
    written: WrittenRegion,
) -> None:
    profile = plan.profile
    youth = Youth.objects.bulk_create(
        [
            Youth(
                bsn=person.bsn,
                given_name=person.given_name,
                family_name=person.family_name,
                **youth_lookup_keys(
                    bsn=person.bsn, given_name=person.given_name, family_name=person.family_name
                ),
                birth_date=person.birth_date,
                gender=person.gender,
                municipality=municipalities[person.municipality],
            )
            for person in plan.youth
        ],
        batch_size=BATCH_SIZE,
    )
    gi_keys = [spec.key for spec in profile.certified_institutions]
    referrals = Referral.objects.bulk_create(
        [
            Referral(
                youth=youth[index],
                referrer_type=person.referrer,
                date=person.referral_date,
                referrer_name=person.referrer_name,
                referrer_agb=person.referrer_agb,
                referrer_organisation=(
                    written.certified_institutions[gi_keys[person.organisation]]
                    if person.organisation is not None
                    else None
                ),
                care_profile=person.care_profile,
            )
            for index, person in enumerate(plan.youth)
        ],
        batch_size=BATCH_SIZE,
    )
    allocations = Allocation.objects.bulk_create(
        [
            Allocation(
                municipality=municipalities[plan.youth[a.youth].municipality],
                number=a.number,
                youth=youth[a.youth],
                referral=referrals[a.youth],
                provider=providers[a.provider],
                product=products[a.product.code],
                volume=a.volume,
                unit=a.product.unit,
                frequency=a.frequency,
                budget=a.budget,
                start=a.start,
                end=a.end,
                status=a.status,
                change_reason=a.change_reason,
            )
            for a in plan.allocations
        ],
        batch_size=BATCH_SIZE,
    )
    DeliveryPeriod.objects.bulk_create(
        [
            DeliveryPeriod(allocation=allocation, start=a.delivery[0], end=a.delivery[1])
            for allocation, a in zip(allocations, plan.allocations, strict=True)
            if a.delivery is not None
        ],
        batch_size=BATCH_SIZE,
    )
    allocation_number_counters_sync(municipalities=municipalities)  # numbers written in bulk
