# SPDX-License-Identifier: EUPL-1.2
"""Short stay (kortdurend verblijf, logeeropvang) is a care setting of its own (afwegingskader.md
§3, corrected December 2026): the access team can choose it, a PGB is possible for it (I5), and
an approved light contract for it counts as ambulant in the overview (memo: "48 ... ambulante
zorg (62%). Dit is inclusief kortdurend verblijf")."""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable import selectors
from jeugdregie.casetable.constants import CareSetting, CaseKind, TableDecision
from jeugdregie.casetable.models import Case
from jeugdregie.casetable.services import case_create, case_schedule, meeting_create
from jeugdregie.framework.models import EvaluationReceipt
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory, World
from jeugdregie.workflows.cases import agenda_decide

pytestmark = pytest.mark.django_db

SETTLED = {"value": True, "recorded_by_role": "expert_team", "motivation": "Dreigende escalatie"}
FACTS: dict[str, Any] = {
    "exception_grounds": [],
    "acute_crisis_or_serious_harm": SETTLED,
    "contracted_offer_available": False,
    "contracted_providers_contacted": True,
    "bridging_care_possible": False,
    "pgb_possible": False,
    "care_abroad": False,
    "content_proportional": SETTLED,
    "annual_cost": "10800.00",
    "route": "expert_team",
}


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _request(world: World, youth: str, care_setting: str, **facts: Any) -> Case:
    return case_create(
        actor=world.users[Role.ACCESS_STAFF],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth[youth],
        provider=ProviderFactory.create(),
        product=world.product,
        request_date=dt.date(2025, 3, 3),
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency="4",
        tariff=Decimal("90.00"),
        care_setting=care_setting,
        facts={**FACTS, **facts},
    )


def test_a_short_stay_with_a_pgb_possible_is_rejected_on_i5_not_excused_as_residential(
    world: World,
) -> None:
    case = _request(world, "anna", CareSetting.SHORT_STAY, pgb_possible=True)

    assert (case.outcome, case.care_setting) == ("afgewezen", "kortdurend_verblijf")
    receipt = EvaluationReceipt.objects.filter(case_id=case.number).latest("pk")
    assert receipt.result["reasons"] == ["I5"]


def test_an_approved_short_stay_counts_as_ambulant_in_the_overview(world: World) -> None:
    expert = world.users[Role.EXPERT_MEMBER]
    meeting = meeting_create(
        actor=expert,
        date=dt.date(2025, 3, 10),
        members=[expert, world.users[Role.CONTRACT_MANAGER]],
    )
    settings = {"anna": CareSetting.AMBULANT, "chris": CareSetting.SHORT_STAY}
    for youth, care_setting in settings.items():
        # the access team's own view of proportionality: pending, so the case goes to the table
        case = _request(world, youth, care_setting, content_proportional=True, return_plan=True)
        item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=meeting)
        agenda_decide(actor=expert, item=item, decision=TableDecision.APPROVE, motivation="Ja")

    (year,) = selectors.overview(user=world.users[Role.CONTRACT_MANAGER]).years

    assert (year.light_contracts, year.ambulant, year.residential) == (2, 2, 0)


def test_the_request_form_and_the_case_page_name_short_stay_in_dutch(world: World) -> None:
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    case = _request(world, "anna", CareSetting.SHORT_STAY)

    form = client.get(reverse("casetable:case-create")).content.decode()
    page = client.get(reverse("casetable:case-detail", args=[case.pk])).content.decode()

    assert 'value="kortdurend_verblijf"' in form
    assert "Kortdurend verblijf (logeeropvang)" in form
    assert "Kortdurend verblijf (logeeropvang)" in page
