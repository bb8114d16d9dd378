# SPDX-License-Identifier: EUPL-1.2
"""Reading the import files: CSV (UTF-8, comma or semicolon) or XLSX, with exact columns."""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

FILES: dict[str, tuple[str, ...]] = {
    "gemeenten": ("code", "naam"),
    "producten": (
        "productcategorie",
        "productcode",
        "omschrijving",
        "eenheid",
        "uitvoeringsvariant",
        "perceel",
    ),
    "aanbieders": ("agb_code", "naam", "kvk_nummer"),
    "contracten": ("agb_code", "soort", "kenmerk", "percelen", "ingangsdatum", "einddatum"),
    "plafonds": ("agb_code", "jaar", "perceel", "bedrag"),
    "realisatie": ("agb_code", "jaar", "maand", "bedrag"),
    "toewijzingen": (
        "toewijzingnummer",
        "gemeente",
        "bsn",
        "geboortedatum",
        "agb_code",
        "productcategorie",
        "productcode",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
        "tarief",
        "budget",
    ),
}


@dataclass
class Problems:
    """Every error found, as Dutch lines naming file, row and column."""

    messages: list[str] = field(default_factory=list)

    def add(self, filename: str, line: int | None, column: str | None, text: str) -> None:
        where = filename
        if line is not None:
            where += f", regel {line}"
        if column:
            where += f", kolom {column}"
        self.messages.append(f"{where}: {text}")

    def __bool__(self) -> bool:
        return bool(self.messages)


@dataclass
class Table:
    filename: str
    rows: list[tuple[int, dict[str, str]]]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(str(value)))
    return str(value).strip()


def _csv_lines(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(
            path.name, None, None, f"is geen UTF-8 (byte {exc.start + 1}); sla op als UTF-8"
        )
        return None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = []
    try:
        for cells in reader:
            lines.append((reader.line_num, [cell.strip() for cell in cells]))
    except csv.Error as exc:
        problems.add(path.name, reader.line_num, None, f"onleesbare CSV ({exc})")
        return None
    return lines


def _xlsx_lines(path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError) as exc:
        problems.add(path.name, None, None, f"is geen leesbaar XLSX-bestand ({exc})")
        return None
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def read_tables(directory: Path, problems: Problems) -> dict[str, Table]:
    """The files of ``directory`` that the import knows, as rows keyed by column name."""
    tables: dict[str, Table] = {}
    for stem, columns in FILES.items():
        csv_path, xlsx_path = directory / f"{stem}.csv", directory / f"{stem}.xlsx"
        if csv_path.exists() and xlsx_path.exists():
            problems.add(
                csv_path.name, None, None, f"staat naast {xlsx_path.name}; lever één van beide"
            )
            continue
        path = csv_path if csv_path.exists() else xlsx_path
        if not path.exists():
            continue
        lines = _csv_lines(path, problems) if path.suffix == ".csv" else _xlsx_lines(path, problems)
        if lines is None:
            continue
        lines = [(number, cells) for number, cells in lines if any(cells)]
        if not lines:
            problems.add(
                path.name, None, None, f"is leeg; verwacht de kolommen {', '.join(columns)}"
            )
            continue
        header_line, header = lines[0]
        header = [name.lower() for name in header]
        expected = ", ".join(columns)
        wrong = False
        for name in columns:
            if name not in header:
                problems.add(
                    path.name, header_line, name, f"kolom ontbreekt (verwacht: {expected})"
                )
                wrong = True
        for name in header:
            if name not in columns:
                shown = name or "(leeg)"
                problems.add(
                    path.name, header_line, shown, f"onbekende kolom (verwacht: {expected})"
                )
                wrong = True
            elif header.count(name) > 1:
                problems.add(path.name, header_line, name, "kolom staat er meer dan eens")
                wrong = True
        if wrong:
            continue
        rows = []
        for number, cells in lines[1:]:
            if len(cells) > len(header) and any(cells[len(header) :]):
                problems.add(
                    path.name,
                    number,
                    None,
                    f"regel heeft {len(cells)} velden, verwacht {len(header)}",
                )
                continue
            padded = cells + [""] * (len(header) - len(cells))
            rows.append((number, dict(zip(header, padded, strict=False))))
        tables[stem] = Table(filename=path.name, rows=rows)
    return tables
