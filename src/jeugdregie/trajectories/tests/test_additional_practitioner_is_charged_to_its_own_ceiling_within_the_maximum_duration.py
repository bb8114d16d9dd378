# SPDX-License-Identifier: EUPL-1.2
"""perceel2.md §2b: an additional practitioner gets its own allocation, paid from its own
ceiling, and only within the trajectory's maximum treatment duration."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.models import Realisation
from jeugdregie.budgets.selectors import budget_positions
from jeugdregie.budgets.services import realisation_book
from jeugdregie.contracting.constants import Frequency
from jeugdregie.trajectories.models import AdditionalPractitioner
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.practitioners import additional_practitioner_add

ON = dt.date(2025, 6, 1)


def _spent(p2: Perceel2) -> dict[int, tuple[Decimal, Decimal]]:
    positions = budget_positions(region=p2.world.other_region, year=2025, on=ON)
    return {p.provider.pk: (p.figures.realisation, p.figures.commitment) for p in positions}


def _add(p2: Perceel2, end: dt.date) -> AdditionalPractitioner:
    return additional_practitioner_add(
        actor=p2.world.users[Role.PROVIDER],
        provider=p2.world.provider,
        trajectory=p2.trajectory,
        other_provider=p2.world.other_provider,
        practitioner_name="M. Jansen, systeemtherapeut",
        start=ON,
        end=end,
        volume=1,
        frequency=Frequency.PER_WEEK,
    )


@pytest.mark.django_db
def test_the_additional_allocation_and_its_declarations_count_against_its_own_ceiling(p2):
    before = _spent(p2)
    link = _add(p2, dt.date(2025, 12, 31))
    assert link.allocation.provider == p2.world.other_provider
    assert link.allocation.youth == p2.allocation.youth
    assert link.trajectory.additional_practitioners.get() == link

    after = _spent(p2)
    # 1 hour a week at € 120 from 1 June to 31 December: 214 days / 7 × 120 = 3,668.57.
    other, own = p2.world.other_provider.pk, p2.world.provider.pk
    assert after[other][1] - before[other][1] == Decimal("3668.57")
    assert after[own] == before[own]

    realisation_book(
        actor=None,
        region=p2.world.other_region,
        provider=p2.world.other_provider,
        year=2025,
        month=6,
        amount=Decimal("480.00"),
        reference="DECL-1",
        allocation=link.allocation,
    )
    declared = _spent(p2)
    assert declared[other][0] - after[other][0] == Decimal("480.00")
    assert declared[own] == before[own]


@pytest.mark.django_db
def test_an_additional_practitioner_beyond_the_maximum_duration_is_refused(p2):
    assert p2.trajectory.maximum_end == dt.date(2028, 1, 31)  # 36 months from 2025-02-01
    allocations = Allocation.objects.count()
    with pytest.raises(ValidationError) as error:
        _add(p2, dt.date(2028, 3, 31))
    assert "maximale behandelduur" in " ".join(error.value.message_dict["end"])
    assert Allocation.objects.count() == allocations
    assert not AdditionalPractitioner.objects.exists()
    assert not Realisation.objects.filter(provider=p2.world.other_provider).exists()


@pytest.mark.django_db
def test_an_additional_practitioner_after_the_trajectory_passed_its_maximum_is_refused(p2):
    Allocation.objects.filter(pk=p2.allocation.pk).update(end=dt.date(2028, 6, 30))
    p2.trajectory.refresh_from_db()
    with pytest.raises(ValidationError):
        _add(p2, dt.date(2025, 12, 31))
    assert not AdditionalPractitioner.objects.exists()


@pytest.mark.django_db
def test_only_the_coordinating_practitioner_adds_a_practitioner_of_a_contracted_provider(p2):
    with pytest.raises(ValidationError):
        additional_practitioner_add(
            actor=p2.world.users["other_provider"],
            provider=p2.world.other_provider,
            trajectory=p2.trajectory,
            other_provider=p2.world.other_provider,
            practitioner_name="Iemand",
            start=ON,
            end=dt.date(2025, 12, 31),
            volume=1,
            frequency=Frequency.PER_WEEK,
        )
    with pytest.raises(ValidationError) as error:
        additional_practitioner_add(
            actor=None,
            provider=p2.world.provider,
            trajectory=p2.trajectory,
            other_provider=p2.world.provider,
            practitioner_name="Iemand",
            start=ON,
            end=dt.date(2025, 12, 31),
            volume=1,
            frequency=Frequency.PER_WEEK,
        )
    assert "other_provider" in error.value.message_dict
    assert not AdditionalPractitioner.objects.exists()
