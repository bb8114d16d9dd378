# SPDX-License-Identifier: EUPL-1.2
"""Bad input is refused with a Dutch message and nothing changes: waiting since in the future,
outflow before waiting since, unknown provider or product, a duplicate open entry; an API
report with one bad entry writes none of them."""

import datetime as dt
import json
from collections.abc import Iterator

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.contracting.models import Provider
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import LotFactory, ProductFactory, ProviderFactory
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import (
    waiting_entry_close,
    waiting_entry_report,
    waiting_entry_update,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _on_a_fixed_day() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def _state() -> tuple[list[tuple[object, ...]], int]:
    return list(WaitingEntry.objects.order_by("pk").values_list()), ChangeRecord.objects.filter(
        model="waitinglists.WaitingEntry"
    ).count()


def _report(world, **overrides):
    values = {
        "actor": None,
        "youth": world.youth["anna"],
        "lot": world.lot,
        "provider": world.provider,
        "product": world.product,
        "waiting_since": dt.date(2025, 6, 1),
        "source": WaitingSource.STAFF,
    }
    values.update(overrides)
    return waiting_entry_report(**values)


def _refused(call, field: str, fragment: str) -> None:
    before = _state()
    with pytest.raises(ValidationError) as refused:
        call()
    assert any(fragment in message for message in refused.value.message_dict[field])
    assert _state() == before


def test_waiting_since_in_the_future_is_refused(world):
    _refused(
        lambda: _report(world, waiting_since=dt.date(2025, 7, 1)),
        "waiting_since",
        "ligt in de toekomst",
    )


def test_a_provider_without_a_contract_for_the_lot_is_refused(world):
    stranger = ProviderFactory.create(name="Onbekend BV")
    _refused(lambda: _report(world, provider=stranger), "provider", "geen contract")


def test_a_product_of_another_lot_is_refused(world):
    other_lot = LotFactory.create(region=world.region, code="AMB", name="Ambulant")
    product = ProductFactory.create(region=world.region, lot=other_lot, code="43A01")
    _refused(lambda: _report(world, product=product), "product", "hoort niet bij perceel GGZ")


def test_a_duplicate_open_entry_is_refused_and_a_closed_one_is_no_duplicate(world):
    entry = _report(world)
    _refused(lambda: _report(world), "__all__", "staat al op de wachtlijst")
    waiting_entry_close(
        actor=None, entry=entry, outflow_date=TODAY, outflow_reason=OutflowReason.MOVED
    )
    assert _report(world).pk != entry.pk


def test_outflow_before_waiting_since_or_without_explanation_is_refused(world):
    entry = _report(world)
    _refused(
        lambda: waiting_entry_close(
            actor=None,
            entry=entry,
            outflow_date=dt.date(2025, 5, 31),
            outflow_reason=OutflowReason.CARE_STARTED,
        ),
        "outflow_date",
        "ligt vóór wachtend sinds",
    )
    _refused(
        lambda: waiting_entry_close(
            actor=None, entry=entry, outflow_date=TODAY, outflow_reason=OutflowReason.OTHER
        ),
        "outflow_note",
        "Licht de uitstroom toe",
    )
    _refused(
        lambda: waiting_entry_close(
            actor=None, entry=entry, outflow_date=TODAY, outflow_reason="verdwenen"
        ),
        "outflow_reason",
        "Onbekende reden van uitstroom",
    )


def test_an_update_that_is_wrong_in_one_field_changes_no_field(world):
    entry = _report(world)
    _refused(
        lambda: waiting_entry_update(
            actor=None,
            entry=entry,
            bridging_note="Ambulante begeleiding",
            court_ruling_date=dt.date(2025, 8, 1),
        ),
        "court_ruling_date",
        "ligt in de toekomst",
    )
    entry.refresh_from_db()
    assert entry.bridging_note == ""


def test_changes_are_kept_with_who_and_when(world):
    user = world.users[Role.ACCESS_STAFF]
    entry = _report(world, actor=user)
    waiting_entry_update(actor=user, entry=entry, bridging_note="Praktijkondersteuner")
    history = ChangeRecord.objects.filter(
        model="waitinglists.WaitingEntry", object_pk=str(entry.pk)
    ).order_by("id")
    assert [(r.action, r.user_id) for r in history] == [("create", user.pk), ("update", user.pk)]
    # The note is encrypted at rest and redacted in the change log.
    assert "Praktijkondersteuner" not in json.dumps(history[1].changes)
    entry.refresh_from_db()
    assert entry.bridging_note == "Praktijkondersteuner"


def _provider_client(world) -> Client:
    client = Client()
    sign_in(client, world.users[Role.PROVIDER])
    return client


def test_an_api_report_with_one_bad_entry_writes_none(world):
    good = {
        "bsn": world.youth["chris"].bsn,
        "given_name": "Chris",
        "family_name": "Bakker",
        "birth_date": "2012-03-03",
        "lot": "GGZ",
        "product": "45A01",
        "waiting_since": "2025-06-01",
    }
    bad = [
        {**good, "bsn": world.youth["anna"].bsn, "product": "99X99"},
        {**good, "bsn": world.youth["bram"].bsn, "waiting_since": "2025-07-01"},
    ]
    before = _state()
    response = _provider_client(world).post(
        reverse("api-waiting-entry-list"),
        data=json.dumps({"entries": [good, *bad]}),
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert errors["wachtende 2"] == ["Onbekend product '99X99'."]
    assert "ligt in de toekomst" in errors["wachtende 3"][0]
    assert "wachtende 1" not in errors
    assert _state() == before

    response = _provider_client(world).post(
        reverse("api-waiting-entry-list"),
        data=json.dumps({"entries": [good]}),
        content_type="application/json",
    )
    assert response.status_code == 201
    created = WaitingEntry.objects.get()
    assert created.provider == Provider.objects.get(pk=world.provider.pk)
    assert created.source == WaitingSource.PROVIDER_API


def test_the_report_screen_shows_the_refusal_on_the_field_and_saves_nothing(world):
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    before = _state()
    response = client.post(
        reverse("waitinglists:entry-report"),
        {
            "bsn": world.youth["anna"].bsn,
            "lot": world.lot.pk,
            "provider": world.provider.pk,
            "product": world.product.pk,
            "waiting_since": "2025-12-01",
        },
    )
    assert response.status_code == 400
    assert "ligt in de toekomst" in response.content.decode()
    assert _state() == before
