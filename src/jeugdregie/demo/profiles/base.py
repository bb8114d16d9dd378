# SPDX-License-Identifier: EUPL-1.2
"""The shape of a demo region: municipalities, lots and products, care tracks and providers.

A profile is data. The generator turns it into youth, referrals and allocations whose cost,
computed exactly as ``monitoring.selectors.region_stats`` computes it, meets the targets
the profile states (clients, cost per client, cost and client shares per track).
"""

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.contracting.constants import ContractKind, ExecutionVariant, Frequency, Unit


@dataclass(frozen=True)
class MunicipalitySpec:
    cbs_code: str
    name: str
    youth_population: int
    prevalence: float = 1.0
    """Relative use of youth care compared with the region (1.0 = regional average)."""


@dataclass(frozen=True)
class ProductSpec:
    """A product with its tariffs and how allocations of it typically look."""

    code: str
    name: str
    category: str
    unit: str
    tariff: Decimal
    """Valid from 1 January of the year before the demo year."""
    raised_tariff: Decimal | None = None
    """Valid from 1 January of the demo year, when the tariff was indexed."""
    variant: str = ExecutionVariant.EFFORT
    basic_duration_weeks: int | None = None
    weight: float = 1.0
    """Relative number of allocations of this product within its lot."""
    frequency: str = Frequency.PER_WEEK
    volume: tuple[int, int] = (1, 2)
    volume_cap: int | None = None
    """Highest volume calibration may set; ``None`` means twice the upper volume."""
    budget: tuple[int, int] | None = None
    """Euros for a budget allocation (unit 83); the volume is then not used."""
    weeks: tuple[int, int] = (13, 52)
    open_end: float = 0.0
    """Probability that an allocation has no end date (long-term care)."""
    custom: bool = False
    """A tailor-made arrangement, bought with a light contract from a non-contracted provider."""
    ages: tuple[int, int] = (0, 17)

    @property
    def scalable(self) -> bool:
        """Whether calibration may change the volume (or budget) of an allocation."""
        if self.budget is not None:
            return True
        if self.unit == Unit.DAY_NIGHT and self.frequency == Frequency.PER_WEEK:
            return False
        return self.volume[1] > 1

    @property
    def cap(self) -> int:
        return self.volume_cap if self.volume_cap is not None else 2 * self.volume[1]


@dataclass(frozen=True)
class LotSpec:
    code: str
    name: str
    is_open: bool
    products: tuple[ProductSpec, ...]
    segment: str = ""


@dataclass(frozen=True)
class TrackSpec:
    """A group of youth with the same kind of care path, and its share of clients and cost."""

    key: str
    client_share: float
    cost_share: float
    lots: Mapping[str, float]
    """Share of the track's cost per lot code (sums to 1)."""
    referrers: Mapping[str, float]
    """COD327 referrer code → share of the track's youth (sums to 1)."""


@dataclass
class ProviderPlan:
    """A provider as the generator plans it: its spend per pool and its contract and ceiling."""

    key: str
    kind: str = ContractKind.REGIONAL
    targets: dict[str, Decimal] = field(default_factory=dict)
    """Planned spend per pool (a lot code, or ``custom:<lot code>`` for light contracts)."""
    lots: tuple[str, ...] = ()
    ceiling: Decimal | None = None
    ceiling_basis: str = CeilingBasis.NORM
    ceiling_reason: str = ""
    name: str = ""
    group: str = ""
    """The provider group in the profile, e.g. ``top``, ``ceiling_200k``, ``light``."""
    contract_start_year: int | None = None
    """First year of the contract; ``None`` means the region's usual contract start."""

    @property
    def target(self) -> Decimal:
        return sum(self.targets.values(), Decimal(0))


ProviderDesign = Callable[[random.Random, Mapping[str, Decimal], float], list[ProviderPlan]]
"""(rng, spend per pool, scale factor) → the providers of a region with their targets."""


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str


@dataclass(frozen=True)
class RegionProfile:
    code: str
    name: str
    office_name: str
    municipalities: tuple[MunicipalitySpec, ...]
    lots: tuple[LotSpec, ...]
    tracks: tuple[TrackSpec, ...]
    youth_in_care: int
    """Youth with care in the demo year at scale ``region``."""
    cost_per_client: Decimal
    design_providers: ProviderDesign
    bsn_stems: range
    """Stems of the test range this region draws BSNs from (9999 + stem + check digit)."""
    agb_prefix: str
    """First three digits of the region's synthetic provider AGB codes."""
    certified_institutions: tuple[OrganisationSpec, ...]
    """GI organisations that refer youth (referrer type 04); their share of those youth."""
    gi_shares: tuple[float, ...]
    referrer_names: Mapping[str, tuple[str, ...]]
    care_profiles: bool = False
    """Whether referrals carry a care profile (zorgprofiel), as in Zuid-Holland Zuid."""
    contract_start_year: int = 2022
    provider_organisations: int = 10
    """How many of the largest providers get an organisation (for provider users)."""
    ceiling_fixed_in_year: bool = True

    def lot(self, code: str) -> LotSpec:
        return next(lot for lot in self.lots if lot.code == code)

    @property
    def youth_population(self) -> int:
        return sum(m.youth_population for m in self.municipalities)
