# SPDX-License-Identifier: EUPL-1.2
"""region_stats on a region small enough to compute every figure by hand.

Year 2025 (365 days). Product "GGZ" costs €100 per hour from 2024 and €110 from 2025;
product "PZ" costs €50 per 24 hours. An allocation is priced at the tariff valid on its
start date, and only the part of it that falls in the year counts.
"""

import datetime as dt
from decimal import Decimal

import pytest

from jeugdregie.budgets.services import ceiling_set
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.services import referral_create, youth_create
from jeugdregie.contracting.constants import ContractKind, Frequency, Unit
from jeugdregie.contracting.models import Lot, Product, ProductCategory, Provider, Tariff
from jeugdregie.contracting.services import contract_create
from jeugdregie.monitoring.selectors import region_stats
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.testing.factories import synthetic_test_bsn as bsn_in_test_range
from jeugdregie.workflows.allocations import allocation_grant

YEAR = 2025
D = Decimal


class HandBuiltRegion:
    def __init__(self) -> None:
        self.region = Region.objects.create(code="hand", name="Handregio")
        self.dordrecht = self.municipality("0505", "Dordrecht")
        self.gorinchem = self.municipality("0512", "Gorinchem")
        self.ggz = self.product("GGZ", "Jeugd-GGZ", "45A01", Unit.HOUR)
        self.foster = self.product("PZ", "Pleegzorg", "44P01", Unit.DAY_NIGHT)
        self.tariff(self.ggz, dt.date(2024, 1, 1), "100.00")
        self.tariff(self.ggz, dt.date(2025, 1, 1), "110.00")
        self.tariff(self.foster, dt.date(2024, 1, 1), "50.00")
        self.providers: dict[str, Provider] = {}
        for name in "ABCDE":
            self.provider(name)
        self._youth_count = 0

    def municipality(self, cbs_code: str, name: str) -> Municipality:
        return Municipality.objects.create(region=self.region, cbs_code=cbs_code, name=name)

    def product(self, lot_code: str, lot_name: str, code: str, unit: str) -> Product:
        lot = Lot.objects.create(region=self.region, code=lot_code, name=lot_name)
        category, _ = ProductCategory.objects.get_or_create(
            code="45", defaults={"name": "Ambulant"}
        )
        return Product.objects.create(
            region=self.region, lot=lot, category=category, code=code, name=code, unit=unit
        )

    def tariff(self, product: Product, valid_from: dt.date, amount: str) -> None:
        Tariff.objects.create(product=product, valid_from=valid_from, amount=D(amount))

    def provider(self, name: str) -> Provider:
        number = len(self.providers) + 1
        provider = Provider.objects.create(agb_code=f"{98000000 + number}", name=name)
        self.providers[name] = provider
        return provider

    def contract(self, name: str, start: dt.date, end: dt.date | None = None) -> None:
        contract_create(
            actor=None,
            region=self.region,
            provider=self.providers[name],
            kind=ContractKind.REGIONAL,
            reference=f"RC-{name}",
            lots=[self.ggz.lot, self.foster.lot],
            start=start,
            end=end,
        )

    def ceiling(self, name: str, amount: str, *, year: int = YEAR, lot: bool = False) -> None:
        ceiling_set(
            actor=None,
            region=self.region,
            provider=self.providers[name],
            year=year,
            amount=D(amount),
            lot=self.ggz.lot if lot else None,
            reason="test",
        )

    def youth(self, referrer: str | None, municipality: Municipality | None = None):
        youth = youth_create(
            actor=None,
            bsn=bsn_in_test_range(self._youth_count),
            given_name="Kind",
            family_name=f"Nummer {self._youth_count}",
            birth_date=dt.date(2015, 1, 1),
            municipality=municipality or self.dordrecht,
        )
        self._youth_count += 1
        referral = None
        if referrer is not None:
            referral = referral_create(
                actor=None, youth=youth, referrer_type=referrer, date=dt.date(2024, 1, 1)
            )
        return youth, referral

    def allocate(self, person, provider: str, product, start, end, **amount) -> None:
        youth, referral = person
        allocation_grant(
            actor=None,
            youth=youth,
            referral=referral,
            provider=self.providers[provider],
            product=product,
            start=start,
            end=end,
            **amount,
        )


@pytest.fixture
def hand(db) -> HandBuiltRegion:
    """Five allocations whose cost in 2025 is known to the cent, and one outside 2025."""
    hand = HandBuiltRegion()
    gp_child = hand.youth(ReferrerType.GENERAL_PRACTITIONER)
    team_child = hand.youth(ReferrerType.MUNICIPALITY, municipality=hand.gorinchem)
    gi_child = hand.youth(ReferrerType.CERTIFIED_INSTITUTION)
    last_year_child = hand.youth(ReferrerType.GENERAL_PRACTITIONER)
    # 40 hours in total, wholly within 2025, at the 2025 tariff: 40 × 110 = 4,400.00
    hand.allocate(
        gp_child, "A", hand.ggz, dt.date(2025, 2, 1), dt.date(2025, 7, 31),
        volume=40, frequency=Frequency.TOTAL,
    )  # fmt: skip
    # 2 hours a week from 2 July 2024 to 1 July 2025, at the 2024 tariff (its start date):
    # 182 days in 2025 → 2 × 182 / 7 = 52 hours × 100 = 5,200.00
    hand.allocate(
        team_child, "B", hand.ggz, dt.date(2024, 7, 2), dt.date(2025, 7, 1),
        volume=2, frequency=Frequency.PER_WEEK,
    )  # fmt: skip
    # A budget of 3,650 spread over the same 365 days: 182 / 365 of it = 1,820.00
    hand.allocate(
        team_child, "B", hand.foster, dt.date(2024, 7, 2), dt.date(2025, 7, 1),
        budget=D("3650.00"),
    )  # fmt: skip
    # 7 × 24 hours a week without an end date: runs to 31 December, 92 days × 50 = 4,600.00
    hand.allocate(
        gi_child, "C", hand.foster, dt.date(2025, 10, 1), None,
        volume=7, frequency=Frequency.PER_WEEK,
    )  # fmt: skip
    # 10 hours in total over 61 days, 31 of them in 2025: 10 × 110 × 31 / 61 = 559.02
    hand.allocate(
        gi_child, "A", hand.ggz, dt.date(2025, 12, 1), dt.date(2026, 1, 30),
        volume=10, frequency=Frequency.TOTAL,
    )  # fmt: skip
    # Ended before 2025: not a client in 2025 and no cost.
    hand.allocate(
        last_year_child, "A", hand.ggz, dt.date(2024, 3, 1), dt.date(2024, 12, 31),
        volume=20, frequency=Frequency.TOTAL,
    )  # fmt: skip
    return hand


@pytest.mark.django_db
def test_spend_is_the_part_of_each_allocation_that_falls_in_the_year(hand):
    stats = region_stats(region=hand.region, year=YEAR)

    assert stats.allocations == 5
    assert stats.clients == 3
    assert stats.spend_total == D("16579.02")
    assert stats.cost_per_client == D("5526.34")
    assert stats.spend_by_lot == {"Jeugd-GGZ": D("10159.02"), "Pleegzorg": D("6420.00")}
    assert stats.spend_by_municipality == {
        "Dordrecht": D("9559.02"),
        "Gorinchem": D("7020.00"),
    }
    assert stats.top_providers[0][1] == D("7020.00")  # provider B


@pytest.mark.django_db
def test_referrer_shares_count_each_youth_once_and_cost_per_allocation(hand):
    stats = region_stats(region=hand.region, year=YEAR)
    total = D("16579.02")

    assert stats.referrer_share_clients == {"01": D(1) / 3, "02": D(1) / 3, "04": D(1) / 3}
    assert stats.referrer_share_cost == {
        "01": D("7020.00") / total,
        "02": D("4400.00") / total,
        "04": D("5159.02") / total,
    }
    assert stats.medical_share_clients == D(1) / 3
    assert stats.medical_share_cost == D("4400.00") / total


@pytest.mark.django_db
def test_an_allocation_without_referral_counts_as_unknown_referrer(hand):
    hand.allocate(
        hand.youth(None), "A", hand.ggz, dt.date(2025, 1, 1), dt.date(2025, 1, 31),
        volume=1, frequency=Frequency.TOTAL,
    )  # fmt: skip

    stats = region_stats(region=hand.region, year=YEAR)

    assert stats.referrer_share_clients["onbekend"] == D(1) / 4
    assert stats.spend_total == D("16689.02")


@pytest.mark.django_db
def test_providers_are_those_with_a_contract_running_in_the_year(hand):
    hand.contract("A", dt.date(2022, 1, 1))
    hand.contract("B", dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    hand.contract("C", dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    hand.contract("D", dt.date(2023, 1, 1), dt.date(2024, 12, 31))  # ended before 2025
    hand.contract("E", dt.date(2026, 1, 1))  # starts after 2025

    assert region_stats(region=hand.region, year=YEAR).providers == 3


@pytest.mark.django_db
def test_providers_by_ceiling_counts_the_general_ceilings_of_the_year(hand):
    hand.ceiling("A", "200000.00")
    hand.ceiling("B", "150000")
    hand.ceiling("C", "250000")
    hand.ceiling("D", "199999.99")
    hand.ceiling("E", "200000.01")
    hand.ceiling("A", "50000", lot=True)  # a ceiling for one lot does not count
    hand.ceiling("B", "200000", year=YEAR - 1)  # nor does another year's ceiling

    assert region_stats(region=hand.region, year=YEAR).providers_by_ceiling == {
        "200000": 1,
        "below_200000": 2,
        "above_200000": 2,
    }


@pytest.mark.django_db
def test_top10_share_is_the_spend_of_the_ten_largest_providers(hand):
    """Twelve more providers with budgets of 1,000 to 12,000 spent wholly in the year."""
    for rank in range(1, 13):
        provider = hand.provider(f"Aanbieder {rank:02d}")
        hand.allocate(
            hand.youth(ReferrerType.MUNICIPALITY), provider.name, hand.foster,
            dt.date(2025, 1, 1), dt.date(2025, 12, 31), budget=D(rank * 1000),
        )  # fmt: skip

    stats = region_stats(region=hand.region, year=YEAR)

    # Top ten: 12,000 .. 8,000, B 7,020.00, 7,000, 6,000, 5,000 and A 4,959.02 = 79,979.02
    # of 78,000 + 16,579.02; the budgets of 4,000 and less and C (4,600.00) fall outside.
    assert stats.spend_total == D("94579.02")
    assert stats.top10_share == D("79979.02") / D("94579.02")
    assert [amount for _, amount in stats.top_providers[:2]] == [D(12_000), D(11_000)]


@pytest.mark.django_db
def test_as_json_rounds_money_to_cents_and_shares_to_four_decimals(hand):
    figures = region_stats(region=hand.region, year=YEAR).as_json()

    assert figures["spend_total"] == "16579.02"
    assert figures["cost_per_client"] == "5526.34"
    assert figures["medical_share_cost"] == 0.2654
    assert figures["medical_share_clients"] == 0.3333
    assert figures["municipalities"] == 2
