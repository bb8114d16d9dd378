# SPDX-License-Identifier: EUPL-1.2
"""A refused start or stop of delivery changes nothing and leaves the caller's transaction
usable: the services check before they write, and write without a savepoint of their own
(so a message import saves two round trips per JW305/JW307)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdregie.allocations.models import DeliveryPeriod
from jeugdregie.allocations.services import delivery_start, delivery_stop
from jeugdregie.testing.factories import World


@pytest.mark.django_db
def test_a_start_outside_the_allocation_is_refused_and_the_transaction_goes_on(world: World):
    allocation = next(iter(world.allocations.values()))
    periods = DeliveryPeriod.objects.filter(allocation=allocation).count()

    with transaction.atomic():
        with pytest.raises(ValidationError) as refused:
            delivery_start(
                actor=None, allocation=allocation, start=allocation.start - dt.timedelta(days=1)
            )
        # the same transaction still answers queries
        assert DeliveryPeriod.objects.filter(allocation=allocation).count() == periods

    assert refused.value.message_dict == {
        "start": ["De zorg kan alleen binnen de toewijzingsperiode beginnen."]
    }


@pytest.mark.django_db
def test_a_stop_before_the_start_is_refused_and_the_period_stays_open(world: World):
    allocation = next(iter(world.allocations.values()))
    period = DeliveryPeriod.objects.get(allocation=allocation, end=None)

    with transaction.atomic():
        with pytest.raises(ValidationError) as refused:
            delivery_stop(actor=None, period=period, end=period.start - dt.timedelta(days=1))
        stopped = delivery_stop(actor=None, period=period, end=period.start + dt.timedelta(days=9))

    period.refresh_from_db()
    assert refused.value.message_dict == {"end": ["De einddatum ligt vóór de begindatum."]}
    assert period.end == stopped.end == period.start + dt.timedelta(days=9)
