# SPDX-License-Identifier: EUPL-1.2
"""Validating every row of the import files and every reference between them."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ijw.codelists import ProductCategorie
from jeugdregie.contracting.constants import ExecutionVariant, Frequency, Unit
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.workflows.masterdata.reading import Problems, Table

_AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


class RowReader:
    """Parses the cells of one row; every problem is reported with file, row and column."""

    def __init__(self, problems: Problems, filename: str, line: int, cells: dict[str, str]):
        self.problems, self.filename, self.line, self.cells = problems, filename, line, cells
        self.ok = True

    def error(self, column: str | None, text: str) -> None:
        self.ok = False
        self.problems.add(self.filename, self.line, column, text)

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.cells[column]
        if required and not value:
            self.error(column, "is leeg; dit veld is verplicht")
        return value

    def empty(self, column: str, why: str) -> None:
        if self.cells[column]:
            self.error(column, f"'{self.cells[column]}' moet leeg zijn {why}")

    def digits(self, column: str, count: int, *, required: bool = True) -> str:
        value = self.text(column, required=required)
        if not value:
            return ""
        if not value.isdigit():
            self.error(column, f"'{value}' mag alleen cijfers bevatten, verwacht {count}")
            return ""
        if len(value) != count:
            self.error(column, f"'{value}' heeft {len(value)} cijfers, verwacht {count}")
            return ""
        return value

    def integer(
        self, column: str, low: int, high: int, *, required: bool = True, what: str = "getal"
    ) -> int | None:
        value = self.text(column, required=required)
        if not value:
            return None
        if not re.fullmatch(r"-?\d+", value):
            self.error(column, f"'{value}' is geen geheel getal")
            return None
        number = int(value)
        if not low <= number <= high:
            self.error(column, f"{what} {number} bestaat niet; verwacht {low} tot en met {high}")
            return None
        return number

    def amount(self, column: str, *, required: bool = True) -> Decimal | None:
        value = self.text(column, required=required).replace(" ", "")
        if not value:
            return None
        if "." in value and "," in value:  # the last mark is the decimal one
            thousands = "." if value.rfind(",") > value.rfind(".") else ","
            value = value.replace(thousands, "")
        value = value.replace(",", ".")
        if not _AMOUNT.match(value):
            self.error(column, f"'{self.cells[column]}' is geen bedrag (bijvoorbeeld 1234,56)")
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.error(column, f"'{self.cells[column]}' is geen bedrag")
            return None
        if number < 0:
            self.error(column, f"'{self.cells[column]}' is negatief; een bedrag is 0 of meer")
            return None
        return number.quantize(Decimal("0.01"))

    def day(self, column: str, *, required: bool = True) -> dt.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(value, pattern).date()  # noqa: DTZ007
            except ValueError:
                continue
        self.error(column, f"'{value}' is geen datum; gebruik JJJJ-MM-DD")
        return None

    def choice(self, column: str, choices: list[str], *, required: bool = True) -> str:
        value = self.text(column, required=required)
        if value and value not in choices:
            self.error(column, f"'{value}' is geen geldige waarde; kies uit {', '.join(choices)}")
            return ""
        return value


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
    ceilings: list[CeilingRow] = field(default_factory=list)
    realisations: list[RealisationRow] = field(default_factory=list)
    allocations: list[AllocationRow] = field(default_factory=list)


class _Duplicates:
    def __init__(self, reader_columns: tuple[str, ...]):
        self.columns, self.seen = reader_columns, dict[tuple[object, ...], int]()

    def check(self, row: RowReader, key: tuple[object, ...]) -> bool:
        first = self.seen.setdefault(key, row.line)
        if first != row.line:
            names = ", ".join(self.columns)
            row.error(self.columns[0], f"dubbele regel: {names} gelijk aan regel {first}")
            return False
        return True


YEARS = (2000, 2100)
UNITS = [choice.value for choice in Unit]
FREQUENCIES = [choice.value for choice in Frequency]
VARIANTS = [choice.value for choice in ExecutionVariant]
CATEGORIES = [choice.value for choice in ProductCategorie]


def _rows(table: Table | None, problems: Problems) -> list[RowReader]:
    if table is None:
        return []
    return [RowReader(problems, table.filename, line, cells) for line, cells in table.rows]


def check_tables(tables: dict[str, Table], region: Region, problems: Problems) -> Plan:
    plan = Plan(filenames={stem: table.filename for stem, table in tables.items()})

    duplicates = _Duplicates(("code",))
    for row in _rows(tables.get("gemeenten"), problems):
        code, name = row.digits("code", 4), row.text("naam")
        if row.ok and duplicates.check(row, (code,)):
            plan.municipalities.append(MunicipalityRow(row.line, code, name))

    duplicates = _Duplicates(("productcode",))
    for row in _rows(tables.get("producten"), problems):
        category = row.choice("productcategorie", CATEGORIES)
        code = row.text("productcode")
        if code and not re.fullmatch(r"[0-9A-Z]{5}", code):
            row.error("productcode", f"'{code}' moet 5 tekens hebben (cijfers of hoofdletters)")
        item = ProductRow(
            row.line,
            category,
            code,
            row.text("omschrijving"),
            row.choice("eenheid", UNITS),
            row.choice("uitvoeringsvariant", VARIANTS),
            row.text("perceel", required=False),
        )
        if row.ok and duplicates.check(row, (code,)):
            plan.products.append(item)

    duplicates = _Duplicates(("agb_code",))
    for row in _rows(tables.get("aanbieders"), problems):
        agb, name = row.digits("agb_code", 8), row.text("naam")
        kvk = row.digits("kvk_nummer", 8, required=False)
        if row.ok and duplicates.check(row, (agb,)):
            plan.providers.append(ProviderRow(row.line, agb, name, kvk))

    providers = set(Provider.objects.values_list("agb_code", flat=True))
    providers |= {item.agb for item in plan.providers}
    lots = {
        name.lower()
        for pair in Lot.objects.filter(region=region).values_list("code", "name")
        for name in pair
    }
    lots |= {item.lot.lower() for item in plan.products if item.lot}

    def known_provider(row: RowReader, agb: str) -> None:
        if agb and agb not in providers:
            row.error(
                "agb_code",
                f"onbekende aanbieder '{agb}': niet in de database en niet in aanbieders",
            )

    duplicates = _Duplicates(("agb_code", "jaar", "perceel"))
    for row in _rows(tables.get("plafonds"), problems):
        agb = row.digits("agb_code", 8)
        year = row.integer("jaar", *YEARS, what="jaar")
        lot = row.text("perceel", required=False)
        amount = row.amount("bedrag")
        known_provider(row, agb)
        if lot and lot.lower() not in lots:
            row.error(
                "perceel", f"onbekend perceel '{lot}': niet in de database en niet in producten"
            )
        if row.ok and duplicates.check(row, (agb, year, lot.lower())):
            assert year is not None
            assert amount is not None
            plan.ceilings.append(CeilingRow(row.line, agb, year, lot, amount))

    duplicates = _Duplicates(("agb_code", "jaar", "maand"))
    for row in _rows(tables.get("realisatie"), problems):
        agb = row.digits("agb_code", 8)
        year = row.integer("jaar", *YEARS, what="jaar")
        month = row.integer("maand", 1, 12, what="maand")
        amount = row.amount("bedrag")
        known_provider(row, agb)
        if row.ok and duplicates.check(row, (agb, year, month)):
            assert year is not None
            assert month is not None
            assert amount is not None
            plan.realisations.append(RealisationRow(row.line, agb, year, month, amount))

    _check_allocations(tables.get("toewijzingen"), region, plan, problems, known_provider)
    return plan


def _check_allocations(
    table: Table | None,
    region: Region,
    plan: Plan,
    problems: Problems,
    known_provider: Callable[[RowReader, str], None],
) -> None:
    municipalities = dict(Municipality.objects.values_list("cbs_code", "region_id"))
    municipalities |= {item.code: region.pk for item in plan.municipalities}
    products = {
        code: (category, unit)
        for code, category, unit in Product.objects.filter(region=region).values_list(
            "code", "category__code", "unit"
        )
    }
    products |= {item.code: (item.category, item.unit) for item in plan.products}
    duplicates = _Duplicates(("toewijzingnummer", "gemeente"))
    for row in _rows(table, problems):
        number = row.text("toewijzingnummer")
        if number and not re.fullmatch(r"\d{1,8}", number):
            row.error("toewijzingnummer", f"'{number}' moet 1 tot 8 cijfers hebben")
        municipality = row.digits("gemeente", 4)
        if municipality:
            if municipality not in municipalities:
                row.error(
                    "gemeente",
                    f"onbekende gemeente '{municipality}': niet in de database en niet in "
                    "gemeenten",
                )
            elif municipalities[municipality] != region.pk:
                row.error(
                    "gemeente", f"gemeente '{municipality}' hoort niet bij regio {region.code}"
                )
        bsn = row.digits("bsn", 9)
        if bsn and not passes_eleven_test(bsn):
            row.error("bsn", f"'{bsn}' is geen geldig BSN (elfproef)")
        birth_date = row.day("geboortedatum")
        agb = row.digits("agb_code", 8)
        known_provider(row, agb)
        category = row.choice("productcategorie", CATEGORIES)
        product_code = row.text("productcode", required=False)
        start, end = row.day("ingangsdatum"), row.day("einddatum", required=False)
        if start and end and end < start:
            row.error("einddatum", f"{end:%Y-%m-%d} ligt voor de ingangsdatum {start:%Y-%m-%d}")
        budget = row.amount("budget", required=False)
        volume, unit, frequency, unit_price = None, "", "", None
        if budget is not None:
            for column in ("volume", "eenheid", "frequentie", "tarief"):
                row.empty(column, "bij een budgettoewijzing")
        else:
            volume = row.integer("volume", 1, 99_999_999, what="volume")
            unit = row.choice("eenheid", UNITS)
            frequency = row.choice("frequentie", FREQUENCIES)
            if unit == Unit.EURO:
                row.empty("tarief", "bij eenheid 83 (het volume is het bedrag in euro's)")
            else:
                unit_price = row.amount("tarief")
        if product_code:
            if product_code not in products:
                row.error(
                    "productcode",
                    f"onbekend product '{product_code}': niet in de database en niet in producten",
                )
            else:
                product_category, product_unit = products[product_code]
                if category and product_category != category:
                    row.error(
                        "productcategorie",
                        f"product {product_code} hoort bij categorie {product_category}, "
                        f"niet {category}",
                    )
                if unit and product_unit != unit:
                    row.error(
                        "eenheid",
                        f"eenheid {unit} past niet bij product {product_code} "
                        f"(eenheid {product_unit})",
                    )
        if row.ok and duplicates.check(row, (number, municipality)):
            assert birth_date is not None
            assert start is not None
            plan.allocations.append(
                AllocationRow(
                    row.line,
                    number,
                    municipality,
                    bsn,
                    birth_date,
                    agb,
                    category,
                    product_code,
                    start,
                    end,
                    volume,
                    unit,
                    frequency,
                    unit_price,
                    budget,
                )
            )
