# SPDX-License-Identifier: EUPL-1.2
"""The nee-tenzij exclusion of the ledger has one definition (issue 12): care granted under
a nee-tenzij exception is apart from the ceiling. The query (``COUNTS_FOR_CEILING``, used by
the full ledger and the monthly series) and the Python path (``realisation_counts_for_ceiling``
in the incremental booking, ``allocation_apart`` in pricing) agree on every case."""

import datetime as dt

import pytest

from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.constants import ExceptionStatus, RealisationSource
from jeugdregie.budgets.ledger import (
    ALLOCATION_FIELDS,
    COUNTS_FOR_CEILING,
    priced_rows,
    realisation_counts_for_ceiling,
)
from jeugdregie.budgets.models import CeilingException, Realisation
from jeugdregie.budgets.services import realisation_book
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.selectors import tariff_book
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db

# (case, how the line is booked, counts for the ceiling)
CASES = [
    ("imported, no allocation", "none", True),
    ("declared on an ordinary allocation", "ordinary", True),
    ("credit on an ordinary allocation", "ordinary-credit", True),
    ("declared on nee-tenzij care", "apart", False),
    ("credit on nee-tenzij care", "apart-credit", False),
]


@pytest.fixture
def allocations(world) -> dict[str, Allocation]:
    youth = world.youth["chris"]
    exception = CeilingException.objects.create(
        region=world.region,
        provider=world.provider,
        youth=youth,
        product=world.product,
        cannot_wait=True,
        only_here=True,
        explanation="Crisisplek",
        status=ExceptionStatus.GRANTED,
    )

    def allocation(exception: CeilingException | None = None) -> Allocation:
        return allocation_grant(
            actor=None,
            youth=youth,
            provider=world.provider,
            product=world.product,
            start=dt.date(2025, 2, 1),
            volume=10,
            frequency=Frequency.TOTAL,
            ceiling_exception=exception,
        )

    return {"ordinary": allocation(), "apart": allocation(exception)}


def test_the_query_and_python_agree_on_every_case(world, allocations):
    lines: dict[str, Realisation] = {}
    for number, (case, booked, _counts) in enumerate(CASES, start=1):
        kind, _, credit = booked.partition("-")
        lines[case] = realisation_book(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2025,
            month=3,
            amount="100.00",
            source=RealisationSource.IMPORT if kind == "none" else RealisationSource.DECLARATION,
            is_credit=bool(credit),
            reference=f"R{number}",
            allocation=allocations.get(kind),
        )
    by_query = set(
        Realisation.objects.filter(
            COUNTS_FOR_CEILING, pk__in=[r.pk for r in lines.values()]
        ).values_list("pk", flat=True)
    )
    for case, _booked, counts in CASES:
        line = Realisation.objects.get(pk=lines[case].pk)
        assert realisation_counts_for_ceiling(line) is counts, case
        assert (line.pk in by_query) is counts, case


def test_pricing_puts_the_same_allocations_apart(world, allocations):
    priced = priced_rows(
        Allocation.objects.filter(pk__in=[a.pk for a in allocations.values()])
        .values_list(*ALLOCATION_FIELDS)
        .order_by(),
        tariff_book(region=world.region),
    )
    apart = {p.pk for p in priced if p.apart}
    assert apart == {allocations["apart"].pk}
    # the same allocations the query leaves out of the ceiling
    for kind, allocation in allocations.items():
        line = Realisation(allocation=allocation)
        assert realisation_counts_for_ceiling(line) is (kind != "apart")
