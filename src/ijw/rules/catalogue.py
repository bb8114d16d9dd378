# SPDX-License-Identifier: EUPL-1.2
"""The in-message rules this library checks, with their return code and scope.

Source: the rule tables of the iJw 3.2 summary (README §7) and the conditions of §4/§5.
Rules of level B (cross-message) and E (external sources: system date, CBS list, AGB,
contracts) need data outside one message and belong to the ``messaging`` app.
"""

from __future__ import annotations

from dataclasses import dataclass

from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    rule: str
    code: str | None
    messages: str
    summary: str
    severity: Severity = Severity.ERROR


_X = TECHNICAL_REJECTION

RULES: dict[str, RuleInfo] = {
    info.rule: info
    for info in (
        RuleInfo("CS002", _X, "301 302 305-308 315-318 323 325", "BSN voldoet aan de elfproef"),
        RuleInfo("TR134", _X, "305-308 315 316 323", "datum niet na de dagtekening"),
        RuleInfo("TR002", _X, "305-308 315 316", "geboortedatum hooguit 120 jaar terug"),
        RuleInfo("TR101", _X, "305-308 315-318 323", "geen dubbele regels in één bericht"),
        RuleInfo("CS058", _X, "305-308", "StatusAanlevering alleen 1 of 3"),
        RuleInfo("TR018", _X, "307 308", "Einddatum niet voor Begindatum"),
        RuleInfo("TR383", _X, "315 316", "ReferentieAanbieder uniek per aangevraagd product"),
        RuleInfo(
            "TR386", _X, "315 316", "zelfde product niet twee keer voor overlappende periodes"
        ),
        RuleInfo("CD066", _X, "315 316", "verwijzertype 02-05 met ZorgverlenerCode: Naam leeg"),
        RuleInfo(
            "CD067", _X, "315 316", "verwijzertype 02-05 zonder ZorgverlenerCode: Naam gevuld"
        ),
        RuleInfo("CD068", _X, "315 316", "ander verwijzertype: ZorgverlenerCode leeg"),
        RuleInfo("CS343", _X, "315 316", "eenheid 14/16/83/84 alleen met frequentie 2, 4 of 6"),
        RuleInfo(
            "CS338", _X, "301 302 317 318", "eenheid 14/16/83/84 alleen met frequentie 2, 4 of 6"
        ),
        RuleInfo("CD041", _X, "301 302 315-318", "Omvang verplicht als Product/Code gevuld is"),
        RuleInfo("CD075", _X, "301 302 315-318", "Einddatum verplicht als Budget gevuld is"),
        RuleInfo("CD076", _X, "301 302 315-318", "Einddatum verplicht bij frequentie per week"),
        RuleInfo("CD077", _X, "301 302 315-318", "Omvang en Budget niet allebei"),
        RuleInfo("CD079", _X, "301 302 315-318", "Product alleen leeg als Budget gevuld is"),
        RuleInfo("CD080", _X, "301 302", "geen Omvang bij een aspecifieke of generieke toewijzing"),
        RuleInfo("CD095", _X, "315 316", "geen Omvang bij een aspecifiek of generiek verzoek"),
        RuleInfo(
            "CD096", _X, "317 318", "geen Omvang bij een aspecifiek of generiek nieuw product"
        ),
        RuleInfo(
            "CS335", _X, "301 302", "reden 13 (verwijderd) alleen met Einddatum = Ingangsdatum"
        ),
        RuleInfo("CS336", _X, "301 302", "reden 01 is vervallen"),
        RuleInfo("TR302", _X, "301 302", "geen gestapelde toewijzingen van hetzelfde product"),
        RuleInfo("TR006", _X, "301 302", "contact van een relatie heeft telefoon of adres"),
        RuleInfo(
            "TR061", _X, "301 302", "cliënt heeft een BRP-, correspondentie- of verblijfadres"
        ),
        RuleInfo(
            "OP002",
            None,
            "301 302",
            "gezagsdrager van een minderjarige als Relatie, tenzij het verzoek hem al noemde",
            Severity.WARNING,
        ),
        RuleInfo(
            "OP071", None, "301 302", "Relatie/Nummer uniek binnen de cliënt", Severity.WARNING
        ),
        RuleInfo(
            "IV034",
            None,
            "alle",
            "XsdVersie komt uit de appinfo van het schema (3.2: 0.1.0)",
            Severity.WARNING,
        ),
        RuleInfo("TR352", _X, "317 318", "VOW heeft een ongewijzigd of te wijzigen product"),
        RuleInfo("TR353", _X, "317 318", "VOW heeft een te wijzigen of nieuw product"),
        RuleInfo("TR380", _X, "317 318", "nieuw product begint na de dagtekening"),
        RuleInfo("TR358", _X, "323", "totaal = som debet - som credit"),
        RuleInfo("TR315", _X, "323", "een debetregel wordt hooguit één keer gecrediteerd"),
        RuleInfo("TR316", _X, "323", "geen debet en zijn credit in één bericht"),
        RuleInfo("TR416", _X, "323", "geen dubbele debetregel"),
        RuleInfo("CS337", _X, "323 325", "ProductPeriode binnen één kalendermaand"),
        RuleInfo("CS340", _X, "323", "DeclaratiePeriode is precies één kalendermaand"),
        RuleInfo("CS100", _X, "323", "DeclaratiePeriode niet voor 2021"),
        RuleInfo("CD085", _X, "319 320", "RedenAfwijzingVerzoek verplicht bij antwoord 1"),
        RuleInfo("CD086", _X, "319 320", "RedenAfwijzingVerzoek leeg bij antwoord 2"),
        RuleInfo("TR377", _X, "319 320", "reden 8 (woonplaatsbeginsel): Gemeente verplicht"),
        RuleInfo("TR409", _X, "319 320", "Woonplaatsbeginsel alleen bij reden 8"),
        RuleInfo("TR342", _X, "325", "afgewezen bedragen = ingediend - toegekend; 8001 bij alles"),
        RuleInfo("IV028", _X, "302 306 308 316 318 320 325", "retour volgens de retourregels"),
    )
}


def rule_finding(rule: str, location: str, message: str) -> Finding:
    info = RULES[rule]
    return Finding(
        code=info.code,
        rule=rule,
        location=location,
        message=message,
        kind=FindingKind.RULE,
        severity=info.severity,
    )


__all__ = ["RULES", "RuleInfo", "rule_finding"]
