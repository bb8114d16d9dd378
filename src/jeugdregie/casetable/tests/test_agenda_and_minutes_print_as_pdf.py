# SPDX-License-Identifier: EUPL-1.2
"""The table prints its agenda before a meeting and the minutes after: PDFs that name the
meeting, its members, every case on the agenda and, in the minutes, each decision."""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable.constants import CaseKind, TableDecision
from jeugdregie.casetable.services import case_create, case_schedule, meeting_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory, World
from jeugdregie.testing.pdf import pdf_text
from jeugdregie.workflows.cases import agenda_decide

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


_text = pdf_text


def test_agenda_and_minutes_name_the_cases_and_the_decisions(world: World) -> None:
    expert, manager = world.users[Role.EXPERT_MEMBER], world.users[Role.CONTRACT_MANAGER]
    meeting = meeting_create(actor=expert, date=dt.date(2025, 3, 10), members=[expert, manager])
    case = case_create(
        actor=world.users[Role.ACCESS_STAFF],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth["anna"],
        provider=ProviderFactory.create(name="Zorgboerderij De Hoeve"),
        product=world.product,
        request_date=dt.date(2025, 3, 3),
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency="4",
        tariff=Decimal("90.00"),
        care_setting="ambulant",
        facts={"acute_crisis_or_serious_harm": True},
    )
    item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=meeting)
    client = Client()
    sign_in(client, expert)

    agenda = client.get(reverse("casetable:meeting-agenda-pdf", kwargs={"pk": meeting.pk}))
    agenda_decide(
        actor=expert, item=item, decision=TableDecision.POSTPONE, motivation="Navragen bij school"
    )
    minutes = client.get(reverse("casetable:meeting-minutes-pdf", kwargs={"pk": meeting.pk}))

    assert agenda["Content-Type"] == "application/pdf"
    assert 'filename="agenda-2025-03-10.pdf"' in agenda["Content-Disposition"]
    text = _text(agenda.content)
    assert "Agenda van het expertteam" in text
    assert "10 maart 2025" in text
    assert case.number in text
    assert "Zorgboerderij De Hoeve" in text
    assert "Aanhouden" not in text
    text = _text(minutes.content)
    assert "Verslag van het expertteam" in text
    assert case.number in text
    assert "Aanhouden" in text
    assert "Navragen bij school" in text
