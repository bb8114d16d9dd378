# SPDX-License-Identifier: EUPL-1.2
"""Aggregates for a region and a year. Screens, exports and ``region_stats`` share these."""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.selectors import allocation_cost_in_year
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.clients.constants import MEDICAL_REFERRERS, ReferrerType
from jeugdregie.contracting.models import Contract
from jeugdregie.contracting.selectors import tariff_book
from jeugdregie.regions.models import Region

__all__ = [
    "CENT",
    "REFERENCE_CEILING",
    "SHARE",
    "RegionStats",
    "providers_by_ceiling",
    "region_stats",
]

REFERENCE_CEILING = Decimal("200000.00")
CENT = Decimal("0.01")
SHARE = Decimal("0.0001")


@dataclass
class RegionStats:
    region: Region
    year: int
    municipalities: int
    clients: int
    providers: int
    allocations: int
    spend_total: Decimal
    cost_per_client: Decimal
    top10_share: Decimal
    providers_by_ceiling: dict[str, int]
    referrer_share_clients: dict[str, Decimal]
    referrer_share_cost: dict[str, Decimal]
    medical_share_clients: Decimal
    medical_share_cost: Decimal
    spend_by_lot: dict[str, Decimal]
    spend_by_municipality: dict[str, Decimal] = field(default_factory=dict)
    top_providers: list[tuple[str, Decimal]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return self._figures(
            money=lambda value: str(value.quantize(CENT)),
            share=lambda value: float(value.quantize(SHARE)),
        )

    def export_rows(self) -> list[list[object]]:
        """(figure, breakdown, value) rows as on the screen: Dutch labels, amounts in euros
        and shares as percentages, typed numbers."""

        def money(value: Decimal) -> Decimal:
            return value.quantize(CENT)

        def share(value: Decimal) -> Decimal:
            return (value * 100).quantize(CENT)

        referrers = dict(ReferrerType.choices)
        ceilings = {
            "above_200000": _("Above € 200,000"),
            "200000": _("Exactly € 200,000"),
            "below_200000": _("Below € 200,000"),
        }
        rows: list[list[object]] = [
            [_("Region"), "", self.region.name],
            [_("Year"), "", self.year],
            [_("Municipalities"), "", self.municipalities],
            [_("Youth in care"), "", self.clients],
            [_("Allocations"), "", self.allocations],
            [_("Contracted providers"), "", self.providers],
            [_("Spend (€)"), "", money(self.spend_total)],
            [_("Cost per youth (€)"), "", money(self.cost_per_client)],
            [_("Share of the 10 largest providers (%)"), "", share(self.top10_share)],
            [_("Medical referrers: share of youth (%)"), "", share(self.medical_share_clients)],
            [_("Medical referrers: share of cost (%)"), "", share(self.medical_share_cost)],
        ]
        rows += [
            [_("Providers by budget ceiling"), ceilings[key], count]
            for key, count in self.providers_by_ceiling.items()
        ]
        for title, shares in (
            (_("Referrers: share of youth (%)"), self.referrer_share_clients),
            (_("Referrers: share of cost (%)"), self.referrer_share_cost),
        ):
            rows += [
                [title, f"{referrers.get(code, code)} ({code})", share(value)]
                for code, value in shares.items()
            ]
        rows += [[_("Spend per lot (€)"), lot, money(v)] for lot, v in self.spend_by_lot.items()]
        rows += [
            [_("Spend per municipality (€)"), name, money(v)]
            for name, v in self.spend_by_municipality.items()
        ]
        return rows

    def _figures(
        self, *, money: Callable[[Decimal], object], share: Callable[[Decimal], object]
    ) -> dict[str, object]:
        return {
            "region": self.region.code,
            "name": self.region.name,
            "year": self.year,
            "municipalities": self.municipalities,
            "clients": self.clients,
            "providers": self.providers,
            "allocations": self.allocations,
            "spend_total": money(self.spend_total),
            "cost_per_client": money(self.cost_per_client),
            "top10_share": share(self.top10_share),
            "providers_by_ceiling": self.providers_by_ceiling,
            "referrer_share_clients": {k: share(v) for k, v in self.referrer_share_clients.items()},
            "referrer_share_cost": {k: share(v) for k, v in self.referrer_share_cost.items()},
            "medical_share_clients": share(self.medical_share_clients),
            "medical_share_cost": share(self.medical_share_cost),
            "spend_by_lot": {k: money(v) for k, v in self.spend_by_lot.items()},
            "spend_by_municipality": {k: money(v) for k, v in self.spend_by_municipality.items()},
        }


def _ratio(part: Decimal | int, whole: Decimal | int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def providers_by_ceiling(*, region: Region, year: int) -> dict[str, int]:
    amounts = BudgetCeiling.objects.filter(region=region, year=year, lot__isnull=True).values_list(
        "amount", flat=True
    )
    counts = Counter(
        "200000"
        if amount == REFERENCE_CEILING
        else "below_200000"
        if amount < REFERENCE_CEILING
        else "above_200000"
        for amount in amounts
    )
    return {key: counts.get(key, 0) for key in ("200000", "below_200000", "above_200000")}


@dataclass
class _Spend:
    """The year's cost of a region's allocations, in total and per provider, lot,
    municipality and referrer type (a youth counts for the referrer of its first row)."""

    allocations: int = 0
    total: Decimal = Decimal(0)
    clients: set[int] = field(default_factory=set)
    youth_referrer: dict[int, str] = field(default_factory=dict)
    by_provider: dict[tuple[int, str], Decimal] = field(
        default_factory=lambda: defaultdict(Decimal)
    )
    by_lot: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_municipality: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_referrer: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))


def _spend_in_year(*, region: Region, year: int) -> _Spend:
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    rows = (
        Allocation.objects.filter(municipality__region=region, start__lte=year_end)
        .filter(Q(end__isnull=True) | Q(end__gte=year_start))
        .values_list(
            "youth_id",
            "provider_id",
            "provider__name",
            "product_id",
            "product__lot__name",
            "municipality__name",
            "referral__referrer_type",
            "start",
            "end",
            "volume",
            "frequency",
            "budget",
        )
    )
    tariffs = tariff_book()
    spend = _Spend()
    for (
        youth_id,
        provider_id,
        provider_name,
        product_id,
        lot_name,
        municipality_name,
        referrer,
        start,
        end,
        volume,
        frequency,
        budget,
    ) in rows.iterator(chunk_size=5000):
        spend.allocations += 1
        cost = allocation_cost_in_year(
            year=year,
            start=start,
            end=end,
            volume=volume,
            frequency=frequency,
            budget=budget,
            unit_price=tariffs.price(product_id, start),
        )
        referrer = referrer or "onbekend"
        spend.clients.add(youth_id)
        spend.youth_referrer.setdefault(youth_id, referrer)
        spend.by_provider[(provider_id, provider_name)] += cost
        spend.by_lot[lot_name] += cost
        spend.by_municipality[municipality_name] += cost
        spend.by_referrer[referrer] += cost
        spend.total += cost
    return spend


def region_stats(*, region: Region, year: int) -> RegionStats:
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    spend = _spend_in_year(region=region, year=year)
    clients, total = spend.clients, spend.total
    referrer_clients = Counter(spend.youth_referrer.values())
    ranked = sorted(spend.by_provider.items(), key=lambda item: item[1], reverse=True)
    top10 = sum((amount for _, amount in ranked[:10]), Decimal(0))
    providers = (
        Contract.objects.filter(region=region, start__lte=year_end)
        .filter(Q(end__isnull=True) | Q(end__gte=year_start))
        .values("provider_id")
        .distinct()
        .count()
    )
    referrer_share_clients = {
        code: _ratio(n, len(clients)) for code, n in sorted(referrer_clients.items())
    }
    referrer_share_cost = {
        code: _ratio(amount, total) for code, amount in sorted(spend.by_referrer.items())
    }
    return RegionStats(
        region=region,
        year=year,
        municipalities=region.municipalities.count(),
        clients=len(clients),
        providers=providers,
        allocations=spend.allocations,
        spend_total=total,
        cost_per_client=_ratio(total, len(clients)).quantize(CENT),
        top10_share=_ratio(top10, total),
        providers_by_ceiling=providers_by_ceiling(region=region, year=year),
        referrer_share_clients=referrer_share_clients,
        referrer_share_cost=referrer_share_cost,
        medical_share_clients=sum(
            (v for k, v in referrer_share_clients.items() if k in MEDICAL_REFERRERS), Decimal(0)
        ),
        medical_share_cost=sum(
            (v for k, v in referrer_share_cost.items() if k in MEDICAL_REFERRERS), Decimal(0)
        ),
        spend_by_lot=dict(sorted(spend.by_lot.items(), key=lambda item: item[1], reverse=True)),
        spend_by_municipality=dict(sorted(spend.by_municipality.items())),
        top_providers=[(name, amount) for (_, name), amount in ranked[:10]],
    )
