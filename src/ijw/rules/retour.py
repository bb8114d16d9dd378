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
from ijw.spec import element_specs

_CHILDREN: dict[type, tuple[tuple[str, bool], ...]] = {}


def _children(cls: type) -> tuple[tuple[str, bool], ...]:
    """(attribute, is a list) for the fields of ``cls`` that hold classes with return codes."""
    children = _CHILDREN.get(cls)
    if children is None:
        children = tuple(
            (attr, spec.wrapper is not None)
            for attr, spec in element_specs(cls)
            if isinstance(spec.target, type) and _carries_codes(spec.target)
        )
        _CHILDREN[cls] = children
    return children


def _carries_codes(cls: type) -> bool:
    """Whether ``cls`` or a class below it has ``retour_codes``."""
    if not dataclasses.is_dataclass(cls):
        return False
    names = {field.name for field in dataclasses.fields(cls)}
    return "retour_codes" in names or bool(_children(cls))


def _has_rejection(value: object) -> bool:
    """Whether a class or any class below it carries a code other than 0200/0233."""
    codes = getattr(value, "retour_codes", None)
    if codes and not set(codes) <= NO_REMARK_CODES:
        return True
    for attr, is_list in _children(type(value)):
        item = getattr(value, attr)
        if is_list:
            if any(_has_rejection(element) for element in item):
                return True
        elif item is not None and _has_rejection(item):
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
