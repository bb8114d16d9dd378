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

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = tuple(field.name for field in dataclasses.fields(cls))
        _FIELD_NAMES[cls] = names
    return names


def _has_rejection(value: object) -> bool:
    """Whether a class or any class below it carries a code other than 0200/0233."""
    for name in _field_names(type(value)):
        item = getattr(value, name)
        if name == "retour_codes":
            if item and not set(item) <= NO_REMARK_CODES:
                return True
        elif isinstance(item, list):
            if any(
                dataclasses.is_dataclass(element) and _has_rejection(element) for element in item
            ):
                return True
        elif dataclasses.is_dataclass(item) and _has_rejection(item):
            return True
    return False


def retour_rules(message: Message, body: object) -> Iterator[Finding]:
    header = message.header
    assert isinstance(header, RetourHeader)
    root = f"/{message.message_type}"
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
    if not _has_rejection(body):
        yield rule_finding(
            "IV028",
            f"{root}/Header/RetourCodes",
            "De retour geeft alleen afgekeurde klassen terug, maar hier heeft geen enkele "
            "klasse een foutcode.",
        )
