# SPDX-License-Identifier: EUPL-1.2
"""An expert-table member sees exactly the youth of the cases on a table they sit on.

"A table they sit on" is a meeting of the region with the user among its members. Anna's case
is on such a meeting, Bram's on a meeting the member does not sit on, Chris's on no meeting:
the member sees Anna (her case, her meeting, her youth record, by search and by the API) and
nothing of Bram or Chris; another member of the table who does not sit on that meeting sees
nobody. The same answer everywhere: cases, meetings, youth pages, search and the API.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.authentication.services import user_create
from jeugdregie.casetable.constants import CaseKind
from jeugdregie.casetable.models import Case, Meeting
from jeugdregie.casetable.services import case_create, case_schedule, meeting_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import PASSWORD, ProviderFactory, World

pytestmark = pytest.mark.django_db


def _case(world: World, key: str) -> Case:
    return case_create(
        actor=world.users[Role.CONTRACT_MANAGER],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth[key],
        provider=ProviderFactory.create(name=f"Zorgboerderij {key}"),
        product=world.product,
        request_date=dt.date(2025, 3, 3),
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency="4",
        tariff=Decimal("90.00"),
        care_setting="ambulant",
        facts={"acute_crisis_or_serious_harm": True, "contracted_providers_contacted": True},
    )


def _meeting(world: World, members: list[User], case: Case) -> Meeting:
    meeting = meeting_create(
        actor=world.users[Role.CONTRACT_MANAGER],
        date=timezone.localdate() + dt.timedelta(days=7),
        members=members,
    )
    case_schedule(actor=world.users[Role.CONTRACT_MANAGER], case=case, meeting=meeting)
    return meeting


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_an_expert_member_sees_the_youth_of_cases_on_their_tables_and_no_other(world: World):
    expert = world.users[Role.EXPERT_MEMBER]
    manager = world.users[Role.CONTRACT_MANAGER]
    cases = {key: _case(world, key) for key in ("anna", "bram", "chris")}
    own = _meeting(world, [expert, manager], cases["anna"])
    other = _meeting(world, [manager], cases["bram"])

    client = _client(expert)
    listing = client.get(reverse("casetable:case-list")).content.decode()
    assert "Visser" in listing
    assert "de Jong" not in listing
    assert "Bakker" not in listing
    for key, status in (("anna", 200), ("bram", 404), ("chris", 404)):
        url = reverse("casetable:case-detail", kwargs={"pk": cases[key].pk})
        assert client.get(url).status_code == status, key
    meetings = client.get(reverse("casetable:meeting-list")).content.decode()
    assert reverse("casetable:meeting-detail", kwargs={"pk": own.pk}) in meetings
    assert reverse("casetable:meeting-detail", kwargs={"pk": other.pk}) not in meetings
    assert client.get(reverse("casetable:meeting-detail", kwargs={"pk": own.pk})).status_code == 200
    for name in ("meeting-detail", "meeting-agenda-pdf"):
        assert client.get(reverse(f"casetable:{name}", kwargs={"pk": other.pk})).status_code == 404

    for key, status in (("anna", 200), ("bram", 404), ("chris", 404), ("daan", 404)):
        youth = world.youth[key]
        page = client.get(reverse("clients:youth-detail", kwargs={"pk": youth.pk}))
        assert page.status_code == status, key
        api = client.get(reverse("api-youth-detail", kwargs={"pk": youth.pk}))
        assert api.status_code == status, key
        search = client.post(reverse("clients:youth-search"), {"q": youth.bsn}, follow=True)
        found = search.content.decode()
        assert (youth.family_name in found) == (key == "anna"), key
        api_found = client.post(
            reverse("api-youth-search"),
            data=json.dumps({"q": youth.bsn}),
            content_type="application/json",
        ).json()
        assert [row["id"] for row in api_found] == ([youth.pk] if key == "anna" else []), key


def test_a_member_who_does_not_sit_on_the_meeting_sees_nobody(world: World):
    expert = world.users[Role.EXPERT_MEMBER]
    assert expert.organisation is not None
    colleague = user_create(
        username="expert2",
        password=PASSWORD,
        organisation=expert.organisation,
        role=Role.EXPERT_MEMBER,
    )
    case = _case(world, "anna")
    _meeting(world, [expert], case)
    client = _client(colleague)
    assert "Visser" not in client.get(reverse("casetable:case-list")).content.decode()
    assert client.get(reverse("casetable:case-detail", kwargs={"pk": case.pk})).status_code == 404
    anna = world.youth["anna"]
    assert client.get(reverse("clients:youth-detail", kwargs={"pk": anna.pk})).status_code == 404
