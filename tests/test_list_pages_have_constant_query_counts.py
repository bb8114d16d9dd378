# SPDX-License-Identifier: EUPL-1.2
"""Each list or dashboard page runs the same number of queries for 1 row as for many (no N+1)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.contracting.constants import ContractKind, Frequency
from jeugdregie.contracting.services import contract_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory
from jeugdregie.workflows.allocations import allocation_grant

PAGES = [
    (Role.CONTRACT_MANAGER, "contracting:provider-list"),
    (Role.CONTRACT_MANAGER, "contracting:contract-list"),
    (Role.CONTRACT_MANAGER, "contracting:lot-list"),
    (Role.CONTRACT_MANAGER, "budgets:ceiling-list"),
    (Role.CONTRACT_MANAGER, "allocations:allocation-list"),
    (Role.CONTRACT_MANAGER, "monitoring:region-stats"),
    (Role.CONTRACT_MANAGER, "home"),
    (Role.PRIVACY_OFFICER, "audit:privacy"),
    (Role.CONTRACT_MANAGER, "budgets:client-stop-list"),
    (Role.CONTRACT_MANAGER, "budgets:budget-overview"),
    (Role.CONTRACT_MANAGER, "budgets:exception-list"),
    (Role.PROVIDER, "notifications:notification-list"),
    (Role.CONTRACT_MANAGER, "messaging:allocation-request-list"),
    (Role.CONTRACT_MANAGER, "messaging:change-request-list"),
    (Role.CONTRACT_MANAGER, "messaging:traffic"),
    (Role.PROVIDER, "messaging:traffic"),
]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
    return len(context.captured_queries)


def _grow(world, count: int) -> None:
    for index in range(count):
        provider = ProviderFactory.create()
        contract_create(
            actor=None,
            region=world.region,
            provider=provider,
            kind=ContractKind.REGIONAL,
            reference=f"EXTRA-{index}",
            lots=[world.lot],
            start=dt.date(2024, 1, 1),
        )
        ceiling_set(
            actor=None,
            region=world.region,
            provider=provider,
            year=2025,
            amount="150000",
            reason="extra",
        )
        allocation_grant(
            actor=None,
            youth=world.youth["anna"],
            provider=provider,
            product=world.product,
            start=dt.date(2025, 3, 1),
            volume=10,
            frequency=Frequency.TOTAL,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "name"), PAGES)
def test_page_query_count_does_not_grow_with_rows(world, role, name):
    client = Client()
    sign_in(client, world.users[role])
    url = reverse(name)
    client.get(url)  # warm up session and caches
    few = _queries(client, url)
    _grow(world, 12)
    many = _queries(client, url)
    assert many == few, f"{name}: {few} queries with few rows, {many} with more"
