# SPDX-License-Identifier: EUPL-1.2
"""A JW315 at a provider that is not contracted for the product's lot on the start date:
with a medical referral (COD327 02 general practitioner, 03 youth doctor, 05 medical
specialist) the worklist flags it and the region may still approve it; with any other
referrer approving is refused with the Dutch reason (the worklist says so beforehand)."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.services import contract_create
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import LotFactory, ProviderFactory, World, synthetic_test_bsn
from jeugdregie.workflows.requests import allocation_request_approve

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 3)
NOT_CONTRACTED = "Zorggroep Uithof heeft op 3 maart 2025 geen contract voor perceel Jeugd-GGZ."


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


@pytest.fixture
def uncontracted(world: World) -> Provider:
    """Contracted by the region, but for another lot only."""
    provider = ProviderFactory.create(name="Zorggroep Uithof")
    contract_create(
        actor=None,
        region=world.region,
        provider=provider,
        kind=ContractKind.REGIONAL,
        reference="OTHER-LOT",
        lots=[LotFactory.create(region=world.region, code="OTHER", name="Ander perceel")],
        start=dt.date(2024, 1, 1),
    )
    return provider


def _request(provider: Provider, referrer: str) -> AllocationRequest:
    message_receive(
        data=m.jw315(
            provider.agb_code,
            "VOT1",
            bsn=synthetic_test_bsn(60),
            day=DAY,
            reference="VOT-1",
            start=DAY,
            end=dt.date(2025, 12, 31),
        )
    )
    request = AllocationRequest.objects.get(provider=provider, reference="VOT-1")
    assert request.referrer_type == ReferrerType.GENERAL_PRACTITIONER  # as the message says
    if referrer != request.referrer_type:
        request.referrer_type = referrer
        request.save()
    return request


@pytest.mark.parametrize(
    "referrer",
    [ReferrerType.GENERAL_PRACTITIONER, ReferrerType.YOUTH_DOCTOR, ReferrerType.MEDICAL_SPECIALIST],
)
def test_a_medical_referral_is_flagged_on_the_worklist_and_can_be_approved(
    world: World, client: Client, uncontracted: Provider, referrer: str
) -> None:
    request = _request(uncontracted, referrer)
    sign_in(client, world.users[Role.CONTRACT_MANAGER])

    page = client.get(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})
    ).content.decode()
    assert NOT_CONTRACTED in page
    assert "gemarkeerd, niet geweigerd" in page

    allocation = allocation_request_approve(
        actor=world.users[Role.CONTRACT_MANAGER], request=request
    )
    assert allocation.provider == uncontracted
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED


@pytest.mark.parametrize(
    "referrer",
    [
        ReferrerType.MUNICIPALITY,
        ReferrerType.CERTIFIED_INSTITUTION,
        ReferrerType.SELF_OR_NONE,
        ReferrerType.COURT,
    ],
)
def test_any_other_referrer_is_refused_with_the_reason(
    world: World, client: Client, uncontracted: Provider, referrer: str
) -> None:
    request = _request(uncontracted, referrer)
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    page = client.get(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})
    ).content.decode()
    assert NOT_CONTRACTED in page
    assert "Kies een gecontracteerde aanbieder" in page

    with pytest.raises(ValidationError) as refused:
        allocation_request_approve(actor=world.users[Role.CONTRACT_MANAGER], request=request)

    assert refused.value.message_dict["provider"][0].startswith(NOT_CONTRACTED)
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert not Allocation.objects.filter(provider=uncontracted).exists()


def test_a_contracted_provider_gets_no_flag(world: World, client: Client) -> None:
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "VOT1",
            bsn=synthetic_test_bsn(60),
            day=DAY,
            reference="VOT-1",
            start=DAY,
            end=dt.date(2025, 12, 31),
        )
    )
    request = AllocationRequest.objects.get(reference="VOT-1")
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    page = client.get(
        reverse("messaging:allocation-request-detail", kwargs={"pk": request.pk})
    ).content.decode()
    assert "geen contract voor perceel" not in page
