# SPDX-License-Identifier: EUPL-1.2
"""JW305 Start and JW307 Stop Jeugdhulp (and their retour copies JW306/JW308)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ijw.codelists import StatusAanlevering
from ijw.findings import Finding
from ijw.messages import JW305, JW306, JW307, JW308, StartProduct, StopProduct
from ijw.rules.catalogue import rule_finding
from ijw.rules.common import (
    NONE,
    birth_date_rules,
    bsn_rule,
    duplicates,
    item_paths,
    not_after_message_date,
)

ALLOWED_STATUS = frozenset({StatusAanlevering.EERSTE_AANLEVERING, StatusAanlevering.VERWIJDEREN})


def _key(product: StartProduct | StopProduct) -> tuple[object, ...]:
    """The logical key of a start or stop line (TR101)."""
    category = product.product.categorie if product.product else None
    code = product.product.code if product.product else None
    return (
        product.toewijzing_nummer,
        category,
        code,
        product.begindatum,
        product.status_aanlevering,
    )


def start_rules(message: JW305 | JW306) -> Iterator[Finding]:
    client = message.client
    if client is None:
        return
    base = f"/{message.message_type}/Client"
    dagtekening = message.header.dagtekening
    yield from bsn_rule(client.bsn, f"{base}/Bsn")
    yield from birth_date_rules(client.geboortedatum, dagtekening, f"{base}/Geboortedatum")
    products = client.start_producten
    paths = item_paths(f"{base}/StartProducten", "StartProduct", len(products))
    for product, path in zip(products, paths, strict=True):
        yield from _status_rule(product, path)
        yield from not_after_message_date(
            product.begindatum, dagtekening, f"{path}/Begindatum", "De begindatum"
        )
    yield from duplicates(
        [_key(product) for product in products], paths, "TR101", "Deze start (zelfde sleutel)"
    )


def stop_rules(message: JW307 | JW308) -> Iterator[Finding]:
    client = message.client
    if client is None:
        return
    base = f"/{message.message_type}/Client"
    dagtekening = message.header.dagtekening
    yield from bsn_rule(client.bsn, f"{base}/Bsn")
    yield from birth_date_rules(client.geboortedatum, dagtekening, f"{base}/Geboortedatum")
    products = client.stop_producten
    paths = item_paths(f"{base}/StopProducten", "StopProduct", len(products))
    for product, path in zip(products, paths, strict=True):
        yield from _status_rule(product, path)
        if product.einddatum < product.begindatum:
            yield rule_finding(
                "TR018",
                f"{path}/Einddatum",
                f"De einddatum {product.einddatum.isoformat()} ligt voor de begindatum "
                f"{product.begindatum.isoformat()}.",
            )
        yield from not_after_message_date(
            product.einddatum, dagtekening, f"{path}/Einddatum", "De einddatum"
        )
    yield from duplicates(
        [_key(product) for product in products], paths, "TR101", "Deze stop (zelfde sleutel)"
    )


def _status_rule(product: StartProduct | StopProduct, path: str) -> Sequence[Finding]:
    if product.status_aanlevering in ALLOWED_STATUS:
        return NONE
    return [
        rule_finding(
            "CS058",
            f"{path}/StatusAanlevering",
            f"StatusAanlevering {product.status_aanlevering.value} is niet toegestaan; gebruik 1 "
            "(eerste aanlevering) of 3 (verwijderen). Een correctie is verwijderen en opnieuw "
            "aanleveren.",
        )
    ]
