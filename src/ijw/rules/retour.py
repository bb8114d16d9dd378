# SPDX-License-Identifier: EUPL-1.2
"""How a retour message is filled (IV028, OP065): header codes and rejected classes only."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ijw.codelists import NO_REMARK_CODES, RetourCode
from ijw.datatypes import RetourHeader
from ijw.findings import Finding
from ijw.messages import Message
from ijw.rules.catalogue import rule_finding


def _codes_below(value: object) -> Iterator[RetourCode]:
    """Every return code in a class and the classes below it."""
    if not dataclasses.is_dataclass(value):
        return
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if field.name == "retour_codes":
            yield from item
        elif isinstance(item, list):
            for element in item:
                yield from _codes_below(element)
        else:
            yield from _codes_below(item)


def retour_rules(message: Message, body: object) -> Iterator[Finding]:
    header = message.header
    assert isinstance(header, RetourHeader)
    root = f"/{message.message_type.value}"
    codes = header.retour_codes
    if RetourCode.TECHNISCH_AFGEKEURD in codes:
        if header.xslt_versie is None:
            yield rule_finding(
                "IV028",
                f"{root}/Header/XsltVersie",
                "Bij technische afkeur (0001) hoort XsltVersie in de header.",
            )
        if body is not None:
            yield rule_finding(
                "IV028",
                f"{root}/Header/RetourCodes",
                "Bij technische afkeur (0001) bestaat de retour alleen uit de header.",
            )
        return
    if body is None:
        if codes and set(codes) <= NO_REMARK_CODES:
            yield rule_finding(
                "IV028",
                f"{root}/Header/RetourCodes",
                "Zonder bevindingen heeft de retour geen RetourCodes.",
            )
        return
    if codes != [RetourCode.GEEN_OPMERKING]:
        yield rule_finding(
            "IV028",
            f"{root}/Header/RetourCodes",
            "Als de retour een afgekeurde klasse teruggeeft, krijgt de header code 0200.",
        )
    if set(_codes_below(body)) <= NO_REMARK_CODES:
        yield rule_finding(
            "IV028",
            f"{root}/Header/RetourCodes",
            "De retour geeft alleen afgekeurde klassen terug, maar hier heeft geen enkele "
            "klasse een foutcode.",
        )
