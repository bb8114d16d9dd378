# SPDX-License-Identifier: EUPL-1.2
"""Reading the cells of one row of an import file: every problem is reported with file, row
and column."""

import datetime as dt
from decimal import Decimal

from jeugdregie.workflows.masterdata.numbers import spreadsheet_number
from jeugdregie.workflows.masterdata.reading import Problems, Table

__all__ = ["Duplicates", "RowReader", "known_provider", "rows"]


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
        parsed = spreadsheet_number(value)
        if parsed is None:
            self.error(column, f"'{value}' is geen geheel getal")
            return None
        if parsed != parsed.to_integral_value():
            self.error(
                column,
                f"'{value}' is geen geheel getal: een {what} kan geen breuk zijn "
                f"(hele getallen mogen als 24000, 24000,00 of 24.000)",
            )
            return None
        number = int(parsed)
        if not low <= number <= high:
            self.error(column, f"{what} {number} bestaat niet; verwacht {low} tot en met {high}")
            return None
        return number

    def amount(self, column: str, *, required: bool = True) -> Decimal | None:
        value = self.text(column, required=required)
        if not value:
            return None
        number = spreadsheet_number(value)
        if number is None:
            self.error(column, f"'{value}' is geen bedrag (bijvoorbeeld 1234,56)")
            return None
        if number != number.quantize(Decimal("0.01")):
            self.error(column, f"'{value}' heeft meer dan twee cijfers achter de komma")
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


class Duplicates:
    def __init__(self, reader_columns: tuple[str, ...]):
        self.columns, self.seen = reader_columns, dict[tuple[object, ...], int]()

    def check(self, row: RowReader, key: tuple[object, ...]) -> bool:
        first = self.seen.setdefault(key, row.line)
        if first != row.line:
            names = ", ".join(self.columns)
            row.error(self.columns[0], f"dubbele regel: {names} gelijk aan regel {first}")
            return False
        return True


def rows(table: Table | None, problems: Problems) -> list[RowReader]:
    if table is None:
        return []
    return [RowReader(problems, table.filename, line, cells) for line, cells in table.rows]


def known_provider(row: RowReader, agb: str, providers: set[str]) -> None:
    if agb and agb not in providers:
        row.error(
            "agb_code",
            f"onbekende aanbieder '{agb}': niet in de database en niet in aanbieders",
        )
