# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from jeugdregie.budgets.services import ceiling_set


@pytest.mark.django_db
@time_machine.travel("2025-06-01 10:00 +0200")
def test_ceiling_lowered_with_reason_keeps_every_amount(world):
    ceiling = ceiling_set(
        actor=world.users["contract_manager"],
        region=world.region,
        provider=world.provider,
        year=2025,
        amount="150000",
        reason="Lagere realisatie",
        decision_reference="AB-2025-14",
    )
    assert ceiling.amount == Decimal("150000.00")
    history = list(ceiling.changes.order_by("id").values_list("old_amount", "new_amount"))
    assert history == [(None, Decimal("200000.00")), (Decimal("200000.00"), Decimal("150000.00"))]


@pytest.mark.django_db
@time_machine.travel("2025-06-01 10:00 +0200")
def test_region_that_fixes_ceilings_refuses_an_in_year_raise(world):
    with pytest.raises(ValidationError) as error:
        ceiling_set(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2025,
            amount="250000",
            reason="Meer vraag",
        )
    assert "amount" in error.value.message_dict
    world.region.ceiling_fixed_in_year = False
    world.region.save()
    raised = ceiling_set(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=2025,
        amount="250000",
        reason="Meer vraag",
    )
    assert raised.amount == Decimal("250000.00")


@pytest.mark.django_db
def test_a_ceiling_needs_a_reason_and_a_non_negative_amount(world):
    with pytest.raises(ValidationError):
        ceiling_set(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2030,
            amount="1000",
            reason=" ",
        )
    with pytest.raises(ValidationError):
        ceiling_set(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2030,
            amount="-0.01",
            reason="x",
        )
