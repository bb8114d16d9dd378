# SPDX-License-Identifier: EUPL-1.2
"""What a checked import asks for: one row type per file, collected in a `Plan` (made by
``checking``, applied by ``applying``)."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class MunicipalityRow:
    line: int
    code: str
    name: str


@dataclass
class ProductRow:
    line: int
    category: str
    code: str
    name: str
    unit: str
    variant: str
    lot: str


@dataclass
class ProviderRow:
    line: int
    agb: str
    name: str
    kvk: str


@dataclass
class ContractRow:
    line: int
    agb: str
    kind: str
    reference: str
    lots: list[str]
    start: dt.date
    end: dt.date | None


@dataclass
class CeilingRow:
    line: int
    agb: str
    year: int
    lot: str
    amount: Decimal


@dataclass
class RealisationRow:
    line: int
    agb: str
    year: int
    month: int
    amount: Decimal


@dataclass
class AllocationRow:
    line: int
    number: str
    municipality: str
    bsn: str
    birth_date: dt.date
    agb: str
    category: str
    product_code: str
    start: dt.date
    end: dt.date | None
    volume: int | None
    unit: str
    frequency: str
    unit_price: Decimal | None
    budget: Decimal | None


@dataclass
class Plan:
    """Everything the files ask for, validated; applied in this order."""

    filenames: dict[str, str] = field(default_factory=dict)
    municipalities: list[MunicipalityRow] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    providers: list[ProviderRow] = field(default_factory=list)
    contracts: list[ContractRow] = field(default_factory=list)
    ceilings: list[CeilingRow] = field(default_factory=list)
    realisations: list[RealisationRow] = field(default_factory=list)
    allocations: list[AllocationRow] = field(default_factory=list)
