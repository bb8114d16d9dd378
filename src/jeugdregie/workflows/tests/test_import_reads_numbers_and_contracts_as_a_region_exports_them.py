# SPDX-License-Identifier: EUPL-1.2
"""The migration import reads whole numbers and amounts as spreadsheets write them, refuses a
fraction where a whole number belongs (naming file, row and column), and brings the region's
contracts: a provider with a contract for a lot is one of the region's providers."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Contract, Provider
from jeugdregie.contracting.selectors import providers_of_region
from jeugdregie.workflows.masterdata.numbers import spreadsheet_number

pytestmark = pytest.mark.django_db

PROVIDER = "agb_code;naam;kvk_nummer\n12345678;Voorbeeld Jeugdhulp;87654321\n"
PRODUCTS = (
    "productcategorie;productcode;omschrijving;eenheid;uitvoeringsvariant;perceel\n"
    "45;45A10;Ambulant;04;inspanningsgericht;Jeugd-GGZ\n"
)
ALLOCATION_HEADER = (
    "toewijzingnummer;gemeente;bsn;geboortedatum;agb_code;productcategorie;productcode;"
    "ingangsdatum;einddatum;volume;eenheid;frequentie;tarief;budget\n"
)


def _import(directory: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    err = StringIO()
    try:
        call_command(
            "import_masterdata", str(directory), "--region", "zhz", stdout=StringIO(), stderr=err
        )
    except CommandError:
        return err.getvalue().splitlines()
    return []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("24000", "24000"),
        ("24000.00", "24000"),
        ("24000,00", "24000"),
        ("24.000", "24000"),
        ("24.000,00", "24000"),
        ("24,000.00", "24000"),
        ("€ 1.234,56", "1234.56"),
        ("1.234.567", "1234567"),
        ("12,5", "12.5"),
        ("0,500", "0.5"),
        ("100,125", "100.125"),
        ("-5,00", "-5"),
    ],
)
def test_spreadsheet_numbers(text, number):
    assert spreadsheet_number(text) == Decimal(number)


@pytest.mark.parametrize("text", ["", "abc", "1.23.456", "12,5,5", "1,2.3", "--5", "5-"])
def test_what_is_no_number(text):
    assert spreadsheet_number(text) is None


def test_whole_numbers_as_spreadsheets_write_them_are_read(world, tmp_path):
    errors = _import(
        tmp_path,
        {
            "aanbieders.csv": PROVIDER,
            "producten.csv": PRODUCTS,
            "plafonds.csv": "agb_code;jaar;perceel;bedrag\n12345678;2025.00;;200.000\n",
            "toewijzingen.csv": ALLOCATION_HEADER
            + "7001;0505;999990019;2012-03-04;12345678;45;45A10;2025-01-06;;3,00;04;2;80.00;\n",
        },
    )
    assert errors == []
    assert BudgetCeiling.objects.get(provider__agb_code="12345678").amount == Decimal("200000")
    assert Allocation.objects.get(number="7001").volume == 3


def test_a_fraction_where_a_whole_number_belongs_is_refused_and_nothing_is_stored(world, tmp_path):
    before = Provider.objects.count()
    errors = _import(
        tmp_path,
        {
            "aanbieders.csv": PROVIDER,
            "producten.csv": PRODUCTS,
            "realisatie.csv": "agb_code;jaar;maand;bedrag\n12345678;2025;2,5;100\n"
            "12345678;2025;3;100,125\n",
            "toewijzingen.csv": ALLOCATION_HEADER
            + "7001;0505;999990019;2012-03-04;12345678;45;45A10;2025-01-06;;2,5;04;2;80;\n",
        },
    )
    assert errors == [
        "realisatie.csv, regel 2, kolom maand: '2,5' is geen geheel getal: een maand kan geen "
        "breuk zijn (hele getallen mogen als 24000, 24000,00 of 24.000)",
        "realisatie.csv, regel 3, kolom bedrag: '100,125' heeft meer dan twee cijfers achter "
        "de komma",
        "toewijzingen.csv, regel 2, kolom volume: '2,5' is geen geheel getal: een volume kan "
        "geen breuk zijn (hele getallen mogen als 24000, 24000,00 of 24.000)",
    ]
    assert Provider.objects.count() == before


def test_contracts_make_a_provider_one_of_the_regions_providers(world, tmp_path):
    errors = _import(
        tmp_path,
        {
            "aanbieders.csv": PROVIDER,
            "producten.csv": PRODUCTS,
            "contracten.csv": "agb_code;soort;kenmerk;percelen;ingangsdatum;einddatum\n"
            "12345678;open house;ZHZ-OH-9;Jeugd-GGZ;2025-01-01;\n"
            "12345678;aanbesteding;ZHZ-AB-9;Jeugd-GGZ|Nieuw perceel;2025-01-01;2026-12-31\n",
        },
    )
    assert errors == [
        "contracten.csv, regel 3, kolom percelen: onbekend perceel 'Nieuw perceel': niet in de "
        "database en niet in producten (meer percelen scheidt u met |)"
    ]
    assert not Provider.objects.filter(agb_code="12345678").exists()

    errors = _import(
        tmp_path,
        {
            "contracten.csv": "agb_code;soort;kenmerk;percelen;ingangsdatum;einddatum\n"
            "12345678;open house;ZHZ-OH-9;Jeugd-GGZ;2025-01-01;\n"
            "12345678;maatwerk;ZHZ-MW-9;Jeugd-GGZ;2025-01-01;2024-12-31\n",
        },
    )
    assert errors == [
        "contracten.csv, regel 3, kolom soort: 'maatwerk' is geen geldige waarde; kies uit "
        "open house, aanbesteding",
        "contracten.csv, regel 3, kolom einddatum: 2024-12-31 ligt voor de ingangsdatum 2025-01-01",
    ]

    (tmp_path / "contracten.csv").write_text(
        "agb_code;soort;kenmerk;percelen;ingangsdatum;einddatum\n"
        "12345678;open house;ZHZ-OH-9;Jeugd-GGZ;2025-01-01;\n",
        encoding="utf-8",
    )
    assert _import(tmp_path, {}) == []
    contract = Contract.objects.get(reference="ZHZ-OH-9")
    assert contract.kind == ContractKind.REGIONAL
    assert [lot.name for lot in contract.lots.all()] == ["Jeugd-GGZ"]
    assert providers_of_region(region=world.region).filter(agb_code="12345678").exists()

    assert _import(tmp_path, {}) != [], "the same reference twice in a region is refused"
