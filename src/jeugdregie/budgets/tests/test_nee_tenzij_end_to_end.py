# SPDX-License-Identifier: EUPL-1.2
"""budgets.md §5: a provider under a client stop asks to take in one youth anyway; granted
care runs on its own line, apart from the ceiling, and is reported half-yearly."""

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.budgets.client_stops import client_stop_decide, client_stop_request
from jeugdregie.budgets.constants import ExceptionStatus
from jeugdregie.budgets.exceptions import half_year_report
from jeugdregie.budgets.models import CeilingException, ProviderLedger
from jeugdregie.budgets.services import realisation_book, realisation_credit
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _login(username: str) -> Client:
    client = Client()
    sign_in(client, User.objects.get(username=username))
    return client


def _ledger(world) -> ProviderLedger:
    return ProviderLedger.objects.get(region=world.region, provider=world.provider, year=2025)


def test_nee_tenzij_from_request_to_half_year_report(world):
    stop = client_stop_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        start=dt.date(2025, 6, 1),
        reason="Plafond bereikt",
    )
    client_stop_decide(
        actor=world.users[Role.CONTRACT_MANAGER], stop=stop, confirm=True, reason="Akkoord"
    )

    # The provider asks, on screen, for Chris: the care cannot wait and is only here.
    provider = _login("aanbieder")
    response = provider.post(
        reverse("budgets:exception-request"),
        {
            "bsn": world.youth["chris"].bsn,
            "given_name": "Chris",
            "family_name": "Bakker",
            "birth_date": "2012-03-03",
            "product": world.product.pk,
            "cannot_wait": "on",
            "only_here": "on",
            "explanation": "Crisisplek, alleen hier beschikbaar",
        },
    )
    assert response.status_code == 302
    exception = CeilingException.objects.get()
    assert exception.status == ExceptionStatus.REQUESTED
    assert exception.youth == world.youth["chris"]  # linked for the region

    # Contract management grants it on screen.
    manager = _login("contractbeheer")
    response = manager.post(
        reverse("budgets:exception-decide", kwargs={"pk": exception.pk}),
        {"decision": "grant", "decision_reason": "Zwaarwegend belang"},
    )
    assert response.status_code == 302
    exception.refresh_from_db()
    assert exception.status == ExceptionStatus.GRANTED

    # Without the exception the stop refuses Chris; with it the care is booked apart.
    care = {
        "actor": None,
        "youth": world.youth["chris"],
        "provider": world.provider,
        "product": world.product,
        "start": dt.date(2025, 6, 2),
        "end": dt.date(2025, 12, 31),
        "volume": 100,
        "frequency": Frequency.TOTAL,
    }
    with pytest.raises(ValidationError):
        allocation_grant(**care)
    commitment_before = _ledger(world).commitment
    allocation = allocation_grant(**care, ceiling_exception=exception)
    assert _ledger(world).commitment == commitment_before

    realisation_before = _ledger(world).realisation
    lines = [
        realisation_book(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2025,
            month=month,
            amount=amount,
            reference=reference,
            allocation=allocation,
        )
        for reference, month, amount in (
            ("JW323-1", 6, "1500.00"),
            ("JW323-2", 6, "250.25"),
            ("JW323-3", 7, "900.00"),
        )
    ]
    realisation_credit(actor=None, original=lines[1], reference="JW323-2-C")
    assert _ledger(world).realisation == realisation_before

    first = half_year_report(
        user=world.users[Role.CONTRACT_MANAGER], provider_id=world.provider.pk, year=2025, half=1
    )
    second = half_year_report(
        user=world.users[Role.PROVIDER], provider_id=world.provider.pk, year=2025, half=2
    )
    assert [line.amount for line in first.lines] == [Decimal("1500.00")]
    assert first.total == sum(line.amount for line in first.lines) == Decimal("1500.00")
    assert second.total == sum(line.amount for line in second.lines) == Decimal("900.00")

    page = manager.get(
        reverse("budgets:exception-report", kwargs={"pk": world.provider.pk}), {"jaar": 2025}
    ).content.decode()
    total = re.search(r'id="totaal">([^<]+)<', page)
    assert total is not None
    assert total.group(1) == "€ 1.500,00"


def _ask(world, *, cannot_wait, only_here, explanation):
    from jeugdregie.budgets.exceptions import exception_request
    from jeugdregie.clients.submissions import Submission

    return exception_request(
        actor=world.users[Role.PROVIDER],
        region=world.region,
        provider=world.provider,
        submission=Submission(
            bsn=world.youth["chris"].bsn,
            given_name="Chris",
            family_name="Bakker",
            birth_date=dt.date(2012, 3, 3),
        ),
        product=world.product,
        cannot_wait=cannot_wait,
        only_here=only_here,
        explanation=explanation,
    )


# budgets.md §5 (corrected December 2026): the two reasons are examples; one weighty reason
# with a motivation suffices (this refused a request with only "cannot wait" before).
@pytest.mark.parametrize(
    ("cannot_wait", "only_here", "explanation"),
    [
        (True, False, "Escalatie thuis, uitstel leidt tot uithuisplaatsing"),
        (False, True, "Enige aanbieder met deze behandeling voor eetstoornissen"),
        (False, False, "Zwaarwegend: de behandelaar kent het gezin al jaren (andere reden)"),
    ],
    ids=["cannot wait", "only here", "another reason in words"],
)
def test_one_weighty_reason_with_a_motivation_suffices(world, cannot_wait, only_here, explanation):
    exception = _ask(world, cannot_wait=cannot_wait, only_here=only_here, explanation=explanation)

    assert exception.pk is not None
    assert exception.explanation == explanation


def test_a_request_without_a_motivation_is_refused(world):
    with pytest.raises(ValidationError, match=r"zwaarwegende reden|weighty reason"):
        _ask(world, cannot_wait=True, only_here=True, explanation="  ")
