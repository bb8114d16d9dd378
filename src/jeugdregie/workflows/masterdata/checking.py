# SPDX-License-Identifier: EUPL-1.2
"""Validating every row of the import files and every reference between them."""

import re
from decimal import Decimal

from ijw.codelists import ProductCategorie
from jeugdregie.contracting.constants import ExecutionVariant, Frequency, Unit
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.workflows.masterdata.contracts import check_contracts
from jeugdregie.workflows.masterdata.plan import (
    AllocationRow,
    CeilingRow,
    MunicipalityRow,
    Plan,
    ProductRow,
    ProviderRow,
    RealisationRow,
)
from jeugdregie.workflows.masterdata.reading import Problems, Table
from jeugdregie.workflows.masterdata.rows import Duplicates, RowReader, known_provider, rows

YEARS = (2000, 2100)
UNITS = [choice.value for choice in Unit]
FREQUENCIES = [choice.value for choice in Frequency]
VARIANTS = [choice.value for choice in ExecutionVariant]
CATEGORIES = [choice.value for choice in ProductCategorie]


def check_tables(tables: dict[str, Table], region: Region, problems: Problems) -> Plan:
    """Every file's rows checked, in the order the plan applies them; a reference may point
    into the database or into a file checked before it."""
    plan = Plan(filenames={stem: table.filename for stem, table in tables.items()})
    _check_municipalities(tables.get("gemeenten"), plan, problems)
    _check_products(tables.get("producten"), plan, problems)
    _check_providers(tables.get("aanbieders"), plan, problems)
    providers = set(Provider.objects.values_list("agb_code", flat=True))
    providers |= {item.agb for item in plan.providers}
    lots = {
        name.lower()
        for pair in Lot.objects.filter(region=region).values_list("code", "name")
        for name in pair
    }
    lots |= {item.lot.lower() for item in plan.products if item.lot}
    check_contracts(tables.get("contracten"), plan, problems, providers, lots)
    _check_ceilings(tables.get("plafonds"), plan, problems, providers, lots)
    _check_realisations(tables.get("realisatie"), plan, problems, providers)
    _check_allocations(tables.get("toewijzingen"), region, plan, problems, providers)
    return plan


def _check_municipalities(table: Table | None, plan: Plan, problems: Problems) -> None:
    duplicates = Duplicates(("code",))
    for row in rows(table, problems):
        code, name = row.digits("code", 4), row.text("naam")
        if row.ok and duplicates.check(row, (code,)):
            plan.municipalities.append(MunicipalityRow(row.line, code, name))


def _check_products(table: Table | None, plan: Plan, problems: Problems) -> None:
    duplicates = Duplicates(("productcode",))
    for row in rows(table, problems):
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


def _check_providers(table: Table | None, plan: Plan, problems: Problems) -> None:
    duplicates = Duplicates(("agb_code",))
    for row in rows(table, problems):
        agb, name = row.digits("agb_code", 8), row.text("naam")
        kvk = row.digits("kvk_nummer", 8, required=False)
        if row.ok and duplicates.check(row, (agb,)):
            plan.providers.append(ProviderRow(row.line, agb, name, kvk))


def _check_ceilings(
    table: Table | None, plan: Plan, problems: Problems, providers: set[str], lots: set[str]
) -> None:
    duplicates = Duplicates(("agb_code", "jaar", "perceel"))
    for row in rows(table, problems):
        agb = row.digits("agb_code", 8)
        year = row.integer("jaar", *YEARS, what="jaar")
        lot = row.text("perceel", required=False)
        amount = row.amount("bedrag")
        known_provider(row, agb, providers)
        if lot and lot.lower() not in lots:
            row.error(
                "perceel", f"onbekend perceel '{lot}': niet in de database en niet in producten"
            )
        if row.ok and duplicates.check(row, (agb, year, lot.lower())):
            assert year is not None
            assert amount is not None
            plan.ceilings.append(CeilingRow(row.line, agb, year, lot, amount))


def _check_realisations(
    table: Table | None, plan: Plan, problems: Problems, providers: set[str]
) -> None:
    duplicates = Duplicates(("agb_code", "jaar", "maand"))
    for row in rows(table, problems):
        agb = row.digits("agb_code", 8)
        year = row.integer("jaar", *YEARS, what="jaar")
        month = row.integer("maand", 1, 12, what="maand")
        amount = row.amount("bedrag")
        known_provider(row, agb, providers)
        if row.ok and duplicates.check(row, (agb, year, month)):
            assert year is not None
            assert month is not None
            assert amount is not None
            plan.realisations.append(RealisationRow(row.line, agb, year, month, amount))


def _check_allocations(
    table: Table | None, region: Region, plan: Plan, problems: Problems, providers: set[str]
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
    duplicates = Duplicates(("toewijzingnummer", "gemeente"))
    for row in rows(table, problems):
        number = row.text("toewijzingnummer")
        if number and not re.fullmatch(r"\d{1,8}", number):
            row.error("toewijzingnummer", f"'{number}' moet 1 tot 8 cijfers hebben")
        municipality = row.digits("gemeente", 4)
        _check_municipality(row, municipality, municipalities, region)
        bsn = row.digits("bsn", 9)
        if bsn and not passes_eleven_test(bsn):
            row.error("bsn", f"'{bsn}' is geen geldig BSN (elfproef)")
        birth_date = row.day("geboortedatum")
        agb = row.digits("agb_code", 8)
        known_provider(row, agb, providers)
        category = row.choice("productcategorie", CATEGORIES)
        product_code = row.text("productcode", required=False)
        start, end = row.day("ingangsdatum"), row.day("einddatum", required=False)
        if start and end and end < start:
            row.error("einddatum", f"{end:%Y-%m-%d} ligt voor de ingangsdatum {start:%Y-%m-%d}")
        budget = row.amount("budget", required=False)
        volume, unit, frequency, unit_price = _allocation_size(row, budget)
        _check_allocation_product(row, product_code, category, unit, products)
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


def _check_municipality(
    row: RowReader, municipality: str, municipalities: dict[str, int], region: Region
) -> None:
    if not municipality:
        return
    if municipality not in municipalities:
        row.error(
            "gemeente",
            f"onbekende gemeente '{municipality}': niet in de database en niet in gemeenten",
        )
    elif municipalities[municipality] != region.pk:
        row.error("gemeente", f"gemeente '{municipality}' hoort niet bij regio {region.code}")


def _allocation_size(
    row: RowReader, budget: Decimal | None
) -> tuple[int | None, str, str, Decimal | None]:
    """(volume, unit, frequency, unit price) of an allocation row: all empty for a budget
    allocation; no unit price with unit 83, where the volume is the amount in euros."""
    if budget is not None:
        for column in ("volume", "eenheid", "frequentie", "tarief"):
            row.empty(column, "bij een budgettoewijzing")
        return None, "", "", None
    volume = row.integer("volume", 1, 99_999_999, what="volume")
    unit = row.choice("eenheid", UNITS)
    frequency = row.choice("frequentie", FREQUENCIES)
    unit_price = None
    if unit == Unit.EURO:
        row.empty("tarief", "bij eenheid 83 (het volume is het bedrag in euro's)")
    else:
        unit_price = row.amount("tarief")
    return volume, unit, frequency, unit_price


def _check_allocation_product(
    row: RowReader,
    product_code: str,
    category: str,
    unit: str,
    products: dict[str, tuple[str, str]],
) -> None:
    """The product exists and fits the row's category and unit."""
    if not product_code:
        return
    if product_code not in products:
        row.error(
            "productcode",
            f"onbekend product '{product_code}': niet in de database en niet in producten",
        )
        return
    product_category, product_unit = products[product_code]
    if category and product_category != category:
        row.error(
            "productcategorie",
            f"product {product_code} hoort bij categorie {product_category}, niet {category}",
        )
    if unit and product_unit != unit:
        row.error(
            "eenheid",
            f"eenheid {unit} past niet bij product {product_code} (eenheid {product_unit})",
        )
