# SPDX-License-Identifier: EUPL-1.2
"""A provider that asks a nee-tenzij exception for a BSN learns nothing about the child.

De Linde asks an exception for Chris (in care at Het Anker, De Linde has no relation with
him) under a name and birth date of its own making, and for a BSN the region does not know
at all. The answers are the same for both, and its list shows each request exactly as it
typed it: never the youth record's name, birth date or a link to it. Contract management
sees the requests linked to the region's youth, with what to weigh (no allocation of this
provider, a name that differs from the record, a BSN the region does not know), and decides.
"""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import AccessRecord
from jeugdregie.budgets.constants import ExceptionStatus
from jeugdregie.budgets.exceptions import check_exception_allocation
from jeugdregie.budgets.models import CeilingException
from jeugdregie.clients.services import bsn_lookup_key, youth_create
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import synthetic_test_bsn
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db

UNKNOWN_BSN = synthetic_test_bsn(61)  # valid, but no youth of the region has it


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-02 10:00 +0200", tick=False):
        yield


def _client(world, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def _request(world, bsn: str) -> dict[str, object]:
    return {
        "bsn": bsn,
        "given_name": "Kris",
        "family_name": "Verzonnen",
        "birth_date": "2019-05-05",
        "product": world.product.pk,
        "cannot_wait": "on",
        "only_here": "on",
        "explanation": "Crisisplek, alleen hier beschikbaar",
    }


def _ask(client: Client, world, bsn: str) -> tuple[int, str, list[str]]:
    """The answer: status, where it leads, and the messages shown there."""
    response = client.post(reverse("budgets:exception-request"), _request(world, bsn))
    location = response.get("Location", "")
    shown = client.get(location) if location else response
    return (
        response.status_code,
        location,
        [str(m) for m in get_messages(shown.wsgi_request)],
    )


def _identity_cells(html: str) -> list[str]:
    return re.findall(r"<td class=\"utrecht-table__cell\" data-identity>(.*?)</td>", html, re.S)


def test_the_answer_is_the_same_for_another_providers_child_and_an_unknown_bsn(world):
    provider = _client(world, Role.PROVIDER)
    chris = _ask(provider, world, world.youth["chris"].bsn)
    unknown = _ask(provider, world, UNKNOWN_BSN)
    assert chris == unknown
    assert chris == (
        302,
        reverse("budgets:exception-list"),
        ["Uw aanvraag is naar contractbeheer gestuurd."],
    )

    # What it is shown afterwards: exactly what it typed, the same for both.
    page = provider.get(reverse("budgets:exception-list")).content.decode()
    cells = _identity_cells(page)
    assert len(cells) == 2
    masked = {"******" + world.youth["chris"].bsn[-3:], "******" + UNKNOWN_BSN[-3:]}
    assert {re.sub(r"\*{6}\d{3}", "******", c) for c in cells} == {
        "Kris Verzonnen<br>BSN ******, 5 mei 2019"
    }
    assert all(any(m in c for m in masked) for c in cells)
    for stored in ("Chris", "Bakker", "3 maart 2012", world.youth["chris"].bsn):
        assert stored not in page
    assert reverse("clients:youth-detail", kwargs={"pk": world.youth["chris"].pk}) not in page


def test_contract_management_sees_the_link_and_what_to_weigh(world):
    provider = _client(world, Role.PROVIDER)
    _ask(provider, world, world.youth["chris"].bsn)
    _ask(provider, world, UNKNOWN_BSN)
    chris = CeilingException.objects.get(
        submitted_bsn_index=bsn_lookup_key(world.youth["chris"].bsn)
    )
    unknown = CeilingException.objects.get(submitted_bsn_index=bsn_lookup_key(UNKNOWN_BSN))
    assert chris.youth == world.youth["chris"]
    assert unknown.youth is None
    assert (chris.submitted_given_name, chris.submitted_birth) == ("Kris", dt.date(2019, 5, 5))

    manager = _client(world, Role.CONTRACT_MANAGER)
    page = manager.get(reverse("budgets:exception-list")).content.decode()
    cells = dict(zip((unknown.pk, chris.pk), _identity_cells(page), strict=True))
    chris_cell = cells[chris.pk]
    assert reverse("clients:youth-detail", kwargs={"pk": world.youth["chris"].pk}) in chris_cell
    assert world.youth["chris"].bsn in chris_cell
    assert "Deze aanbieder heeft geen toewijzing voor deze jeugdige." in chris_cell
    assert "wijkt af van het dossier" in chris_cell
    assert "geen jeugdige met dit BSN" in cells[unknown.pk]
    assert "youth-detail" not in cells[unknown.pk]
    assert "/jeugdigen/" not in cells[unknown.pk]
    # Both reads are in the access log: the youth, and the unknown BSN by its keyed hash.
    reads = AccessRecord.objects.filter(user=world.users[Role.CONTRACT_MANAGER])
    assert reads.filter(youth=world.youth["chris"]).exists()
    assert reads.filter(youth=None, bsn_hash=bsn_lookup_key(UNKNOWN_BSN)).exists()

    # The provider's own child: no warning about a missing allocation, nor about the name.
    response = provider.post(
        reverse("budgets:exception-request"),
        {
            **_request(world, world.youth["anna"].bsn),
            "given_name": "Anna",
            "family_name": "Visser",
            "birth_date": "2012-03-01",
        },
    )
    assert response.status_code == 302
    anna = CeilingException.objects.get(youth=world.youth["anna"])
    page = manager.get(reverse("budgets:exception-list")).content.decode()
    anna_cell = next(c for c in _identity_cells(page) if "Anna Visser" in c)
    assert "data-warning" not in anna_cell

    response = manager.post(
        reverse("budgets:exception-decide", kwargs={"pk": anna.pk}),
        {"decision": "grant", "decision_reason": "Zwaarwegend belang"},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.status == ExceptionStatus.GRANTED


def test_a_youth_registered_later_is_linked_when_contract_management_decides(world):
    provider = _client(world, Role.PROVIDER)
    _ask(provider, world, UNKNOWN_BSN)
    exception = CeilingException.objects.get()
    assert exception.youth is None
    youth = youth_create(
        actor=None,
        bsn=UNKNOWN_BSN,
        given_name="Kris",
        family_name="Verzonnen",
        birth_date=dt.date(2019, 5, 5),
        municipality=world.dordrecht,
    )
    manager = _client(world, Role.CONTRACT_MANAGER)
    response = manager.post(
        reverse("budgets:exception-decide", kwargs={"pk": exception.pk}),
        {"decision": "grant", "decision_reason": "Crisis"},
    )
    assert response.status_code == 302
    exception.refresh_from_db()
    assert (exception.status, exception.youth_id) == (ExceptionStatus.GRANTED, youth.pk)
    allocation = allocation_grant(
        actor=None,
        youth=youth,
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 6, 2),
        end=dt.date(2025, 12, 31),
        volume=10,
        frequency=Frequency.TOTAL,
        ceiling_exception=exception,
    )
    assert allocation.ceiling_exception == exception
    with pytest.raises(ValidationError):
        check_exception_allocation(
            exception=exception, youth=world.youth["chris"], provider=world.provider
        )


def test_a_request_granted_before_the_youth_was_known_carries_care_for_that_bsn_only(world):
    provider = _client(world, Role.PROVIDER)
    _ask(provider, world, UNKNOWN_BSN)
    exception = CeilingException.objects.get()
    exception.status = ExceptionStatus.GRANTED
    exception.save()
    youth = youth_create(
        actor=None,
        bsn=UNKNOWN_BSN,
        given_name="Kris",
        family_name="Verzonnen",
        birth_date=dt.date(2019, 5, 5),
        municipality=world.dordrecht,
    )
    check_exception_allocation(exception=exception, youth=youth, provider=world.provider)
    with pytest.raises(ValidationError):
        check_exception_allocation(
            exception=exception, youth=world.youth["chris"], provider=world.provider
        )
