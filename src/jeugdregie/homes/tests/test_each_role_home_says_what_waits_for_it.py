# SPDX-License-Identifier: EUPL-1.2
"""Each role's home says, in Dutch, what waits for it — from every app's worklist — and links
to the page where the work is done; a role with nothing to do is told so, and nobody is told
about another organisation's work.

Contract management has a JW315 to decide and open cases; an expert-table member sees the
case on the agenda of a planned meeting they sit on (and a member who does not sit on it
sees nothing); the provider that sent the JW315 is not told about the region's decisions.
"""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.authentication.services import user_create
from jeugdregie.casetable.constants import CaseKind
from jeugdregie.casetable.models import Case
from jeugdregie.casetable.services import case_create, case_schedule, meeting_create
from jeugdregie.homes.selectors import home_worklist
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import PASSWORD, ProviderFactory, World, synthetic_test_bsn

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _case(world: World, key: str) -> Case:
    return case_create(
        actor=world.users[Role.CONTRACT_MANAGER],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth[key],
        provider=ProviderFactory.create(name=f"Zorgboerderij {key}"),
        product=world.product,
        request_date=TODAY,
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency="4",
        tariff=Decimal("90.00"),
        care_setting="ambulant",
        facts={"acute_crisis_or_serious_harm": True, "contracted_providers_contacted": True},
    )


def _home(user: User) -> str:
    client = Client()
    sign_in(client, user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_each_role_home_says_what_waits_for_it(world: World):
    manager = world.users[Role.CONTRACT_MANAGER]
    expert = world.users[Role.EXPERT_MEMBER]
    assert expert.organisation is not None
    other_expert = user_create(
        username="deskundige.twee",
        password=PASSWORD,
        role=Role.EXPERT_MEMBER,
        organisation=expert.organisation,
    )
    provider = world.users[Role.PROVIDER]
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "2025-0001",
            bsn=synthetic_test_bsn(51),
            day=TODAY,
            reference="REF-1",
            start=dt.date(2025, 3, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    cases = [_case(world, key) for key in ("anna", "bram", "chris")]
    meeting = meeting_create(actor=manager, date=TODAY + dt.timedelta(days=10), members=[expert])
    case_schedule(actor=manager, case=cases[0], meeting=meeting)

    page = _home(manager)
    assert "1 verzoek om toewijzing (JW315) wacht op een besluit" in page
    assert f'href="{reverse("messaging:allocation-request-list")}?status=open"' in page
    assert "2 open casussen wachten op een besluit of een plek op de agenda" in page
    assert "staat op de agenda" not in page

    page = _home(expert)
    assert "1 casus staat op de agenda van een overleg waaraan u deelneemt" in page
    assert f'href="{reverse("casetable:meeting-list")}"' in page
    assert "verzoek om toewijzing" not in page

    assert "Er wacht op dit moment niets op u." in _home(other_expert)
    page = _home(provider)
    assert "verzoek om toewijzing" not in page
    assert "casus" not in page
    assert home_worklist(user=provider) == []


def test_the_counts_follow_the_work(world: World):
    """A decided request leaves the list: the home counts what is open, not what happened."""
    manager = world.users[Role.CONTRACT_MANAGER]
    assert [item.key for item in home_worklist(user=manager)] == []
    cases = [_case(world, key) for key in ("anna", "bram")]
    [item] = home_worklist(user=manager)
    assert (item.key, item.count) == ("casetable.open_cases", 2)
    meeting = meeting_create(actor=manager, date=TODAY + dt.timedelta(days=3), members=[manager])
    case_schedule(actor=manager, case=cases[0], meeting=meeting)
    [item] = home_worklist(user=manager)
    assert item.count == 1
