# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""Shared datatypes: the ``CDT_…`` complex types of the basisschema and the headers.

Conventions for every class in this library:

- names follow the element names of the standard in snake_case (``toewijzing_nummer``);
- dates are ``datetime.date``, ``Toewijzingstijd`` is a ``datetime.time``;
- **amounts are ``int`` eurocents** (``Bedrag``, ``Budget``, ``TotaalBedrag``, and
  ``Volume`` when ``Eenheid`` is 83), exactly as the standard carries them (IV024). Use
  ``euros()`` / ``cents()`` to convert at the boundary with the domain (``Decimal``);
- code-list values are the enums of ``ijw.codelists``;
- optional elements are ``None`` when absent; repeated elements are lists (empty = absent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import (
    AanduidingWoonadres,
    Communicatievorm,
    DatumGebruik,
    DebetCredit,
    Eenheid,
    Frequentie,
    LandCode,
    NaamGebruik,
    ProductCategorie,
    RetourCode,
    TypeVerwijzer,
)
from ijw.messagetypes import XSD_VERSIE
from ijw.spec import BasisType, IjwType, el, items, opt, party

CENT = Decimal("0.01")


def euros(amount_in_cents: int) -> Decimal:
    """Eurocents as the standard carries them → a ``Decimal`` amount in euros."""
    return (Decimal(amount_in_cents) * CENT).quantize(CENT)


def cents(amount_in_euros: Decimal) -> int:
    """A ``Decimal`` euro amount → eurocents, rounded half up to the cent (IV081)."""
    return int((amount_in_euros / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(slots=True, kw_only=True)
class Achternaam(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Achternaam"
    achternaam: str = el("Achternaam", st.NAAM)
    voorvoegsel: str | None = opt("Voorvoegsel", st.VOORVOEGSEL)


@dataclass(slots=True, kw_only=True)
class Huis(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Huis"
    huisnummer: int = el("Huisnummer", st.HUISNUMMER)
    huisletter: str | None = opt("Huisletter", st.HUISLETTER)
    huisnummer_toevoeging: str | None = opt("HuisnummerToevoeging", st.HUISNUMMER_TOEVOEGING)
    aanduiding_woonadres: AanduidingWoonadres | None = opt(
        "AanduidingWoonadres", st.AANDUIDING_WOONADRES
    )


@dataclass(slots=True, kw_only=True)
class Adres(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Adres"
    huis: Huis | None = opt("Huis", Huis)
    postcode: str | None = opt("Postcode", st.POSTCODE)
    straatnaam: str | None = opt("Straatnaam", st.STRAATNAAM)
    plaatsnaam: str | None = opt("Plaatsnaam", st.PLAATSNAAM)
    land_code: LandCode | None = opt("LandCode", st.LAND_CODE)


@dataclass(slots=True, kw_only=True)
class BedragMetDC(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_BedragMetDC"
    bedrag: int = el("Bedrag", st.BEDRAG)
    debet_credit: DebetCredit = el("DebetCredit", st.DEBET_CREDIT)

    @property
    def signed(self) -> int:
        """The amount in cents, negative for credit."""
        return -self.bedrag if self.debet_credit == DebetCredit.CREDIT else self.bedrag


@dataclass(slots=True, kw_only=True)
class BerichtIdentificatie(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_BerichtIdentificatie"
    identificatie: str = el("Identificatie", st.IDENTIFICATIE_BERICHT)
    dagtekening: dt.date = el("Dagtekening", st.DATUM)


@dataclass(slots=True, kw_only=True)
class Communicatie(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Communicatie"
    vorm: Communicatievorm = el("Vorm", st.COMMUNICATIEVORM)
    taal: str | None = opt("Taal", st.TAAL)


@dataclass(slots=True, kw_only=True)
class Geboortedatum(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Geboortedatum"
    datum: dt.date = el("Datum", st.DATUM)
    datum_gebruik: DatumGebruik | None = opt("DatumGebruik", st.DATUM_GEBRUIK)

    @property
    def onbekend(self) -> bool:
        return self.datum_gebruik == DatumGebruik.DATUM_ONBEKEND


@dataclass(slots=True, kw_only=True)
class GeslotenPeriode(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_GeslotenPeriode"
    begindatum: dt.date = el("Begindatum", st.DATUM)
    einddatum: dt.date = el("Einddatum", st.DATUM)


@dataclass(slots=True, kw_only=True)
class Omvang(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Omvang"
    volume: int = el("Volume", st.VOLUME)
    eenheid: Eenheid = el("Eenheid", st.EENHEID)
    frequentie: Frequentie = el("Frequentie", st.FREQUENTIE)


@dataclass(slots=True, kw_only=True)
class OpenPeriode(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_OpenPeriode"
    begindatum: dt.date | None = opt("Begindatum", st.DATUM)
    einddatum: dt.date | None = opt("Einddatum", st.DATUM)


@dataclass(slots=True, kw_only=True)
class Product(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Product"
    categorie: ProductCategorie = el("Categorie", st.PRODUCT_CATEGORIE)
    code: str | None = opt("Code", st.PRODUCTCODE)


@dataclass(slots=True, kw_only=True)
class Referentie(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Referentie"
    referentie_nummer: str = el("ReferentieNummer", st.REFERENTIENUMMER)
    vorig_referentie_nummer: str | None = opt("VorigReferentieNummer", st.REFERENTIENUMMER)


@dataclass(slots=True, kw_only=True)
class Telefoon(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Telefoon"
    telefoonnummer: str = el("Telefoonnummer", st.TELEFOONNUMMER)
    landnummer: str = el("Landnummer", st.LANDNUMMER)


@dataclass(slots=True, kw_only=True)
class Telefoonnummers(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Telefoonnummers"
    telefoon01: Telefoon = el("Telefoon01", Telefoon)
    telefoon02: Telefoon | None = opt("Telefoon02", Telefoon)


@dataclass(slots=True, kw_only=True)
class TotaalBedragMetDC(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_TotaalBedragMetDC"
    totaal_bedrag: int = el("TotaalBedrag", st.TOTAAL_BEDRAG)
    debet_credit: DebetCredit = el("DebetCredit", st.DEBET_CREDIT)

    @property
    def signed(self) -> int:
        """The total in cents, negative for credit."""
        return (
            -self.totaal_bedrag if self.debet_credit == DebetCredit.CREDIT else self.totaal_bedrag
        )


@dataclass(slots=True, kw_only=True)
class VerkorteNaam(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_VerkorteNaam"
    geslachtsnaam: Achternaam = el("Geslachtsnaam", Achternaam)
    voornamen: str | None = opt("Voornamen", st.NAAM)
    voorletters: str | None = opt("Voorletters", st.VOORLETTERS)


@dataclass(slots=True, kw_only=True)
class Verwijzer(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_Verwijzer"
    type: TypeVerwijzer = el("Type", st.TYPE_VERWIJZER)
    naam: str | None = opt("Naam", st.NAAM_VERWIJZER)
    zorgverlener_code: str | None = opt("ZorgverlenerCode", st.AGB_CODE)


@dataclass(slots=True, kw_only=True)
class VolledigeNaam(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_VolledigeNaam"
    geslachtsnaam: Achternaam = el("Geslachtsnaam", Achternaam)
    partnernaam: Achternaam | None = opt("Partnernaam", Achternaam)
    voornamen: str | None = opt("Voornamen", st.NAAM)
    voorletters: str | None = opt("Voorletters", st.VOORLETTERS)
    naam_gebruik: NaamGebruik = el("NaamGebruik", st.NAAM_GEBRUIK)


@dataclass(slots=True, kw_only=True)
class XsdVersie(BasisType):
    xsd_type: ClassVar[str | None] = "CDT_XsdVersie"
    basisschema_xsd_versie: str = el("BasisschemaXsdVersie", st.VERSIE)
    bericht_xsd_versie: str = el("BerichtXsdVersie", st.VERSIE)


def _current_xsd_versie() -> XsdVersie:
    return XsdVersie(basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE)


@dataclass(slots=True, kw_only=True)
class Header(IjwType):
    """Header of a primary message. BerichtCode, BerichtVersie (3) and BerichtSubversie (2)
    follow from the message type and are written by ``build()``.

    ``afzender``/``ontvanger`` hold a 4-digit CBS municipality code or an 8-digit AGB code,
    depending on the direction of the (primary) message.
    """

    afzender: str = party("Afzender")
    ontvanger: str = party("Ontvanger")
    bericht_identificatie: BerichtIdentificatie = el("BerichtIdentificatie", BerichtIdentificatie)
    xsd_versie: XsdVersie = field(
        default_factory=_current_xsd_versie, metadata=el("XsdVersie", XsdVersie).metadata
    )

    @property
    def dagtekening(self) -> dt.date:
        return self.bericht_identificatie.dagtekening

    @property
    def identificatie(self) -> str:
        return self.bericht_identificatie.identificatie


@dataclass(slots=True, kw_only=True)
class RetourHeader(Header):
    """Header of a retour message: the primary's header copied unchanged (IV028), plus the
    retour's own identification and, optionally, header-level return codes."""

    identificatie_retour: str = el("IdentificatieRetour", st.IDENTIFICATIE_BERICHT)
    dagtekening_retour: dt.date = el("DagtekeningRetour", st.DATUM)
    xslt_versie: str | None = opt("XsltVersie", st.VERSIE)
    xsd_versie_retour: XsdVersie = field(
        default_factory=_current_xsd_versie,
        metadata=el("XsdVersieRetour", XsdVersie).metadata,
    )
    retour_codes: list[RetourCode] = items(
        "RetourCodes", "RetourCode", st.RETOUR_CODE, optional=True
    )


@dataclass(slots=True, kw_only=True)
class DeclaratieAntwoordHeader(Header):
    """Header of a JW325: its own header plus the identification of the answered JW323."""

    declaratie_identificatie: BerichtIdentificatie = el(
        "DeclaratieIdentificatie", BerichtIdentificatie
    )
    xslt_versie: str | None = opt("XsltVersie", st.VERSIE)
    xsd_versie_declaratie: XsdVersie = el("XsdVersieDeclaratie", XsdVersie)
    retour_codes: list[RetourCode] = items("RetourCodes", "RetourCode", st.RETOUR_CODE)
