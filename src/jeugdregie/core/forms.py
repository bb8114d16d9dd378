# SPDX-License-Identifier: EUPL-1.2
"""Form fields shared by the apps."""

import datetime as dt
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

# The dates a user can mean. Python's calendar ends at 1-1-1 and 31-12-9999, so "90 days
# before 1-1-0001" or "the day after 31-12-9999" would be a server error, not an answer.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)
DATE_RANGE_MESSAGE = _("Give a date from 1-1-1900 up to and including 31-12-2999.")


class IsoDateInput(forms.DateInput):
    """The browser's date picker. Its value is YYYY-MM-DD in every language (the HTML
    standard): a localised "17-10-2025" would show an empty picker, and saving the form
    unchanged would empty the date."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BoundedDateField(forms.DateField):
    """A date from 1-1-1900 up to and including 31-12-2999, refused in Dutch otherwise."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.extend(
            [
                MinValueValidator(EARLIEST_DATE, message=DATE_RANGE_MESSAGE),
                MaxValueValidator(LATEST_DATE, message=DATE_RANGE_MESSAGE),
            ]
        )
