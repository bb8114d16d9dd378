# SPDX-License-Identifier: EUPL-1.2
"""JW301 (and the copy in JW302): obligations of the municipality when allocating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ijw.codelists import AdresSoort, RedenWijziging, SoortRelatie
from ijw.findings import Finding
from ijw.messages import JW301, JW302, ToegewezenProduct
from ijw.paths import step
from ijw.rules.catalogue import rule_finding
from ijw.rules.common import age_on, bsn_rule, duplicates, item_paths, overlaps
from ijw.rules.quantity import quantity_rules

RESIDENTIAL = frozenset({AdresSoort.BRP, AdresSoort.CORRESPONDENTIE, AdresSoort.VERBLIJF})
AUTHORITY = frozenset({SoortRelatie.OUDER, SoortRelatie.VOOGD})


def allocation_rules(message: JW301 | JW302) -> Iterator[Finding]:
    client = message.client
    if client is None:
        return
    base = f"/{message.message_type}/Client"
    dagtekening = message.header.dagtekening
    yield from bsn_rule(client.bsn, f"{base}/Bsn")

    relation_paths = item_paths(f"{base}/Relaties", "Relatie", len(client.relaties))
    for relatie, path in zip(client.relaties, relation_paths, strict=True):
        if relatie.contact.adres is None and relatie.contact.telefoon is None:
            yield rule_finding(
                "TR006",
                f"{path}/Contact",
                "Het contact van een relatie heeft geen telefoon of adres.",
            )
    yield from duplicates(
        [relatie.nummer for relatie in client.relaties],
        [f"{path}/Nummer" for path in relation_paths],
        "OP071",
        "Dit Relatie/Nummer",
    )
    if not any(contact.soort in RESIDENTIAL for contact in client.contactgegevens):
        yield rule_finding(
            "TR061",
            f"{base}/Contactgegevens",
            "De cliënt heeft geen BRP-, correspondentie- of verblijfadres (soort 01, 02 of 03).",
        )
    birth = client.geboortedatum
    if (
        not birth.onbekend
        and age_on(birth.datum, dagtekening) < 18
        and not any(relatie.soort in AUTHORITY for relatie in client.relaties)
    ):
        yield rule_finding(
            "OP002",
            f"{base}/Relaties" if client.relaties else base,
            "De jeugdige is minderjarig en er is geen ouder of voogd (Relatie soort 10 of 11) "
            "meegegeven; dat mag alleen als het verzoek om toewijzing de gezagsdrager al "
            "noemde (GezagsdragerBekend 1).",
        )

    products = client.toegewezen_producten
    paths = item_paths(f"{base}/ToegewezenProducten", "ToegewezenProduct", len(products))
    for product, path in zip(products, paths, strict=True):
        yield from quantity_rules(
            base=path,
            product=product.product,
            omvang=product.omvang,
            budget=product.budget,
            einddatum=product.einddatum,
            einddatum_name="Einddatum",
            aspecific_rule="CD080",
            unit_rule="CS338",
        )
        if (
            product.reden_wijziging == RedenWijziging.VERWIJDERD
            and product.einddatum != product.ingangsdatum
        ):
            yield rule_finding(
                "CS335",
                f"{path}/Einddatum",
                "Bij RedenWijziging 13 (verwijderd) is de Einddatum gelijk aan de Ingangsdatum.",
            )
        if product.reden_wijziging == RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN:
            yield rule_finding(
                "CS336",
                f"{path}/RedenWijziging",
                "RedenWijziging 01 is vervallen; gebruik 14 (administratieve correctie).",
            )
    yield from _stacked(products, paths)


def _stacked(products: list[ToegewezenProduct], paths: list[str]) -> Iterator[Finding]:
    """TR302: no two current allocations of the same product for overlapping periods."""
    seen: list[tuple[tuple[str, str | None], tuple[dt.date, dt.date | None], int]] = []
    for index, product in enumerate(products):
        if product.product is None or product.reden_wijziging == RedenWijziging.VERWIJDERD:
            continue
        key = (product.product.categorie, product.product.code)
        period = (product.ingangsdatum, product.einddatum)
        for other_key, other_period, other_index in seen:
            if other_key == key and overlaps(period, other_period):
                other = step("ToegewezenProduct", other_index, len(products))
                yield rule_finding(
                    "TR302",
                    paths[index],
                    f"Dit product overlapt met {other} "
                    "(gestapelde toewijzing van hetzelfde product).",
                )
                break
        seen.append((key, period, index))
