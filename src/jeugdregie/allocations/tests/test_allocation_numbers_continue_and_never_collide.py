# SPDX-License-Identifier: EUPL-1.2
"""Allocation numbers come from a locked counter per municipality: the numbering continues
after the numbers already written (also after an import with its own numbers and after the
migration that creates the counters), and two creators at the same moment on PostgreSQL get
consecutive numbers instead of the same one."""

import datetime as dt
import importlib
import threading
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, connections, transaction

from jeugdregie.allocations.models import Allocation, AllocationNumberCounter
from jeugdregie.contracting.constants import Frequency
from jeugdregie.regions.models import Municipality
from jeugdregie.testing.factories import World
from jeugdregie.workflows.allocations import allocation_grant

MIGRATION = (
    "jeugdregie.allocations.migrations.0005_allocation_number_counters_from_existing_numbers"
)


def _create(world: World, number: str | None = None) -> Allocation:
    return allocation_grant(
        actor=None,
        youth=world.youth["anna"],
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 9, 1),
        volume=5,
        frequency=Frequency.TOTAL,
        number=number,
    )


def _numbers(municipality: Municipality) -> list[int]:
    return sorted(int(n) for n in municipality.allocations.values_list("number", flat=True))


@pytest.mark.django_db
def test_numbering_continues_after_the_highest_existing_number(world):
    dordrecht = world.youth["anna"].municipality
    before = _numbers(dordrecht)
    assert before  # the world already holds allocations in this municipality

    first = _create(world)
    imported = _create(world, number="2500123")  # the masterdata import keeps its numbers
    after_import = _create(world)

    assert int(first.number) == before[-1] + 1
    assert imported.number == "2500123"
    assert after_import.number == "2500124"
    assert AllocationNumberCounter.objects.get(municipality=dordrecht).last_number == 2500124
    assert int(_create(world, number="7").number) == 7  # a lower given number leaves it alone
    assert _create(world).number == "2500125"


@pytest.mark.django_db
def test_a_missing_counter_starts_at_the_highest_number_written_in_bulk(world):
    Allocation.objects.filter(pk=world.allocations["anna"].pk).update(number="00000900")
    AllocationNumberCounter.objects.all().delete()  # as after a bulk write without services

    assert _create(world).number == "901"  # numeric maximum, not the text maximum


@pytest.mark.django_db
def test_the_migration_sets_each_counter_to_its_municipalitys_highest_number(world):
    Allocation.objects.filter(pk=world.allocations["anna"].pk).update(number="41")
    expected = {
        m.pk: max(_numbers(m)) for m in Municipality.objects.filter(allocations__isnull=False)
    }
    AllocationNumberCounter.objects.all().delete()

    migration: Any = importlib.import_module(MIGRATION)
    migration.counters_from_existing_numbers(apps, None)

    counters = dict(AllocationNumberCounter.objects.values_list("municipality_id", "last_number"))
    assert counters == expected
    assert len(counters) >= 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent creators need row locks: PostgreSQL"
)
@pytest.mark.parametrize("counter_exists", [True, False], ids=["counter", "first-use"])
@pytest.mark.django_db(transaction=True)
def test_a_second_creator_waits_for_the_first_and_takes_the_next_number(world, counter_exists):
    dordrecht = world.youth["anna"].municipality
    if not counter_exists:
        AllocationNumberCounter.objects.all().delete()
    highest = _numbers(dordrecht)[-1]
    first_has_its_number = threading.Event()
    numbers: dict[str, str] = {}
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                numbers["first"] = _create(world).number
                first_has_its_number.set()
                threading.Event().wait(0.5)  # still uncommitted while the second one starts
        except BaseException as error:
            errors.append(error)
        finally:
            first_has_its_number.set()
            connections.close_all()

    def second() -> None:
        try:
            first_has_its_number.wait(10)
            numbers["second"] = _create(world).number
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert numbers == {"first": str(highest + 1), "second": str(highest + 2)}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent creators need row locks: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_creators_at_once_get_distinct_consecutive_numbers(world):
    dordrecht = world.youth["anna"].municipality
    highest = _numbers(dordrecht)[-1]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def create_ten() -> None:
        try:
            start.wait(10)
            for _ in range(10):
                _create(world)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create_ten) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert _numbers(dordrecht)[-20:] == list(range(highest + 1, highest + 21))
    assert AllocationNumberCounter.objects.get(municipality=dordrecht).last_number == highest + 20
