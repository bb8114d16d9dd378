# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.client_stops import (
    client_stop_decide,
    client_stop_lift,
    client_stop_request,
)
from jeugdregie.budgets.selectors import budget_positions
from jeugdregie.contracting.constants import Frequency
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 1)


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _stop(world, *, confirm: bool = True):
    stop = client_stop_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        start=TODAY,
        reason="Plafond bereikt",
    )
    return client_stop_decide(
        actor=world.users[Role.CONTRACT_MANAGER],
        stop=stop,
        confirm=confirm,
        reason="Akkoord" if confirm else "Nog ruimte",
    )


def _allocate(world, **extra):
    return allocation_grant(
        actor=None,
        youth=world.youth["chris"],
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 6, 15),
        volume=10,
        frequency=Frequency.TOTAL,
        **extra,
    )


def test_a_confirmed_stop_refuses_a_new_allocation_and_names_alternatives(world):
    _stop(world)
    with pytest.raises(ValidationError) as refused:
        _allocate(world)
    message = refused.value.message_dict["provider"][0]
    assert "De Linde Jeugdzorg heeft een cliëntenstop sinds 1 juni 2025" in message
    assert f"Het Anker ({world.other_provider.agb_code})" in message  # same lot, still room


def test_the_status_becomes_clientenstop_and_new_inflow_is_no_longer_forecast(world):
    _stop(world)
    (position,) = budget_positions(
        region=world.region, year=2025, on=TODAY, provider_id=world.provider.pk
    )
    assert position.figures.status == "clientenstop"
    assert position.figures.new_inflow == 0


def test_an_extension_of_running_care_is_allowed_when_the_region_allows_it(world):
    _stop(world)
    running = world.allocations["anna"]
    extension = allocation_grant(
        actor=None,
        youth=world.youth["anna"],
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 8, 1),
        volume=10,
        frequency=Frequency.TOTAL,
        extension_of=running,
    )
    assert extension.pk
    world.region.client_stop_allows_extensions = False
    world.region.save()
    with pytest.raises(ValidationError):
        allocation_grant(
            actor=None,
            youth=world.youth["anna"],
            provider=world.provider,
            product=world.product,
            start=dt.date(2025, 9, 1),
            volume=10,
            frequency=Frequency.TOTAL,
            extension_of=running,
        )


def test_after_lifting_the_stop_new_allocations_are_accepted_again(world):
    stop = _stop(world)
    client_stop_lift(actor=world.users[Role.CONTRACT_MANAGER], stop=stop, reason="Nieuw jaar")
    assert _allocate(world).pk


def test_a_rejected_request_blocks_nothing(world):
    _stop(world, confirm=False)
    assert _allocate(world).pk


def test_only_the_provider_itself_requests_and_only_contract_management_decides(world):
    with pytest.raises(ValidationError):
        client_stop_request(
            actor=world.users["other_provider"],
            region=world.region,
            provider=world.provider,
            start=TODAY,
            reason="x",
        )
    stop = client_stop_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        start=TODAY,
        reason="x",
    )
    with pytest.raises(ValidationError):
        client_stop_decide(actor=world.users[Role.POLICY], stop=stop, confirm=True, reason="x")
