# SPDX-License-Identifier: EUPL-1.2
"""The decision the JW317 path asks for an allocation's later end: None when the allocation
is no trajectory, a refusal with the Dutch reason for bad requests, else the method's route;
it never writes anything."""

import datetime as dt

import pytest

from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.trajectories.constants import ExtensionRoute as R
from jeugdregie.trajectories.constants import ExtensionStatus as S
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.services import extension_decision_for_change
from jeugdregie.workflows.extensions import extension_request


@pytest.mark.django_db
def test_the_decision_for_a_change_request(p2, world):
    before = (ChangeRecord.objects.count(), Extension.objects.count())
    assert (
        extension_decision_for_change(
            allocation=world.allocations["anna"],
            requested_end=dt.date(2026, 1, 31),
            request_date=dt.date(2025, 12, 1),
        )
        is None
    )
    cases = [
        # provider, requested end, request date, assessed -> status, route, reason fragment
        (world.provider, dt.date(2026, 7, 31), dt.date(2025, 12, 15), False, S.GRANTED,
         R.MANDATE, ""),
        (world.provider, dt.date(2026, 7, 31), dt.date(2026, 2, 1), False, S.PENDING,
         R.STANDARD_REFERRER, "verwijzer"),
        (world.provider, dt.date(2025, 12, 31), dt.date(2025, 12, 15), False, S.REFUSED, "",
         "ligt niet na de huidige einddatum"),
        (world.other_provider, dt.date(2026, 7, 31), dt.date(2025, 12, 15), False, S.REFUSED, "",
         "regiebehandelaar"),
    ]  # fmt: skip
    for provider, end, on, assessed, status, route, fragment in cases:
        decision = extension_decision_for_change(
            allocation=p2.allocation,
            requested_end=end,
            request_date=on,
            provider=provider,
            has_self_assessment=assessed,
        )
        assert decision is not None
        assert (decision.number, decision.status, decision.route) == (1, status, route)
        assert fragment in decision.reason
    assert (ChangeRecord.objects.count(), Extension.objects.count()) == before
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2026, 1, 31)

    extension_request(
        actor=None,
        provider=world.provider,
        allocation=p2.allocation,
        requested_end=dt.date(2026, 7, 31),
        request_date=dt.date(2025, 12, 15),
    )
    second = extension_decision_for_change(
        allocation=p2.allocation,
        requested_end=dt.date(2027, 1, 31),
        request_date=dt.date(2025, 12, 20),
    )
    assert second is not None
    assert (second.number, second.status, second.route) == (2, S.PENDING, R.SELF_ASSESSMENT)
    assert second.reason == "zelfevaluatie vereist voor de tweede verlenging"
