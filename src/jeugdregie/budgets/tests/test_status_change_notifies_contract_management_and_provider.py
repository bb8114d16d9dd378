# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.constants import ClientStopStatus
from jeugdregie.budgets.models import ClientStop, ProviderLedger
from jeugdregie.budgets.services import realisation_book
from jeugdregie.notifications.models import Notification
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _book(world, amount: str, month: int = 1) -> None:
    realisation_book(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=2025,
        month=month,
        amount=amount,
    )


def test_crossing_the_warning_threshold_notifies_the_contract_manager_and_the_provider(world):
    _book(world, "170000")  # with the allocation's commitment: 85% of € 200,000
    ledger = ProviderLedger.objects.get(region=world.region, provider=world.provider, year=2025)
    assert ledger.status == "waarschuwing"
    told = set(Notification.objects.values_list("user__username", flat=True))
    assert told == {"contractbeheer", "aanbieder"}  # not the other provider, not policy
    notification = Notification.objects.get(user=world.users[Role.PROVIDER])
    assert "Waarschuwing" in notification.subject
    assert "van In orde naar Waarschuwing" in notification.text


def test_no_notification_while_the_status_stays_the_same(world):
    _book(world, "1000")
    _book(world, "1000", month=2)
    assert Notification.objects.count() == 0


def test_reaching_the_ceiling_makes_the_system_propose_a_client_stop(world):
    _book(world, "210000")
    ledger = ProviderLedger.objects.get(region=world.region, provider=world.provider, year=2025)
    assert ledger.status == "bereikt"
    stop = ClientStop.objects.get(provider=world.provider)
    assert stop.status == ClientStopStatus.PROPOSED
    assert "plafond" in stop.reason


def test_the_header_counts_unread_notifications_and_the_list_shows_them(world):
    _book(world, "170000")
    client = Client()
    sign_in(client, world.users[Role.PROVIDER])
    page = client.get(reverse("home")).content.decode()
    assert "1 nieuw" in page
    listing = client.get(reverse("notifications:notification-list")).content.decode()
    assert "De Linde Jeugdzorg" in listing
    client.post(reverse("notifications:notification-mark-read"))
    assert "1 nieuw" not in client.get(reverse("home")).content.decode()
