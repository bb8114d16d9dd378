# SPDX-License-Identifier: EUPL-1.2
"""In-message rules (level X of the standard, README §7): one entry point per message.

``check_message`` only makes sense for a schema-valid message (``parse()`` calls it then).
A retour message copies its primary's content, so the primary's rules apply to the copy
too (a JW316 that repeats one ReferentieAanbieder breaks TR383 like the JW315 did).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ijw.datatypes import RetourHeader
from ijw.findings import Finding
from ijw.messages import (
    JW301,
    JW302,
    JW305,
    JW306,
    JW307,
    JW308,
    JW315,
    JW316,
    JW317,
    JW318,
    JW319,
    JW320,
    JW323,
    JW325,
    Message,
)
from ijw.rules.allocation import allocation_rules
from ijw.rules.answer import answer_rules
from ijw.rules.catalogue import RULES, RuleInfo
from ijw.rules.common import passes_eleven_test, xsd_versie_rule
from ijw.rules.declaration import declaration_answer_rules, declaration_rules
from ijw.rules.regie import start_rules, stop_rules
from ijw.rules.request import request_for_allocation_rules, request_for_change_rules
from ijw.rules.retour import retour_rules

_CONTENT_RULES: dict[type[Message], Callable[[Any], Iterable[Finding]]] = {
    JW301: allocation_rules,
    JW302: allocation_rules,
    JW305: start_rules,
    JW306: start_rules,
    JW307: stop_rules,
    JW308: stop_rules,
    JW315: request_for_allocation_rules,
    JW316: request_for_allocation_rules,
    JW317: request_for_change_rules,
    JW318: request_for_change_rules,
    JW319: answer_rules,
    JW320: answer_rules,
    JW323: declaration_rules,
    JW325: declaration_answer_rules,
}


def check_message(message: Message) -> list[Finding]:
    """All in-message rule findings for a (schema-valid) message."""
    findings = list(_CONTENT_RULES[type(message)](message))
    root = f"/{message.message_type}/Header"
    header = message.header
    if isinstance(header, RetourHeader):
        findings.extend(xsd_versie_rule(header.xsd_versie_retour, f"{root}/XsdVersieRetour"))
        body = getattr(message, "client", None) or getattr(message, "antwoord", None)
        findings.extend(retour_rules(message, body))
    else:
        findings.extend(xsd_versie_rule(header.xsd_versie, f"{root}/XsdVersie"))
    return findings


__all__ = ["RULES", "RuleInfo", "check_message", "passes_eleven_test"]
