# SPDX-License-Identifier: EUPL-1.2
"""JW323 Declaratie and JW325 Declaratie-antwoord (amounts in eurocents)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from ijw.codelists import NO_REMARK_CODES, DebetCredit, RetourCode
from ijw.datatypes import GeslotenPeriode
from ijw.findings import Finding
from ijw.messages import JW323, JW325, DeclaratieClient, Prestatie
from ijw.paths import step
from ijw.rules.catalogue import rule_finding
from ijw.rules.common import bsn_rule, duplicates, item_paths, not_after_message_date

FIRST_DECLARATION_MONTH = dt.date(2021, 1, 1)


def _lines(base: str, clients: list[DeclaratieClient]) -> Iterator[tuple[str, Prestatie, str]]:
    """(bsn, line, path) for every line of every client."""
    for client_index, client in enumerate(clients):
        client_path = f"{base}/{step('Client', client_index, len(clients))}"
        for line_index, line in enumerate(client.prestaties):
            step_name = step("Prestatie", line_index, len(client.prestaties))
            yield client.bsn, line, f"{client_path}/Prestaties/{step_name}"


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _product_period_rule(period: GeslotenPeriode, path: str) -> Iterator[Finding]:
    begin, end = period.begindatum, period.einddatum
    if end < begin or (begin.year, begin.month) != (end.year, end.month):
        yield rule_finding(
            "CS337",
            f"{path}/ProductPeriode",
            f"ProductPeriode {begin.isoformat()} t/m {end.isoformat()} ligt niet binnen één "
            "kalendermaand.",
        )


def _client_paths(base: str, clients: list[DeclaratieClient]) -> list[str]:
    return item_paths(base, "Client", len(clients))


def declaration_rules(message: JW323) -> Iterator[Finding]:
    declaratie = message.declaratie
    root = f"/{message.message_type}/Declaratie"
    clients_base = f"{root}/Clienten"
    client_paths = _client_paths(clients_base, declaratie.clienten)
    for client, path in zip(declaratie.clienten, client_paths, strict=True):
        yield from bsn_rule(client.bsn, f"{path}/Bsn")
    yield from duplicates(
        [client.bsn for client in declaratie.clienten],
        [f"{path}/Bsn" for path in client_paths],
        "TR101",
        "Deze cliënt (Bsn)",
    )

    periode = declaratie.declaratie_periode
    begin, end = periode.begindatum, periode.einddatum
    if begin.day != 1 or end != _month_end(begin):
        yield rule_finding(
            "CS340",
            f"{root}/DeclaratiePeriode",
            f"DeclaratiePeriode {begin.isoformat()} t/m {end.isoformat()} is niet precies één "
            "kalendermaand.",
        )
    if begin < FIRST_DECLARATION_MONTH:
        yield rule_finding(
            "CS100",
            f"{root}/DeclaratiePeriode/Begindatum",
            "Declareren in dit formaat kan vanaf januari 2021.",
        )

    lines = list(_lines(clients_base, declaratie.clienten))
    dagtekening = message.header.dagtekening
    total = 0
    for _, line, path in lines:
        total += line.ingediend_bedrag.signed
        yield from _product_period_rule(line.product_periode, path)
        yield from not_after_message_date(
            line.product_periode.begindatum,
            dagtekening,
            f"{path}/ProductPeriode/Begindatum",
            "De begindatum van de ProductPeriode",
        )
    if total != declaratie.totaal_ingediend_bedrag.signed:
        yield rule_finding(
            "TR358",
            f"{root}/TotaalIngediendBedrag",
            f"TotaalIngediendBedrag is {declaratie.totaal_ingediend_bedrag.signed} cent, de "
            f"regels tellen op tot {total} cent (debet min credit).",
        )
    yield from duplicates(
        [line.product_referentie.referentie_nummer for _, line, _ in lines],
        [f"{path}/ProductReferentie/ReferentieNummer" for _, _, path in lines],
        "TR101",
        "Dit ReferentieNummer",
    )
    yield from _credit_rules(lines)


def _credit_rules(lines: list[tuple[str, Prestatie, str]]) -> Iterator[Finding]:
    credit_lines = [
        (line, path)
        for _, line, path in lines
        if line.ingediend_bedrag.debet_credit == DebetCredit.CREDIT
    ]
    debits = [
        (bsn, line, path)
        for bsn, line, path in lines
        if line.ingediend_bedrag.debet_credit == DebetCredit.DEBET
    ]
    credited = [
        (line.product_referentie.vorig_referentie_nummer, path)
        for line, path in credit_lines
        if line.product_referentie.vorig_referentie_nummer is not None
    ]
    yield from duplicates(
        [reference for reference, _ in credited],
        [f"{path}/ProductReferentie/VorigReferentieNummer" for _, path in credited],
        "TR315",
        "Een credit op dezelfde debetregel",
    )
    debit_references = {line.product_referentie.referentie_nummer for _, line, _ in debits}
    for reference, path in credited:
        if reference in debit_references:
            yield rule_finding(
                "TR316",
                f"{path}/ProductReferentie/VorigReferentieNummer",
                f"De debetregel {reference} en de credit daarop staan in hetzelfde bericht.",
            )
    yield from duplicates(
        [
            (
                bsn,
                line.toewijzing_nummer,
                line.product_categorie,
                line.product_code,
                line.product_periode.begindatum,
                line.product_periode.einddatum,
            )
            for bsn, line, _ in debits
        ],
        [path for _, _, path in debits],
        "TR416",
        "Een debetregel voor dezelfde cliënt, toewijzing, product en periode",
    )


def declaration_answer_rules(message: JW325) -> Iterator[Finding]:
    header = message.header
    root = f"/{message.message_type}"
    answer = message.declaratie_antwoord
    if RetourCode.TECHNISCH_AFGEKEURD in header.retour_codes:
        if header.xslt_versie is None:
            yield rule_finding(
                "IV028",
                f"{root}/Header/XsltVersie",
                "Bij technische afkeur (0001) hoort XsltVersie in de header.",
            )
        if answer is not None:
            yield rule_finding(
                "IV028",
                f"{root}/DeclaratieAntwoord",
                "Bij technische afkeur (0001) bestaat het antwoord alleen uit de header.",
            )
    if answer is None:
        return
    base = f"{root}/DeclaratieAntwoord"
    clients_base = f"{base}/Clienten"
    for client, path in zip(
        answer.clienten, _client_paths(clients_base, answer.clienten), strict=True
    ):
        yield from bsn_rule(client.bsn, f"{path}/Bsn")
    lines = list(_lines(clients_base, answer.clienten))
    for _, line, path in lines:
        yield from _product_period_rule(line.product_periode, path)
        if set(line.retour_codes) <= NO_REMARK_CODES:
            yield rule_finding(
                "TR342",
                f"{path}/RetourCodes",
                "Een declaratie-antwoord noemt alleen afgewezen prestaties; deze heeft geen "
                "afwijzingscode.",
            )
    submitted = answer.totaal_ingediend_bedrag.signed
    granted = answer.totaal_toegekend_bedrag.signed
    fully_granted = RetourCode.DECLARATIE_VOLLEDIG_TOEGEWEZEN in answer.retour_codes
    if fully_granted and (granted != submitted or answer.clienten):
        yield rule_finding(
            "TR342",
            f"{base}/TotaalToegekendBedrag",
            "Bij 8001 (volledig toegewezen) is het toegekende bedrag gelijk aan het ingediende "
            "en worden geen prestaties teruggemeld.",
        )
    if granted == submitted and not answer.clienten and not fully_granted:
        yield rule_finding(
            "TR342",
            f"{base}/RetourCodes",
            "De declaratie is volledig toegekend; geef dan retourcode 8001.",
        )
    if lines:
        rejected = sum(line.ingediend_bedrag.signed for _, line, _ in lines)
        if rejected != submitted - granted:
            yield rule_finding(
                "TR342",
                f"{base}/TotaalToegekendBedrag",
                f"De afgewezen prestaties tellen op tot {rejected} cent, maar ingediend min "
                f"toegekend is {submitted - granted} cent.",
            )
