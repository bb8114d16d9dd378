# SPDX-License-Identifier: EUPL-1.2
"""An edit form opened and saved without changes changes nothing: the dates in it are ISO
(YYYY-MM-DD), the value a browser's date picker needs. With the Dutch "17-10-2025" the picker
stayed empty and saving the waiting-list entry unchanged emptied its date or failed."""

import datetime as dt

import django_filters
import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.forms import filterset_classes, form_as_submitted, form_classes
from jeugdregie.waitinglists.constants import WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entry_report

pytestmark = pytest.mark.django_db


def _entry(world):
    return waiting_entry_report(
        actor=world.users[Role.ACCESS_STAFF],
        youth=world.youth["anna"],
        lot=world.lot,
        provider=world.provider,
        product=world.product,
        waiting_since=dt.date(2025, 10, 17),
        source=WaitingSource.STAFF,
        court_ruling_date=dt.date(2025, 9, 30),
    )


def _fields(entry: WaitingEntry) -> dict[str, object]:
    entry.refresh_from_db()
    return {field.name: getattr(entry, field.name) for field in WaitingEntry._meta.concrete_fields}


def test_the_date_inputs_hold_iso_dates_in_dutch(world, settings):
    settings.LANGUAGE_CODE = "nl"
    entry = _entry(world)
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    url = reverse("waitinglists:entry-update", kwargs={"pk": entry.pk})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert form_as_submitted(html)["court_ruling_date"] == ["2025-09-30"]
    assert "30-09-2025" not in html


def test_saving_the_waiting_entry_unchanged_changes_nothing(world):
    entry = _entry(world)
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    url = reverse("waitinglists:entry-update", kwargs={"pk": entry.pk})
    before = _fields(entry)
    changes = ChangeRecord.objects.count()

    posted = form_as_submitted(client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    response = client.post(url, posted, HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 302, response.content.decode()[:2000]
    after = _fields(entry)
    assert after == before
    assert after["court_ruling_date"] == dt.date(2025, 9, 30)
    assert ChangeRecord.objects.count() == changes


def test_every_date_field_of_the_product_uses_the_iso_date_input():
    """One owner for the date picker: a date field with another widget would show Dutch
    dates in a picker that cannot read them."""
    found = []
    for form_class in form_classes():
        for name, field in getattr(form_class, "base_fields", {}).items():
            if isinstance(field, forms.DateField):
                found.append(f"{form_class.__name__}.{name}")
                assert isinstance(field.widget, IsoDateInput), found[-1]
    for filterset in filterset_classes():
        for name, date_filter in filterset.base_filters.items():
            if isinstance(date_filter, django_filters.DateFilter):
                found.append(f"{filterset.__name__}.{name}")
                assert isinstance(date_filter.extra.get("widget"), IsoDateInput), found[-1]
    assert "EntryUpdateForm.court_ruling_date" in found
    assert len(found) >= 15, found
