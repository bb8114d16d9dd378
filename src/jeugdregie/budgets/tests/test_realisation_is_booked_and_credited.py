# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.budgets.services import realisation_book, realisation_credit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _realisation(world) -> Decimal:
    return ProviderLedger.objects.get(
        region=world.region, provider=world.provider, year=2025
    ).realisation


def test_an_approved_line_adds_and_its_credit_subtracts(world):
    line = realisation_book(
        actor=world.users["contract_manager"],
        region=world.region,
        provider=world.provider,
        year=2025,
        month=3,
        amount="1250.50",
        reference="JW323-42",
        allocation=world.allocations["anna"],
    )
    assert _realisation(world) == Decimal("1250.50")
    realisation_credit(actor=None, original=line, reference="JW323-42-C")
    assert _realisation(world) == Decimal("0.00")


def test_a_line_is_booked_once_and_a_month_must_exist(world):
    realisation_book(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=2025,
        month=3,
        amount="10",
        reference="JW323-1",
    )
    with pytest.raises(ValidationError) as twice:
        realisation_book(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2025,
            month=3,
            amount="10",
            reference="JW323-1",
        )
    assert "JW323-1" in twice.value.message_dict["reference"][0]
    with pytest.raises(ValidationError) as month:
        realisation_book(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2025,
            month=13,
            amount="1",
        )
    assert "13" in month.value.message_dict["month"][0]
    assert _realisation(world) == Decimal("10.00")
