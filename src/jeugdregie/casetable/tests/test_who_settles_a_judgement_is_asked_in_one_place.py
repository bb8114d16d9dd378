# SPDX-License-Identifier: EUPL-1.2
""" "Who settles a judgement" has one owner (issue 12): ``casetable.selectors.may_settle``. Over
every role and every case status it answers what the service does (settle or refuse), what
the case page offers (the judgement form) and what the engine counts (a settled, not a
pending, judgement); and it follows the rule set in force, not a list of its own."""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.casetable import evaluation
from jeugdregie.casetable.constants import CaseKind, CaseStatus
from jeugdregie.casetable.models import Case
from jeugdregie.casetable.selectors import may_settle
from jeugdregie.casetable.services import (
    case_create,
    case_schedule,
    judgement_settle,
    meeting_create,
)
from jeugdregie.contracting.constants import Frequency
from jeugdregie.framework.engine import default_registry
from jeugdregie.framework.engine.rulesets import Registry
from jeugdregie.framework.selectors import settles_judgements
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
JUDGEMENT = "acute_crisis_or_serious_harm"
SETTLING = {Role.EXPERT_MEMBER, Role.CONTRACT_MANAGER}
OPEN = {CaseStatus.OPEN, CaseStatus.ON_AGENDA}
# (role, status, may settle): every role against every status
CASES = [
    (role, status, role in SETTLING and status in OPEN) for role in Role for status in CaseStatus
]


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


@pytest.fixture
def case(world) -> Case:
    return case_create(
        actor=world.users[Role.ACCESS_STAFF],
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth["anna"],
        provider=ProviderFactory.create(name="Zorgboerderij De Hoeve"),
        product=world.product,
        request_date=TODAY,
        start=dt.date(2025, 8, 1),
        end=dt.date(2026, 1, 31),
        volume=10,
        frequency=Frequency.PER_MONTH,
        tariff=Decimal("90.00"),
        care_setting="ambulant",
        facts={
            "exception_grounds": [],
            JUDGEMENT: True,
            "contracted_offer_available": False,
            "contracted_providers_contacted": True,
            "bridging_care_possible": False,
            "pgb_possible": False,
            "care_abroad": False,
            "content_proportional": True,
            "annual_cost": "10800.00",
            "route": "expert_team",
        },
    )


def _pending(case: Case) -> bool:
    result = evaluation.explain(case_id=case.number, facts=case.facts)
    return any(f.fact == JUDGEMENT and f.pending for e in result.trace for f in e.facts)


@pytest.mark.parametrize(("role", "status", "allowed"), CASES)
def test_the_service_follows_may_settle(world, case, role, status, allowed):
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    user = world.users[role]
    assert may_settle(user=user, case=case) is allowed
    assert _pending(case)
    if allowed:
        settled = judgement_settle(
            actor=user, case=case, fact=JUDGEMENT, value=True, motivation="crisis in het gezin"
        )
        assert not _pending(settled)  # the engine counts what the owner allowed
    else:
        with pytest.raises(ValidationError):
            judgement_settle(actor=user, case=case, fact=JUDGEMENT, value=True, motivation="crisis")


@pytest.mark.parametrize("role", [Role.EXPERT_MEMBER, Role.CONTRACT_MANAGER, Role.ACCESS_STAFF])
@pytest.mark.parametrize("status", [CaseStatus.ON_AGENDA, CaseStatus.APPROVED])
def test_the_case_page_offers_the_form_exactly_when_may_settle(world, case, role, status):
    member, manager = world.users[Role.EXPERT_MEMBER], world.users[Role.CONTRACT_MANAGER]
    # on a table the member sits on, so every role here sees the case
    meeting = meeting_create(actor=member, date=dt.date(2025, 3, 10), members=[member, manager])
    case_schedule(actor=manager, case=case, meeting=meeting)
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    user = world.users[role]
    client = Client()
    sign_in(client, user)
    response = client.get(reverse("casetable:case-detail", args=[case.pk]))
    assert response.status_code == 200
    offered = response.context["judgement_form"] is not None
    assert offered is may_settle(user=user, case=case)
    assert offered is (role in SETTLING and status in OPEN)


def test_the_rule_set_in_force_decides_not_a_list_of_our_own(world):
    ruleset = default_registry().select(TODAY)
    assert ruleset.judgement_settled_by == {"expert_team", "contract_management"}
    only_table = Registry(
        [
            dataclasses.replace(r, judgement_settled_by=frozenset({"expert_team"}))
            for r in default_registry().rulesets
        ]
    )
    answers: dict[str, Any] = {
        role: settles_judgements(role=role, on=TODAY, registry=only_table) for role in Role
    }
    assert {role for role, yes in answers.items() if yes} == {Role.EXPERT_MEMBER}
    # no rule set in force: nobody settles
    assert not any(settles_judgements(role=role, on=dt.date(1990, 1, 1)) for role in Role)
