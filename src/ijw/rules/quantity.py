# SPDX-License-Identifier: EUPL-1.2
"""Omvang, Budget and Einddatum of an allocation, a request or a change (README §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ijw.codelists import Eenheid, Frequentie
from ijw.datatypes import Omvang, Product
from ijw.findings import Finding
from ijw.rules.catalogue import rule_finding

# Since 2021 an aspecific or generic allocation carries no Omvang (TR375/TR412 wording).
NO_OMVANG_AFTER = dt.date(2020, 12, 31)
NOT_PER_DAY = frozenset({Eenheid.ETMAAL, Eenheid.DAGDEEL, Eenheid.EUROS, Eenheid.STUKS_INSPANNING})
UNKNOWN_PRODUCT = object()  # a TeWijzigenProduct: its product is on the allocation


def quantity_rules(
    *,
    base: str,
    product: Product | object | None,
    omvang: Omvang | None,
    budget: int | None,
    einddatum: dt.date | None,
    einddatum_name: str,
    aspecific_rule: str,
    unit_rule: str,
) -> Sequence[Finding]:
    found: list[Finding] = []
    if omvang is not None and budget is not None:
        found.append(
            rule_finding(
                "CD077",
                f"{base}/Budget",
                "Omvang en Budget zijn allebei gevuld; kies één van beide.",
            )
        )
    if budget is not None and einddatum is None:
        found.append(
            rule_finding(
                "CD075",
                f"{base}/{einddatum_name}",
                f"{einddatum_name} is verplicht bij een Budget.",
            )
        )
    if omvang is not None and omvang.frequentie == Frequentie.PER_WEEK and einddatum is None:
        found.append(
            rule_finding(
                "CD076",
                f"{base}/{einddatum_name}",
                f"{einddatum_name} is verplicht bij frequentie 2 (per week).",
            )
        )
    if (
        omvang is not None
        and omvang.eenheid in NOT_PER_DAY
        and omvang.frequentie == Frequentie.PER_DAG
    ):
        found.append(
            rule_finding(
                unit_rule,
                f"{base}/Omvang/Frequentie",
                f"Eenheid {omvang.eenheid.value} kan niet per dag (frequentie 1); "
                "gebruik frequentie 2, 4 of 6.",
            )
        )
    if product is UNKNOWN_PRODUCT:
        return found
    if isinstance(product, Product) and product.code is not None and omvang is None:
        found.append(
            rule_finding(
                "CD041",
                f"{base}/Omvang",
                f"Omvang is verplicht voor een specifiek product ({product.code}).",
            )
        )
    if product is None and budget is None:
        found.append(
            rule_finding(
                "CD079", f"{base}/Product", "Product mag alleen leeg zijn als Budget gevuld is."
            )
        )
    aspecific = product is None or (isinstance(product, Product) and product.code is None)
    if aspecific and omvang is not None and (einddatum is None or einddatum > NO_OMVANG_AFTER):
        found.append(
            rule_finding(
                aspecific_rule,
                f"{base}/Omvang",
                "Een aspecifiek of generiek product heeft sinds 2021 geen Omvang.",
            )
        )
    return found
