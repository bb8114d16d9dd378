# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine

from jeugdregie.budgets.constants import RealisationSource
from jeugdregie.budgets.models import Realisation
from jeugdregie.budgets.selectors import undeclared_past_care
from jeugdregie.budgets.services import realisation_book
from jeugdregie.budgets.tests.worked_example import REFERENCE_DATE, build_worked_example

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_reference_date() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def test_months_without_declarations_are_undeclared_past_care_not_commitment(world):
    example = build_worked_example(world)
    # The example imported realisation for January–May: nothing is undeclared.
    assert undeclared_past_care(
        region=world.region, provider_id=example.provider.pk, year=2025, on=REFERENCE_DATE
    ) == Decimal("0.00")


def test_a_month_declared_for_an_allocation_is_not_undeclared_for_that_allocation(world):
    example = build_worked_example(world)
    # April and May were declared line by line instead of imported for the provider;
    # only allocation (a) has a line, for April.
    Realisation.objects.filter(provider=example.provider, month__gte=4).update(
        source=RealisationSource.DECLARATION
    )
    realisation_book(
        actor=None,
        region=world.region,
        provider=example.provider,
        year=2025,
        month=4,
        amount="100",
        reference="JW323-0001",
        allocation=example.a,
    )
    undeclared = undeclared_past_care(
        region=world.region, provider_id=example.provider.pk, year=2025, on=dt.date(2025, 6, 1)
    )
    a_may = Decimal("1062.86")  # 3 × 80 × 31/7
    b_april_may = Decimal("1394.29")  # 2 × 80 × 61/7, rounded once per allocation
    c_april_may = Decimal("2005.48")  # 12,000 × 61/365
    assert undeclared == a_may + b_april_may + c_april_may
