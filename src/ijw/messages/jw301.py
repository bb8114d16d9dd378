# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW301 Toewijzing (allocation) and its retour JW302."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import (
    AdresSoort,
    Geslacht,
    JuridischeStatus,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    WettelijkeVertegenwoordiging,
)
from ijw.datatypes import (
    Adres,
    Communicatie,
    Geboortedatum,
    Header,
    Omvang,
    OpenPeriode,
    Product,
    RetourHeader,
    Telefoonnummers,
    VolledigeNaam,
)
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, items, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class Contact(IjwType):
    soort: AdresSoort = el("Soort", st.ADRES_SOORT)
    adres: Adres | None = opt("Adres", Adres)
    organisatie: str | None = opt("Organisatie", st.ORGANISATIENAAM)
    telefoon: Telefoonnummers | None = opt("Telefoon", Telefoonnummers)
    emailadres: str | None = opt("Emailadres", st.EMAILADRES)
    periode: OpenPeriode | None = opt("Periode", OpenPeriode)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class Relatie(IjwType):
    nummer: str = el("Nummer", st.PERSOONSID)
    volgorde: int | None = opt("Volgorde", st.RELATIE_VOLGORDE)
    soort: SoortRelatie = el("Soort", st.SOORT_RELATIE)
    geboortedatum: Geboortedatum | None = opt("Geboortedatum", Geboortedatum)
    geslacht: Geslacht | None = opt("Geslacht", st.GESLACHT)
    naam: VolledigeNaam = el("Naam", VolledigeNaam)
    contact: Contact = el("Contact", Contact)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class ToegewezenProduct(IjwType):
    toewijzing_nummer: int = el("ToewijzingNummer", st.NUMMER)
    referentie_aanbieder: str | None = opt("ReferentieAanbieder", st.REFERENTIE)
    product: Product | None = opt("Product", Product)
    toewijzingsdatum: dt.date = el("Toewijzingsdatum", st.DATUM)
    toewijzingstijd: dt.time = el("Toewijzingstijd", st.TIJD)
    ingangsdatum: dt.date = el("Ingangsdatum", st.DATUM)
    einddatum: dt.date | None = opt("Einddatum", st.DATUM)
    reden_wijziging: RedenWijziging | None = opt("RedenWijziging", st.REDEN_WIJZIGING)
    omvang: Omvang | None = opt("Omvang", Omvang)
    budget: int | None = opt("Budget", st.BUDGET)
    commentaar: str | None = opt("Commentaar", st.COMMENTAAR)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class ToewijzingClient(IjwType):
    bsn: str = el("Bsn", st.BSN)
    geboortedatum: Geboortedatum = el("Geboortedatum", Geboortedatum)
    geslacht: Geslacht = el("Geslacht", st.GESLACHT)
    naam: VolledigeNaam = el("Naam", VolledigeNaam)
    communicatie: Communicatie | None = opt("Communicatie", Communicatie)
    juridische_status: JuridischeStatus | None = opt("JuridischeStatus", st.JURIDISCHE_STATUS)
    wettelijke_vertegenwoordiging: WettelijkeVertegenwoordiging | None = opt(
        "WettelijkeVertegenwoordiging", st.WETTELIJKE_VERTEGENWOORDIGING
    )
    commentaar: str | None = opt("Commentaar", st.COMMENTAAR)
    relaties: list[Relatie] = items("Relaties", "Relatie", Relatie, optional=True)
    contactgegevens: list[Contact] = items("Contactgegevens", "Contact", Contact)
    toegewezen_producten: list[ToegewezenProduct] = items(
        "ToegewezenProducten", "ToegewezenProduct", ToegewezenProduct
    )
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class JW301(Message):
    """Toewijzing: the municipality orders youth care for one client (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW301
    header: Header = el("Header", Header)
    client: ToewijzingClient = el("Client", ToewijzingClient)


@dataclass(slots=True, kw_only=True)
class JW302(Message):
    """Retour on a JW301 (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW302
    header: RetourHeader = el("Header", RetourHeader)
    client: ToewijzingClient | None = opt("Client", ToewijzingClient)
