# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW323 Declaratie (monthly invoice) and JW325 Declaratie-antwoord.

All amounts are eurocents (``int``); see ``ijw.datatypes.euros``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import Eenheid, ProductCategorie, RetourCode
from ijw.datatypes import (
    BedragMetDC,
    DeclaratieAntwoordHeader,
    GeslotenPeriode,
    Header,
    Referentie,
    TotaalBedragMetDC,
)
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, items, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class Prestatie(IjwType):
    """One declaration line: one product, one client, one allocation, one period."""

    product_referentie: Referentie = el("ProductReferentie", Referentie)
    toewijzing_nummer: int = el("ToewijzingNummer", st.NUMMER)
    product_categorie: ProductCategorie = el("ProductCategorie", st.PRODUCT_CATEGORIE)
    product_code: str = el("ProductCode", st.PRODUCTCODE)
    product_periode: GeslotenPeriode = el("ProductPeriode", GeslotenPeriode)
    geleverd_volume: int = el("GeleverdVolume", st.VOLUME)
    eenheid: Eenheid = el("Eenheid", st.EENHEID)
    product_tarief: int | None = opt("ProductTarief", st.BEDRAG)
    ingediend_bedrag: BedragMetDC = el("IngediendBedrag", BedragMetDC)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class DeclaratieClient(IjwType):
    xsd_type: ClassVar[str | None] = "Client"
    bsn: str = el("Bsn", st.BSN)
    prestaties: list[Prestatie] = items("Prestaties", "Prestatie", Prestatie)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class Declaratie(IjwType):
    declaratie_nummer: str = el("DeclaratieNummer", st.DECLARATIENUMMER_323)
    declaratie_periode: GeslotenPeriode = el("DeclaratiePeriode", GeslotenPeriode)
    declaratie_dagtekening: dt.date = el("DeclaratieDagtekening", st.DATUM)
    totaal_ingediend_bedrag: TotaalBedragMetDC = el("TotaalIngediendBedrag", TotaalBedragMetDC)
    clienten: list[DeclaratieClient] = items("Clienten", "Client", DeclaratieClient)


@dataclass(slots=True, kw_only=True)
class DeclaratieAntwoord(IjwType):
    """The answer: totals and only the rejected lines (with their clients)."""

    declaratie_nummer: str = el("DeclaratieNummer", st.IDENTIFICATIE_DECLARATIE)
    totaal_ingediend_bedrag: TotaalBedragMetDC = el("TotaalIngediendBedrag", TotaalBedragMetDC)
    totaal_toegekend_bedrag: TotaalBedragMetDC = el("TotaalToegekendBedrag", TotaalBedragMetDC)
    clienten: list[DeclaratieClient] = items("Clienten", "Client", DeclaratieClient, optional=True)
    retour_codes: list[RetourCode] = items("RetourCodes", "RetourCode", st.RETOUR_CODE)


@dataclass(slots=True, kw_only=True)
class JW323(Message):
    """Declaratie: the provider's monthly invoice (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW323
    header: Header = el("Header", Header)
    declaratie: Declaratie = el("Declaratie", Declaratie)


@dataclass(slots=True, kw_only=True)
class JW325(Message):
    """Declaratie-antwoord: the municipality's answer to a JW323 (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW325
    header: DeclaratieAntwoordHeader = el("Header", DeclaratieAntwoordHeader)
    declaratie_antwoord: DeclaratieAntwoord | None = opt("DeclaratieAntwoord", DeclaratieAntwoord)
