# SPDX-License-Identifier: EUPL-1.2
"""After `make run` the worklist is not empty: the demo provider's JW315 requests arrived
through the real inbox, each with its JW316 retour, and seeding again adds nothing."""

import pytest

from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.demo import REQUESTS, requests_seed_demo
from jeugdregie.messaging.models import AllocationRequest, InboxMessage, OutboxMessage

pytestmark = pytest.mark.django_db


def test_the_demo_provider_has_requests_waiting_on_the_worklist() -> None:
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=2025)
    requests_seed_demo()  # whether or not seed_demo received them already

    requests = AllocationRequest.objects.filter(reference__startswith="DEMO-")
    assert requests.count() == REQUESTS
    assert set(requests.values_list("status", flat=True)) == {RequestStatus.OPEN}
    inbox = InboxMessage.objects.filter(source="demo")
    assert inbox.count() == REQUESTS
    assert OutboxMessage.objects.filter(retour_of__in=inbox, message_type="JW316").count() == (
        REQUESTS
    )

    assert requests_seed_demo() == 0
    assert AllocationRequest.objects.filter(reference__startswith="DEMO-").count() == REQUESTS
