# SPDX-License-Identifier: EUPL-1.2
"""Every CSV and XLSX file the product hands out, written one way.

Views build the header row (Dutch labels) and the rows with *typed* values — ``str``,
``int``, ``Decimal``, ``float``, ``date``, ``datetime``, ``bool`` or ``None`` — and pass
them to :func:`csv_response` or :func:`xlsx_response`, the only two ways out. Both:

- neutralise text that a spreadsheet would run as a formula (OWASP "CSV injection"): a
  text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading single quote in CSV, and is stored as a typed text cell with the "quote prefix"
  style in XLSX. Whether a value is a number is decided by its Python type, never by its
  text: ``Decimal("-12.50")`` stays the number -12,50, the text ``"-12"`` is neutralised;
- write numbers the way Dutch Excel reads a ``;``-separated file: decimal comma, no
  thousands separator (CSV); real numbers in XLSX, never formulas, amounts in euros with
  :data:`EURO_FORMAT`;
- give every XLSX sheet a bold, frozen header row with a filter on it and columns as wide
  as their contents;
- write dates as ISO dates (``2025-02-01``; real dates in XLSX), times in Europe/Amsterdam;
- write CSV as UTF-8 with a byte order mark, so that Excel recognises the encoding;
- give a safe ``Content-Disposition`` file name and ``Cache-Control: no-store``;
- record the export in the access log in one place (:func:`_record_export`).
"""

import csv
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Generic, Protocol, TypeVar

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jeugdregie.audit.services import export_record_create
from jeugdregie.web.views import acting_user

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# OWASP: a cell starting with one of these is read as a formula by Excel or LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
# Number formats for ``number_formats``: amounts in euros, and percentages (a number like
# 98.5 that is a percentage already); Excel shows them in the user's own notation.
EURO_FORMAT = '"€" #,##0.00'
PERCENT_FORMAT = '0.00" %"'
# Column widths of an XLSX sheet, in characters: as wide as the longest value, within bounds.
MIN_WIDTH, MAX_WIDTH = 8, 60
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")
T = TypeVar("T")


class Rows(Protocol):
    """The rows of an export: iterable, and counted up front for the access log."""

    def __iter__(self) -> Iterator[Sequence[object]]: ...

    def __len__(self) -> int: ...


class RowsOf(Generic[T]):
    """``items`` turned into rows one at a time while the file is written, so that a large
    streamed export holds one row in memory, not the whole table twice."""

    def __init__(self, items: Sequence[T], row: Callable[[T], Sequence[object]]) -> None:
        self.items = items
        self.row = row

    def __iter__(self) -> Iterator[Sequence[object]]:
        return (self.row(item) for item in self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Sheet:
    """One worksheet of an XLSX file: a title, the header row and the rows.

    ``number_formats`` maps a column (0-based) to an Excel number format for its numbers
    and dates, e.g. ``{3: EURO_FORMAT}`` or ``{0: "mm-yyyy"}``.
    """

    title: str
    header: Sequence[object]
    rows: Rows
    number_formats: Mapping[int, str] = field(default_factory=dict)


# --- cells ---------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Text a spreadsheet program will show as text, never run as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _plain(value: object) -> object:
    """Lazy translations as text, aware times as Amsterdam wall-clock time."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _number_text(value: Decimal | float) -> str:
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        return ""
    return format(number, "f").replace(".", ",")


def csv_cell(value: object) -> str:
    """One CSV cell: numbers with a decimal comma, ISO dates, neutralised text."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal | float):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def _xlsx_write(sheet: Worksheet, row: int, column: int, value: object, number_format: str) -> None:
    value = _plain(value)
    if isinstance(value, bool):
        value = _("yes") if value else _("no")
    if isinstance(value, float | Decimal) and not Decimal(value).is_finite():
        value = None  # NaN or infinity: no number to give
    if value is not None and not isinstance(value, int | float | Decimal | date):
        value = str(value)
    if isinstance(value, str):
        # A typed text cell: openpyxl would store "=…" as a formula if left to guess.
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = sheet.cell(row=row, column=column)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True  # stays text when a user edits the cell in Excel
        return
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, datetime):
        cell.number_format = number_format or DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = number_format or DATE_FORMAT
    elif number_format and value is not None:
        cell.number_format = number_format


def _shown_width(value: object) -> int:
    """About how many characters a value takes on screen (numbers with their separators)."""
    value = _plain(value)
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return len(_number_text(value)) + 5  # "€ " and thousands separators
    return max((len(line) for line in str(value or "").splitlines()), default=0)


def _finish(sheet: Worksheet, widths: Mapping[int, int]) -> None:
    """A bold header row that stays in view, with a filter on it, and columns as wide as
    their contents."""
    if not widths:
        return
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )


# --- responses -----------------------------------------------------------------------------


def safe_filename(name: str) -> str:
    """A file name of letters, digits, dots, hyphens and underscores only."""
    cleaned = _UNSAFE_FILENAME.sub("_", name).strip("._") or "export"
    return cleaned[:120]


def _attach(response: HttpResponse | StreamingHttpResponse, filename: str) -> None:
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=safe_filename(filename)
    )
    response["Cache-Control"] = "no-store"


def _record_export(*, request: HttpRequest, rows: int) -> None:
    """The single place where an export is recorded in the access log: who, which route,
    how many rows (and, through the audit context, from which address and session).

    Every CSV and XLSX download passes here. Which youth an export holds is recorded by
    the view's selector (a read with the purpose "export" per youth), before the file is
    written.
    """
    export_record_create(user=acting_user(request), route=request.path, rows=rows)


class _Line:
    """A file-like object for csv.writer that hands each written line back."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[object], rows: Rows) -> Iterator[str]:
    writer = csv.writer(_Line(), delimiter=";")
    yield BOM + writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def file_response(
    *, request: HttpRequest, filename: str, content: bytes, content_type: str, rows: int
) -> HttpResponse:
    """A download that is no table (a PDF, a JSON report): attached, never cached, recorded."""
    _record_export(request=request, rows=rows)
    response = HttpResponse(content, content_type=content_type)
    _attach(response, filename)
    return response


def csv_response(
    *,
    request: HttpRequest,
    filename: str,
    header: Sequence[object],
    rows: Rows,
    stream: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    """A ``;``-separated CSV download (UTF-8 with BOM, decimal comma, neutralised text).

    ``stream=True`` sends the rows as they are written (large exports; see ``RowsOf``).
    """
    _record_export(request=request, rows=len(rows))
    lines = _csv_lines(header, rows)
    response: HttpResponse | StreamingHttpResponse
    if stream:
        response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse("".join(lines), content_type=CSV_CONTENT_TYPE)
    _attach(response, filename)
    return response


def xlsx_response(
    *,
    request: HttpRequest,
    filename: str,
    header: Sequence[object],
    rows: Rows,
    title: str = "",
    number_formats: Mapping[int, str] | None = None,
    more_sheets: Sequence[Sheet] = (),
) -> HttpResponse:
    """An XLSX download: typed text, numbers and dates, never a formula.

    The first sheet holds ``header`` and ``rows``; ``more_sheets`` follow it.
    """
    sheets = [Sheet(title, header, rows, number_formats or {}), *more_sheets]
    _record_export(request=request, rows=sum(len(sheet.rows) for sheet in sheets))
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for index, sheet in enumerate(sheets, start=1):
        # Excel allows 31 characters and none of []:*?/\ in a sheet title.
        title_text = re.sub(r"[\[\]:*?/\\]", " ", str(sheet.title)).strip()[:31]
        worksheet = book.create_sheet(title_text or f"Blad{index}")
        widths: dict[int, int] = {}
        for number, row in enumerate([sheet.header, *sheet.rows], start=1):
            for column, value in enumerate(row, start=1):
                number_format = "" if number == 1 else sheet.number_formats.get(column - 1, "")
                _xlsx_write(worksheet, number, column, value, number_format)
                widths[column] = max(widths.get(column, 0), _shown_width(value))
        _finish(worksheet, widths)
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    _attach(response, filename)
    return response
