# SPDX-License-Identifier: EUPL-1.2
"""The perceel-2 working method as dated policy data (STYLE.md "policy as dated data").

Dated files of the kind ``perceel2`` in the policy tree (``policy/<region>/perceel2/``, read
by ``jeugdregie.core.policy``) hold, each with a validity period and a source: the product
rules (basic treatment duration, maximum length of one extension, maximum treatment
duration, and whether the product is extended on mandate at all: corrected December 2026,
only basis and specialistic jeugd-GGZ), the versions of the working method (how many
extensions on mandate, from which extension a self-assessment is required) and the CJG
review form (questions as data). A rule, version or form holds within its own period and
its file's. A version's end can be moved or ended early by a recorded decision
(``PolicyVersionEnd``); the file keeps the original period.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from jeugdregie.core.policy import (
    PERCEEL2,
    PolicyError,
    PolicyFile,
    policy_regions,
    policy_versions,
)
from jeugdregie.regions.models import Region
from jeugdregie.trajectories.models import PolicyVersionEnd


@dataclass(frozen=True)
class ProductRule:
    product_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    basic_months: int
    max_extension_months: int
    max_treatment_months: int
    # Whether the coordinating practitioner may extend it on their own mandate (corrected
    # December 2026, issue 17, seeds/004: only basis and specialistic jeugd-GGZ; every other
    # perceel-2 product goes by the standard route).
    mandate: bool


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


Period = tuple[dt.date, dt.date | None]


def _within(row: Mapping[str, Any], file: PolicyFile) -> Period | None:
    """A row's period cut to its file's; None when the two do not meet."""
    start = max(dt.date.fromisoformat(row["valid_from"]), file.valid_from)
    ends = [end for end in (_date(row.get("valid_to")), file.valid_to) if end is not None]
    end = min(ends) if ends else None
    return None if end is not None and end < start else (start, end)


def _mandate(row: Mapping[str, Any], file: PolicyFile) -> bool:
    """A product row's ``mandate``, required: a file written before the correction of December
    2026 is refused loudly rather than read as "every product on mandate"."""
    value = row.get("mandate")
    if not isinstance(value, bool):
        raise PolicyError(
            [
                f"{file.path}: products {row.get('codes')}: 'mandate' must be true or false "
                "(only basis and specialistic jeugd-GGZ are extended on mandate, seeds/004)"
            ]
        )
    return value


def _products(file: PolicyFile) -> list[ProductRule]:
    rules: list[ProductRule] = []
    for row in file.content.get("products", []):
        if (period := _within(row, file)) is not None:
            mandate = _mandate(row, file)
            rules.extend(
                ProductRule(
                    product_code=code,
                    valid_from=period[0],
                    valid_to=period[1],
                    basic_months=int(row["basic_months"]),
                    max_extension_months=int(row["max_extension_months"]),
                    max_treatment_months=int(row["max_treatment_months"]),
                    mandate=mandate,
                )
                for code in row["codes"]
            )
    return rules


def _methods(file: PolicyFile) -> list[MethodVersion]:
    return [
        MethodVersion(
            code=row["code"],
            name=row["name"],
            valid_from=period[0],
            valid_to=period[1],
            file_valid_to=period[1],
            mandate_extensions=int(row["mandate_extensions"]),
            self_assessment_from=int(row["self_assessment_from"]),
            source=row.get("source", file.source),
        )
        for row in file.content.get("methods", [])
        if (period := _within(row, file)) is not None
    ]


def _review_forms(file: PolicyFile) -> list[ReviewForm]:
    return [
        ReviewForm(
            valid_from=period[0],
            valid_to=period[1],
            source=row.get("source", file.source),
            questions=tuple(
                ReviewQuestion(code=q["code"], text=q["text"], required=bool(q["required"]))
                for q in row["questions"]
            ),
        )
        for row in file.content.get("review_forms", [])
        if (period := _within(row, file)) is not None
    ]


@lru_cache(maxsize=32)
def _region_policy(region_code: str, files: tuple[PolicyFile, ...]) -> RegionPolicy:
    return RegionPolicy(
        region_code,
        "; ".join(file.source for file in files),
        tuple(rule for file in files for rule in _products(file)),
        tuple(version for file in files for version in _methods(file)),
        tuple(form for file in files for form in _review_forms(file)),
    )


def region_policy(region_code: str) -> RegionPolicy:
    """The perceel-2 policy of a region; a region without files has no rules at all."""
    return _region_policy(region_code, policy_versions(region=region_code, kind=PERCEEL2))


def regions_with_policy() -> tuple[str, ...]:
    """The region codes with perceel-2 files of their own (``default`` when it has them)."""
    return policy_regions(kind=PERCEEL2)


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
