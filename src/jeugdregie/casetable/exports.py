# SPDX-License-Identifier: EUPL-1.2
"""The afwegingskader overview as a spreadsheet: the tables of the overview screen, one
worksheet each, written by `core.exports` (formula neutralisation, access log)."""

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from jeugdregie.casetable.selectors import Overview
from jeugdregie.web.exports import Sheet, xlsx_response

OVERVIEW_FILENAME = "afwegingskader-overzicht.xlsx"


def overview_rows(data: Overview) -> dict[str, list[list[Any]]]:
    """The overview's tables as rows (header first), as on the screen."""
    return {
        _("Light contracts per year"): [
            [
                _("Year"),
                _("Light contracts"),
                _("Ambulant"),
                _("Share ambulant"),
                _("Residential"),
                _("Share residential"),
            ],
            *[
                [
                    r.year,
                    r.light_contracts,
                    r.ambulant,
                    r.ambulant_share,
                    r.residential,
                    r.residential_share,
                ]
                for r in data.years
            ],
        ],
        _("Cases per exception ground"): [
            [_("Ground"), _("Cases")],
            *[[f"{ground} {label}".strip(), count] for ground, label, count in data.by_ground],
        ],
        _("Cases per outcome"): [
            [_("Outcome"), _("Cases")],
            *[[label, count] for _value, label, count in data.by_outcome],
        ],
    }


def overview_xlsx_response(*, request: HttpRequest, data: Overview) -> HttpResponseBase:
    """The overview as an XLSX file: one worksheet per table, as on the screen."""
    first, *more = [
        Sheet(title=title, header=rows[0], rows=rows[1:])
        for title, rows in overview_rows(data).items()
    ]
    return xlsx_response(
        request=request,
        filename=OVERVIEW_FILENAME,
        title=first.title,
        header=first.header,
        rows=first.rows,
        more_sheets=more,
    )
