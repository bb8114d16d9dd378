# SPDX-License-Identifier: EUPL-1.2
"""One owner for "is this provider contracted for this lot on this day"
(``contracting.selectors.provider_contracted``), asked by every caller — the manual
allocation, the manual and the automatic approval of a JW315, a new product in a JW317, the
alternatives named under a client stop, and the light-contract request of the case table —
gives the same verdict for the same contract.

A contract counts on day D when it starts on or before D and ends on or after D (the end
date is its last day); a light contract never makes a provider contracted for the lot.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.budgets.client_stops import alternatives_with_headroom
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.casetable.constants import CaseKind
from jeugdregie.casetable.services import case_create
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.constants import ContractKind, Frequency
from jeugdregie.contracting.models import Lot, Provider
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.contracting.services import contract_create
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.services.requests import auto_approval_refusal
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import LotFactory, ProviderFactory, World, synthetic_test_bsn
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.requests import allocation_request_approve, change_request_approve

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 3)  # today, and the start of every requested care
LONG_AGO = dt.date(2024, 1, 1)

# (contract on the product's lot or another one, kind, start, end) -> contracted on DAY
SCENARIOS = {
    "running": ("lot", ContractKind.REGIONAL, LONG_AGO, None, True),
    "tender": ("lot", ContractKind.TENDER, LONG_AGO, None, True),
    "ends that day": ("lot", ContractKind.REGIONAL, LONG_AGO, DAY, True),
    "ended": ("lot", ContractKind.REGIONAL, LONG_AGO, DAY - dt.timedelta(days=1), False),
    "starts later": ("lot", ContractKind.REGIONAL, DAY + dt.timedelta(days=1), None, False),
    "light contract": ("lot", ContractKind.LIGHT, LONG_AGO, None, False),
    "another lot": ("other", ContractKind.REGIONAL, LONG_AGO, None, False),
}


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _provider(world: World, scenario: str) -> Provider:
    """A provider with the scenario's contract, a ceiling with room, and a light contract for
    another lot: the latter lets its messages past the header check (any contract with the
    region running today) and on its own never counts."""
    where, kind, start, end, _contracted = SCENARIOS[scenario]
    other = Lot.objects.filter(region=world.region, code="OTHER").first() or LotFactory.create(
        region=world.region, code="OTHER", name="Ander perceel"
    )
    provider = ProviderFactory.create(name="Zorggroep Uithof")
    contract_create(
        actor=None,
        region=world.region,
        provider=provider,
        kind=ContractKind.LIGHT,
        reference="LC-BASE",
        lots=[other],
        start=LONG_AGO,
    )
    contract_create(
        actor=None,
        region=world.region,
        provider=provider,
        kind=kind,
        reference="SCENARIO",
        lots=[world.lot if where == "lot" else other],
        start=start,
        end=end,
    )
    ceiling_set(
        actor=None,
        region=world.region,
        provider=provider,
        year=2025,
        amount=Decimal("500000"),
        basis=CeilingBasis.FIXED,
        reason="test",
    )
    return provider


def _refused(call: Callable[[], object]) -> dict[str, list[str]] | None:
    """The errors by field when ``call`` is refused, None when it is not."""
    try:
        call()
    except ValidationError as refused:
        return refused.message_dict if hasattr(refused, "error_dict") else {"": refused.messages}
    return None


def _manual_allocation(world: World, provider: Provider, client: Client) -> bool:
    sign_in(client, world.users[Role.ACCESS_STAFF])
    response = client.post(
        reverse("allocations:allocation-create"),
        {
            "bsn": world.youth["anna"].bsn,
            "provider": str(provider.pk),
            "product": str(world.product.pk),
            "start": DAY.isoformat(),
            "volume": "2",
            "frequency": Frequency.PER_WEEK,
        },
    )
    if response.status_code == 400:
        page = response.content.decode()
        assert f"{provider.name} heeft op 3 maart 2025 geen contract voor perceel Jeugd-GGZ" in page
        assert not Allocation.objects.filter(provider=provider).exists()
        return False
    assert response.status_code == 302
    return Allocation.objects.filter(provider=provider, youth=world.youth["anna"]).exists()


def _jw315(world: World, provider: Provider, index: int, referrer: str) -> AllocationRequest:
    reference = f"VOT-{index}"
    message_receive(
        data=m.jw315(
            provider.agb_code,
            f"VOT{index}",
            bsn=synthetic_test_bsn(60 + index),
            day=DAY,
            reference=reference,
            start=DAY,
            end=dt.date(2025, 12, 31),
        )
    )
    request = AllocationRequest.objects.get(provider=provider, reference=reference)
    request.referrer_type = referrer  # the message names a GP; here another referrer
    request.save()
    return request


def _jw315_manual(world: World, provider: Provider, client: Client) -> bool:
    request = _jw315(world, provider, 1, ReferrerType.MUNICIPALITY)
    refused = _refused(
        lambda: allocation_request_approve(
            actor=world.users[Role.CONTRACT_MANAGER], request=request
        )
    )
    if refused is not None:
        assert "geen contract voor perceel" in refused["provider"][0], refused
    return refused is None


def _jw315_automatic(world: World, provider: Provider, client: Client) -> bool:
    request = _jw315(world, provider, 2, ReferrerType.CERTIFIED_INSTITUTION)
    refusal = auto_approval_refusal(request, today=DAY, automatic=True)
    if refusal is not None:
        assert "geen contract voor het perceel" in refusal, refusal
    return refusal is None


def _jw317_new_product(world: World, provider: Provider, client: Client) -> bool:
    bsn = synthetic_test_bsn(70)
    youth = youth_create(
        actor=None,
        bsn=bsn,
        given_name="Eva",
        family_name="Mulder",
        birth_date=dt.date(2013, 5, 1),
        municipality=world.dordrecht,
    )
    current = allocation_grant(  # care that ran before (set up without the decision path)
        actor=None,
        youth=youth,
        provider=provider,
        product=world.product,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        volume=10,
        frequency=Frequency.PER_MONTH,
    )
    message_receive(
        data=m.jw317(
            provider.agb_code,
            "VOW1",
            bsn=bsn,
            day=DAY,
            reference="VOW-1",
            changed=[(int(current.number), current.start, dt.date(2025, 11, 30), 10)],
        )
    )
    request = ChangeRequest.objects.get(provider=provider, reference="VOW-1")
    request.changes["new"] = [  # the helper builds no new products: add one
        {
            "category": world.product.category.code,
            "code": world.product.code,
            "start": DAY.isoformat(),
            "end": "2025-12-31",
            "volume": 4,
            "frequency": Frequency.PER_MONTH,
            "budget": None,
        }
    ]
    request.save()
    before = Allocation.objects.filter(youth=youth).count()
    refused = _refused(
        lambda: change_request_approve(actor=world.users[Role.CONTRACT_MANAGER], request=request)
    )
    if refused is not None:
        assert "geen contract voor perceel" in refused["provider"][0], refused
        return False
    return Allocation.objects.filter(youth=youth).count() == before + 1


def _client_stop_alternative(world: World, provider: Provider, client: Client) -> bool:
    alternatives = alternatives_with_headroom(
        region=world.region, provider=world.provider, product=world.product, on=DAY
    )
    assert world.other_provider in [p for p, _headroom in alternatives]
    return provider in [p for p, _headroom in alternatives]


def _light_contract_request(world: World, provider: Provider, client: Client) -> bool:
    """The case table takes a light-contract request only for a provider that is not
    contracted for the lot (a contracted one gets an allocation or a ceiling overrun)."""
    refused = _refused(
        lambda: case_create(
            actor=world.users[Role.ACCESS_STAFF],
            kind=CaseKind.LIGHT_CONTRACT,
            youth=world.youth["chris"],
            provider=provider,
            product=world.product,
            request_date=DAY,
            start=DAY,
            end=dt.date(2025, 8, 31),
            volume=10,
            frequency=Frequency.PER_MONTH,
            tariff=Decimal("90.00"),
            care_setting="ambulant",
        )
    )
    if refused is not None:
        assert set(refused) == {"provider"}, refused
    return refused is not None


CALLERS = {
    "manual allocation": _manual_allocation,
    "JW315 manual approval": _jw315_manual,
    "JW315 automatic approval": _jw315_automatic,
    "JW317 new product": _jw317_new_product,
    "client-stop alternatives": _client_stop_alternative,
    "light-contract request": _light_contract_request,
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_caller_gives_the_owners_verdict(world: World, client: Client, scenario: str) -> None:
    provider = _provider(world, scenario)
    expected = SCENARIOS[scenario][-1]
    assert provider_contracted(provider=provider, product=world.product, on=DAY) is expected

    verdicts = {name: caller(world, provider, client) for name, caller in CALLERS.items()}

    assert verdicts == dict.fromkeys(CALLERS, expected)
