# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW317 Verzoek om wijziging (VOW) and its retour JW318."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import RedenVerzoek, RetourCode
from ijw.datatypes import Header, Omvang, Product, RetourHeader
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, items, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class OngewijzigdProduct(IjwType):
    toewijzing_nummer: int = el("ToewijzingNummer", st.NUMMER)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class TeWijzigenProduct(IjwType):
    toewijzing_nummer: int = el("ToewijzingNummer", st.NUMMER)
    gewenste_ingangsdatum: dt.date = el("GewensteIngangsdatum", st.DATUM)
    einddatum: dt.date | None = opt("Einddatum", st.DATUM)
    omvang: Omvang | None = opt("Omvang", Omvang)
    budget: int | None = opt("Budget", st.BUDGET)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class NieuwProduct(IjwType):
    product: Product | None = opt("Product", Product)
    gewenste_ingangsdatum: dt.date = el("GewensteIngangsdatum", st.DATUM)
    einddatum: dt.date | None = opt("Einddatum", st.DATUM)
    omvang: Omvang | None = opt("Omvang", Omvang)
    budget: int | None = opt("Budget", st.BUDGET)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class Verzoek(IjwType):
    referentie_aanbieder: str = el("ReferentieAanbieder", st.REFERENTIE)
    reden_verzoek: RedenVerzoek = el("RedenVerzoek", st.REDEN_VERZOEK)
    ongewijzigde_producten: list[OngewijzigdProduct] = items(
        "OngewijzigdeProducten", "OngewijzigdProduct", OngewijzigdProduct, optional=True
    )
    te_wijzigen_producten: list[TeWijzigenProduct] = items(
        "TeWijzigenProducten", "TeWijzigenProduct", TeWijzigenProduct, optional=True
    )
    nieuwe_producten: list[NieuwProduct] = items(
        "NieuweProducten", "NieuwProduct", NieuwProduct, optional=True
    )
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class WijzigingClient(IjwType):
    xsd_type: ClassVar[str | None] = "Client"
    bsn: str = el("Bsn", st.BSN)
    verzoek: Verzoek = el("Verzoek", Verzoek)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class JW317(Message):
    """Verzoek om wijziging: the provider describes the desired package (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW317
    header: Header = el("Header", Header)
    client: WijzigingClient = el("Client", WijzigingClient)


@dataclass(slots=True, kw_only=True)
class JW318(Message):
    """Retour on a JW317 (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW318
    header: RetourHeader = el("Header", RetourHeader)
    client: WijzigingClient | None = opt("Client", WijzigingClient)
