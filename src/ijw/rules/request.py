# SPDX-License-Identifier: EUPL-1.2
"""JW315 Verzoek om toewijzing and JW317 Verzoek om wijziging (and their retour copies)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from ijw.codelists import TypeVerwijzer
from ijw.datatypes import Omvang, Product, Verwijzer
from ijw.findings import Finding
from ijw.messages import JW315, JW316, JW317, JW318, AangevraagdProduct, NieuwProduct
from ijw.paths import step
from ijw.rules.catalogue import rule_finding
from ijw.rules.common import birth_date_rules, bsn_rule, duplicates, item_paths, overlaps
from ijw.rules.quantity import UNKNOWN_PRODUCT, quantity_rules

# Referrers identified by an AGB code (CD066-CD068).
CARE_PROVIDERS = frozenset(
    {
        TypeVerwijzer.HUISARTS,
        TypeVerwijzer.JEUGDARTS,
        TypeVerwijzer.GECERTIFICEERDE_INSTELLING,
        TypeVerwijzer.MEDISCH_SPECIALIST,
    }
)


def _product_key(product: Product | None) -> tuple[object, ...] | None:
    return None if product is None else (product.categorie, product.code)


def _omvang_key(omvang: Omvang | None) -> tuple[object, ...] | None:
    return None if omvang is None else (omvang.volume, omvang.eenheid, omvang.frequentie)


def _request_key(line: AangevraagdProduct) -> tuple[object, ...]:
    """A requested product's content (without return codes), for TR101."""
    verwijzer = line.verwijzer
    return (
        line.referentie_aanbieder,
        line.beschikking_nummer,
        _product_key(line.product),
        line.beschikking_ingangsdatum,
        line.toewijzing_ingangsdatum,
        line.toewijzing_einddatum,
        _omvang_key(line.omvang),
        line.budget,
        (verwijzer.type, verwijzer.naam, verwijzer.zorgverlener_code),
        line.raamcontract,
        line.commentaar,
    )


def _new_product_key(line: NieuwProduct) -> tuple[object, ...]:
    return (
        _product_key(line.product),
        line.gewenste_ingangsdatum,
        line.einddatum,
        _omvang_key(line.omvang),
        line.budget,
    )


def request_for_allocation_rules(message: JW315 | JW316) -> Iterator[Finding]:
    client = message.client
    if client is None:
        return
    base = f"/{message.message_type}/Client"
    yield from bsn_rule(client.bsn, f"{base}/Bsn")
    yield from birth_date_rules(
        client.geboortedatum, message.header.dagtekening, f"{base}/Geboortedatum"
    )
    products = client.aangevraagde_producten
    paths = item_paths(f"{base}/AangevraagdeProducten", "AangevraagdProduct", len(products))
    for product, path in zip(products, paths, strict=True):
        yield from quantity_rules(
            base=path,
            product=product.product,
            omvang=product.omvang,
            budget=product.budget,
            einddatum=product.toewijzing_einddatum,
            einddatum_name="ToewijzingEinddatum",
            aspecific_rule="CD095",
            unit_rule="CS343",
        )
        yield from _referrer_rules(product.verwijzer, f"{path}/Verwijzer")
    yield from duplicates(
        [_request_key(product) for product in products],
        paths,
        "TR101",
        "Dit aangevraagde product (met dezelfde gegevens)",
    )
    yield from duplicates(
        [product.referentie_aanbieder for product in products],
        [f"{path}/ReferentieAanbieder" for path in paths],
        "TR383",
        f"ReferentieAanbieder {_quoted(products)}",
        "elk aangevraagd product heeft een eigen ReferentieAanbieder",
    )
    yield from _overlapping_requests(products, paths)


def _quoted(products: list[AangevraagdProduct]) -> str:
    references = [product.referentie_aanbieder for product in products]
    repeated = [ref for index, ref in enumerate(references) if ref in references[:index]]
    return f"'{repeated[0]}'" if repeated else ""


def _referrer_rules(verwijzer: Verwijzer, path: str) -> Sequence[Finding]:
    found: list[Finding] = []
    if verwijzer.type in CARE_PROVIDERS:
        if verwijzer.zorgverlener_code is not None and verwijzer.naam is not None:
            found.append(
                rule_finding(
                    "CD066",
                    f"{path}/Naam",
                    f"Verwijzer type {verwijzer.type.value} met ZorgverlenerCode: laat Naam leeg.",
                )
            )
        if verwijzer.zorgverlener_code is None and verwijzer.naam is None:
            found.append(
                rule_finding(
                    "CD067",
                    f"{path}/Naam",
                    f"Verwijzer type {verwijzer.type.value} zonder ZorgverlenerCode: vul de Naam.",
                )
            )
    elif verwijzer.zorgverlener_code is not None:
        found.append(
            rule_finding(
                "CD068",
                f"{path}/ZorgverlenerCode",
                f"Verwijzer type {verwijzer.type.value} heeft geen ZorgverlenerCode; "
                "laat die leeg.",
            )
        )
    return found


def _overlapping_requests(
    products: list[AangevraagdProduct], paths: list[str]
) -> Iterator[Finding]:
    """TR386: the same product is not requested twice for overlapping periods."""
    seen: list[tuple[object, tuple[dt.date, dt.date | None], int]] = []
    for index, product in enumerate(products):
        key = (product.product.categorie, product.product.code) if product.product else None
        period = (product.toewijzing_ingangsdatum, product.toewijzing_einddatum)
        for other_key, other_period, other_index in seen:
            if other_key == key and overlaps(period, other_period):
                yield rule_finding(
                    "TR386",
                    paths[index],
                    "Hetzelfde product wordt al gevraagd in "
                    f"{step('AangevraagdProduct', other_index, len(products))} voor een "
                    "overlappende periode.",
                )
                break
        seen.append((key, period, index))


def request_for_change_rules(message: JW317 | JW318) -> Iterator[Finding]:
    client = message.client
    if client is None:
        return
    base = f"/{message.message_type}/Client"
    yield from bsn_rule(client.bsn, f"{base}/Bsn")
    verzoek = client.verzoek
    where = f"{base}/Verzoek"
    if not verzoek.ongewijzigde_producten and not verzoek.te_wijzigen_producten:
        yield rule_finding(
            "TR352",
            where,
            "Een verzoek om wijziging noemt minstens één OngewijzigdProduct of "
            "TeWijzigenProduct (de huidige toewijzingen).",
        )
    if not verzoek.te_wijzigen_producten and not verzoek.nieuwe_producten:
        yield rule_finding(
            "TR353",
            where,
            "Een verzoek om wijziging bevat minstens één TeWijzigenProduct of NieuwProduct.",
        )
    unchanged = item_paths(
        f"{where}/OngewijzigdeProducten", "OngewijzigdProduct", len(verzoek.ongewijzigde_producten)
    )
    changed = item_paths(
        f"{where}/TeWijzigenProducten", "TeWijzigenProduct", len(verzoek.te_wijzigen_producten)
    )
    new = item_paths(f"{where}/NieuweProducten", "NieuwProduct", len(verzoek.nieuwe_producten))
    numbers = [product.toewijzing_nummer for product in verzoek.ongewijzigde_producten] + [
        product.toewijzing_nummer for product in verzoek.te_wijzigen_producten
    ]
    yield from duplicates(
        numbers,
        [f"{path}/ToewijzingNummer" for path in unchanged + changed],
        "TR101",
        "Dit ToewijzingNummer",
    )
    yield from duplicates(
        [_new_product_key(product) for product in verzoek.nieuwe_producten],
        new,
        "TR101",
        "Dit nieuwe product (met dezelfde gegevens)",
    )
    for product, path in zip(verzoek.te_wijzigen_producten, changed, strict=True):
        yield from quantity_rules(
            base=path,
            product=UNKNOWN_PRODUCT,
            omvang=product.omvang,
            budget=product.budget,
            einddatum=product.einddatum,
            einddatum_name="Einddatum",
            aspecific_rule="CD096",
            unit_rule="CS338",
        )
    dagtekening = message.header.dagtekening
    for nieuw, path in zip(verzoek.nieuwe_producten, new, strict=True):
        yield from quantity_rules(
            base=path,
            product=nieuw.product,
            omvang=nieuw.omvang,
            budget=nieuw.budget,
            einddatum=nieuw.einddatum,
            einddatum_name="Einddatum",
            aspecific_rule="CD096",
            unit_rule="CS338",
        )
        if nieuw.gewenste_ingangsdatum <= dagtekening:
            yield rule_finding(
                "TR380",
                f"{path}/GewensteIngangsdatum",
                f"De gewenste ingangsdatum {nieuw.gewenste_ingangsdatum.isoformat()} van een "
                f"nieuw product ligt niet na de dagtekening ({dagtekening.isoformat()}).",
            )
