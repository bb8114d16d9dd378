# SPDX-License-Identifier: EUPL-1.2
"""Entries are derived from open requests for allocation (JW315) and from allocations whose
care has not started; running the derivation again changes nothing; care starting, a
rejection or an allocation that ends take the entry off the list."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.services import delivery_start
from jeugdregie.contracting.constants import Frequency
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.services.requests import allocation_request_reject
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.derivation import waiting_entries_derive
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.requests import allocation_request_approve

pytestmark = pytest.mark.django_db


def _rows() -> list[tuple[object, ...]]:
    return list(
        WaitingEntry.objects.order_by("pk").values_list(
            "youth_id", "provider_id", "source", "waiting_since", "outflow_date", "outflow_reason"
        )
    )


def test_an_allocation_without_care_waits_until_care_starts(world):
    with time_machine.travel("2025-06-10 10:00 +0200", tick=False):
        allocation = allocation_grant(
            actor=None,
            youth=world.youth["chris"],
            provider=world.provider,
            product=world.product,
            start=dt.date(2025, 6, 1),
            volume=10,
            frequency=Frequency.TOTAL,
        )
        # The world's own allocations all started care: only the new one waits.
        result = waiting_entries_derive()
        assert (result.created, result.closed) == (1, 0)
        entry = WaitingEntry.objects.get()
        assert (entry.source, entry.waiting_since, entry.allocation_id) == (
            WaitingSource.ALLOCATION,
            dt.date(2025, 6, 1),
            allocation.pk,
        )
        before = _rows()
        out = StringIO()
        call_command("waitinglist_derive", stdout=out)
        assert "0 nieuw, 0 gekoppeld, 0 afgemeld" in out.getvalue()
        assert _rows() == before

    with time_machine.travel("2025-06-25 10:00 +0200", tick=False):
        delivery_start(actor=None, allocation=allocation, start=dt.date(2025, 6, 20))
        assert waiting_entries_derive().closed == 1
        entry.refresh_from_db()
        assert (entry.outflow_date, entry.outflow_reason) == (
            dt.date(2025, 6, 20),
            OutflowReason.CARE_STARTED,
        )
        assert waiting_entries_derive().closed == 0


def _request(world, reference: str, day: dt.date) -> AllocationRequest:
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            reference[:12],
            bsn=world.youth["chris"].bsn,
            day=day,
            reference=reference,
            start=day + dt.timedelta(days=14),
            end=dt.date(day.year, 12, 31),
        )
    )
    return AllocationRequest.objects.get(reference=reference)


def test_an_open_request_waits_and_its_entry_follows_the_allocation(world):
    with time_machine.travel("2025-05-01 10:00 +0200", tick=False):
        request = _request(world, "VOT-1", dt.date(2025, 5, 1))
        assert request.status == RequestStatus.OPEN
        assert waiting_entries_derive().created == 1
        entry = WaitingEntry.objects.get()
        assert (entry.source, entry.waiting_since) == (WaitingSource.REQUEST, dt.date(2025, 5, 1))

    with time_machine.travel("2025-05-20 10:00 +0200", tick=False):
        allocation = allocation_request_approve(actor=None, request=request)
        result = waiting_entries_derive()
        # One youth, one wait: the approved request's entry takes over the allocation.
        assert (result.created, result.linked) == (0, 1)
        entry.refresh_from_db()
        assert entry.allocation_id == allocation.pk
        assert WaitingEntry.objects.count() == 1
        assert entry.waiting_since == dt.date(2025, 5, 1)


def test_a_rejected_request_leaves_the_list(world):
    with time_machine.travel("2025-05-01 10:00 +0200", tick=False):
        request = _request(world, "VOT-2", dt.date(2025, 5, 1))
        waiting_entries_derive()
    with time_machine.travel("2025-05-03 10:00 +0200", tick=False):
        allocation_request_reject(actor=None, request=request, reason=RejectionReason.NO_CONTRACT)
        assert waiting_entries_derive().closed == 1
        entry = WaitingEntry.objects.get()
        assert (entry.outflow_date, entry.outflow_reason) == (
            dt.date(2025, 5, 3),
            OutflowReason.OTHER,
        )


def test_contract_management_derives_its_own_region_on_demand(world):
    with time_machine.travel("2025-06-10 10:00 +0200", tick=False):
        for key in ("chris", "daan"):  # Dordrecht (this region) and Haarlem (the other)
            allocation_grant(
                actor=None,
                youth=world.youth[key],
                provider=world.provider,
                product=world.allocations[key].product,
                start=dt.date(2025, 6, 1),
                volume=10,
                frequency=Frequency.TOTAL,
            )
        client = Client()
        sign_in(client, world.users[Role.CONTRACT_MANAGER])
        response = client.post(reverse("waitinglists:entries-derive"), follow=True)
        assert "Wachtlijst afgeleid: 1 nieuw, 0 gekoppeld, 0 afgemeld" in response.content.decode()
        assert [e.youth_id for e in WaitingEntry.objects.all()] == [world.youth["chris"].pk]
