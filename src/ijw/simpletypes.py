# SPDX-License-Identifier: EUPL-1.2
"""The logical datatypes (``LDT_…``) of the iJw 3.2 basisschema, as our own definitions."""

import dataclasses

from ijw import codelists as cl
from ijw.lexical import (
    SimpleType,
    date_type,
    enum_type,
    integer_type,
    non_blank,
    non_blank_line,
    regex,
    string_type,
    time_type,
)

_LINE = "het patroon 'niet leeg, één regel'"


def _text(name: str, max_length: int) -> SimpleType:
    """The common string type: 1..max characters, one line, not only whitespace."""
    return string_type(
        name,
        min_length=1,
        max_length=max_length,
        pattern=non_blank_line,
        pattern_text=_LINE,
        fast=rf"(?=[^\n\r]*[^ \t\n\r])[^\n\r]{{1,{max_length}}}",
    )


AGB_CODE = string_type(
    "LDT_AgbCode",
    min_length=1,
    max_length=8,
    pattern=regex("[0-9]{8}"),
    pattern_text="8 cijfers",
    fast="[0-9]{8}",
)
BSN = string_type(
    "LDT_BurgerServicenummer",
    min_length=1,
    max_length=9,
    pattern=regex("[0-9]{9}"),
    pattern_text="9 cijfers",
    fast="[0-9]{9}",
)
GEMEENTE = string_type(
    "LDT_Gemeente",
    min_length=1,
    pattern=regex("[0-9]{4}"),
    pattern_text="4 cijfers (CBS-code)",
    fast="[0-9]{4}",
)
COMMENTAAR = string_type(
    "LDT_Commentaar",
    min_length=1,
    pattern=non_blank,
    pattern_text="het patroon 'niet alleen witruimte'",
    fast=r"[\s\S]*[^ \t\n\r][\s\S]*",
)
EMAILADRES = _text("LDT_Emailadres", 80)
HUISLETTER = _text("LDT_Huisletter", 1)
HUISNUMMER_TOEVOEGING = _text("LDT_HuisnummerToevoeging", 4)
IDENTIFICATIE_BERICHT = _text("LDT_IdentificatieBericht", 12)
IDENTIFICATIE_DECLARATIE = string_type("LDT_IdentificatieDeclaratie", min_length=1, max_length=12)
# JW323 restricts DeclaratieNummer further with an anonymous pattern.
DECLARATIENUMMER_323 = string_type(
    None,
    min_length=1,
    max_length=12,
    pattern=regex("[a-zA-Z0-9]+"),
    pattern_text="letters en cijfers",
    fast="[a-zA-Z0-9]{1,12}",
)
LANDNUMMER = _text("LDT_Landnummer", 4)
NAAM = _text("LDT_Naam", 200)
NAAM_VERWIJZER = _text("LDT_NaamVerwijzer", 64)
ORGANISATIENAAM = _text("LDT_Organisatienaam", 35)
PERSOONSID = _text("LDT_Persoonsid", 20)
PLAATSNAAM = _text("LDT_Plaatsnaam", 80)
POSTCODE = _text("LDT_Postcode", 8)
PRODUCTCODE = _text("LDT_ProductCode", 5)
REFERENTIE = _text("LDT_Referentie", 36)
REFERENTIENUMMER = string_type("LDT_ReferentieNummer", min_length=1, max_length=20)
STRAATNAAM = _text("LDT_Straatnaam", 24)
TAAL = _text("LDT_Taal", 25)
TELEFOONNUMMER = string_type(
    "LDT_Telefoonnummer",
    min_length=1,
    max_length=15,
    pattern=regex("[0-9]*"),
    pattern_text="alleen cijfers",
    fast="[0-9]{1,15}",
)
VERSIE = string_type(
    "LDT_Versie",
    min_length=1,
    pattern=regex(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"),
    pattern_text="versie x.y.z",
    fast=r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
)
VOORLETTERS = string_type(
    "LDT_Voorletters",
    min_length=1,
    max_length=6,
    pattern=regex("[a-zA-Z\u00c0-\u1ef3]+"),
    pattern_text="alleen letters",
    fast="[a-zA-Z\u00c0-\u1ef3]{1,6}",
)
VOORVOEGSEL = _text("LDT_Voorvoegsel", 10)

BEDRAG = integer_type("LDT_Bedrag", minimum=0, maximum=99_999_999)
BUDGET = integer_type("LDT_Budget", minimum=0, maximum=99_999_999)
HUISNUMMER = integer_type("LDT_Huisnummer", minimum=0, maximum=99_999)
NUMMER = integer_type("LDT_Nummer", minimum=0, maximum=999_999_999)
RELATIE_VOLGORDE = integer_type("LDT_RelatieVolgorde", minimum=0, maximum=99)
TOTAAL_BEDRAG = integer_type("LDT_TotaalBedrag", minimum=0, maximum=999_999_999_999)
VOLUME = integer_type("LDT_Volume", minimum=0, maximum=99_999_999)

DATUM = date_type("LDT_Datum")
TIJD = time_type("LDT_Tijd")

AANDUIDING_WOONADRES = enum_type("LDT_AanduidingWoonadres", cl.AanduidingWoonadres)
ADRES_SOORT = enum_type("LDT_AdresSoort", cl.AdresSoort)
COMMUNICATIEVORM = enum_type("LDT_Communicatievorm", cl.Communicatievorm)
DATUM_GEBRUIK = enum_type("LDT_DatumGebruik", cl.DatumGebruik)
DEBET_CREDIT = enum_type("LDT_DebetCredit", cl.DebetCredit)
EENHEID = enum_type("LDT_Eenheid", cl.Eenheid)
FREQUENTIE = enum_type("LDT_Frequentie", cl.Frequentie)
GESLACHT = enum_type("LDT_Geslacht", cl.Geslacht)
JA_NEE = enum_type("LDT_JaNee", cl.JaNee)
JURIDISCHE_STATUS = enum_type("LDT_JuridischeStatus", cl.JuridischeStatus)
LAND_CODE = enum_type("LDT_LandCode", cl.LandCode)
NAAM_GEBRUIK = enum_type("LDT_NaamGebruik", cl.NaamGebruik)
PRODUCT_CATEGORIE = enum_type("LDT_ProductCategorie", cl.ProductCategorie)
REDEN_AFWIJZING_VERZOEK = enum_type("LDT_RedenAfwijzingVerzoek", cl.RedenAfwijzingVerzoek)
REDEN_BEEINDIGING = enum_type("LDT_RedenBeeindiging", cl.RedenBeeindiging)
REDEN_VERZOEK = enum_type("LDT_RedenVerzoek", cl.RedenVerzoek)
REDEN_WIJZIGING = enum_type("LDT_RedenWijziging", cl.RedenWijziging)
RETOUR_CODE = enum_type("LDT_RetourCode", cl.RetourCode)
SOORT_RELATIE = enum_type("LDT_SoortRelatie", cl.SoortRelatie)
STATUS_AANLEVERING = enum_type("LDT_StatusAanlevering", cl.StatusAanlevering)
TYPE_VERWIJZER = enum_type("LDT_TypeVerwijzer", cl.TypeVerwijzer)
VERZOEK_ANTWOORD = enum_type("LDT_VerzoekAntwoord", cl.VerzoekAntwoord)
WETTELIJKE_VERTEGENWOORDIGING = enum_type(
    "LDT_WettelijkeVertegenwoordiging", cl.WettelijkeVertegenwoordiging
)


def header_constant(value: str, *, integer: bool) -> SimpleType:
    """BerichtCode, BerichtVersie and BerichtSubversie: a base type pinned by a pattern."""
    pinned = regex(value)
    if integer:
        simple = integer_type(
            None, minimum=0, maximum=99, pattern=pinned, pattern_text=f"'{value}'"
        )
        # The only text the generated reader needs to recognise quickly.
        return dataclasses.replace(simple, kind="pinned", pinned=value)
    return string_type(
        None, min_length=1, max_length=3, pattern=pinned, pattern_text=f"'{value}'", fast=value
    )
