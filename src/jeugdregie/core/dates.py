# SPDX-License-Identifier: EUPL-1.2
"""Dates every app shares."""

from django.utils import timezone


def default_year() -> int:
    """The last complete calendar year: the year the demo region is built for."""
    return timezone.localdate().year - 1
