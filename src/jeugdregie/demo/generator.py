# SPDX-License-Identifier: EUPL-1.2
"""Plan a demo region in memory: youth, referrals, allocations and providers.

Nothing here touches the database, so a plan is cheap to build and to test. Every random
choice comes from ``random.Random`` streams derived from the seed and the region code: the
same seed gives the same plan.

Calibration works on exactly the numbers ``monitoring.selectors.region_stats`` reports: the
cost of an allocation is ``allocation_cost_in_year`` at the tariff valid on its start date.
Per care track the volumes of the scalable allocations are adjusted (with stochastic
rounding) until the track's cost meets its target, so the cost per client and the cost
shares hold whatever the random draws were.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from jeugdregie.allocations.constants import AllocationStatus, ChangeReason
from jeugdregie.allocations.selectors import allocation_cost_in_year
from jeugdregie.clients.constants import CareProfile, Gender, ReferrerType
from jeugdregie.demo.arithmetic import (
    CENT,
    assign_greedily,
    largest_remainder,
    stochastic_round,
    synthetic_bsns,
)
from jeugdregie.demo.names import FAMILY_NAMES, youth_name
from jeugdregie.demo.profiles.base import LotSpec, ProductSpec, ProviderPlan, RegionProfile

PREVIOUS_YEAR_SHARE = 0.15
"""Share of the allocations that started in the year before the demo year."""
EARLY_END_SHARE = 0.06
"""Share of the allocations running past the year that were ended early within it."""
EARLY_END_REASONS = (
    ChangeReason.REASSESSMENT_SHORTENING,
    ChangeReason.OTHER_PROVIDER,
    ChangeReason.MOVED,
)
ESTIMATE_SAMPLES = 600
CALIBRATION_PASSES = 5
CARE_PROFILE_WEIGHTS = {
    CareProfile.PERSPECTIVE: 0.4,
    CareProfile.INTENSIVE: 0.3,
    CareProfile.LASTING: 0.15,
    CareProfile.ACUTE: 0.15,
}
REFERRERS_WITH_CARE_PROFILE = frozenset(
    {ReferrerType.MUNICIPALITY, ReferrerType.CERTIFIED_INSTITUTION, ReferrerType.COURT}
)


@dataclass
class YouthPlan:
    track: str
    referrer: str
    allocations: list[int] = field(default_factory=list)
    municipality: int = 0
    bsn: str = ""
    given_name: str = ""
    family_name: str = ""
    gender: str = Gender.UNKNOWN
    birth_date: date = date.min
    referral_date: date = date.min
    referrer_name: str = ""
    referrer_agb: str = ""
    care_profile: str = ""
    organisation: int | None = None
    """Index of the referring certified institution in the profile (referrer type 04)."""


@dataclass
class AllocationPlan:
    youth: int
    track: str
    lot: str
    product: ProductSpec
    start: date
    end: date | None
    volume: int | None
    budget: Decimal | None
    change_reason: str = ""
    cost: Decimal = Decimal(0)
    provider: int = -1
    status: str = AllocationStatus.IN_CARE
    delivery: tuple[date, date | None] | None = None
    number: str = ""

    @property
    def frequency(self) -> str:
        return self.product.frequency

    @property
    def pool(self) -> str:
        return f"custom:{self.lot}" if self.product.custom else self.lot


@dataclass
class RegionPlan:
    profile: RegionProfile
    year: int
    scale: float
    youth: list[YouthPlan]
    allocations: list[AllocationPlan]
    providers: list[ProviderPlan]
    track_targets: dict[str, Decimal]

    @property
    def spend(self) -> Decimal:
        return sum((a.cost for a in self.allocations), Decimal(0))

    def provider_spend(self) -> dict[int, Decimal]:
        spend: dict[int, Decimal] = defaultdict(Decimal)
        for allocation in self.allocations:
            spend[allocation.provider] += allocation.cost
        return dict(spend)


def unit_price(product: ProductSpec, start: date, year: int) -> Decimal:
    """The tariff on the start date: the raised tariff from 1 January of the demo year."""
    if product.raised_tariff is not None and start >= date(year, 1, 1):
        return product.raised_tariff
    return product.tariff


def cost_in_year(allocation: AllocationPlan, year: int) -> Decimal:
    return allocation_cost_in_year(
        year=year,
        start=allocation.start,
        end=allocation.end,
        volume=allocation.volume,
        frequency=allocation.frequency,
        budget=allocation.budget,
        unit_price=unit_price(allocation.product, allocation.start, year),
    )


def _draw(rng: random.Random, lot: LotSpec, year: int, *, youth: int, track: str) -> AllocationPlan:
    """One allocation in ``lot`` that overlaps the demo year."""
    product = rng.choices(lot.products, weights=[p.weight for p in lot.products])[0]
    days = rng.randint(*product.weeks) * 7
    first_day, last_day = date(year, 1, 1), date(year, 12, 31)
    if rng.random() < PREVIOUS_YEAR_SHARE:
        start = first_day - timedelta(days=rng.randint(1, min(days - 1, 300)))
    else:
        start = first_day + timedelta(days=rng.randint(0, 358))
    end = None if rng.random() < product.open_end else start + timedelta(days=days - 1)
    reason = ""
    if end is not None and end > last_day and rng.random() < EARLY_END_SHARE:
        earliest = max(start, first_day) + timedelta(days=14)
        if earliest <= last_day:
            end = earliest + timedelta(days=rng.randint(0, (last_day - earliest).days))
            reason = rng.choice(EARLY_END_REASONS)
    volume: int | None = None
    budget: Decimal | None = None
    if product.budget is not None:
        budget = Decimal(rng.randint(*product.budget) // 50 * 50)
    else:
        volume = rng.randint(*product.volume)
    allocation = AllocationPlan(
        youth=youth,
        track=track,
        lot=lot.code,
        product=product,
        start=start,
        end=end,
        volume=volume,
        budget=budget,
        change_reason=reason,
    )
    allocation.cost = cost_in_year(allocation, year)
    return allocation


def expected_costs(profile: RegionProfile, year: int, seed: int) -> dict[str, Decimal]:
    """The average cost in the year of one allocation per lot, from a fixed sample."""
    rng = random.Random(f"{seed}:{profile.code}:estimate")
    averages = {}
    for lot in profile.lots:
        costs = [_draw(rng, lot, year, youth=-1, track="").cost for _ in range(ESTIMATE_SAMPLES)]
        averages[lot.code] = sum(costs, Decimal(0)) / len(costs)
    return averages


def _deal_allocations(
    profile: RegionProfile, year: int, seed: int, scale: float
) -> tuple[list[YouthPlan], list[AllocationPlan], dict[str, Decimal]]:
    rng = random.Random(f"{seed}:{profile.code}:allocations")
    youth_total = round(profile.youth_in_care * scale)
    spend_total = youth_total * profile.cost_per_client
    averages = expected_costs(profile, year, seed)
    lots = {lot.code: lot for lot in profile.lots}
    youth: list[YouthPlan] = []
    allocations: list[AllocationPlan] = []
    targets: dict[str, Decimal] = {}
    track_sizes = largest_remainder(youth_total, [t.client_share for t in profile.tracks])
    for track, size in zip(profile.tracks, track_sizes, strict=True):
        if size == 0:
            continue
        target = (spend_total * Decimal(str(track.cost_share))).quantize(CENT)
        targets[track.key] = target
        referrer_counts = largest_remainder(size, list(track.referrers.values()))
        referrers = [
            code
            for code, count in zip(track.referrers, referrer_counts, strict=True)
            for _ in range(count)
        ]
        rng.shuffle(referrers)
        first = len(youth)
        youth.extend(YouthPlan(track=track.key, referrer=code) for code in referrers)
        wanted = {
            lot: float(target * Decimal(str(share)) / averages[lot])
            for lot, share in track.lots.items()
        }
        count = max(size, round(sum(wanted.values())))
        dealt = [
            lot
            for lot, n in zip(wanted, largest_remainder(count, list(wanted.values())), strict=True)
            for _ in range(n)
        ]
        rng.shuffle(dealt)
        for position, lot_code in enumerate(dealt):
            owner = first + (position if position < size else rng.randrange(size))
            allocation = _draw(rng, lots[lot_code], year, youth=owner, track=track.key)
            youth[owner].allocations.append(len(allocations))
            allocations.append(allocation)
    return youth, allocations, targets


def _calibrate(
    allocations: list[AllocationPlan], targets: dict[str, Decimal], year: int, seed: int, code: str
) -> None:
    """Scale the volumes of scalable allocations per track until each track meets its target."""
    rng = random.Random(f"{seed}:{code}:calibration")
    by_track: dict[str, list[AllocationPlan]] = defaultdict(list)
    for allocation in allocations:
        by_track[allocation.track].append(allocation)
    for _pass in range(CALIBRATION_PASSES):
        for track, target in targets.items():
            rows = by_track[track]
            gap = target - sum((a.cost for a in rows), Decimal(0))
            scalable = [a for a in rows if a.product.scalable and a.cost > 0]
            base = sum((a.cost for a in scalable), Decimal(0))
            if not base or abs(gap) <= target * Decimal("0.0002"):
                continue
            factor = max(0.2, float(1 + gap / base))
            for allocation in scalable:
                if allocation.budget is not None:
                    scaled = allocation.budget * Decimal(str(factor))
                    allocation.budget = max(scaled.quantize(CENT), Decimal(100))
                elif allocation.volume is not None:
                    volume = stochastic_round(allocation.volume * factor, rng)
                    allocation.volume = min(max(volume, 1), allocation.product.cap)
                allocation.cost = cost_in_year(allocation, year)


def _assign_providers(
    profile: RegionProfile, allocations: list[AllocationPlan], seed: int, scale: float
) -> list[ProviderPlan]:
    pools: dict[str, Decimal] = defaultdict(Decimal)
    for allocation in allocations:
        pools[allocation.pool] += allocation.cost
    rng = random.Random(f"{seed}:{profile.code}:providers")
    providers = profile.design_providers(rng, dict(sorted(pools.items())), scale)
    for pool in sorted(pools):
        members = [
            (index, plan.targets[pool])
            for index, plan in enumerate(providers)
            if pool in plan.targets
        ]
        if not members:
            raise ValueError(f"No provider planned for pool {pool} in region {profile.code}.")
        items = [(i, a.cost) for i, a in enumerate(allocations) if a.pool == pool]
        for item, provider in assign_greedily(items, members).items():
            allocations[item].provider = provider
    return providers


def _describe_youth(
    profile: RegionProfile,
    year: int,
    seed: int,
    youth: list[YouthPlan],
    allocations: list[AllocationPlan],
    providers: list[ProviderPlan],
) -> None:
    rng = random.Random(f"{seed}:{profile.code}:youth")
    bsns = synthetic_bsns(
        random.Random(f"{seed}:{profile.code}:bsn"), len(youth), profile.bsn_stems
    )
    municipality_weights = [m.youth_population * m.prevalence for m in profile.municipalities]
    organisation_of_provider = {
        plan_index: org_index
        for org_index, org in enumerate(profile.certified_institutions)
        for plan_index, plan in enumerate(providers)
        if plan.key == org.key
    }
    for person, bsn in zip(youth, bsns, strict=True):
        own = [allocations[i] for i in person.allocations]
        lowest = max(a.product.ages[0] for a in own)
        highest = min(a.product.ages[1] for a in own)
        if lowest > highest:
            lowest, highest = own[0].product.ages
        age = rng.randint(lowest, highest)
        first_start = min(a.start for a in own)
        birth = date(year - age, 7, 1) - timedelta(days=rng.randint(0, 364))
        if birth > first_start - timedelta(days=30):
            birth = first_start - timedelta(days=rng.randint(30, 330))
        person.birth_date = birth
        person.bsn = bsn
        person.given_name, person.family_name, person.gender = youth_name(rng)
        person.municipality = rng.choices(
            range(len(profile.municipalities)), weights=municipality_weights
        )[0]
        person.referral_date = first_start - timedelta(days=rng.randint(5, 45))
        municipality = profile.municipalities[person.municipality].name
        family = rng.choice(FAMILY_NAMES)
        template = rng.choice(profile.referrer_names.get(person.referrer, ("",)))
        person.referrer_name = template.format(
            municipality=municipality, family=family[0].upper() + family[1:]
        )
        if person.referrer == ReferrerType.GENERAL_PRACTITIONER:
            person.referrer_agb = f"01{rng.randint(0, 999_999):06d}"
        if person.referrer == ReferrerType.CERTIFIED_INSTITUTION:
            linked = [organisation_of_provider.get(a.provider) for a in own]
            known = [index for index in linked if index is not None]
            person.organisation = (
                known[0]
                if known
                else rng.choices(
                    range(len(profile.certified_institutions)), weights=profile.gi_shares
                )[0]
            )
            person.referrer_name = profile.certified_institutions[person.organisation].name
        if profile.care_profiles and person.referrer in REFERRERS_WITH_CARE_PROFILE:
            person.care_profile = rng.choices(
                list(CARE_PROFILE_WEIGHTS), weights=list(CARE_PROFILE_WEIGHTS.values())
            )[0]


def _set_status_and_numbers(
    year: int, seed: int, code: str, youth: list[YouthPlan], allocations: list[AllocationPlan]
) -> None:
    """Status as at the end of the demo year, delivery periods and allocation numbers."""
    rng = random.Random(f"{seed}:{code}:status")
    last_day = date(year, 12, 31)
    for allocation in allocations:
        span = ((allocation.end or last_day) - allocation.start).days
        delivery_start = allocation.start + timedelta(days=rng.randint(0, min(10, span)))
        if allocation.end is not None and allocation.end <= last_day:
            allocation.status = AllocationStatus.ENDED
            allocation.delivery = (delivery_start, allocation.end)
        elif allocation.start > last_day - timedelta(days=14) and rng.random() < 0.5:
            allocation.status = AllocationStatus.ALLOCATED
        else:
            allocation.status = AllocationStatus.IN_CARE
            allocation.delivery = (delivery_start, None)
    sequence: dict[tuple[int, int], int] = defaultdict(int)
    order = sorted(range(len(allocations)), key=lambda i: (allocations[i].start, i))
    for index in order:
        allocation = allocations[index]
        key = (youth[allocation.youth].municipality, allocation.start.year)
        sequence[key] += 1
        allocation.number = f"{allocation.start.year % 100:02d}{sequence[key]:05d}"


def build_region_plan(profile: RegionProfile, *, year: int, seed: int, scale: float) -> RegionPlan:
    """The complete, calibrated plan of one demo region for ``year``."""
    youth, allocations, targets = _deal_allocations(profile, year, seed, scale)
    _calibrate(allocations, targets, year, seed, profile.code)
    providers = _assign_providers(profile, allocations, seed, scale)
    _describe_youth(profile, year, seed, youth, allocations, providers)
    _set_status_and_numbers(year, seed, profile.code, youth, allocations)
    return RegionPlan(
        profile=profile,
        year=year,
        scale=scale,
        youth=youth,
        allocations=allocations,
        providers=providers,
        track_targets=targets,
    )
