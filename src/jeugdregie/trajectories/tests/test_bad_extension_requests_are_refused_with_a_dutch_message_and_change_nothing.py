# SPDX-License-Identifier: EUPL-1.2
"""Bad input is refused whole: an end before the current end, an unknown allocation, a
request by a provider that is not the coordinating practitioner; nothing changes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.extensions import extension_request, extension_request_by_number


def _state(p2: Perceel2) -> tuple[object, ...]:
    allocation = Allocation.objects.get(pk=p2.allocation.pk)
    return (
        allocation.end,
        allocation.change_reason,
        Extension.objects.count(),
        ChangeRecord.objects.count(),
        Allocation.objects.count(),
    )


def _refused(p2: Perceel2, call, field: str | None, fragment: str) -> None:
    before = _state(p2)
    with pytest.raises(ValidationError) as error:
        call()
    messages = error.value.message_dict.get(field, []) if field else error.value.messages
    assert any(fragment in message for message in messages), messages
    assert _state(p2) == before


@pytest.mark.django_db
def test_an_extension_end_before_the_current_end_is_refused(p2):
    _refused(
        p2,
        lambda: extension_request(
            actor=None,
            provider=p2.world.provider,
            allocation=p2.allocation,
            requested_end=dt.date(2025, 12, 31),
            request_date=dt.date(2025, 12, 1),
        ),
        "requested_end",
        "ligt niet na de huidige einddatum 31-1-2026",
    )


@pytest.mark.django_db
def test_an_extension_longer_than_the_product_allows_is_refused(p2):
    _refused(
        p2,
        lambda: extension_request(
            actor=None,
            provider=p2.world.provider,
            allocation=p2.allocation,
            requested_end=dt.date(2027, 6, 30),
            request_date=dt.date(2025, 12, 1),
        ),
        "requested_end",
        "ten hoogste 12 maanden",
    )


@pytest.mark.django_db
def test_an_unknown_allocation_is_refused(p2):
    _refused(
        p2,
        lambda: extension_request_by_number(
            actor=None,
            provider=p2.world.provider,
            municipality_code="0392",
            allocation_number="99999",
            requested_end=dt.date(2026, 7, 31),
            request_date=dt.date(2025, 12, 15),
        ),
        "allocation_number",
        "Toewijzing 99999 van gemeente 0392 is onbekend",
    )


@pytest.mark.django_db
def test_a_request_by_another_provider_than_the_coordinating_practitioner_is_refused(p2):
    _refused(
        p2,
        lambda: extension_request(
            actor=p2.world.users["other_provider"],
            provider=p2.world.other_provider,
            allocation=p2.allocation,
            requested_end=dt.date(2026, 7, 31),
            request_date=dt.date(2025, 12, 15),
        ),
        "requested_end",
        "regiebehandelaar",
    )
    # Through the iJw identification the other provider learns nothing about it: the
    # allocation is unknown to it, like a number that does not exist.
    _refused(
        p2,
        lambda: extension_request_by_number(
            actor=p2.world.users["other_provider"],
            provider=p2.world.other_provider,
            municipality_code="0392",
            allocation_number=p2.allocation.number,
            requested_end=dt.date(2026, 7, 31),
            request_date=dt.date(2025, 12, 15),
        ),
        "allocation_number",
        f"Toewijzing {p2.allocation.number} van gemeente 0392 is onbekend",
    )


@pytest.mark.django_db
def test_an_allocation_without_a_trajectory_is_refused(p2, world):
    _refused(
        p2,
        lambda: extension_request(
            actor=world.users[Role.PROVIDER],
            provider=world.provider,
            allocation=world.allocations["anna"],
            requested_end=dt.date(2026, 7, 31),
            request_date=dt.date(2025, 12, 15),
        ),
        None,
        "geen perceel-2-traject",
    )


@pytest.mark.django_db
def test_a_second_request_while_one_is_pending_is_refused(p2):
    extension_request(
        actor=None,
        provider=p2.world.provider,
        allocation=p2.allocation,
        requested_end=dt.date(2026, 7, 31),
        request_date=dt.date(2026, 1, 15),  # the pilot has ended: pending at the referrer
    )
    _refused(
        p2,
        lambda: extension_request(
            actor=None,
            provider=p2.world.provider,
            allocation=p2.allocation,
            requested_end=dt.date(2026, 8, 31),
            request_date=dt.date(2026, 1, 16),
        ),
        "requested_end",
        "nog een verlengingsaanvraag van dit traject open",
    )
