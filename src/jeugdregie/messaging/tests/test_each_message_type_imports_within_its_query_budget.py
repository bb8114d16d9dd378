# SPDX-License-Identifier: EUPL-1.2
"""Each message type imports within its query budget (PostgreSQL).

A valid message of each type with 10 lines (products, starts, stops, changes, declaration
lines) is imported through ``files_import`` as ``jeugdregie ijw_import`` runs it, and the
statements it sends are counted. The budgets are absolute: a change in the pipeline that
adds a query shows here, and the number is then updated consciously (say why in the
commit). They count the whole import of one file: the reads an import run does once
(was the file imported before, the sender and receiver, the catalogue, the contract
periods, the tariffs, the auto-approval setting), the message's own work and its retour,
savepoints included; not the reservation of a block of 100 ids (``_ids_at_hand``).

PostgreSQL only: it reserves the ids of the inbox and outbox rows from the sequences (one
INSERT per row) where SQLite writes a row and updates it, so the numbers differ, and
PostgreSQL is what a region runs.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import delivery_start
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.models import Product
from jeugdregie.core import ids
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services.imports import files_import
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.factories import ProductFactory, TariffFactory, World, synthetic_test_bsn
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query budgets are PostgreSQL's (ids reserved from sequences; SQLite differs)",
    ),
]

DAY = dt.date(2025, 3, 3)
START, END = dt.date(2025, 2, 1), dt.date(2025, 7, 31)
FEBRUARY_END = dt.date(2025, 2, 28)
TARIFF = 10_000  # € 100.00 an hour, in cents: the world's contract tariff
BSN = synthetic_test_bsn(40)  # a youth of Dordrecht with allocations at the world's provider
NEW_BSN = synthetic_test_bsn(41)  # nobody yet

# Update a number only on purpose, with the reason in the commit message.
BUDGETS = {
    "JW315": 30,
    "JW317": 14,
    "JW305": 43,
    "JW307": 43,
    "JW323": 20,
}


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _products(world: World, count: int) -> list[Product]:
    """``count`` products of the world's lot (45A02, 45A03, …), each with the tariff."""
    products = []
    for index in range(count):
        product = ProductFactory.create(
            region=world.region,
            lot=world.lot,
            category=world.product.category,
            code=f"45A{index + 2:02d}",
        )
        TariffFactory.create(product=product, valid_from=dt.date(2024, 1, 1))
        products.append(product)
    return products


def _allocations(world: World, count: int, *, delivered: bool) -> list[Allocation]:
    """A youth with ``count`` allocations at the world's provider, one per product."""
    youth = youth_create(
        actor=None,
        bsn=BSN,
        given_name="Eva",
        family_name="Mulder",
        birth_date=dt.date(2013, 5, 1),
        municipality=world.dordrecht,
    )
    allocations = []
    for product in _products(world, count):
        allocation = allocation_grant(
            actor=None,
            youth=youth,
            provider=world.provider,
            product=product,
            start=START,
            end=END,
            volume=40,
            frequency=Frequency.TOTAL,
        )
        if delivered:
            delivery_start(actor=None, allocation=allocation, start=START)
        allocations.append(allocation)
    return allocations


def _product(allocation: Allocation) -> ijw.Product:
    return ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code=allocation.product.code)


def jw315(world: World, lines: int) -> bytes:
    message = ijw.parse(
        m.jw315(
            world.provider.agb_code,
            "VOT1",
            bsn=NEW_BSN,
            day=DAY,
            reference="VOT-0",
            start=START,
            end=END,
        )
    )[0]
    assert isinstance(message, ijw.JW315)
    (template,) = message.client.aangevraagde_producten
    message.client.aangevraagde_producten = [
        replace(
            template,
            referentie_aanbieder=f"VOT-{index}",
            product=ijw.Product(categorie=cl.ProductCategorie.AMBULANT, code=product.code),
        )
        for index, product in enumerate(_products(world, lines), start=1)
    ]
    return ijw.build(message)


def jw317(world: World, lines: int) -> bytes:
    allocations = _allocations(world, lines, delivered=True)
    return m.jw317(
        world.provider.agb_code,
        "VOW1",
        bsn=BSN,
        day=DAY,
        reference="VOW-1",
        changed=[(int(allocation.number), START, END, 20) for allocation in allocations],
    )


def jw305(world: World, lines: int) -> bytes:
    allocations = _allocations(world, lines, delivered=False)
    message = ijw.parse(
        m.jw305(
            world.provider.agb_code,
            "START1",
            bsn=BSN,
            day=DAY,
            number=int(allocations[0].number),
            allocation_start=START,
            start=START,
        )
    )[0]
    assert isinstance(message, ijw.JW305)
    (template,) = message.client.start_producten
    message.client.start_producten = [
        ijw.StartProduct(
            toewijzing_nummer=int(allocation.number),
            product=_product(allocation),
            toewijzing_ingangsdatum=START,
            begindatum=START,
            status_aanlevering=template.status_aanlevering,
        )
        for allocation in allocations
    ]
    return ijw.build(message)


def jw307(world: World, lines: int) -> bytes:
    allocations = _allocations(world, lines, delivered=True)
    message = ijw.parse(
        m.jw307(
            world.provider.agb_code,
            "STOP1",
            bsn=BSN,
            day=DAY,
            number=int(allocations[0].number),
            allocation_start=START,
            start=START,
            end=FEBRUARY_END,
        )
    )[0]
    assert isinstance(message, ijw.JW307)
    (template,) = message.client.stop_producten
    message.client.stop_producten = [
        ijw.StopProduct(
            toewijzing_nummer=int(allocation.number),
            product=_product(allocation),
            toewijzing_ingangsdatum=START,
            begindatum=START,
            reden_beeindiging=template.reden_beeindiging,
            einddatum=FEBRUARY_END,
            status_aanlevering=template.status_aanlevering,
        )
        for allocation in allocations
    ]
    return ijw.build(message)


def jw323(world: World, lines: int) -> bytes:
    allocations = _allocations(world, lines, delivered=True)
    prestaties = []
    for index, allocation in enumerate(allocations, start=1):
        line = m.line(
            f"R{index}", number=int(allocation.number), month=START, volume=2, tariff=TARIFF
        )
        line.product_code = allocation.product.code
        prestaties.append(line)
    return m.jw323(
        world.provider.agb_code,
        "DECL1",
        day=DAY,
        number="D1",
        month=START,
        clients=[(BSN, prestaties)],
    )


BUILDERS = {"JW315": jw315, "JW317": jw317, "JW305": jw305, "JW307": jw307, "JW323": jw323}


def _ids_at_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids of inbox and outbox rows are reserved from the sequences 100 at a time
    (``core.ids``): start with fresh blocks, so that the message measured never pays for one
    (whichever test ran before in this process), as 99 of 100 messages of an import."""
    monkeypatch.setattr(ids, "_reserved", {})
    for model in (InboxMessage, OutboxMessage):
        ids.reserved_pk(model)


def queries_to_import(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_type: str, lines: int
) -> int:
    """Build a valid ``message_type`` with ``lines`` lines, import it, count the queries."""
    path = tmp_path / f"{message_type}-{lines}.xml"
    path.write_bytes(BUILDERS[message_type](world, lines))
    _ids_at_hand(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        (result,) = files_import([path])
    assert result["outcome"] == InboxStatus.ACCEPTED, result
    return len(queries.captured_queries)


@pytest.mark.parametrize("message_type", list(BUDGETS))
def test_a_message_of_10_lines_stays_within_its_budget(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_type: str
) -> None:
    assert (
        queries_to_import(world, tmp_path, monkeypatch, message_type, 10) == (BUDGETS[message_type])
    )


def test_a_declaration_costs_the_same_for_10_and_20_lines(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A declaration reads what it needs for all its lines at once and writes them in one
    insert: more lines, no more queries."""
    assert queries_to_import(world, tmp_path, monkeypatch, "JW323", 20) == BUDGETS["JW323"]
