# SPDX-License-Identifier: EUPL-1.2
"""Provider messages for the tests, built from Python objects (synthetic people only)."""

import datetime as dt

import ijw
from ijw import codelists as cl

GEMEENTE = "0505"  # Dordrecht in the test world


def header(provider_agb: str, identificatie: str, dagtekening: dt.date) -> ijw.Header:
    return ijw.Header(
        afzender=provider_agb,
        ontvanger=GEMEENTE,
        bericht_identificatie=ijw.BerichtIdentificatie(
            identificatie=identificatie, dagtekening=dagtekening
        ),
    )


def _naam() -> ijw.VerkorteNaam:
    return ijw.VerkorteNaam(
        geslachtsnaam=ijw.Achternaam(achternaam="Vries", voorvoegsel="de"), voornamen="Sam"
    )


def jw315(
    agb: str,
    identificatie: str,
    *,
    bsn: str,
    day: dt.date,
    reference: str,
    start: dt.date,
    end: dt.date,
    code: str = "45A01",
    volume: int = 10,
) -> bytes:
    return ijw.build(
        ijw.JW315(
            header=header(agb, identificatie, day),
            client=ijw.VerzoekClient(
                bsn=bsn,
                geboortedatum=ijw.Geboortedatum(datum=dt.date(2014, 4, 1)),
                geslacht=cl.Geslacht.VROUWELIJK,
                naam=_naam(),
                gezagsdrager_bekend=cl.JaNee.JA,
                aangevraagde_producten=[
                    ijw.AangevraagdProduct(
                        referentie_aanbieder=reference,
                        product=ijw.Product(categorie=cl.ProductCategorie(code[:2]), code=code),
                        toewijzing_ingangsdatum=start,
                        toewijzing_einddatum=end,
                        omvang=ijw.Omvang(
                            volume=volume,
                            eenheid=cl.Eenheid.UUR,
                            frequentie=cl.Frequentie.PER_MAAND,
                        ),
                        verwijzer=ijw.Verwijzer(
                            type=cl.TypeVerwijzer.HUISARTS, zorgverlener_code="01234567"
                        ),
                    )
                ],
            ),
        )
    )


def jw302(jw301: bytes, identificatie: str, day: dt.date) -> bytes:
    message, findings = ijw.parse(jw301)
    assert isinstance(message, ijw.JW301), findings
    h = message.header
    return ijw.build(
        ijw.JW302(
            header=ijw.RetourHeader(
                afzender=h.afzender,
                ontvanger=h.ontvanger,
                bericht_identificatie=h.bericht_identificatie,
                xsd_versie=h.xsd_versie,
                identificatie_retour=identificatie,
                dagtekening_retour=day,
            )
        )
    )


def jw305(
    agb: str,
    identificatie: str,
    *,
    bsn: str,
    day: dt.date,
    number: int,
    allocation_start: dt.date,
    start: dt.date,
    status: str = "1",
) -> bytes:
    return ijw.build(
        ijw.JW305(
            header=header(agb, identificatie, day),
            client=ijw.StartClient(
                bsn=bsn,
                geboortedatum=ijw.Geboortedatum(datum=dt.date(2014, 4, 1)),
                geslacht=cl.Geslacht.VROUWELIJK,
                naam=_naam(),
                start_producten=[
                    ijw.StartProduct(
                        toewijzing_nummer=number,
                        product=ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                        toewijzing_ingangsdatum=allocation_start,
                        begindatum=start,
                        status_aanlevering=cl.StatusAanlevering(status),
                    )
                ],
            ),
        )
    )


def jw307(
    agb: str,
    identificatie: str,
    *,
    bsn: str,
    day: dt.date,
    number: int,
    allocation_start: dt.date,
    start: dt.date,
    end: dt.date,
    reason: str = cl.RedenBeeindiging.VOLGENS_PLAN,
    status: str = cl.StatusAanlevering.EERSTE_AANLEVERING,
) -> bytes:
    """A stop; ``reason`` 20 is a temporary stop, ``status`` 3 withdraws an earlier stop."""
    return ijw.build(
        ijw.JW307(
            header=header(agb, identificatie, day),
            client=ijw.StopClient(
                bsn=bsn,
                geboortedatum=ijw.Geboortedatum(datum=dt.date(2014, 4, 1)),
                geslacht=cl.Geslacht.VROUWELIJK,
                naam=_naam(),
                stop_producten=[
                    ijw.StopProduct(
                        toewijzing_nummer=number,
                        product=ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code="45A01"),
                        toewijzing_ingangsdatum=allocation_start,
                        begindatum=start,
                        reden_beeindiging=cl.RedenBeeindiging(reason),
                        einddatum=end,
                        status_aanlevering=cl.StatusAanlevering(status),
                    )
                ],
            ),
        )
    )


def line(reference: str, *, number: int, month: dt.date, volume: int, tariff: int) -> ijw.Prestatie:
    last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return ijw.Prestatie(
        product_referentie=ijw.Referentie(referentie_nummer=reference),
        toewijzing_nummer=number,
        product_categorie=cl.ProductCategorie.AMBULANT,
        product_code="45A01",
        product_periode=ijw.GeslotenPeriode(begindatum=month, einddatum=last),
        geleverd_volume=volume,
        eenheid=cl.Eenheid.UUR,
        product_tarief=tariff,
        ingediend_bedrag=ijw.BedragMetDC(bedrag=volume * tariff, debet_credit=cl.DebetCredit.DEBET),
    )


def jw323(
    agb: str,
    identificatie: str,
    *,
    day: dt.date,
    number: str,
    month: dt.date,
    clients: list[tuple[str, list[ijw.Prestatie]]],
) -> bytes:
    last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    total = sum(p.ingediend_bedrag.bedrag for _bsn, lines in clients for p in lines)
    return ijw.build(
        ijw.JW323(
            header=header(agb, identificatie, day),
            declaratie=ijw.Declaratie(
                declaratie_nummer=number,
                declaratie_periode=ijw.GeslotenPeriode(begindatum=month, einddatum=last),
                declaratie_dagtekening=day,
                totaal_ingediend_bedrag=ijw.TotaalBedragMetDC(
                    totaal_bedrag=total, debet_credit=cl.DebetCredit.DEBET
                ),
                clienten=[
                    ijw.DeclaratieClient(bsn=bsn, prestaties=lines) for bsn, lines in clients
                ],
            ),
        )
    )


def jw317(
    agb: str,
    identificatie: str,
    *,
    bsn: str,
    day: dt.date,
    reference: str,
    unchanged: list[int] | None = None,
    changed: list[tuple[int, dt.date, dt.date | None, int]] | None = None,
) -> bytes:
    """A request for change: ``changed`` holds (number, desired start, end, hours a month)."""
    return ijw.build(
        ijw.JW317(
            header=header(agb, identificatie, day),
            client=ijw.WijzigingClient(
                bsn=bsn,
                verzoek=ijw.Verzoek(
                    referentie_aanbieder=reference,
                    reden_verzoek=cl.RedenVerzoek.WIJZIGING_ZORGPLAN,
                    ongewijzigde_producten=[
                        ijw.OngewijzigdProduct(toewijzing_nummer=n) for n in unchanged or []
                    ],
                    te_wijzigen_producten=[
                        ijw.TeWijzigenProduct(
                            toewijzing_nummer=number,
                            gewenste_ingangsdatum=start,
                            einddatum=end,
                            omvang=ijw.Omvang(
                                volume=volume,
                                eenheid=cl.Eenheid.UUR,
                                frequentie=cl.Frequentie.PER_MAAND,
                            ),
                        )
                        for number, start, end, volume in changed or []
                    ],
                ),
            ),
        )
    )
