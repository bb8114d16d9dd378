# SPDX-License-Identifier: EUPL-1.2
"""The iJw 3.2 code lists as enums (values as in the basisschema enumerations).

Every enum value is the literal code of the standard; member names are short Dutch labels.
``RetourCode`` members are named ``C<code>`` with readable aliases for the common ones.
"""

import enum

from ijw.codelists.land import LandCode


class Geslacht(enum.StrEnum):
    """COD046."""

    ONBEKEND = "0"
    MANNELIJK = "1"
    VROUWELIJK = "2"


class DatumGebruik(enum.StrEnum):
    """COD170: which part of a date is unknown."""

    DAG_ONBEKEND = "1"
    DAG_EN_MAAND_ONBEKEND = "2"
    DATUM_ONBEKEND = "3"


class Communicatievorm(enum.StrEnum):
    """COD747."""

    TOLK_TAAL = "1"
    DOVENTOLK = "2"
    DOOFBLINDENTOLK = "3"


class NaamGebruik(enum.StrEnum):
    """COD700."""

    EIGEN_NAAM = "1"
    NAAM_PARTNER = "2"
    PARTNER_EN_EIGEN_NAAM = "3"
    EIGEN_NAAM_EN_PARTNER = "4"
    PSEUDONIEM = "5"
    NIET_NATUURLIJK_PERSOON = "6"


class JuridischeStatus(enum.StrEnum):
    """WJ232."""

    RM_VOORLOPIG_OF_VOORTGEZET = "01"
    RM_EIGEN_VERZOEK = "02"
    RM_VOORWAARDELIJK_ONTSLAG = "03"
    ONDERTOEZICHTSTELLING = "04"
    INBEWARINGSTELLING = "05"
    STRAFRECHTELIJK_TBS = "11"
    STRAFRECHTELIJK_OVERIG = "12"


class WettelijkeVertegenwoordiging(enum.StrEnum):
    """WJ003."""

    VOOGDIJ = "06"
    BEWINDVOERING = "07"
    MENTORSCHAP = "08"
    ONDER_CURATELE = "09"
    ZAAKWAARNEMING = "10"


class SoortRelatie(enum.StrEnum):
    """COD472."""

    CURATOR = "03"
    FINANCIEEL_GEMACHTIGD = "04"
    FINANCIEEL_TOETSING = "05"
    LEEFEENHEID = "06"
    HULPVERLENER = "07"
    SPECIALIST = "08"
    ANDERS = "09"
    OUDER = "10"
    VOOGD = "11"
    PARTNER = "12"
    PLEEGOUDER = "13"
    BEWINDVOERDER = "14"
    MENTOR = "15"
    ZOON_DOCHTER = "16"
    FAMILIELID = "17"
    GEZINSLID = "18"
    BUUR = "19"
    VRIEND_KENNIS = "20"
    CLIENTONDERSTEUNER = "21"
    HUISARTS = "22"
    ERVEN_VAN = "23"
    WERKGEVER = "24"
    WIJKCOACH = "25"


class AdresSoort(enum.StrEnum):
    """COD757."""

    BRP = "01"
    CORRESPONDENTIE = "02"
    VERBLIJF = "03"
    TIJDELIJK_VERBLIJF = "04"


class AanduidingWoonadres(enum.StrEnum):
    """NUM061."""

    AAN_BOORD = "AB"
    BIJ = "BY"
    TEGENOVER = "TO"
    WOONWAGEN = "WW"


class ProductCategorie(enum.StrEnum):
    """JZ020 (31-38 are the legacy 2015 categories)."""

    WIJK_OF_BUURTTEAM = "31"
    AMBULANT_OP_LOCATIE = "32"
    DAGHULP_OP_LOCATIE = "33"
    IN_NETWERK_JEUGDIGE = "34"
    PLEEGZORG = "35"
    GEZINSGERICHT = "36"
    GESLOTEN_PLAATSING = "37"
    OVERIG_RESIDENTIEEL = "38"
    PERSOONLIJKE_VERZORGING = "40"
    DAGBEHANDELING = "41"
    VERVOERDIENSTEN = "42"
    VERBLIJF_INCL_BEHANDELING = "43"
    VERBLIJF_EXCL_BEHANDELING = "44"
    AMBULANT = "45"
    CRISIS = "46"
    JEUGDRECLASSERING = "47"
    JEUGDBESCHERMING = "48"
    PREVENTIEF_JUSTITIEEL = "49"
    MAATWERKARRANGEMENTEN = "50"
    GENERALISTISCHE_BASIS_GGZ = "51"
    SPECIALISTISCHE_GGZ = "52"
    KINDERGENEESKUNDE = "53"
    JEUGD_GGZ = "54"
    LANDELIJK_INGEKOCHT = "55"


class Eenheid(enum.StrEnum):
    """WJ756."""

    MINUUT = "01"
    UUR = "04"
    ETMAAL = "14"
    DAGDEEL = "16"
    STUKS_OUTPUT = "82"
    EUROS = "83"
    STUKS_INSPANNING = "84"


class Frequentie(enum.StrEnum):
    """WMO757."""

    PER_DAG = "1"
    PER_WEEK = "2"
    PER_MAAND = "4"
    TOTAAL = "6"


class RedenWijziging(enum.StrEnum):
    """JZ002: why an allocation was changed."""

    ADMINISTRATIEVE_CORRECTIE_VERVALLEN = "01"
    CLIENT_OVERLEDEN = "02"
    CONTRACTWIJZIGING = "03"
    VERLENGING = "04"
    VERKORTING = "05"
    UITSTROOM_ANDER_DOMEIN = "06"
    VERHUIZING = "07"
    WIJZIGING_LEVERINGSVORM = "08"
    OVERSTAP_ANDERE_AANBIEDER = "09"
    NIEUWE_BEKOSTIGING = "10"
    GEMEENTELIJKE_HERINDELING = "11"
    INITIATIEF_AANBIEDER = "12"
    VERWIJDERD = "13"
    ADMINISTRATIEVE_CORRECTIE = "14"


class RedenBeeindiging(enum.StrEnum):
    """JZ588: why delivery ended (20 = temporary stop)."""

    OVERLIJDEN = "02"
    TIJDELIJK = "20"
    VOLGENS_PLAN = "31"
    VOORTIJDIG_DOOR_CLIENT = "32"
    VOORTIJDIG_DOOR_AANBIEDER = "33"
    VOORTIJDIG_IN_OVERLEG = "34"
    VOORTIJDIG_EXTERNE_OORZAAK = "35"
    INITIATIEF_GEMEENTE = "36"
    WIJZIGINGSVERZOEK = "37"
    OVERSTAP_ANDERE_AANBIEDER = "38"
    UITSTROOM_ANDER_DOMEIN = "39"


class StatusAanlevering(enum.StrEnum):
    """COD467 (only 1 and 3 are allowed in JW305/JW307, CS058)."""

    EERSTE_AANLEVERING = "1"
    GEWIJZIGDE_AANLEVERING = "2"
    VERWIJDEREN = "3"
    NIET_VAN_TOEPASSING = "9"


class TypeVerwijzer(enum.StrEnum):
    """COD327."""

    GEMEENTE = "01"
    HUISARTS = "02"
    JEUGDARTS = "03"
    GECERTIFICEERDE_INSTELLING = "04"
    MEDISCH_SPECIALIST = "05"
    ZELFVERWIJZER = "06"
    RECHTER_OF_JUSTITIE = "08"


class JaNee(enum.StrEnum):
    """COD260."""

    JA = "1"
    NEE = "2"


class RedenVerzoek(enum.StrEnum):
    """WJ758."""

    VERANDERING_CLIENTSITUATIE = "1"
    WIJZIGING_ZORGPLAN = "2"


class VerzoekAntwoord(enum.StrEnum):
    """WJ760."""

    AFGEWEZEN = "1"
    IN_ONDERZOEK = "2"


class RedenAfwijzingVerzoek(enum.StrEnum):
    """WJ759."""

    NIEUWE_AANVRAAG = "1"
    PAST_NIET_BINNEN_BUDGET = "2"
    GEEN_CONTRACT = "3"
    PAST_NIET_BINNEN_CONTRACT = "4"
    ANDERE_GEMEENTE = "5"
    STAPELING = "6"
    ZORGINHOUDELIJKE_AFKEUR = "7"
    WOONPLAATSBEGINSEL = "8"
    LEEFTIJDSGRENS = "9"


class DebetCredit(enum.StrEnum):
    """COD043."""

    CREDIT = "C"
    DEBET = "D"


class RetourCode(enum.StrEnum):
    """WJ001: return codes (59 values in the schema)."""

    C0001 = "0001"
    C0200 = "0200"
    C0233 = "0233"
    C0611 = "0611"
    C8001 = "8001"
    C8017 = "8017"
    C8021 = "8021"
    C8187 = "8187"
    C8214 = "8214"
    C8848 = "8848"
    C9019 = "9019"
    C9056 = "9056"
    C9063 = "9063"
    C9069 = "9069"
    C9071 = "9071"
    C9074 = "9074"
    C9307 = "9307"
    C9308 = "9308"
    C9319 = "9319"
    C9321 = "9321"
    C9322 = "9322"
    C9326 = "9326"
    C9332 = "9332"
    C9333 = "9333"
    C9338 = "9338"
    C9339 = "9339"
    C9340 = "9340"
    C9341 = "9341"
    C9346 = "9346"
    C9347 = "9347"
    C9349 = "9349"
    C9350 = "9350"
    C9351 = "9351"
    C9355 = "9355"
    C9357 = "9357"
    C9359 = "9359"
    C9360 = "9360"
    C9361 = "9361"
    C9365 = "9365"
    C9366 = "9366"
    C9367 = "9367"
    C9369 = "9369"
    C9373 = "9373"
    C9374 = "9374"
    C9375 = "9375"
    C9379 = "9379"
    C9384 = "9384"
    C9385 = "9385"
    C9387 = "9387"
    C9388 = "9388"
    C9389 = "9389"
    C9390 = "9390"
    C9411 = "9411"
    C9412 = "9412"
    C9413 = "9413"
    C9414 = "9414"
    C9415 = "9415"
    S300 = "S300"
    S329 = "S329"
    # Readable aliases for the codes every retour uses.
    TECHNISCH_AFGEKEURD = "0001"
    GEEN_OPMERKING = "0200"
    NIET_BEOORDEELD = "0233"
    DECLARATIE_VOLLEDIG_TOEGEWEZEN = "8001"
    DAGTEKENING_IN_TOEKOMST = "8848"
    IDENTIFICATIE_NIET_UNIEK = "9056"


# Codes that say "nothing wrong here" in a retour (IV028).
NO_REMARK_CODES = frozenset({RetourCode.GEEN_OPMERKING, RetourCode.NIET_BEOORDEELD})

__all__ = [
    "NO_REMARK_CODES",
    "AanduidingWoonadres",
    "AdresSoort",
    "Communicatievorm",
    "DatumGebruik",
    "DebetCredit",
    "Eenheid",
    "Frequentie",
    "Geslacht",
    "JaNee",
    "JuridischeStatus",
    "LandCode",
    "NaamGebruik",
    "ProductCategorie",
    "RedenAfwijzingVerzoek",
    "RedenBeeindiging",
    "RedenVerzoek",
    "RedenWijziging",
    "RetourCode",
    "SoortRelatie",
    "StatusAanlevering",
    "TypeVerwijzer",
    "VerzoekAntwoord",
    "WettelijkeVertegenwoordiging",
]
