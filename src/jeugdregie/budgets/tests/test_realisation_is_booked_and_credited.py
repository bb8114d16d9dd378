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


def test_a_declarations_lines_booked_at_once_count_like_lines_booked_one_by_one(world):
    from jeugdregie.audit.models import ChangeRecord
    from jeugdregie.budgets.ledger import ledger_recompute
    from jeugdregie.budgets.models import Realisation
    from jeugdregie.budgets.services import RealisationLine, realisations_book

    anna = world.allocations["anna"]
    lines = [
        RealisationLine(year=2025, month=3, amount=Decimal("400.00"), reference="B-1",
                        allocation=anna),
        RealisationLine(year=2025, month=4, amount=Decimal("250.25"), reference="B-2"),
        RealisationLine(year=2025, month=4, amount=Decimal("100.00"), reference="B-3",
                        is_credit=True),
    ]  # fmt: skip
    records = ChangeRecord.objects.filter(model="budgets.Realisation").count()

    realisations_book(actor=None, region=world.region, provider=world.provider, lines=lines)

    assert _realisation(world) == Decimal("550.25")
    assert ChangeRecord.objects.filter(model="budgets.Realisation").count() == records + 3
    stored = {(r.provider_id, r.year): r.realisation for r in ProviderLedger.objects.all()}
    ledger_recompute()
    assert {(r.provider_id, r.year): r.realisation for r in ProviderLedger.objects.all()} == stored

    # All or nothing: a line booked before, or a month 13, books none of the batch.
    for bad in (
        RealisationLine(year=2025, month=5, amount=Decimal("1"), reference="B-1"),
        RealisationLine(year=2025, month=13, amount=Decimal("1"), reference="B-9"),
        RealisationLine(year=2025, month=5, amount=Decimal("-1"), reference="B-8"),
    ):
        with pytest.raises(ValidationError):
            realisations_book(
                actor=None,
                region=world.region,
                provider=world.provider,
                lines=[RealisationLine(year=2025, month=5, amount=Decimal("7"), reference="B-7"),
                       bad],
            )  # fmt: skip
    assert Realisation.objects.filter(reference__in=["B-7", "B-8", "B-9"]).count() == 0
    assert _realisation(world) == Decimal("550.25")
