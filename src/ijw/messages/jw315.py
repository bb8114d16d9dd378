# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW315 Verzoek om toewijzing (VOT) and its retour JW316."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import Geslacht, JaNee, RetourCode
from ijw.datatypes import (
    Geboortedatum,
    Header,
    Omvang,
    Product,
    RetourHeader,
    VerkorteNaam,
    Verwijzer,
)
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, items, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class AangevraagdProduct(IjwType):
    referentie_aanbieder: str = el("ReferentieAanbieder", st.REFERENTIE)
    beschikking_nummer: int | None = opt("BeschikkingNummer", st.NUMMER)
    product: Product | None = opt("Product", Product)
    beschikking_ingangsdatum: dt.date | None = opt("BeschikkingIngangsdatum", st.DATUM)
    toewijzing_ingangsdatum: dt.date = el("ToewijzingIngangsdatum", st.DATUM)
    toewijzing_einddatum: dt.date | None = opt("ToewijzingEinddatum", st.DATUM)
    omvang: Omvang | None = opt("Omvang", Omvang)
    budget: int | None = opt("Budget", st.BUDGET)
    verwijzer: Verwijzer = el("Verwijzer", Verwijzer)
    raamcontract: JaNee | None = opt("Raamcontract", st.JA_NEE)
    commentaar: str | None = opt("Commentaar", st.COMMENTAAR)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class VerzoekClient(IjwType):
    xsd_type: ClassVar[str | None] = "Client"
    bsn: str = el("Bsn", st.BSN)
    geboortedatum: Geboortedatum = el("Geboortedatum", Geboortedatum)
    geslacht: Geslacht = el("Geslacht", st.GESLACHT)
    naam: VerkorteNaam = el("Naam", VerkorteNaam)
    gezagsdrager_bekend: JaNee | None = opt("GezagsdragerBekend", st.JA_NEE)
    commentaar: str | None = opt("Commentaar", st.COMMENTAAR)
    aangevraagde_producten: list[AangevraagdProduct] = items(
        "AangevraagdeProducten", "AangevraagdProduct", AangevraagdProduct
    )
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class JW315(Message):
    """Verzoek om toewijzing: the provider asks for an allocation (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW315
    header: Header = el("Header", Header)
    client: VerzoekClient = el("Client", VerzoekClient)


@dataclass(slots=True, kw_only=True)
class JW316(Message):
    """Retour on a JW315 (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW316
    header: RetourHeader = el("Header", RetourHeader)
    client: VerzoekClient | None = opt("Client", VerzoekClient)
