# SPDX-License-Identifier: EUPL-1.2
"""Case tables for the in-message rules of JW301, JW315 and JW317.

Each row starts from a valid example, changes one thing and lists the rules that must
report it; rows with an empty list show the rule staying quiet (false or not applicable).
"""

import datetime as dt

import pytest

from ijw import MessageType, Omvang, Product, Verwijzer
from ijw.codelists import (
    AdresSoort,
    DatumGebruik,
    Eenheid,
    Frequentie,
    ProductCategorie,
    RedenWijziging,
    SoortRelatie,
    TypeVerwijzer,
)
from ijw.datatypes import Geboortedatum, XsdVersie

from .rulecases import assign, duplicate, rules_after

JW301, JW315, JW317 = MessageType.JW301, MessageType.JW315, MessageType.JW317
PRODUCT = "client.toegewezen_producten[0]"
BUDGET_PRODUCT = "client.toegewezen_producten[1]"
REQUEST = "client.aangevraagde_producten[0]"
CHANGE = "client.verzoek.te_wijzigen_producten[0]"
NEW = "client.verzoek.nieuwe_producten[0]"
PER_DAY = Omvang(volume=1, eenheid=Eenheid.DAGDEEL, frequentie=Frequentie.PER_DAG)
HOURS_PER_DAY = Omvang(volume=1, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_DAG)
PER_WEEK = Omvang(volume=2, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_WEEK)
ASPECIFIC = Product(categorie=ProductCategorie.JEUGD_GGZ)

CASES = [
    # CS002 BSN eleven-test
    (JW301, [assign("client.bsn", "999900007")], ["CS002"], "CS002 true: 301"),
    (JW315, [assign("client.bsn", "999900007")], ["CS002"], "CS002 true: 315"),
    (JW317, [assign("client.bsn", "999900007")], ["CS002"], "CS002 true: 317"),
    (JW315, [assign("client.bsn", "999900018")], [], "CS002 false"),
    # TR134 / TR002 birth date
    (
        JW315,
        [assign("client.geboortedatum", Geboortedatum(datum=dt.date(2026, 5, 5)))],
        ["TR134"],
        "TR134 true: born after the message date",
    ),
    (
        JW315,
        [assign("client.geboortedatum", Geboortedatum(datum=dt.date(2026, 5, 4)))],
        [],
        "TR134 false: born on the message date",
    ),
    (
        JW315,
        [assign("client.geboortedatum", Geboortedatum(datum=dt.date(1906, 5, 3)))],
        ["TR002"],
        "TR002 true: 120 years and a day",
    ),
    (
        JW315,
        [assign("client.geboortedatum", Geboortedatum(datum=dt.date(1906, 5, 4)))],
        [],
        "TR002 false: exactly 120 years",
    ),
    (
        JW315,
        [
            assign(
                "client.geboortedatum",
                Geboortedatum(datum=dt.date(1900, 1, 1), datum_gebruik=DatumGebruik.DATUM_ONBEKEND),
            )
        ],
        [],
        "TR002 not applicable: date unknown",
    ),
    # TR383 / TR386 / TR101 in a request for allocation
    (
        JW315,
        [duplicate(REQUEST, product=Product(categorie=ProductCategorie.CRISIS, code="46A01"))],
        ["TR383"],
        "TR383 true: one reference for two products",
    ),
    (
        JW315,
        [duplicate(REQUEST, referentie_aanbieder="VOT-2026-0002")],
        ["TR386"],
        "TR386 true: same product, overlapping periods",
    ),
    (
        JW315,
        [
            duplicate(
                REQUEST,
                referentie_aanbieder="VOT-2026-0002",
                toewijzing_ingangsdatum=dt.date(2027, 1, 1),
                toewijzing_einddatum=dt.date(2027, 6, 30),
            )
        ],
        [],
        "TR386 false: same product, periods one after the other",
    ),
    (JW315, [duplicate(REQUEST)], ["TR101", "TR383", "TR386"], "TR101 true: identical lines"),
    # CD066-CD068 referrer
    (
        JW315,
        [
            assign(
                f"{REQUEST}.verwijzer",
                Verwijzer(type=TypeVerwijzer.HUISARTS, zorgverlener_code="01234567", naam="Dr. A"),
            )
        ],
        ["CD066"],
        "CD066 true: AGB code and name",
    ),
    (
        JW315,
        [assign(f"{REQUEST}.verwijzer", Verwijzer(type=TypeVerwijzer.JEUGDARTS))],
        ["CD067"],
        "CD067 true: neither AGB code nor name",
    ),
    (
        JW315,
        [assign(f"{REQUEST}.verwijzer", Verwijzer(type=TypeVerwijzer.JEUGDARTS, naam="Dr. B"))],
        [],
        "CD067 false: name without AGB code",
    ),
    (
        JW315,
        [
            assign(
                f"{REQUEST}.verwijzer",
                Verwijzer(
                    type=TypeVerwijzer.GEMEENTE, naam="Wijkteam", zorgverlener_code="01234567"
                ),
            )
        ],
        ["CD068"],
        "CD068 true: municipality with AGB code",
    ),
    (
        JW315,
        [assign(f"{REQUEST}.verwijzer", Verwijzer(type=TypeVerwijzer.ZELFVERWIJZER))],
        [],
        "CD068 false: self-referral without anything",
    ),
    # Omvang / Budget / Einddatum (README §4)
    (JW315, [assign(f"{REQUEST}.omvang", PER_DAY)], ["CS343"], "CS343 true: day-part per day"),
    (JW315, [assign(f"{REQUEST}.omvang", HOURS_PER_DAY)], [], "CS343 false: hours per day"),
    (JW301, [assign(f"{PRODUCT}.omvang", PER_DAY)], ["CS338"], "CS338 true: 301"),
    (JW317, [assign(f"{CHANGE}.omvang", PER_DAY)], ["CS338"], "CS338 true: 317 change"),
    (JW317, [assign(f"{NEW}.omvang", PER_DAY)], ["CS338"], "CS338 true: 317 new product"),
    (JW315, [assign(f"{REQUEST}.omvang", None)], ["CD041"], "CD041 true: specific without Omvang"),
    (
        JW315,
        [assign(f"{REQUEST}.omvang", None), assign(f"{REQUEST}.product", ASPECIFIC)],
        [],
        "CD041 false: aspecific without Omvang",
    ),
    (JW301, [assign(f"{BUDGET_PRODUCT}.einddatum", None)], ["CD075"], "CD075 true: budget, open"),
    (JW301, [], [], "CD075 false: budget with end date"),
    (
        JW315,
        [assign(f"{REQUEST}.omvang", PER_WEEK), assign(f"{REQUEST}.toewijzing_einddatum", None)],
        ["CD076"],
        "CD076 true: per week, open end",
    ),
    (
        JW315,
        [assign(f"{REQUEST}.toewijzing_einddatum", None)],
        [],
        "CD076 false: per month, open end",
    ),
    (JW315, [assign(f"{REQUEST}.budget", 10_000)], ["CD077"], "CD077 true: Omvang and Budget"),
    (
        JW315,
        [assign(f"{REQUEST}.product", None), assign(f"{REQUEST}.omvang", None)],
        ["CD079"],
        "CD079 true: no product, no budget",
    ),
    (
        JW315,
        [
            assign(f"{REQUEST}.product", None),
            assign(f"{REQUEST}.omvang", None),
            assign(f"{REQUEST}.budget", 500_000),
        ],
        [],
        "CD079 false: generic with budget",
    ),
    (
        JW301,
        [assign(f"{BUDGET_PRODUCT}.budget", None), assign(f"{BUDGET_PRODUCT}.omvang", PER_WEEK)],
        ["CD080"],
        "CD080 true: aspecific allocation with Omvang",
    ),
    (
        JW301,
        [
            assign(f"{BUDGET_PRODUCT}.budget", None),
            assign(f"{BUDGET_PRODUCT}.omvang", PER_WEEK),
            assign(f"{BUDGET_PRODUCT}.ingangsdatum", dt.date(2020, 1, 1)),
            assign(f"{BUDGET_PRODUCT}.einddatum", dt.date(2020, 12, 31)),
        ],
        [],
        "CD080 not applicable: ended before 2021",
    ),
    (JW315, [assign(f"{REQUEST}.product", ASPECIFIC)], ["CD095"], "CD095 true: aspecific request"),
    (JW317, [assign(f"{NEW}.product", ASPECIFIC)], ["CD096"], "CD096 true: aspecific new product"),
    # JW301 only
    (
        JW301,
        [assign(f"{PRODUCT}.reden_wijziging", RedenWijziging.VERWIJDERD)],
        ["CS335"],
        "CS335 true: deleted with a later end date",
    ),
    (
        JW301,
        [
            assign(f"{PRODUCT}.reden_wijziging", RedenWijziging.VERWIJDERD),
            assign(f"{PRODUCT}.einddatum", dt.date(2026, 5, 1)),
        ],
        [],
        "CS335 false: deleted, end = start",
    ),
    (
        JW301,
        [assign(f"{PRODUCT}.reden_wijziging", RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN)],
        ["CS336"],
        "CS336 true: reason 01",
    ),
    (
        JW301,
        [assign(f"{PRODUCT}.reden_wijziging", RedenWijziging.ADMINISTRATIEVE_CORRECTIE)],
        [],
        "CS336 false: reason 14",
    ),
    (JW301, [duplicate(PRODUCT, toewijzing_nummer=300299)], ["TR302"], "TR302 true: stacked"),
    (
        JW301,
        [
            duplicate(
                PRODUCT,
                toewijzing_nummer=300299,
                reden_wijziging=RedenWijziging.VERWIJDERD,
                einddatum=dt.date(2026, 5, 1),
            )
        ],
        [],
        "TR302 false: the other one is deleted",
    ),
    (
        JW301,
        [assign("client.relaties[0].contact.adres", None)],
        [],
        "TR006 false: telephone only",
    ),
    (
        JW301,
        [
            assign("client.relaties[0].contact.adres", None),
            assign("client.relaties[0].contact.telefoon", None),
        ],
        ["TR006"],
        "TR006 true: neither telephone nor address",
    ),
    (
        JW301,
        [assign("client.contactgegevens[0].soort", AdresSoort.TIJDELIJK_VERBLIJF)],
        ["TR061"],
        "TR061 true: only a temporary address",
    ),
    (JW301, [assign("client.relaties[0].soort", SoortRelatie.PARTNER)], ["OP002"], "OP002 true"),
    (
        JW301,
        [
            assign("client.relaties[0].soort", SoortRelatie.PARTNER),
            assign("client.geboortedatum", Geboortedatum(datum=dt.date(2008, 5, 4))),
        ],
        [],
        "OP002 false: eighteen today",
    ),
    (JW301, [assign("client.relaties[0].soort", SoortRelatie.VOOGD)], [], "OP002 false: guardian"),
    (JW301, [duplicate("client.relaties[0]")], ["OP071"], "OP071 true: same Relatie/Nummer"),
    (
        JW301,
        [
            assign(
                "header.xsd_versie",
                XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0"),
            )
        ],
        ["IV034"],
        "IV034 true: XSD version of the samples",
    ),
    # JW317 only
    (
        JW317,
        [
            assign("client.verzoek.ongewijzigde_producten", []),
            assign("client.verzoek.te_wijzigen_producten", []),
        ],
        ["TR352"],
        "TR352 true: only new products",
    ),
    (
        JW317,
        [
            assign("client.verzoek.nieuwe_producten", []),
            assign("client.verzoek.te_wijzigen_producten", []),
        ],
        ["TR353"],
        "TR353 true: only unchanged products",
    ),
    (
        JW317,
        [assign("client.verzoek.nieuwe_producten", [])],
        [],
        "TR352 and TR353 false: unchanged and changed",
    ),
    (
        JW317,
        [assign(f"{NEW}.gewenste_ingangsdatum", dt.date(2026, 5, 4))],
        ["TR380"],
        "TR380 true: new product starts on the message date",
    ),
    (
        JW317,
        [assign(f"{NEW}.gewenste_ingangsdatum", dt.date(2026, 5, 5))],
        [],
        "TR380 false: new product starts the day after",
    ),
    (
        JW317,
        [duplicate("client.verzoek.ongewijzigde_producten[0]", toewijzing_nummer=300201)],
        ["TR101"],
        "TR101 true: an allocation both unchanged and changed",
    ),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "expected"),
    [pytest.param(*case[:3], id=case[3]) for case in CASES],
)
def test_rule_case(message_type, changes, expected):
    assert rules_after(message_type, *changes) == sorted(expected)
