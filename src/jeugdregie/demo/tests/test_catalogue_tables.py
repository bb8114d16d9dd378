# SPDX-License-Identifier: EUPL-1.2
"""A region's products are written as two plain tables; mistakes are reported by row."""

from decimal import Decimal

import pytest

from jeugdregie.contracting.constants import ExecutionVariant, Frequency, LotSegment, Unit
from jeugdregie.demo.profiles.ijzk import PROFILE as IJZK
from jeugdregie.demo.profiles.tables import TableError, read_lots
from jeugdregie.demo.profiles.zhz import PROFILE as ZHZ

CATALOGUE = """
# code | JZ020 | WJ756 | tariff | raised tariff | name
[GGZ | closed | heavy] Jeugd-GGZ zwaar
52G11 | 52 | 04 | 118.00 | 122.50 | Specialistische jeugd-GGZ behandeling
50M02 | 50 | 83 |   1.00 |        | Maatwerk jeugd-GGZ (light-contract)
[PZ | open] Pleegzorg
44P01 | 44 | 14 |  48.00 |        | Pleegzorg regulier
"""
PATTERNS = """
52G11 | 6    | 1-3 per week, max 5 | 39-78  | basic 52 weeks, age 4-17
50M02 | 0.12 | € 5000-50000        | 13-52  | light contract
44P01 | 5    | 7 per week          | 52-104 | open 40%
"""


def test_a_catalogue_and_its_patterns_make_lots_with_products():
    heavy, foster = read_lots(CATALOGUE, PATTERNS)

    assert (heavy.code, heavy.name, heavy.is_open, heavy.segment) == (
        "GGZ", "Jeugd-GGZ zwaar", False, LotSegment.HEAVY
    )  # fmt: skip
    assert (foster.is_open, foster.segment) == (True, LotSegment.NONE)
    treatment, custom = heavy.products
    assert treatment.tariff == Decimal("118.00")
    assert treatment.raised_tariff == Decimal("122.50")
    assert treatment.unit == Unit.HOUR
    assert treatment.variant == ExecutionVariant.EFFORT
    assert (treatment.frequency, treatment.volume, treatment.cap) == (Frequency.PER_WEEK, (1, 3), 5)
    assert (treatment.weeks, treatment.basic_duration_weeks, treatment.ages) == (
        (39, 78),
        52,
        (4, 17),
    )
    assert custom.variant == ExecutionVariant.OUTPUT  # unit 83 (euro) is output-oriented
    assert (custom.budget, custom.custom, custom.raised_tariff) == ((5000, 50000), True, None)
    assert foster.products[0].open_end == 0.4
    assert not foster.products[0].scalable  # 7 × 24 hours a week cannot grow


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        (PATTERNS.replace("1-3 per week", "1-3 a week"), "pattern row 1 (52G11): volume"),
        (PATTERNS.replace("open 40%", "open forever"), "unknown option 'open forever'"),
        (PATTERNS.replace("52G11", "52G99"), "no allocation pattern for product 52G11"),
        (PATTERNS + "99X99 | 1 | 1 total | 4\n", "not in the catalogue: 99X99"),
    ],
)
def test_a_wrong_row_is_reported_with_its_place(patterns, message):
    with pytest.raises(TableError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_lots(CATALOGUE, patterns)


def test_the_demo_regions_buy_what_the_brief_lists():
    zhz_lots = {lot.code: lot for lot in ZHZ.lots}
    closed = {code for code, lot in zhz_lots.items() if not lot.is_open}

    assert closed == {
        "JO-LICHT", "JO-ZWAAR", "GGZ-LICHT", "GGZ-ZWAAR", "AWBZ-LICHT", "AWBZ-ZWAAR", "EED",
        "ONDERWIJS",
    }  # fmt: skip
    assert {"GI-JB", "GI-JR", "PLEEGZORG"} <= set(zhz_lots)
    assert [lot.name for lot in IJZK.lots] == [
        "Perceel 1 (meervoudig specialistisch)",
        "Perceel 2 (enkelvoudig specialistisch)",
    ]
    perceel_2 = {product.name: product for product in IJZK.lots[1].products}
    assert perceel_2["Basis jeugd-GGZ"].basic_duration_weeks == 26
    assert perceel_2["Specialistische jeugd-GGZ"].basic_duration_weeks == 52
    for profile in (ZHZ, IJZK):
        codes = [product.code for lot in profile.lots for product in lot.products]
        assert len(codes) == len(set(codes))
