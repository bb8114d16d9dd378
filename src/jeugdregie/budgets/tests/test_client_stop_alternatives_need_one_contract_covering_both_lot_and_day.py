# SPDX-License-Identifier: EUPL-1.2
"""Regression: the alternatives named under a client stop filtered the multi-valued
``Provider.contracts`` in two ``filter()`` calls, so a contract for the lot that had ended
and a running contract for another lot together passed as "contracted for the lot". One
contract must cover both the lot and the day."""

import datetime as dt
from decimal import Decimal

import pytest

from jeugdregie.budgets.client_stops import alternatives_with_headroom
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.services import contract_create
from jeugdregie.testing.factories import LotFactory, ProviderFactory, World

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 3)


def test_an_ended_contract_for_the_lot_and_a_running_one_for_another_lot_is_no_alternative(
    world: World,
) -> None:
    other_lot = LotFactory.create(region=world.region, code="OTHER", name="Ander perceel")
    provider = ProviderFactory.create(name="Zorggroep Uithof")
    for reference, lot, end in (
        ("ENDED", world.lot, dt.date(2025, 2, 28)),
        ("OTHER-LOT", other_lot, None),
    ):
        contract_create(
            actor=None,
            region=world.region,
            provider=provider,
            kind=ContractKind.REGIONAL,
            reference=reference,
            lots=[lot],
            start=dt.date(2024, 1, 1),
            end=end,
        )
    ceiling_set(
        actor=None,
        region=world.region,
        provider=provider,
        year=2025,
        amount=Decimal("500000"),
        basis=CeilingBasis.FIXED,
        reason="test",
    )

    named = [
        p
        for p, _headroom in alternatives_with_headroom(
            region=world.region, provider=world.provider, product=world.product, on=DAY
        )
    ]

    assert world.other_provider in named  # contracted for the lot on the day, with room
    assert provider not in named
