# SPDX-License-Identifier: EUPL-1.2
"""Rebuilding a provider's ledger and changing a ceiling lock only their own rows.

The ledger's and the ceiling's model ordering join the region and the provider; a plain
``SELECT … FOR UPDATE`` over that join locked the region's row (and the provider's) until
the transaction ended. Every message of every provider refers to the region, so a parallel
message import stood still on it, and deadlocked with the audit log's lock (seen in the
import benchmark: one second lost per deadlock). Here a second connection asks for the
lock a foreign-key check takes (``FOR KEY SHARE``) on those rows while the first still holds
its transaction: it must get it at once.
"""

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import OperationalError, connection, connections, transaction

from jeugdregie.budgets.ledger import ledger_store
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.testing.factories import World

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks between connections: PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

YEAR = 2025


def _key_share_at_once(table: str, pk: int) -> bool:
    """From another connection: may a foreign-key check lock this row now?"""
    outcome: list[bool] = []

    def attempt() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT id FROM {table} WHERE id = %s FOR KEY SHARE NOWAIT",  # noqa: S608
                    [pk],
                )
            outcome.append(True)
        except OperationalError:
            outcome.append(False)
        finally:
            connections.close_all()

    thread = threading.Thread(target=attempt)
    thread.start()
    thread.join()
    return outcome == [True]


def _while_held(work: Callable[[], object], world: World) -> dict[str, bool]:
    with transaction.atomic():
        work()
        return {
            "region": _key_share_at_once("regions_region", world.region.pk),
            "provider": _key_share_at_once("contracting_provider", world.provider.pk),
        }


def test_rebuilding_one_providers_ledger_leaves_the_region_and_provider_free(world: World):
    ceiling_set(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=YEAR,
        amount=Decimal("100000.00"),
        reason="Plafond volgens contract",
    )

    free = _while_held(
        lambda: ledger_store(
            region=world.region, on=dt.date(YEAR, 6, 1), provider_id=world.provider.pk
        ),
        world,
    )

    assert free == {"region": True, "provider": True}


def test_changing_a_ceiling_leaves_the_region_and_provider_free(world: World):
    def change(amount: str) -> None:
        ceiling_set(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=YEAR,
            amount=Decimal(amount),
            reason="Plafond bijgesteld",
        )

    change("100000.00")

    assert _while_held(lambda: change("90000.00"), world) == {"region": True, "provider": True}
