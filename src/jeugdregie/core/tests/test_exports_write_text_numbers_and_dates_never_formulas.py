# SPDX-License-Identifier: EUPL-1.2
"""The one way out for CSV and XLSX (``core.exports``): text that a spreadsheet would run as
a formula is neutralised, numbers stay numbers (negative ones too: decided by type, not by
text), dates are dates, Dutch Excel reads the decimal comma, and every export is logged."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import RequestFactory
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.models import AccessRecord
from jeugdregie.web.exports import (
    EURO_FORMAT,
    RowsOf,
    Sheet,
    csv_cell,
    csv_response,
    xlsx_response,
)

DANGEROUS = [
    '=HYPERLINK("http://x","y")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def request_of_a_user(rf: RequestFactory, db: None) -> Any:
    request = rf.get("/export/")
    request.user = User.objects.create_user("export-test", password=None)
    return request


def _csv(response: HttpResponseBase) -> tuple[str, list[list[str]]]:
    if isinstance(response, StreamingHttpResponse):
        raw = b"".join(response.streaming_content)  # type: ignore[arg-type]
    else:
        assert isinstance(response, HttpResponse)
        raw = response.content
    assert raw.startswith("\ufeff".encode())  # UTF-8 with a byte order mark for Excel
    text = raw.decode("utf-8-sig")
    return text, list(csv.reader(io.StringIO(text), delimiter=";"))


def _xlsx_cells(response: HttpResponse, row: int = 2) -> list[Cell]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert isinstance(sheet, Worksheet)
    return [cell for cell in sheet[row] if isinstance(cell, Cell)]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_with_a_formula_character_gets_a_quote_in_csv(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_with_a_formula_character_is_typed_text_in_xlsx(
    request_of_a_user: Any, text: str
) -> None:
    response = xlsx_response(
        request=request_of_a_user, filename="x.xlsx", header=["naam"], rows=[[text]]
    )
    (cell,) = _xlsx_cells(response)
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()


def test_ordinary_text_is_left_alone() -> None:
    assert csv_cell("Jansen-de Vries") == "Jansen-de Vries"
    assert csv_cell("a=b") == "a=b"
    assert csv_cell("") == ""


def test_numbers_negative_ones_too_stay_numbers_with_a_decimal_comma(
    request_of_a_user: Any,
) -> None:
    values: list[object] = [Decimal("-12.50"), -3, -0.25, Decimal("1234567.891"), Decimal("1E+3")]
    assert [csv_cell(v) for v in values] == ["-12,50", "-3", "-0,25", "1234567,891", "1000"]

    response = xlsx_response(
        request=request_of_a_user, filename="x.xlsx", header=["a"] * 5, rows=[values]
    )
    cells = _xlsx_cells(response)
    assert [c.data_type for c in cells] == ["n"] * 5
    assert [Decimal(str(c.value)) for c in cells] == [
        Decimal("-12.5"),
        Decimal(-3),
        Decimal("-0.25"),
        Decimal("1234567.891"),
        Decimal(1000),
    ]
    assert not any(c.quotePrefix for c in cells)


def test_dates_and_times_are_iso_in_csv_and_dates_in_xlsx(request_of_a_user: Any) -> None:
    day = dt.date(2025, 2, 1)
    moment = dt.datetime(2025, 7, 1, 12, 0, tzinfo=dt.UTC)  # 14:00 in Amsterdam
    assert csv_cell(day) == "2025-02-01"
    assert csv_cell(moment) == "2025-07-01 14:00:00"

    response = xlsx_response(
        request=request_of_a_user, filename="x.xlsx", header=["dag", "tijd"], rows=[[day, moment]]
    )
    first, second = _xlsx_cells(response)
    assert (first.data_type, first.number_format) == ("d", "yyyy-mm-dd")
    assert isinstance(first.value, dt.datetime)
    assert first.value.isoformat() == "2025-02-01T00:00:00"
    assert second.data_type == "d"
    assert isinstance(second.value, dt.datetime)
    assert second.value.isoformat() == "2025-07-01T14:00:00"  # Amsterdam wall-clock time


def test_none_is_an_empty_cell_and_booleans_are_ja_or_nee(request_of_a_user: Any) -> None:
    assert [csv_cell(None), csv_cell(True), csv_cell(False)] == ["", "ja", "nee"]
    response = xlsx_response(
        request=request_of_a_user,
        filename="x.xlsx",
        header=["a", "b", "c"],
        rows=[[None, True, False]],
    )
    assert [c.value for c in _xlsx_cells(response)] == [None, "ja", "nee"]


def test_control_characters_a_spreadsheet_cannot_hold_are_dropped(
    request_of_a_user: Any,
) -> None:
    response = xlsx_response(
        request=request_of_a_user, filename="x.xlsx", header=["a"], rows=[["Jan\x00\x07sen"]]
    )
    assert [c.value for c in _xlsx_cells(response)] == ["Jansen"]


def test_a_csv_download_is_utf8_with_bom_safe_named_not_cached_and_logged(
    request_of_a_user: Any,
) -> None:
    response = csv_response(
        request=request_of_a_user,
        filename='lijst "2025";\r\nx/../ë.csv',
        header=["Naam", "Bedrag"],
        rows=[["Zoë", Decimal("10.5")], ["=1+1", Decimal("-1")]],
    )

    _text, rows = _csv(response)
    assert rows == [["Naam", "Bedrag"], ["Zoë", "10,5"], ["'=1+1", "-1"]]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lijst_2025_x_.._.csv"'
    assert response["Cache-Control"] == "no-store"
    (record,) = AccessRecord.objects.filter(event=AccessEvent.EXPORT)
    assert (record.user, record.route, record.rows) == (request_of_a_user.user, "/export/", 2)


def test_a_streamed_csv_writes_the_rows_as_it_goes_and_counts_them_first(
    request_of_a_user: Any,
) -> None:
    made: list[int] = []

    def row(number: int) -> list[object]:
        made.append(number)
        return [number, Decimal(number) / 4]

    response = csv_response(
        request=request_of_a_user,
        filename="lang.csv",
        header=["nummer", "kwart"],
        rows=RowsOf(range(1, 4), row),
        stream=True,
    )
    assert isinstance(response, StreamingHttpResponse)
    assert made == []  # nothing built before the download runs
    assert AccessRecord.objects.get(event=AccessEvent.EXPORT).rows == 3
    _text, rows = _csv(response)
    assert rows == [["nummer", "kwart"], ["1", "0,25"], ["2", "0,5"], ["3", "0,75"]]


def test_an_xlsx_has_its_sheets_titles_and_number_formats(request_of_a_user: Any) -> None:
    response = xlsx_response(
        request=request_of_a_user,
        filename="boek.xlsx",
        title="Eerste: [blad]",
        header=["bedrag"],
        rows=[[Decimal("1000.5")]],
        number_formats={0: "#,##0.00"},
        more_sheets=[Sheet("Tweede", ["maand"], [[dt.date(2025, 3, 1)]], {0: "mm-yyyy"})],
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Eerste   blad", "Tweede"]
    first, second = book.worksheets
    assert first["A2"].number_format == "#,##0.00"
    assert second["A2"].number_format == "mm-yyyy"
    assert response["Content-Disposition"] == 'attachment; filename="boek.xlsx"'
    assert AccessRecord.objects.get(event=AccessEvent.EXPORT).rows == 2


def test_every_sheet_has_a_frozen_bold_header_with_a_filter_and_fitting_widths(
    request_of_a_user: Any,
) -> None:
    response = xlsx_response(
        request=request_of_a_user,
        filename="x.xlsx",
        header=["Naam", "Bedrag (€)"],
        rows=[["Zorggroep met een lange naam", Decimal("1234.5")], ["Kort", Decimal(1)]],
        number_formats={1: EURO_FORMAT},
        more_sheets=[Sheet("Tweede", ["Jaar"], [[2025]])],
    )
    book = load_workbook(io.BytesIO(response.content))
    first, second = book.worksheets
    assert (first.auto_filter.ref, first.freeze_panes) == ("A1:B3", "A2")
    assert all(cell.font.bold for cell in first[1])
    assert first.column_dimensions["A"].width == len("Zorggroep met een lange naam") + 2
    assert first["B2"].number_format == EURO_FORMAT
    assert first["B2"].value == 1234.5  # a number, shown with the euro sign by Excel
    assert (second.auto_filter.ref, second.freeze_panes) == ("A1:A2", "A2")
