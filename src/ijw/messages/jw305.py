# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW305 Start Jeugdhulp, JW307 Stop Jeugdhulp and their retours JW306 and JW308."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import Geslacht, RedenBeeindiging, RetourCode, StatusAanlevering
from ijw.datatypes import Geboortedatum, Header, Product, RetourHeader, VerkorteNaam
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, items, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class StartProduct(IjwType):
    toewijzing_nummer: int | None = opt("ToewijzingNummer", st.NUMMER)
    product: Product | None = opt("Product", Product)
    toewijzing_ingangsdatum: dt.date | None = opt("ToewijzingIngangsdatum", st.DATUM)
    begindatum: dt.date = el("Begindatum", st.DATUM)
    status_aanlevering: StatusAanlevering = el("StatusAanlevering", st.STATUS_AANLEVERING)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class StopProduct(IjwType):
    toewijzing_nummer: int | None = opt("ToewijzingNummer", st.NUMMER)
    product: Product | None = opt("Product", Product)
    toewijzing_ingangsdatum: dt.date | None = opt("ToewijzingIngangsdatum", st.DATUM)
    begindatum: dt.date = el("Begindatum", st.DATUM)
    reden_beeindiging: RedenBeeindiging = el("RedenBeeindiging", st.REDEN_BEEINDIGING)
    einddatum: dt.date = el("Einddatum", st.DATUM)
    status_aanlevering: StatusAanlevering = el("StatusAanlevering", st.STATUS_AANLEVERING)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class StartClient(IjwType):
    xsd_type: ClassVar[str | None] = "Client"
    bsn: str = el("Bsn", st.BSN)
    geboortedatum: Geboortedatum = el("Geboortedatum", Geboortedatum)
    geslacht: Geslacht = el("Geslacht", st.GESLACHT)
    naam: VerkorteNaam = el("Naam", VerkorteNaam)
    start_producten: list[StartProduct] = items("StartProducten", "StartProduct", StartProduct)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class StopClient(IjwType):
    xsd_type: ClassVar[str | None] = "Client"
    bsn: str = el("Bsn", st.BSN)
    geboortedatum: Geboortedatum = el("Geboortedatum", Geboortedatum)
    geslacht: Geslacht = el("Geslacht", st.GESLACHT)
    naam: VerkorteNaam = el("Naam", VerkorteNaam)
    stop_producten: list[StopProduct] = items("StopProducten", "StopProduct", StopProduct)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class JW305(Message):
    """Start Jeugdhulp: delivery has begun (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW305
    header: Header = el("Header", Header)
    client: StartClient = el("Client", StartClient)


@dataclass(slots=True, kw_only=True)
class JW306(Message):
    """Retour on a JW305 (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW306
    header: RetourHeader = el("Header", RetourHeader)
    client: StartClient | None = opt("Client", StartClient)


@dataclass(slots=True, kw_only=True)
class JW307(Message):
    """Stop Jeugdhulp: delivery ended, temporarily (reason 20) or for good (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW307
    header: Header = el("Header", Header)
    client: StopClient = el("Client", StopClient)


@dataclass(slots=True, kw_only=True)
class JW308(Message):
    """Retour on a JW307 (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW308
    header: RetourHeader = el("Header", RetourHeader)
    client: StopClient | None = opt("Client", StopClient)
