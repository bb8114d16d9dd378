# SPDX-License-Identifier: EUPL-1.2
"""What the management commands share: the date given on the command line (``--date``,
``--before``, ``--expires``), read one way and refused in one Dutch sentence."""

import datetime as dt

from django.core.management.base import CommandError

from jeugdregie.core.forms import EARLIEST_DATE, LATEST_DATE

DATE_HELP = "YYYY-MM-DD"


def command_date(value: str | None, *, option: str = "--date") -> dt.date | None:
    """The date ``value`` of ``option`` (YYYY-MM-DD); None when it was not given. A value that
    is no date, or one outside 1-1-1900 … 31-12-2999, stops the command with a message naming
    the option and the value."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            f"{option} '{value}' is geen geldige datum; gebruik JJJJ-MM-DD."
        ) from exc
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise CommandError(f"{option} '{value}' valt buiten 1-1-1900 tot en met 31-12-2999.")
    return day
