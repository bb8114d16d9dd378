# SPDX-License-Identifier: EUPL-1.2
"""The case page explains the afwegingskader's outcome in sentences (issue 14): the outcome
by its label, the rules that decided it named by their kind and code, and behind "Toon
onderbouwing" every exception ground, requirement and signal with what it concluded, the
facts it used by their labels and values in words, and its source by title."""

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable.constants import CareSetting, CaseKind
from jeugdregie.casetable.services import case_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory, World

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _page(world: World) -> str:
    case = case_create(
        actor=world.users[Role.ACCESS_STAFF],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth["anna"],
        provider=ProviderFactory.create(),
        product=world.product,
        request_date=dt.date(2025, 3, 3),
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency="4",
        tariff=Decimal("90.00"),
        care_setting=CareSetting.AMBULANT,
        facts={
            "exception_grounds": [],
            "acute_crisis_or_serious_harm": {
                "value": True,
                "recorded_by_role": "expert_team",
                "motivation": "Dreigende escalatie",
            },
            "contracted_offer_available": True,
            "route": "expert_team",
        },
    )
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    html = client.get(reverse("casetable:case-detail", args=[case.pk])).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_outcome_and_the_deciding_rules_are_named_in_words(world: World) -> None:
    page = _page(world)

    assert "Afgewezen —" in page
    assert "(afgewezen)" not in page
    assert "Inhoudelijke eis I3: Geen gecontracteerde aanbieder kan in de zorgvraag" in page
    assert "10 (per maand)" in page


def test_the_reasoning_reads_as_sentences_behind_show_the_reasoning(world: World) -> None:
    page = _page(world)
    reasoning = page.split("Toon onderbouwing", 1)[1]

    assert "Uitzonderingsgronden (U-codes)" in reasoning
    assert "Inhoudelijke eisen (I-codes)" in reasoning
    assert (
        "Inhoudelijke eis I3: Geen gecontracteerde aanbieder kan in de zorgvraag voorzien . "
        "Niet voldaan: de aanvraag wordt afgewezen. "
        "Op grond van: Gecontracteerd aanbod beschikbaar: ja." in reasoning
    )
    assert "Acute crisis of ernstige schade: ja (vastgelegd door lid expertteam)" in reasoning
    assert "Geclaimde uitzonderingsgronden: geen" in reasoning
    assert "Besluitroute: Expertteam" in reasoning
    assert "Tarief per eenheid: € 90,00" in reasoning
    assert "Bron: memo Herijking afwegingskader light-contracten: inhoudelijke eisen; " in reasoning
    for raw in ("expert_team", "exception_grounds", "seeds/", ".md", "onwaar", "90.00"):
        assert raw not in reasoning, raw
