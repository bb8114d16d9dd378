# SPDX-License-Identifier: EUPL-1.2
"""Synthetic example messages of every type, built from Python objects.

Test data and documentation: each example is schema-valid and passes the in-message rules.
Identifiers are synthetic (BSNs from the 9999 test range, invented AGB codes).
"""

from __future__ import annotations

import datetime as dt

from ijw import codelists as cl
from ijw.datatypes import (
    Achternaam,
    Adres,
    BedragMetDC,
    BerichtIdentificatie,
    DeclaratieAntwoordHeader,
    Geboortedatum,
    GeslotenPeriode,
    Header,
    Huis,
    Omvang,
    Product,
    Referentie,
    RetourHeader,
    Telefoon,
    Telefoonnummers,
    TotaalBedragMetDC,
    VerkorteNaam,
    Verwijzer,
    VolledigeNaam,
)
from ijw.messages import (
    JW301,
    JW302,
    JW305,
    JW306,
    JW307,
    JW308,
    JW315,
    JW316,
    JW317,
    JW318,
    JW319,
    JW320,
    JW323,
    JW325,
    AangevraagdProduct,
    Antwoord,
    Contact,
    Declaratie,
    DeclaratieAntwoord,
    DeclaratieClient,
    Message,
    NieuwProduct,
    OngewijzigdProduct,
    Prestatie,
    Relatie,
    StartClient,
    StartProduct,
    StopClient,
    StopProduct,
    TeWijzigenProduct,
    ToegewezenProduct,
    ToewijzingClient,
    Verzoek,
    VerzoekClient,
    WijzigingClient,
)
from ijw.messagetypes import MessageType

GEMEENTE = "0384"
AANBIEDER = "42420001"
BSN = "999900006"
DAGTEKENING = dt.date(2026, 5, 4)


def synthetic_bsn(number: int) -> str:
    """The ``number``-th BSN of the 9999 test range that passes the eleven-test."""
    found = -1
    for candidate in range(999_900_000, 1_000_000_000):
        text = str(candidate)
        total = sum(
            int(digit) * weight
            for digit, weight in zip(text, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)
        )
        if total % 11 == 0:
            found += 1
            if found == number:
                return text
    raise ValueError(number)


def header(identificatie: str = "BER000000001", *, to_provider: bool = True) -> Header:
    afzender, ontvanger = (GEMEENTE, AANBIEDER) if to_provider else (AANBIEDER, GEMEENTE)
    return Header(
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=BerichtIdentificatie(
            identificatie=identificatie, dagtekening=DAGTEKENING
        ),
    )


def retour_header(primary: Header, *, codes: list[cl.RetourCode] | None = None) -> RetourHeader:
    return RetourHeader(
        afzender=primary.afzender,
        ontvanger=primary.ontvanger,
        bericht_identificatie=primary.bericht_identificatie,
        xsd_versie=primary.xsd_versie,
        identificatie_retour="RET000000001",
        dagtekening_retour=DAGTEKENING + dt.timedelta(days=1),
        retour_codes=codes or [],
    )


def _verkorte_naam() -> VerkorteNaam:
    return VerkorteNaam(
        geslachtsnaam=Achternaam(achternaam="Wit", voorvoegsel="de"),
        voornamen="Tom",
        voorletters="T",
    )


def _geboortedatum() -> Geboortedatum:
    return Geboortedatum(datum=dt.date(2012, 2, 14))


def jw301() -> JW301:
    adres = Adres(
        huis=Huis(huisnummer=9),
        postcode="9999XX",
        straatnaam="Kerklaan",
        plaatsnaam="Diemen",
        land_code=cl.LandCode.NL,
    )
    return JW301(
        header=header(),
        client=ToewijzingClient(
            bsn=BSN,
            geboortedatum=_geboortedatum(),
            geslacht=cl.Geslacht.MANNELIJK,
            naam=VolledigeNaam(
                geslachtsnaam=Achternaam(achternaam="Wit", voorvoegsel="de"),
                voornamen="Tom",
                voorletters="T",
                naam_gebruik=cl.NaamGebruik.EIGEN_NAAM,
            ),
            relaties=[
                Relatie(
                    nummer="1",
                    soort=cl.SoortRelatie.OUDER,
                    naam=VolledigeNaam(
                        geslachtsnaam=Achternaam(achternaam="Wit", voorvoegsel="de"),
                        voorletters="A",
                        naam_gebruik=cl.NaamGebruik.EIGEN_NAAM,
                    ),
                    contact=Contact(
                        soort=cl.AdresSoort.BRP,
                        adres=adres,
                        telefoon=Telefoonnummers(
                            telefoon01=Telefoon(telefoonnummer="0201234567", landnummer="0031")
                        ),
                    ),
                )
            ],
            contactgegevens=[Contact(soort=cl.AdresSoort.BRP, adres=adres)],
            toegewezen_producten=[
                ToegewezenProduct(
                    toewijzing_nummer=300201,
                    product=Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                    toewijzingsdatum=DAGTEKENING,
                    toewijzingstijd=dt.time(12, 34, 56),
                    ingangsdatum=dt.date(2026, 5, 1),
                    einddatum=dt.date(2026, 12, 31),
                    omvang=Omvang(
                        volume=2, eenheid=cl.Eenheid.UUR, frequentie=cl.Frequentie.PER_WEEK
                    ),
                ),
                ToegewezenProduct(
                    toewijzing_nummer=300202,
                    product=Product(categorie=cl.ProductCategorie.JEUGD_GGZ),
                    toewijzingsdatum=DAGTEKENING,
                    toewijzingstijd=dt.time(12, 34, 56),
                    ingangsdatum=dt.date(2026, 5, 1),
                    einddatum=dt.date(2026, 12, 31),
                    budget=250_000,
                ),
            ],
        ),
    )


def jw305() -> JW305:
    return JW305(
        header=header(to_provider=False),
        client=StartClient(
            bsn=BSN,
            geboortedatum=_geboortedatum(),
            geslacht=cl.Geslacht.MANNELIJK,
            naam=_verkorte_naam(),
            start_producten=[
                StartProduct(
                    toewijzing_nummer=300201,
                    product=Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                    toewijzing_ingangsdatum=dt.date(2026, 5, 1),
                    begindatum=dt.date(2026, 5, 4),
                    status_aanlevering=cl.StatusAanlevering.EERSTE_AANLEVERING,
                )
            ],
        ),
    )


def jw307() -> JW307:
    return JW307(
        header=header(to_provider=False),
        client=StopClient(
            bsn=BSN,
            geboortedatum=_geboortedatum(),
            geslacht=cl.Geslacht.MANNELIJK,
            naam=_verkorte_naam(),
            stop_producten=[
                StopProduct(
                    toewijzing_nummer=300201,
                    product=Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                    toewijzing_ingangsdatum=dt.date(2026, 5, 1),
                    begindatum=dt.date(2026, 5, 1),
                    reden_beeindiging=cl.RedenBeeindiging.VOLGENS_PLAN,
                    einddatum=dt.date(2026, 5, 2),
                    status_aanlevering=cl.StatusAanlevering.EERSTE_AANLEVERING,
                )
            ],
        ),
    )


def jw315() -> JW315:
    return JW315(
        header=header(to_provider=False),
        client=VerzoekClient(
            bsn=BSN,
            geboortedatum=_geboortedatum(),
            geslacht=cl.Geslacht.MANNELIJK,
            naam=_verkorte_naam(),
            gezagsdrager_bekend=cl.JaNee.JA,
            aangevraagde_producten=[
                AangevraagdProduct(
                    referentie_aanbieder="VOT-2026-0001",
                    product=Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                    toewijzing_ingangsdatum=dt.date(2026, 6, 1),
                    toewijzing_einddatum=dt.date(2026, 12, 31),
                    omvang=Omvang(
                        volume=8, eenheid=cl.Eenheid.UUR, frequentie=cl.Frequentie.PER_MAAND
                    ),
                    verwijzer=Verwijzer(
                        type=cl.TypeVerwijzer.HUISARTS, zorgverlener_code="01234567"
                    ),
                )
            ],
        ),
    )


def jw317() -> JW317:
    return JW317(
        header=header(to_provider=False),
        client=WijzigingClient(
            bsn=BSN,
            verzoek=Verzoek(
                referentie_aanbieder="VOW-2026-0001",
                reden_verzoek=cl.RedenVerzoek.WIJZIGING_ZORGPLAN,
                ongewijzigde_producten=[OngewijzigdProduct(toewijzing_nummer=300202)],
                te_wijzigen_producten=[
                    TeWijzigenProduct(
                        toewijzing_nummer=300201,
                        gewenste_ingangsdatum=dt.date(2026, 5, 1),
                        einddatum=dt.date(2027, 3, 31),
                        omvang=Omvang(
                            volume=2, eenheid=cl.Eenheid.UUR, frequentie=cl.Frequentie.PER_WEEK
                        ),
                    )
                ],
                nieuwe_producten=[
                    NieuwProduct(
                        product=Product(categorie=cl.ProductCategorie.DAGBEHANDELING, code="41A02"),
                        gewenste_ingangsdatum=dt.date(2026, 6, 1),
                        einddatum=dt.date(2026, 12, 31),
                        omvang=Omvang(
                            volume=10,
                            eenheid=cl.Eenheid.DAGDEEL,
                            frequentie=cl.Frequentie.PER_MAAND,
                        ),
                    )
                ],
            ),
        ),
    )


def jw319() -> JW319:
    return JW319(
        header=header(),
        antwoord=Antwoord(
            referentie_aanbieder="VOT-2026-0001",
            verzoek_antwoord=cl.VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=cl.RedenAfwijzingVerzoek.GEEN_CONTRACT,
        ),
    )


def _prestatie(
    reference: str,
    *,
    volume: int = 8,
    tariff: int = 9_500,
    toewijzing_nummer: int = 300201,
    code: str = "45A01",
) -> Prestatie:
    return Prestatie(
        product_referentie=Referentie(referentie_nummer=reference),
        toewijzing_nummer=toewijzing_nummer,
        product_categorie=cl.ProductCategorie(code[:2]),
        product_code=code,
        product_periode=GeslotenPeriode(
            begindatum=dt.date(2026, 5, 1), einddatum=dt.date(2026, 5, 31)
        ),
        geleverd_volume=volume,
        eenheid=cl.Eenheid.UUR,
        product_tarief=tariff,
        ingediend_bedrag=BedragMetDC(bedrag=volume * tariff, debet_credit=cl.DebetCredit.DEBET),
    )


def _second_line() -> Prestatie:
    return _prestatie(
        "PR2026050002", volume=1, tariff=12_000, toewijzing_nummer=300203, code="41A02"
    )


def jw323() -> JW323:
    lines = [_prestatie("PR2026050001"), _second_line()]
    total = sum(line.ingediend_bedrag.bedrag for line in lines)
    result = JW323(
        header=header(to_provider=False),
        declaratie=Declaratie(
            declaratie_nummer="D202605001",
            declaratie_periode=GeslotenPeriode(
                begindatum=dt.date(2026, 5, 1), einddatum=dt.date(2026, 5, 31)
            ),
            declaratie_dagtekening=dt.date(2026, 6, 2),
            totaal_ingediend_bedrag=TotaalBedragMetDC(
                totaal_bedrag=total, debet_credit=cl.DebetCredit.DEBET
            ),
            clienten=[DeclaratieClient(bsn=BSN, prestaties=lines)],
        ),
    )
    result.header.bericht_identificatie.dagtekening = dt.date(2026, 6, 2)
    return result


def jw325() -> JW325:
    declaration = jw323()
    rejected = _second_line()
    rejected.retour_codes = [cl.RetourCode.C0611]
    total = declaration.declaratie.totaal_ingediend_bedrag
    return JW325(
        header=DeclaratieAntwoordHeader(
            afzender=GEMEENTE,
            ontvanger=AANBIEDER,
            bericht_identificatie=BerichtIdentificatie(
                identificatie="ANT000000001", dagtekening=dt.date(2026, 6, 9)
            ),
            declaratie_identificatie=declaration.header.bericht_identificatie,
            xsd_versie_declaratie=declaration.header.xsd_versie,
            retour_codes=[cl.RetourCode.GEEN_OPMERKING],
        ),
        declaratie_antwoord=DeclaratieAntwoord(
            declaratie_nummer=declaration.declaratie.declaratie_nummer,
            totaal_ingediend_bedrag=total,
            totaal_toegekend_bedrag=TotaalBedragMetDC(
                totaal_bedrag=total.totaal_bedrag - 12_000, debet_credit=cl.DebetCredit.DEBET
            ),
            clienten=[
                DeclaratieClient(
                    bsn=BSN, prestaties=[rejected], retour_codes=[cl.RetourCode.GEEN_OPMERKING]
                )
            ],
            retour_codes=[cl.RetourCode.GEEN_OPMERKING],
        ),
    )


def _accepted_retour(primary: Message, retour_type: type[Message]) -> Message:
    """The retour of a primary message without findings: header only, no RetourCodes."""
    return retour_type(header=retour_header(primary.header))  # type: ignore[call-arg]


EXAMPLES = {
    MessageType.JW301: jw301,
    MessageType.JW302: lambda: _accepted_retour(jw301(), JW302),
    MessageType.JW305: jw305,
    MessageType.JW306: lambda: _accepted_retour(jw305(), JW306),
    MessageType.JW307: jw307,
    MessageType.JW308: lambda: _accepted_retour(jw307(), JW308),
    MessageType.JW315: jw315,
    MessageType.JW316: lambda: _accepted_retour(jw315(), JW316),
    MessageType.JW317: jw317,
    MessageType.JW318: lambda: _accepted_retour(jw317(), JW318),
    MessageType.JW319: jw319,
    MessageType.JW320: lambda: _accepted_retour(jw319(), JW320),
    MessageType.JW323: jw323,
    MessageType.JW325: jw325,
}


def example(message_type: MessageType) -> Message:
    """A fresh, valid example message of ``message_type``."""
    return EXAMPLES[message_type]()
