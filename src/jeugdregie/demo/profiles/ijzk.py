# SPDX-License-Identifier: EUPL-1.2
"""IJmond and Zuid-Kennemerland, after the perceel-2 addendum (seed document 004, 000).

Seven municipalities; perceel 1 (multi-disciplinary specialist care) is delivered by four
consortia, perceel 2 (single-discipline care) by many small providers, each with its own
ceiling; perceel 2 is about 6% of the spend and 25% of the youth in care. Haarlem concluded
77 light contracts in 2020, 62% of them for ambulant care.
"""

import random
from collections.abc import Mapping
from decimal import Decimal

from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.demo.arithmetic import round_up, split_amount
from jeugdregie.demo.names import ProviderNamer
from jeugdregie.demo.profiles.base import (
    MunicipalitySpec,
    OrganisationSpec,
    ProviderPlan,
    RegionProfile,
    TrackSpec,
)
from jeugdregie.demo.profiles.tables import read_lots

MUNICIPALITIES = (
    MunicipalitySpec("0392", "Haarlem", 33_950, 1.05),
    MunicipalitySpec("0453", "Velsen", 14_150, 1.00),
    MunicipalitySpec("0375", "Beverwijk", 9_420, 1.10),
    MunicipalitySpec("0396", "Heemskerk", 8_240, 0.95),
    MunicipalitySpec("0397", "Heemstede", 6_520, 0.80),
    MunicipalitySpec("0377", "Bloemendaal", 5_780, 0.70),
    MunicipalitySpec("0473", "Zandvoort", 2_870, 1.00),
)

CATALOGUE = """
# code | JZ020 | WJ756 | tariff | raised tariff | name
[P1 | closed] Perceel 1 (meervoudig specialistisch)
45K01 | 45 | 04 |  112.00 |  116.00 | Specialistische ambulante jeugdhulp
45K02 | 45 | 04 |  120.00 |  124.00 | Intensieve ambulante gezinsbehandeling
54K03 | 54 | 04 |  115.00 |  119.00 | Diagnostiek meervoudige problematiek
45K04 | 45 | 04 |   98.00 |  101.00 | Ouderbegeleiding
41K05 | 41 | 16 |   95.00 |   98.00 | Dagbehandeling
43K06 | 43 | 14 |  340.00 |  352.00 | Verblijf met behandeling
44K07 | 44 | 14 |  190.00 |  197.00 | Gezinshuis
44K08 | 44 | 14 |   52.00 |   54.00 | Pleegzorg
46K09 | 46 | 14 |  310.00 |         | Crisisopvang
50K10 | 50 | 83 |    1.00 |         | Maatwerk ambulant (light-contract)
50K11 | 50 | 83 |    1.00 |         | Maatwerk verblijf (light-contract)
[P2 | open] Perceel 2 (enkelvoudig specialistisch)
54L01 | 54 | 04 |  105.00 |  109.00 | Diagnostiek jeugd-GGZ
51L02 | 51 | 04 |   98.00 |  101.00 | Basis jeugd-GGZ
52L03 | 52 | 04 |  118.00 |  122.00 | Specialistische jeugd-GGZ
45L04 | 45 | 04 |   66.00 |   68.00 | Ambulante begeleiding (enkelvoudig)
54L05 | 54 | 82 | 3900.00 |         | Dyslexiezorg (EED)
"""

PATTERNS = """
# code | weight | volume | weeks | options
45K01 | 5    | 1-3 per week, max 6    | 39-52  | basic 52 weeks
45K02 | 2    | 3-6 per week, max 10   | 26-39  | basic 26 weeks
54K03 | 2    | 6-16 total, max 24     | 6-12   | basic 8 weeks
45K04 | 2    | 6-20 total, max 30     | 26-52
41K05 | 2    | 3-8 per week, max 10   | 26-52  | age 2-17
43K06 | 0.25 | 7 per week             | 26-78  | age 6-17, open 20%
44K07 | 0.3  | 7 per week             | 52-104 | open 30%
44K08 | 0.8  | 7 per week             | 52-104 | open 40%
46K09 | 0.4  | 7-42 total, max 60     | 2-8
50K10 | 0.09 | € 3000-20000           | 13-52  | light contract
50K11 | 0.055 | € 20000-80000          | 26-52  | light contract
54L01 | 2    | 4-10 total, max 14     | 4-10   | basic 8 weeks, age 4-17
51L02 | 3.5  | 6-14 total, max 20     | 13-26  | basic 26 weeks, age 4-17
52L03 | 2    | 15-40 total, max 50    | 26-52  | basic 52 weeks, age 4-17
45L04 | 1.5  | 1-2 per week, max 3    | 13-26  | basic 26 weeks
54L05 | 1    | 1 total                | 40-60  | basic 52 weeks, age 7-13
"""

LOTS = read_lots(CATALOGUE, PATTERNS)


TRACKS = (
    TrackSpec(
        "enkelvoudig",
        client_share=0.25,
        cost_share=0.06,
        lots={"P2": 1.0},
        referrers={"01": 0.40, "02": 0.45, "03": 0.10, "05": 0.05},
    ),
    TrackSpec(
        "meervoudig",
        client_share=0.75,
        cost_share=0.94,
        lots={"P1": 1.0},
        referrers={
            "01": 0.47,
            "02": 0.20,
            "03": 0.03,
            "05": 0.07,
            "04": 0.15,
            "06": 0.04,
            "08": 0.04,
        },
    ),
)

CONSORTIA = (
    ("Consortium Jeugdhulp Kennemerland", 0.34),
    ("Consortium IJmond Samen Sterk", 0.27),
    ("Consortium Duin en Kust", 0.22),
    ("Consortium Spaarnestad Jeugd", 0.17),
)
SINGLE_DISCIPLINE_PROVIDERS = 32
LIGHT_PROVIDERS = 40


def design_providers(
    rng: random.Random, pools: Mapping[str, Decimal], scale: float
) -> list[ProviderPlan]:
    namer = ProviderNamer(rng)
    factor = Decimal(str(scale))
    plans: list[ProviderPlan] = []
    shares = [share for _, share in CONSORTIA]
    for (name, _share), amount in zip(
        CONSORTIA, split_amount(pools.get("P1", Decimal(0)), shares), strict=True
    ):
        plans.append(
            ProviderPlan(
                key=f"consortium-{len(plans) + 1}",
                kind=ContractKind.TENDER,
                group="consortium",
                name=namer.reserve(name),
                targets={"P1": amount},
                lots=("P1",),
                ceiling=round_up(
                    amount * Decimal(str(rng.uniform(1.0, 1.05))), Decimal(10_000) * factor
                ),
                ceiling_basis=CeilingBasis.FIXED,
                ceiling_reason="Maximale bestedingsruimte consortium perceel 1",
            )
        )
    weights = [rng.lognormvariate(0, 0.8) for _ in range(SINGLE_DISCIPLINE_PROVIDERS)]
    for index, amount in enumerate(split_amount(pools.get("P2", Decimal(0)), weights)):
        plans.append(
            ProviderPlan(
                key=f"p2-{index + 1}",
                group="single_discipline",
                targets={"P2": amount},
                contract_start_year=2024,
                lots=("P2",),
                name=namer.name("ggz" if index % 4 else "eed"),
                ceiling=max(
                    round_up(
                        amount * Decimal(str(rng.uniform(0.92, 1.12))), Decimal(1_000) * factor
                    ),
                    Decimal(1_000) * factor,
                ),
                ceiling_reason="Budgetplafond perceel 2; wordt in het contractjaar niet verhoogd",
            )
        )
    weights = [rng.lognormvariate(0, 0.7) for _ in range(LIGHT_PROVIDERS)]
    for index, amount in enumerate(split_amount(pools.get("custom:P1", Decimal(0)), weights)):
        plans.append(
            ProviderPlan(
                key=f"light-{index + 1}",
                kind=ContractKind.LIGHT,
                group="light",
                targets={"custom:P1": amount},
                lots=("P1",),
                name=namer.name("custom"),
            )
        )
    return plans


PROFILE = RegionProfile(
    code="ijzk",
    name="IJmond en Zuid-Kennemerland",
    office_name="Regionaal inkoopteam jeugd IJmond en Zuid-Kennemerland",
    municipalities=MUNICIPALITIES,
    lots=LOTS,
    tracks=TRACKS,
    youth_in_care=3_000,
    cost_per_client=Decimal("10500"),
    design_providers=design_providers,
    agb_prefix="982",
    bsn_stems=range(9000, 10_000),
    certified_institutions=(
        OrganisationSpec("gi-kennemerland", "GI Jeugdbescherming Kennemerland"),
    ),
    gi_shares=(1.0,),
    referrer_names={
        "01": ("CJG {municipality}",),
        "02": ("Huisartsenpraktijk {family}", "Gezondheidscentrum {municipality}"),
        "03": ("Jeugdarts GGD Kennemerland, {municipality}",),
        "05": ("Kinderarts, ziekenhuis Haarlem", "Kinderarts, ziekenhuis Beverwijk"),
        "06": ("",),
        "08": ("Rechtbank Noord-Holland, locatie Haarlem",),
    },
    contract_start_year=2023,
    provider_organisations=6,
)
