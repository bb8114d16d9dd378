# SPDX-License-Identifier: EUPL-1.2
"""JW319 Antwoordbericht (and its copy in JW320)."""

from __future__ import annotations

from collections.abc import Iterator

from ijw.codelists import RedenAfwijzingVerzoek, VerzoekAntwoord
from ijw.findings import Finding
from ijw.messages import JW319, JW320
from ijw.rules.catalogue import rule_finding


def answer_rules(message: JW319 | JW320) -> Iterator[Finding]:
    antwoord = message.antwoord
    if antwoord is None:
        return
    base = f"/{message.message_type}/Antwoord"
    reason = antwoord.reden_afwijzing_verzoek
    if antwoord.verzoek_antwoord == VerzoekAntwoord.AFGEWEZEN and reason is None:
        yield rule_finding(
            "CD085",
            f"{base}/RedenAfwijzingVerzoek",
            "Bij een afwijzing (VerzoekAntwoord 1) is RedenAfwijzingVerzoek verplicht.",
        )
    if antwoord.verzoek_antwoord == VerzoekAntwoord.IN_ONDERZOEK and reason is not None:
        yield rule_finding(
            "CD086",
            f"{base}/RedenAfwijzingVerzoek",
            "Bij 'aanvraag in onderzoek' (VerzoekAntwoord 2) blijft RedenAfwijzingVerzoek leeg.",
        )
    if reason == RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL and antwoord.woonplaatsbeginsel is None:
        yield rule_finding(
            "TR377",
            f"{base}/Woonplaatsbeginsel",
            "Bij afwijzing om het woonplaatsbeginsel (reden 8) noem je de verantwoordelijke "
            "gemeente in Woonplaatsbeginsel/Gemeente.",
        )
    if reason != RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL and antwoord.woonplaatsbeginsel:
        yield rule_finding(
            "TR409",
            f"{base}/Woonplaatsbeginsel",
            "Woonplaatsbeginsel hoort alleen bij RedenAfwijzingVerzoek 8.",
        )
