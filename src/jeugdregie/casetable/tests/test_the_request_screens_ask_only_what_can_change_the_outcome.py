# SPDX-License-Identifier: EUPL-1.2
"""The request screens: the access team registers a request for a provider unknown to the
region (registered on the spot), sees only the questions that can still change the outcome,
answers them and sees the outcome change; bad input stores nothing; lists do not grow their
query count with their rows; the overview exports what it shows."""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable import selectors
from jeugdregie.casetable.constants import CaseKind, TableDecision
from jeugdregie.casetable.exports import overview_rows
from jeugdregie.casetable.models import Case
from jeugdregie.casetable.services import (
    case_answer,
    case_create,
    case_schedule,
    judgement_settle,
    meeting_create,
)
from jeugdregie.contracting.models import Provider
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory, World
from jeugdregie.workflows.cases import agenda_decide

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _client(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def _form(world: World, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": CaseKind.LIGHT_CONTRACT,
        "bsn": world.youth["anna"].bsn,
        "new_provider_name": "Zorgboerderij De Hoeve",
        "new_provider_agb": "41234567",
        "new_provider_kvk": "61234567",
        "product": world.product.pk,
        "care_setting": "ambulant",
        "request_date": "2025-03-03",
        "start": "2025-08-01",
        "end": "2026-01-31",
        "volume": "10",
        "frequency": "4",
        "tariff": "90.00",
    }
    data.update(changes)
    return data


def test_the_access_team_registers_a_request_and_answers_only_the_open_questions(
    world: World,
) -> None:
    client = _client(world, Role.ACCESS_STAFF)

    response = client.post(reverse("casetable:case-create"), _form(world))

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.provider.name == "Zorgboerderij De Hoeve"
    assert case.provider.agb_code == "41234567"
    assert case.outcome == "onvoldoende_informatie"
    page = client.get(response["Location"]).content.decode()
    assert "Vragen die de uitkomst nog kunnen veranderen" in page
    # Asked: whether an exception ground applies (it can still allow the request).
    assert 'name="vraag-exception_grounds"' in page
    # Not asked: facts that follow from the request itself, or cannot change anything yet.
    assert 'name="vraag-client_birth_date"' not in page
    assert 'name="vraag-tariff"' not in page
    assert 'name="vraag-stacking"' not in page

    answered = client.post(
        reverse("casetable:case-answer", kwargs={"pk": case.pk}),
        {"vraag-exception_grounds": ["U12"]},
    )

    assert answered.status_code == 302
    case.refresh_from_db()
    assert case.outcome == "uitzondering"
    assert case.exception_grounds == ["U12"]
    page = client.get(answered["Location"]).content.decode()
    assert "U12" in page
    assert "Vragen die de uitkomst nog kunnen veranderen" not in page


def test_a_request_with_a_bad_new_provider_or_unknown_bsn_stores_nothing(world: World) -> None:
    client = _client(world, Role.ACCESS_STAFF)

    bad_agb = client.post(reverse("casetable:case-create"), _form(world, new_provider_agb="4123"))
    unknown_youth = client.post(reverse("casetable:case-create"), _form(world, bsn="999990019"))
    no_provider = client.post(
        reverse("casetable:case-create"),
        _form(world, new_provider_name="", new_provider_agb="", new_provider_kvk=""),
    )

    assert bad_agb.status_code == 400
    assert "AGB" in bad_agb.content.decode()
    assert unknown_youth.status_code == 400
    assert no_provider.status_code == 400
    assert "Kies een aanbieder" in no_provider.content.decode()
    assert not Case.objects.exists()
    assert not Provider.objects.filter(name="Zorgboerderij De Hoeve").exists()


def _cases(world: World, count: int) -> None:
    for index in range(count):
        case_create(
            actor=world.users[Role.ACCESS_STAFF],
            kind=CaseKind.LIGHT_CONTRACT,
            youth=world.youth[["anna", "chris", "bram"][index % 3]],  # no stacking
            provider=ProviderFactory.create(),
            product=world.product,
            request_date=dt.date(2025, 3, 3),
            start=dt.date(2025, 8, 1),
            end=dt.date(2026, 1, 31),
            volume=10,
            frequency="4",
            tariff=Decimal("90.00"),
            care_setting=["ambulant", "verblijf"][index % 2],
            facts={},
        )


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_lists_run_as_many_queries_for_one_row_as_for_many(world: World) -> None:
    client = _client(world, Role.CONTRACT_MANAGER)
    _cases(world, 1)
    one = {name: _queries(client, reverse(name)) for name in ("casetable:case-list",)}
    _cases(world, 6)
    many = {name: _queries(client, reverse(name)) for name in ("casetable:case-list",)}
    assert one == many


def test_the_overview_counts_concluded_light_contracts_and_the_export_equals_the_screen(
    world: World,
) -> None:
    _cases(world, 4)
    expert = world.users[Role.EXPERT_MEMBER]
    meeting = meeting_create(
        actor=expert,
        date=dt.date(2025, 3, 10),
        members=[expert, world.users[Role.CONTRACT_MANAGER]],
    )
    for case in Case.objects.order_by("pk")[:3]:
        case = judgement_settle(
            actor=expert, case=case, fact="acute_crisis_or_serious_harm", value=True, motivation="x"
        )
    # Bring three cases to 'voorleggen' and approve them at the table: 2 ambulant, 1 residential.
    for case in Case.objects.order_by("pk")[:3]:
        case = case_answer(
            actor=world.users[Role.ACCESS_STAFF],
            case=case,
            answers={
                "exception_grounds": [],
                "contracted_offer_available": False,
                "contracted_providers_contacted": True,
                "bridging_care_possible": False,
                "pgb_possible": False,
                "care_abroad": False,
                "content_proportional": True,
                "annual_cost": "10800.00",
                "route": "expert_team",
                "return_plan": True,
            },
        )
        assert case.outcome == "voorleggen", case.number
        item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=meeting)
        agenda_decide(actor=expert, item=item, decision=TableDecision.APPROVE, motivation="Ja")

    data = selectors.overview(user=world.users[Role.CONTRACT_MANAGER])
    (year,) = data.years
    assert (year.year, year.light_contracts, year.ambulant, year.residential) == (2025, 3, 2, 1)
    assert (year.ambulant_share, year.residential_share) == (Decimal(67), Decimal(33))

    client = _client(world, Role.CONTRACT_MANAGER)
    page = client.get(reverse("casetable:overview")).content.decode()
    export = client.get(reverse("casetable:overview-xlsx"))
    book = load_workbook(BytesIO(export.content))
    for title, rows in overview_rows(data).items():
        sheet = book[title[:31]]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert values == [[float(v) if isinstance(v, Decimal) else v for v in row] for row in rows]
        for row in rows[1:]:
            assert str(row[0]) in page  # every row of the export is on the screen
