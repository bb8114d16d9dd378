# SPDX-License-Identifier: EUPL-1.2
"""The CBS municipality code list, read from a configurable CSV file (column ``code``)."""

import csv
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def _load(path: str) -> dict[str, str]:
    file = Path(path)
    if not path or not file.is_file():
        return {}
    with file.open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["code"].strip(): row.get("omschrijving", "").strip()
            for row in csv.DictReader(handle)
        }


def cbs_codes() -> dict[str, str]:
    """Known CBS codes → municipality names; empty when no code list is configured."""
    return _load(settings.JEUGDREGIE_CBS_CODES_FILE)


def clear_cache() -> None:
    _load.cache_clear()
