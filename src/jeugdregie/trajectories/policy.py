# SPDX-License-Identifier: EUPL-1.2
"""The perceel-2 working method as dated policy data (STYLE.md "policy as dated data").

One JSON file per region in ``policies/`` holds, each with a validity period and a source:
the product rules (basic treatment duration, maximum length of one extension, maximum
treatment duration), the versions of the working method (how many extensions on mandate,
from which extension a self-assessment is required) and the CJG review form (questions as
data). A version's end can be moved or ended early by a recorded decision
(``PolicyVersionEnd``); the file keeps the original period.
"""

import datetime as dt
import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from jeugdregie.regions.models import Region
from jeugdregie.trajectories.models import PolicyVersionEnd

POLICY_DIR = Path(__file__).resolve().parent / "policies"


@dataclass(frozen=True)
class ProductRule:
    product_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    basic_months: int
    max_extension_months: int
    max_treatment_months: int


@dataclass(frozen=True)
class MethodVersion:
    code: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    mandate_extensions: int
    self_assessment_from: int
    source: str
    file_valid_to: dt.date | None = None  # the end as published, before any decision

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ReviewQuestion:
    code: str
    text: str
    required: bool


@dataclass(frozen=True)
class ReviewForm:
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    questions: tuple[ReviewQuestion, ...]


@dataclass(frozen=True)
class RegionPolicy:
    region_code: str
    source: str
    products: tuple[ProductRule, ...]
    methods: tuple[MethodVersion, ...]
    review_forms: tuple[ReviewForm, ...]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _valid(valid_from: dt.date, valid_to: dt.date | None, day: dt.date) -> bool:
    return valid_from <= day and (valid_to is None or day <= valid_to)


@cache
def region_policy(region_code: str) -> RegionPolicy:
    """The policy file of a region; a region without a file has no rules at all."""
    path = POLICY_DIR / f"{region_code}.json"
    if not path.is_file():
        return RegionPolicy(region_code, "", (), (), ())
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    products = tuple(
        ProductRule(
            product_code=code,
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=_date(row.get("valid_to")),
            basic_months=int(row["basic_months"]),
            max_extension_months=int(row["max_extension_months"]),
            max_treatment_months=int(row["max_treatment_months"]),
        )
        for row in data.get("products", [])
        for code in row["codes"]
    )
    methods = tuple(
        MethodVersion(
            code=row["code"],
            name=row["name"],
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=_date(row.get("valid_to")),
            file_valid_to=_date(row.get("valid_to")),
            mandate_extensions=int(row["mandate_extensions"]),
            self_assessment_from=int(row["self_assessment_from"]),
            source=row.get("source", data["source"]),
        )
        for row in data.get("methods", [])
    )
    forms = tuple(
        ReviewForm(
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=_date(row.get("valid_to")),
            source=row.get("source", data["source"]),
            questions=tuple(
                ReviewQuestion(code=q["code"], text=q["text"], required=bool(q["required"]))
                for q in row["questions"]
            ),
        )
        for row in data.get("review_forms", [])
    )
    return RegionPolicy(region_code, data["source"], products, methods, forms)


def product_rule(*, region: Region, product_code: str, on: dt.date) -> ProductRule | None:
    for rule in region_policy(region.code).products:
        if rule.product_code == product_code and _valid(rule.valid_from, rule.valid_to, on):
            return rule
    return None


def method_versions(*, region: Region) -> list[MethodVersion]:
    """The region's versions of the working method with their ends as decided."""
    decided = {}
    for end in PolicyVersionEnd.objects.filter(region=region).order_by("id"):
        decided[end.version_code] = end.end
    return [
        replace(version, valid_to=decided.get(version.code, version.valid_to))
        for version in region_policy(region.code).methods
    ]


def method_in_force(*, region: Region, on: dt.date) -> MethodVersion | None:
    """The version of the working method in force on a day; None: the standard route."""
    for version in method_versions(region=region):
        if version.in_force_on(on):
            return version
    return None


def review_form(*, region: Region, on: dt.date) -> ReviewForm | None:
    for form in region_policy(region.code).review_forms:
        if _valid(form.valid_from, form.valid_to, on):
            return form
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the last day of the month when it does not exist)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")
