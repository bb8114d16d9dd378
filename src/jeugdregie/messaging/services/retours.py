# SPDX-License-Identifier: EUPL-1.2
"""Building the retour of a received message the way the standard fills it (IV028, OP065).

- no findings: the header only, without RetourCodes;
- an in-message (XSLT-level) failure: the header only with ``0001`` and XsltVersie;
- an error in the header (9056, 8848, S300, …): the header only with that code;
- an error inside the client: the whole Client with every class carrying a code (``0200``
  where there is nothing to remark, the error code where there is) and ``0200`` in the header.
"""

import dataclasses
from typing import Any

from django.utils import timezone

import ijw
from ijw import codelists as cl
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services.outbox import new_identificatie, outbox_store

__all__ = [
    "RETOUR_TYPES",
    "XSLT_VERSIE",
    "declaration_answer_send",
    "fill_codes",
    "retour_send",
]

XSLT_VERSIE = "1.0.0"  # the version of our in-message checks that rejected a message

RETOUR_TYPES: dict[str, type[ijw.Message]] = {
    "JW305": ijw.JW306,
    "JW307": ijw.JW308,
    "JW315": ijw.JW316,
    "JW317": ijw.JW318,
}


def fill_codes(value: Any, flagged: dict[int, str]) -> None:
    """Give every class with RetourCodes below (and including) ``value`` its code."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for item in dataclasses.fields(value):
        child = getattr(value, item.name)
        if item.name == "retour_codes":
            setattr(value, item.name, [cl.RetourCode(flagged.get(id(value), "0200"))])
        elif isinstance(child, list):
            for element in child:
                fill_codes(element, flagged)
        else:
            fill_codes(child, flagged)


def _retour_header(
    primary: ijw.Header, identificatie: str, codes: list[str], *, xslt: bool = False
) -> ijw.RetourHeader:
    return ijw.RetourHeader(
        afzender=primary.afzender,
        ontvanger=primary.ontvanger,
        bericht_identificatie=primary.bericht_identificatie,
        xsd_versie=primary.xsd_versie,
        identificatie_retour=identificatie,
        dagtekening_retour=timezone.localdate(),
        xslt_versie=XSLT_VERSIE if xslt else None,
        retour_codes=[cl.RetourCode(code) for code in codes],
    )


def retour_send(
    *,
    inbox: InboxMessage,
    message: ijw.Message,
    header_code: str | None,
    flagged: dict[int, str],
) -> OutboxMessage:
    """The retour (306/308/316/318) of a received 305/307/315/317."""
    retour_type = RETOUR_TYPES[inbox.message_type]
    # A retour copies the primary's sender: the recipient of the retour is that sender.
    row = new_identificatie(sender=message.header.ontvanger, message_type=retour_type.__name__)
    client = None
    if header_code is not None:
        codes = [header_code]
    elif flagged:
        codes = ["0200"]
        client = message.client  # type: ignore[attr-defined]
        fill_codes(client, flagged)
    else:
        codes = []
    retour = retour_type(  # type: ignore[call-arg]
        header=_retour_header(message.header, row.identificatie, codes, xslt=header_code == "0001"),
        client=client,
    )
    return outbox_store(
        row=row,
        message=retour,
        recipient=message.header.afzender,
        retour_of=inbox,
        provider=inbox.provider,
        municipality=inbox.municipality,
        youth=inbox.youth,
    )


def _signed(total: ijw.TotaalBedragMetDC | ijw.BedragMetDC) -> int:
    amount = total.totaal_bedrag if isinstance(total, ijw.TotaalBedragMetDC) else total.bedrag
    return -amount if total.debet_credit == cl.DebetCredit.CREDIT else amount


def _total(amount: int) -> ijw.TotaalBedragMetDC:
    return ijw.TotaalBedragMetDC(
        totaal_bedrag=abs(amount),
        debet_credit=cl.DebetCredit.DEBET if amount >= 0 else cl.DebetCredit.CREDIT,
    )


def declaration_answer_send(
    *,
    inbox: InboxMessage,
    message: ijw.JW323,
    header_code: str | None,
    flagged: dict[int, str],
) -> OutboxMessage:
    """The JW325: only the rejected lines (and their clients), totals consistent (TR342)."""
    sender = message.header.ontvanger
    row = new_identificatie(sender=sender, message_type="JW325")
    declaration = message.declaratie
    submitted = declaration.totaal_ingediend_bedrag
    answer: ijw.DeclaratieAntwoord | None = None
    if header_code == "0001":
        header_codes = ["0001"]
    elif header_code is not None:
        header_codes = [header_code]
        answer = ijw.DeclaratieAntwoord(
            declaratie_nummer=declaration.declaratie_nummer,
            totaal_ingediend_bedrag=submitted,
            totaal_toegekend_bedrag=_total(0),
            retour_codes=[cl.RetourCode(header_code)],
        )
    else:
        header_codes = ["0200"]
        clients = []
        rejected_total = 0
        for client in declaration.clienten:
            lines = [line for line in client.prestaties if id(line) in flagged]
            if not lines:
                continue
            for line in lines:
                line.retour_codes = [cl.RetourCode(flagged[id(line)])]
                rejected_total += _signed(line.ingediend_bedrag)
            clients.append(
                ijw.DeclaratieClient(bsn=client.bsn, prestaties=lines, retour_codes=["0200"])  # type: ignore[list-item]
            )
        answer = ijw.DeclaratieAntwoord(
            declaratie_nummer=declaration.declaratie_nummer,
            totaal_ingediend_bedrag=submitted,
            totaal_toegekend_bedrag=_total(_signed(submitted) - rejected_total),
            clienten=clients,
            retour_codes=[cl.RetourCode("0200" if clients else "8001")],
        )
    answer_message = ijw.JW325(
        header=ijw.DeclaratieAntwoordHeader(
            afzender=sender,
            ontvanger=message.header.afzender,
            bericht_identificatie=ijw.BerichtIdentificatie(
                identificatie=row.identificatie, dagtekening=timezone.localdate()
            ),
            declaratie_identificatie=message.header.bericht_identificatie,
            xslt_versie=XSLT_VERSIE if header_code == "0001" else None,
            xsd_versie_declaratie=message.header.xsd_versie,
            retour_codes=[cl.RetourCode(code) for code in header_codes],
        ),
        declaratie_antwoord=answer,
    )
    return outbox_store(
        row=row,
        message=answer_message,
        recipient=message.header.afzender,
        retour_of=inbox,
        provider=inbox.provider,
        municipality=inbox.municipality,
    )
