# SPDX-License-Identifier: EUPL-1.2
"""`jeugdregie import_masterdata DIR`: a migration applied whole, or refused whole with
every error named by file, row and column and the database unchanged."""

import json
from collections.abc import Iterator
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Model
from openpyxl import Workbook

from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.budgets.models import (
    AllocationCommitment,
    BudgetCeiling,
    BudgetCeilingChange,
    ProviderLedger,
    Realisation,
)
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Lot, Product, ProductCategory, Provider
from jeugdregie.notifications.models import Notification
from jeugdregie.regions.models import Municipality

pytestmark = pytest.mark.django_db

BSN = "999990019"  # synthetic, passes the eleven-test
TABLES: list[type[Model]] = [
    Municipality,
    Lot,
    ProductCategory,
    Product,
    Provider,
    BudgetCeiling,
    BudgetCeilingChange,
    Realisation,
    Youth,
    Allocation,
    ProviderLedger,
    AllocationCommitment,
    ChangeRecord,
    Notification,
]

# budgets.md §2, worked example, as a previous system would export it
WORKED_EXAMPLE = {
    "aanbieders.csv": "agb_code,naam,kvk_nummer\n12345678,Voorbeeld Jeugdhulp,87654321\n",
    "producten.csv": (
        "productcategorie,productcode,omschrijving,eenheid,uitvoeringsvariant,perceel\n"
        "45,45A10,Ambulant,04,inspanningsgericht,Jeugd-GGZ\n"
        "45,45T10,Traject,82,outputgericht,\n"
    ),
    "plafonds.csv": "agb_code;jaar;perceel;bedrag\n12345678;2025;;200.000,00\n",
    "realisatie.csv": "agb_code;jaar;maand;bedrag\n"
    + "".join(f"12345678;2025;{month};24000,00\n" for month in range(1, 6)),
    "toewijzingen.csv": (
        "toewijzingnummer,gemeente,bsn,geboortedatum,agb_code,productcategorie,productcode,"
        "ingangsdatum,einddatum,volume,eenheid,frequentie,tarief,budget\n"
        f"901,0505,{BSN},2012-03-04,12345678,45,45A10,2025-01-06,,3,04,2,80.00,\n"
        f"902,0505,{BSN},2012-03-04,12345678,45,45A10,2025-02-03,2025-08-31,2,04,2,80,\n"
        f"903,0505,{BSN},2012-03-04,12345678,45,45T10,2025-03-01,2026-02-28,,,,,12000\n"
    ),
}


@pytest.fixture(autouse=True)
def _on_the_reference_date() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def _counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in TABLES}


def _refused(directory: Path) -> list[str]:
    """Run the import expecting a refusal; the database must be exactly as before."""
    before = _counts()
    err = StringIO()
    with pytest.raises(CommandError, match="Import geweigerd"):
        call_command("import_masterdata", str(directory), "--region", "zhz", stderr=err)
    assert _counts() == before
    return err.getvalue().splitlines()


def test_the_worked_example_imports_and_reproduces_to_the_cent(world, tmp_path):
    out = StringIO()
    call_command(
        "import_masterdata", str(_write(tmp_path, WORKED_EXAMPLE)), "--region", "zhz", stdout=out
    )
    assert "Import voltooid" in out.getvalue()
    provider = Provider.objects.get(agb_code="12345678")
    assert provider.kvk_number == "87654321"
    assert Allocation.objects.filter(provider=provider).count() == 3
    assert ChangeRecord.objects.filter(object_pk=str(provider.pk)).exists()
    youth = Youth.objects.get(allocations__number="901")
    assert youth.bsn == BSN

    out = StringIO()
    call_command(
        "budget_status",
        "--region",
        "zhz",
        "--provider",
        "12345678",
        "--date",
        "2025-06-01",
        "--json",
        stdout=out,
    )
    (row,) = json.loads(out.getvalue())
    assert row["ceiling"] == "200000.00"
    assert row["realisation"] == "120000.00"
    assert row["commitment"] == "16475.62"
    assert Decimal(row["realisation"]) + Decimal(row["commitment"]) == Decimal("136475.62")
    assert row["exhaustion"] == "68.24"
    assert row["headroom"] == "63524.38"
    assert row["status"] == "ok"


def test_municipalities_and_an_xlsx_file_with_decimal_commas(world, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["agb_code", "naam", "kvk_nummer"])
    sheet.append(["12345678", "Voorbeeld Jeugdhulp", None])
    workbook.save(tmp_path / "aanbieders.xlsx")
    _write(
        tmp_path,
        {
            "gemeenten.csv": "code;naam\n0482;Alblasserdam\n",
            "realisatie.csv": "agb_code;jaar;maand;bedrag\n12345678;2025;1;1.234,56\n",
        },
    )
    call_command("import_masterdata", str(tmp_path), "--region", "zhz", stdout=StringIO())
    assert Municipality.objects.get(cbs_code="0482").region == world.region
    (realisation,) = Realisation.objects.filter(provider__agb_code="12345678")
    assert realisation.amount == Decimal("1234.56")


def _with(name: str, text: str) -> dict[str, str]:
    return {**WORKED_EXAMPLE, name: text}


BAD_FILES = [
    pytest.param(
        _with("aanbieders.csv", "agb,naam,kvk_nummer\n12345678,Voorbeeld,\n"),
        [
            "aanbieders.csv, regel 1, kolom agb_code: kolom ontbreekt",
            "aanbieders.csv, regel 1, kolom agb: onbekende kolom",
        ],
        id="wrong column",
    ),
    pytest.param(
        _with("realisatie.csv", "agb_code;jaar;bedrag\n12345678;2025;100\n"),
        ["realisatie.csv, regel 1, kolom maand: kolom ontbreekt"],
        id="missing column",
    ),
    pytest.param(
        _with(
            "aanbieders.csv",
            "agb_code,naam,kvk_nummer\n12345678,Voorbeeld Jeugdhulp,\n1234567,Zeven,\n",
        ),
        ["aanbieders.csv, regel 3, kolom agb_code: '1234567' heeft 7 cijfers, verwacht 8"],
        id="AGB code of 7 digits",
    ),
    pytest.param(
        _with("plafonds.csv", "agb_code;jaar;perceel;bedrag\n12345678;2025;;-5,00\n"),
        ["plafonds.csv, regel 2, kolom bedrag: '-5,00' is negatief"],
        id="negative amount",
    ),
    pytest.param(
        _with("realisatie.csv", "agb_code,jaar,maand,bedrag\n12345678,2025,13,100\n"),
        ["realisatie.csv, regel 2, kolom maand: maand 13 bestaat niet"],
        id="month 13",
    ),
    pytest.param(
        _with(
            "realisatie.csv",
            "agb_code,jaar,maand,bedrag\n12345678,2025,1,100\n12345678,2025,2,100\n"
            "12345678,2025,1,100\n",
        ),
        ["realisatie.csv, regel 4, kolom agb_code: dubbele regel: agb_code, jaar, maand"],
        id="duplicate rows",
    ),
    pytest.param(
        _with(
            "toewijzingen.csv",
            WORKED_EXAMPLE["toewijzingen.csv"]
            + f"904,0505,{BSN},2012-03-04,99999999,45,45A10,2025-01-06,,1,04,2,80,\n",
        ),
        ["toewijzingen.csv, regel 5, kolom agb_code: onbekende aanbieder '99999999'"],
        id="unknown provider",
    ),
]


@pytest.mark.parametrize(("files", "expected"), BAD_FILES)
def test_a_bad_file_refuses_the_whole_import(world, tmp_path, files, expected):
    errors = _refused(_write(tmp_path, files))
    for message in expected:
        assert any(line.startswith(message) for line in errors), (message, errors)


def test_every_error_of_every_file_is_reported(world, tmp_path):
    files = {
        "realisatie.csv": "agb_code;jaar;maand;bedrag\n1234567;2025;13;-1\n",
        "toewijzingen.csv": (
            "toewijzingnummer,gemeente,bsn,geboortedatum,agb_code,productcategorie,productcode,"
            "ingangsdatum,einddatum,volume,eenheid,frequentie,tarief,budget\n"
            "1,9999,123456789,2012-13-01,12345678,45,ZZZZZ,2025-01-06,2024-01-01,3,04,2,80,\n"
        ),
    }
    errors = _refused(_write(tmp_path, files))
    assert errors == [
        "realisatie.csv, regel 2, kolom agb_code: '1234567' heeft 7 cijfers, verwacht 8",
        "realisatie.csv, regel 2, kolom maand: maand 13 bestaat niet; verwacht 1 tot en met 12",
        "realisatie.csv, regel 2, kolom bedrag: '-1' is negatief; een bedrag is 0 of meer",
        "toewijzingen.csv, regel 2, kolom gemeente: onbekende gemeente '9999': niet in de "
        "database en niet in gemeenten",
        "toewijzingen.csv, regel 2, kolom bsn: '123456789' is geen geldig BSN (elfproef)",
        "toewijzingen.csv, regel 2, kolom geboortedatum: '2012-13-01' is geen datum; "
        "gebruik JJJJ-MM-DD",
        "toewijzingen.csv, regel 2, kolom agb_code: onbekende aanbieder '12345678': niet in "
        "de database en niet in aanbieders",
        "toewijzingen.csv, regel 2, kolom einddatum: 2024-01-01 ligt voor de ingangsdatum "
        "2025-01-06",
        "toewijzingen.csv, regel 2, kolom productcode: onbekend product 'ZZZZZ': niet in de "
        "database en niet in producten",
    ]


def test_a_row_a_service_refuses_rolls_back_the_rows_already_written(world, tmp_path):
    # the provider exists already: provider_create refuses it after the products were written
    files = _with(
        "aanbieders.csv",
        f"agb_code,naam,kvk_nummer\n12345678,Voorbeeld Jeugdhulp,\n{world.provider.agb_code},X,\n",
    )
    errors = _refused(_write(tmp_path, files))
    assert errors == [
        "aanbieders.csv, regel 3, kolom agb_code: "
        "Er bestaat al een zorgaanbieder met deze AGB-code."
    ]


def test_a_missing_directory_or_empty_directory_is_refused(world, tmp_path):
    with pytest.raises(CommandError):
        call_command("import_masterdata", str(tmp_path / "nergens"), "--region", "zhz")
    with pytest.raises(CommandError):
        call_command("import_masterdata", str(tmp_path), "--region", "zhz", stderr=StringIO())
