# SPDX-License-Identifier: EUPL-1.2
"""Zuid-Holland Zuid, calibrated on the ZHZ purchasing framework 2022 (seed document 001).

Figures (see ``policy/seed-figures.md``, A.001 and the quick calibration sheet): 10
municipalities, 94,515 youth aged 0-19, about 11% of them in youth care (about 10,400),
€8,519 per youth in care, the 10 largest providers 50% of turnover, 42 providers with a
€200,000 ceiling and 91 with a smaller one, medical referrers 59% of youth and 26% of cost,
youth teams a quarter of the youth and the largest share of the budget, GGZ the largest
lot; J&O, GGZ, AWBZ, EED and education-youth care are closed lots.
"""

import math
import random
from collections.abc import Mapping
from decimal import Decimal

from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.demo.arithmetic import (
    fill_by_capacity,
    largest_remainder,
    round_to,
    round_up,
    split_amount,
)
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
    # CBS code, name, youth aged 0-19 (sums to 94,515), relative use of youth care
    MunicipalitySpec("0505", "Dordrecht", 23_631, 1.18),
    MunicipalitySpec("1963", "Hoeksche Waard", 17_902, 0.88),
    MunicipalitySpec("1978", "Molenlanden", 9_631, 0.82),
    MunicipalitySpec("0642", "Zwijndrecht", 8_706, 1.08),
    MunicipalitySpec("0512", "Gorinchem", 7_561, 1.12),
    MunicipalitySpec("0531", "Hendrik-Ido-Ambacht", 7_129, 0.90),
    MunicipalitySpec("0590", "Papendrecht", 6_441, 0.96),
    MunicipalitySpec("0610", "Sliedrecht", 5_147, 1.00),
    MunicipalitySpec("0482", "Alblasserdam", 4_205, 1.02),
    MunicipalitySpec("0523", "Hardinxveld-Giessendam", 4_162, 0.86),
)

CATALOGUE = """
# code | JZ020 | WJ756 | tariff | raised tariff | name
[JO-LICHT | closed | light] Jeugd en opvoedondersteuning licht
45A01 | 45 | 04 |   68.00 |   70.40 | Ambulante jeugdhulp licht
45A02 | 45 | 04 |   64.00 |   66.20 | Opvoedondersteuning
45A03 | 45 | 16 |   48.00 |         | Groepstraining ouder en kind
[JO-ZWAAR | closed | heavy] Jeugd en opvoedondersteuning zwaar
45A11 | 45 | 04 |   86.00 |   89.00 | Ambulante jeugdhulp intensief
41A12 | 41 | 16 |   58.00 |   60.00 | Daghulp jeugd- en opvoedhulp
44A13 | 44 | 14 |  165.00 |  171.00 | Verblijf gezinshuis
46A14 | 46 | 14 |  290.00 |         | Crisisopvang
50M01 | 50 | 83 |    1.00 |         | Maatwerkarrangement jeugdhulp (light-contract)
[GGZ-LICHT | closed | light] Jeugd-GGZ licht
51G01 | 51 | 82 |  560.00 |  580.00 | Basis jeugd-GGZ kort
51G02 | 51 | 82 |  980.00 | 1015.00 | Basis jeugd-GGZ middel
51G03 | 51 | 82 | 1620.00 | 1680.00 | Basis jeugd-GGZ intensief
54G04 | 54 | 04 |   95.00 |   98.00 | Ambulante behandeling jeugd-GGZ licht
[GGZ-ZWAAR | closed | heavy] Jeugd-GGZ zwaar
52G11 | 52 | 04 |  118.00 |  122.50 | Specialistische jeugd-GGZ behandeling
52G12 | 52 | 04 |  118.00 |  122.50 | Specialistische jeugd-GGZ diagnostiek
41G13 | 41 | 16 |  155.00 |         | Deeltijdbehandeling jeugd-GGZ
43G14 | 43 | 14 |  520.00 |         | Klinische opname jeugd-GGZ
50M02 | 50 | 83 |    1.00 |         | Maatwerkarrangement jeugd-GGZ (light-contract)
[AWBZ-LICHT | closed | light] Voormalig AWBZ licht
45V01 | 45 | 04 |   63.00 |   65.20 | Individuele begeleiding
45V02 | 45 | 16 |   42.00 |   43.50 | Groepsbegeleiding
40V03 | 40 | 04 |   58.00 |         | Persoonlijke verzorging
[AWBZ-ZWAAR | closed | heavy] Voormalig AWBZ zwaar
45V11 | 45 | 04 |   98.00 |  101.50 | Behandeling (L)VB
41V12 | 41 | 16 |   75.00 |   77.60 | Dagbehandeling (L)VB
44V13 | 44 | 14 |  175.00 |         | Kortdurend verblijf (logeren)
43V14 | 43 | 14 |  310.00 |  321.00 | Verblijf met behandeling (L)VB
50M03 | 50 | 83 |    1.00 |         | Maatwerkarrangement (L)VB (light-contract)
[EED | closed] Ernstige enkelvoudige dyslexie (EED)
54E01 | 54 | 82 | 1150.00 | 1190.00 | EED diagnostiek
54E02 | 54 | 82 | 3950.00 | 4090.00 | EED behandeling
[GI-JB | open] GI Jeugdbescherming
48J01 | 48 | 14 |   21.50 |   22.30 | Ondertoezichtstelling (OTS)
48J02 | 48 | 14 |   17.80 |   18.40 | Voogdij
48J03 | 48 | 04 |   85.00 |         | Preventieve jeugdbescherming (drang)
[GI-JR | open] GI Jeugdreclassering
47R01 | 47 | 14 |   19.00 |   19.70 | Jeugdreclassering (toezicht en begeleiding)
47R02 | 47 | 14 |   38.00 |   39.30 | Intensieve trajectbegeleiding (ITB)
47R03 | 47 | 04 |   80.00 |         | Begeleiding leerstraf of taakstraf
[PLEEGZORG | open] Pleegzorg
44P01 | 44 | 14 |   48.00 |   49.70 | Pleegzorg regulier
44P02 | 44 | 14 |   72.00 |   74.50 | Pleegzorg met intensieve begeleiding
46P03 | 46 | 14 |   85.00 |         | Crisispleegzorg
45P04 | 45 | 04 |   82.00 |   84.90 | Ambulante begeleiding pleeggezin
50M04 | 50 | 83 |    1.00 |         | Maatwerk pleegzorg of gezinshuis (light-contract)
[ONDERWIJS | closed] Onderwijs-jeugdhulp
41O01 | 41 | 16 |   64.00 |   66.20 | Onderwijs-zorgarrangement
45O02 | 45 | 04 |   76.00 |         | Ambulante jeugdhulp op school
50O03 | 50 | 83 |    1.00 |         | Arrangement onderwijs-jeugdhulp (budget)
"""

PATTERNS = """
# code | weight | volume | weeks | options
45A01 | 5    | 1-3 per week, max 5    | 13-39
45A02 | 3    | 12-36 total, max 50    | 13-26
45A03 | 2    | 8-16 total, max 24     | 8-20
45A11 | 5    | 2-4 per week, max 8    | 26-78
41A12 | 2    | 2-6 per week, max 10   | 26-78  | age 4-17
44A13 | 1.2  | 7 per week             | 26-104 | open 20%
46A14 | 0.6  | 7-42 total, max 60     | 2-8
50M01 | 0.25 | € 4000-40000           | 13-52  | light contract
51G01 | 3    | 1 total                | 8-16   | basic 12 weeks, age 4-17
51G02 | 3    | 1 total                | 12-26  | basic 20 weeks, age 4-17
51G03 | 2    | 1 total                | 16-39  | basic 26 weeks, age 4-17
54G04 | 3    | 8-24 total, max 36     | 13-39  | age 2-17
52G11 | 6    | 1-3 per week, max 5    | 39-78  | basic 52 weeks, age 4-17
52G12 | 3    | 8-20 total, max 30     | 8-16   | basic 8 weeks, age 2-17
41G13 | 1    | 2-6 per week, max 10   | 26-52  | age 6-17
43G14 | 0.4  | 14-90 total, max 180   | 4-26   | age 12-17
50M02 | 0.12 | € 5000-50000           | 13-52  | age 6-17, light contract
45V01 | 5    | 2-4 per week, max 8    | 39-104 | open 5%
45V02 | 3    | 2-4 per week, max 8    | 39-104 | age 2-17
40V03 | 1    | 1-3 per week, max 6    | 39-104 | open 10%
45V11 | 4    | 1-2 per week, max 4    | 26-78
41V12 | 2    | 2-8 per week, max 10   | 39-104 | age 2-17
44V13 | 1.5  | 2-6 per month, max 10  | 39-104
43V14 | 0.5  | 7 per week             | 52-104 | age 4-17, open 30%
50M03 | 0.15 | € 5000-60000           | 13-52  | light contract
54E01 | 1    | 1 total                | 4-10   | basic 8 weeks, age 7-12
54E02 | 1    | 1 total                | 40-60  | basic 52 weeks, age 7-13
48J01 | 4    | 7 per week             | 52     | open 30%
48J02 | 1.2  | 7 per week             | 52-104 | open 60%
48J03 | 1    | 10-30 total, max 45    | 13-26
47R01 | 4    | 7 per week             | 26-52  | age 12-17
47R02 | 1.5  | 7 per week             | 13-39  | age 12-17
47R03 | 1    | 8-20 total, max 30     | 8-16   | age 12-17
44P01 | 5    | 7 per week             | 52-104 | open 40%
44P02 | 1.5  | 7 per week             | 26-104 | open 30%
46P03 | 1    | 7-42 total, max 60     | 2-8
45P04 | 1.5  | 1-2 per week, max 4    | 39-104
50M04 | 0.2  | € 10000-70000          | 26-52  | light contract
41O01 | 3    | 2-8 per week, max 10   | 20-52  | age 4-17
45O02 | 2    | 1-3 per week, max 5    | 13-40  | age 4-17
50O03 | 1    | € 3000-15000           | 20-40  | age 4-17
"""

LOTS = read_lots(CATALOGUE, PATTERNS)


def _lots(**shares: float) -> dict[str, float]:
    """Lot shares of a track's cost, given in percentage points of the region's spend."""
    names = {
        "jo_licht": "JO-LICHT",
        "jo_zwaar": "JO-ZWAAR",
        "ggz_licht": "GGZ-LICHT",
        "ggz_zwaar": "GGZ-ZWAAR",
        "awbz_licht": "AWBZ-LICHT",
        "awbz_zwaar": "AWBZ-ZWAAR",
        "eed": "EED",
        "jb": "GI-JB",
        "jr": "GI-JR",
        "pleegzorg": "PLEEGZORG",
        "onderwijs": "ONDERWIJS",
    }
    total = sum(shares.values())
    return {names[key]: value / total for key, value in shares.items()}


# Percentage points of the region's spend per track and lot; lots add up to GGZ 32
# (zwaar 27.5 + licht 4.5), J&O 24, AWBZ 20.5, pleegzorg 11, GI 5.5, onderwijs 4, EED 3.
TRACKS = (
    TrackSpec(
        "jeugdteam",
        client_share=0.25,
        cost_share=0.39,
        referrers={"01": 1.0},
        lots=_lots(
            jo_licht=1,
            jo_zwaar=13,
            ggz_licht=0.5,
            ggz_zwaar=7.5,
            awbz_licht=4,
            awbz_zwaar=9,
            pleegzorg=1,
            onderwijs=3,
        ),
    ),
    TrackSpec(
        "medisch",
        client_share=0.59,
        cost_share=0.26,
        referrers={"02": 44 / 59, "03": 6 / 59, "05": 9 / 59},
        lots=_lots(jo_licht=1, ggz_licht=4, ggz_zwaar=16, awbz_licht=1, awbz_zwaar=1, eed=3),
    ),
    TrackSpec(
        "gi",
        client_share=0.09,
        cost_share=0.24,
        referrers={"04": 1.0},
        lots=_lots(jb=4, pleegzorg=8, jo_zwaar=5.5, ggz_zwaar=2, awbz_zwaar=4.5),
    ),
    TrackSpec(
        "overig",
        client_share=0.04,
        cost_share=0.03,
        referrers={"06": 1.0},
        lots=_lots(jo_licht=1, ggz_zwaar=1, onderwijs=1),
    ),
    TrackSpec(
        "justitie",
        client_share=0.03,
        cost_share=0.08,
        referrers={"08": 1.0},
        lots=_lots(jr=1.5, pleegzorg=2, jo_zwaar=2.5, ggz_zwaar=1, awbz_zwaar=1),
    ),
)

GI_JB = OrganisationSpec("gi-jb", "GI Jeugdbescherming Zuid-Holland Zuid")
GI_JR = OrganisationSpec("gi-jr", "GI Jeugdreclassering en Jeugdbescherming Rivierenland")

# The 10 largest providers take 50% of the spend (A001-21).
TOP_SHARES = (0.064, 0.059, 0.055, 0.051, 0.049, 0.047, 0.046, 0.044, 0.043, 0.042)
AT_REFERENCE = 42  # providers with a ceiling of exactly €200,000 (A001-23)
BELOW_REFERENCE = 91  # providers with a smaller ceiling (A001-24)
START_BUDGETS = 8  # of which new providers on a start budget of €10,000 (A001-28)
LIGHT_PROVIDERS = 80  # providers delivering "maatwerk" under a light contract (A001-26)
REFERENCE = Decimal("200000")
LOT_STYLE = {
    "JO-LICHT": "jo",
    "JO-ZWAAR": "jo",
    "GGZ-LICHT": "ggz",
    "GGZ-ZWAAR": "ggz",
    "AWBZ-LICHT": "awbz",
    "AWBZ-ZWAAR": "awbz",
    "EED": "eed",
    "PLEEGZORG": "foster",
    "ONDERWIJS": "school",
}

NORM_REASON = "Budget genormeerd op 90% van de gerealiseerde productie in het referentiejaar"


def design_providers(
    rng: random.Random, pools: Mapping[str, Decimal], scale: float
) -> list[ProviderPlan]:
    """The ZHZ provider landscape around the spend per pool the youth's care produces.

    The ten largest get 50% of the spend; 42 providers have a ceiling of exactly €200,000
    and 91 a smaller one (8 of them a start budget); providers between the ten largest and
    the €200,000 group absorb the rest, each clearly smaller than the tenth largest. Every
    regional provider is placed in the lots with the most spend still unplaced.
    """
    namer = ProviderNamer(rng)
    factor = Decimal(str(scale))
    total = sum(pools.values(), Decimal(0))
    regular = {
        pool: amount
        for pool, amount in pools.items()
        if not pool.startswith("custom:") and pool not in ("GI-JB", "GI-JR")
    }
    top = [total * Decimal(str(share)) for share in TOP_SHARES]
    sized = [(ProviderPlan(key=f"top-{i + 1}", group="top"), size) for i, size in enumerate(top)]
    sized += _reference_group(rng, factor) + _below_group(rng, factor)
    rest = sum(regular.values(), Decimal(0)) - sum((size for _, size in sized), Decimal(0))
    count = max(3, math.ceil(rest / (top[-1] * Decimal("0.72"))))
    weights = [1.3 - 0.6 * i / max(count - 1, 1) for i in range(count)]
    sized += [
        (ProviderPlan(key=f"mid-{i + 1}", group="mid"), size)
        for i, size in enumerate(split_amount(rest, weights))
    ]
    fill_by_capacity(sized, regular)
    for plan, _size in sized:
        plan.lots = tuple(sorted(plan.targets))
        main_lot = max(plan.targets, key=lambda lot: plan.targets[lot]) if plan.targets else ""
        plan.name = namer.name("large" if plan.group == "top" else LOT_STYLE.get(main_lot, "jo"))
        if plan.ceiling is None:
            spread = Decimal(str(rng.uniform(1.0, 1.08)))
            plan.ceiling = round_up(plan.target * spread, Decimal(10_000) * factor)
            plan.ceiling_reason = NORM_REASON
    regional = sorted((plan for plan, _ in sized), key=lambda plan: plan.target, reverse=True)
    return regional + _certified_institutions(pools, factor) + _light_providers(rng, namer, pools)


def _reference_group(rng: random.Random, factor: Decimal) -> list[tuple[ProviderPlan, Decimal]]:
    """42 providers with a ceiling of exactly €200,000, spending 76-106% of it."""
    group = []
    for index in range(AT_REFERENCE):
        plan = ProviderPlan(
            key=f"ref-{index + 1}",
            group="ceiling_200k",
            ceiling=REFERENCE * factor,
            ceiling_basis=CeilingBasis.FIXED,
            ceiling_reason="Vast budgetplafond voor regionaal gecontracteerde aanbieders",
        )
        group.append((plan, REFERENCE * factor * Decimal(str(rng.uniform(0.76, 1.06)))))
    return group


def _below_group(rng: random.Random, factor: Decimal) -> list[tuple[ProviderPlan, Decimal]]:
    """91 providers with a smaller ceiling, spread from €10,000 to €197,500."""
    group = []
    for index in range(BELOW_REFERENCE):
        if index < START_BUDGETS:
            plan = ProviderPlan(
                key=f"small-{index + 1}",
                group="below_200k",
                ceiling=Decimal("10000") * factor,
                ceiling_basis=CeilingBasis.START_BUDGET,
                ceiling_reason="Startbudget nieuwe aanbieder (€ 10.000, prijspeil 2018)",
            )
        else:
            position = (index - START_BUDGETS + rng.random()) / (BELOW_REFERENCE - START_BUDGETS)
            raw = Decimal(12_000 + 185_000 * position**1.1) * factor
            plan = ProviderPlan(
                key=f"small-{index + 1}",
                group="below_200k",
                ceiling=min(round_to(raw, Decimal(500) * factor), Decimal("197500") * factor),
                ceiling_reason=NORM_REASON,
            )
        spend = (plan.ceiling or Decimal(0)) * Decimal(str(rng.uniform(0.68, 1.04)))
        group.append((plan, spend))
    return group


def _certified_institutions(pools: Mapping[str, Decimal], factor: Decimal) -> list[ProviderPlan]:
    plans = []
    # The first GI does most of the child protection, the second most of the probation.
    for spec, share in ((GI_JB, Decimal("0.64")), (GI_JR, Decimal("0.36"))):
        jr_share = Decimal(1) - share
        plan = ProviderPlan(
            key=spec.key,
            kind=ContractKind.TENDER,
            name=spec.name,
            group="gi",
            lots=("GI-JB", "GI-JR"),
            ceiling_basis=CeilingBasis.FIXED,
            ceiling_reason="Opdrachtwaarde aanbesteding gecertificeerde instellingen",
            targets={
                "GI-JB": (pools.get("GI-JB", Decimal(0)) * share).quantize(Decimal("0.01")),
                "GI-JR": (pools.get("GI-JR", Decimal(0)) * jr_share).quantize(Decimal("0.01")),
            },
        )
        plan.ceiling = max(
            round_up(plan.target * Decimal("1.03"), Decimal(10_000) * factor),
            Decimal(10_000) * factor,
        )
        plans.append(plan)
    return plans


def _light_providers(
    rng: random.Random, namer: ProviderNamer, pools: Mapping[str, Decimal]
) -> list[ProviderPlan]:
    custom = {pool: amount for pool, amount in sorted(pools.items()) if pool.startswith("custom:")}
    counts = largest_remainder(LIGHT_PROVIDERS, [float(a) + 1 for a in custom.values()])
    plans: list[ProviderPlan] = []
    for (pool, amount), count in zip(custom.items(), counts, strict=True):
        weights = [rng.lognormvariate(0, 0.7) for _ in range(count)]
        for size in split_amount(amount, weights) if count else []:
            plans.append(
                ProviderPlan(
                    key=f"light-{len(plans) + 1}",
                    kind=ContractKind.LIGHT,
                    group="light",
                    targets={pool: size},
                    lots=(pool.removeprefix("custom:"),),
                    name=namer.name("custom"),
                )
            )
    return plans


PROFILE = RegionProfile(
    code="zhz",
    name="Zuid-Holland Zuid",
    office_name="Serviceorganisatie Jeugd Zuid-Holland Zuid",
    municipalities=MUNICIPALITIES,
    lots=LOTS,
    tracks=TRACKS,
    youth_in_care=10_400,
    cost_per_client=Decimal("8519"),
    design_providers=design_providers,
    agb_prefix="981",
    bsn_stems=range(500, 9000),
    certified_institutions=(GI_JB, GI_JR),
    gi_shares=(0.7, 0.3),
    referrer_names={
        "01": ("Stichting Jeugdteams ZHZ, team {municipality}",),
        "02": ("Huisartsenpraktijk {family}", "Huisartsen {municipality} {family}"),
        "03": ("Jeugdarts JGZ Zuid-Holland Zuid, {municipality}",),
        "05": (
            "Kinderarts, ziekenhuis Dordrecht",
            "Kinder- en jeugdpsychiater, Gorinchem",
            "Kinderarts, ziekenhuis Zwijndrecht",
        ),
        "06": ("",),
        "08": ("Rechtbank Rotterdam, locatie Dordrecht", "Openbaar Ministerie Rotterdam"),
    },
    care_profiles=True,
    contract_start_year=2022,
)
