# SPDX-License-Identifier: EUPL-1.2
"""Use cases of issue 5 (Build 2–4): the access team asks for a light contract with a provider
the region has not contracted; the framework says 'voorleggen' while judgements are pending;
the expert table puts it on a meeting, settles the judgements and approves; the light contract
and the allocation (JW301) follow. A ceiling overrun ends in a nee-tenzij grant; urgent cases
are reported at the next meeting; bad input changes nothing."""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.constants import ExceptionStatus
from jeugdregie.casetable.constants import CaseKind, CaseRoute, CaseStatus, TableDecision
from jeugdregie.casetable.models import Case, FollowUp
from jeugdregie.casetable.services import (
    case_answer,
    case_create,
    case_schedule,
    follow_up_create,
    follow_ups_remind,
    judgement_settle,
    meeting_create,
)
from jeugdregie.contracting.constants import ContractKind, Frequency
from jeugdregie.contracting.models import Contract, Provider
from jeugdregie.messaging.models import OutboxMessage
from jeugdregie.notifications.models import Notification
from jeugdregie.testing.factories import ProviderFactory, World
from jeugdregie.workflows.cases import agenda_decide, case_decide_direct

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 3)
# Everything the access team knows; the two judgements are its own view, not yet settled.
FACTS: dict[str, Any] = {
    "exception_grounds": [],
    "acute_crisis_or_serious_harm": True,
    "contracted_offer_available": False,
    "contracted_providers_contacted": True,
    "bridging_care_possible": False,
    "pgb_possible": False,
    "care_abroad": False,
    "content_proportional": True,
    "annual_cost": "10800.00",
    "route": "expert_team",
}


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


@pytest.fixture
def farm() -> Provider:
    """A provider without a contract in the region."""
    return ProviderFactory.create(name="Zorgboerderij De Hoeve")


def _request(world: World, provider: Provider, **changes: Any) -> Case:
    arguments: dict[str, Any] = {
        "actor": world.users[Role.ACCESS_STAFF],
        "kind": CaseKind.LIGHT_CONTRACT,
        "youth": world.youth["anna"],
        "provider": provider,
        "product": world.product,
        "request_date": TODAY,
        "start": dt.date(2025, 8, 1),  # after anna's running care: no stacking
        "end": dt.date(2026, 1, 31),
        "volume": 10,
        "frequency": Frequency.PER_MONTH,
        "tariff": Decimal("90.00"),
        "care_setting": "ambulant",
        "facts": dict(FACTS),
    }
    arguments.update(changes)
    return case_create(**arguments)


def _meeting(world: World) -> Any:
    return meeting_create(
        actor=world.users[Role.EXPERT_MEMBER],
        date=dt.date(2025, 3, 10),
        members=[world.users[Role.EXPERT_MEMBER], world.users[Role.CONTRACT_MANAGER]],
    )


def test_the_table_settles_the_judgements_approves_and_the_light_contract_follows(
    world: World, farm: Provider
) -> None:
    case = _request(world, farm)
    assert case.outcome == "voorleggen"  # two judgements are pending
    assert case.comparable_tariff == Decimal("100.00")  # looked up from the catalogue
    assert case.facts["stacking"] is False
    assert case.facts["client_birth_date"] == "2012-03-01"

    meeting = _meeting(world)
    item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=meeting)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ON_AGENDA
    expert = world.users[Role.EXPERT_MEMBER]
    for fact in ("acute_crisis_or_serious_harm", "content_proportional"):
        case = judgement_settle(
            actor=expert, case=case, fact=fact, value=True, motivation="Dreigende uithuisplaatsing"
        )
    assert case.outcome == "voldaan"
    assert case.facts["content_proportional"]["recorded_by_role"] == "expert_team"

    item.refresh_from_db()
    agenda_decide(actor=expert, item=item, decision=TableDecision.APPROVE, motivation="Akkoord")

    case.refresh_from_db()
    assert case.status == CaseStatus.APPROVED
    assert case.route == CaseRoute.EXPERT_TEAM
    contract = case.contract
    assert contract is not None
    assert (contract.kind, contract.provider, contract.reference) == (
        ContractKind.LIGHT,
        farm,
        case.number,
    )
    assert list(contract.lots.all()) == [world.product.lot]
    allocation = case.allocation
    assert allocation is not None
    assert (allocation.provider, allocation.youth, allocation.unit_price) == (
        farm,
        world.youth["anna"],
        Decimal("90.00"),
    )
    assert (allocation.start, allocation.end, allocation.volume) == (
        dt.date(2025, 8, 1),
        dt.date(2026, 1, 31),
        10,
    )
    assert OutboxMessage.objects.filter(youth=allocation.youth, message_type="JW301").exists()
    assert Notification.objects.filter(user=world.users[Role.ACCESS_STAFF]).exists()


def test_the_table_cannot_approve_while_information_is_missing_and_may_postpone(
    world: World, farm: Provider
) -> None:
    facts = dict(FACTS)
    del facts["contracted_providers_contacted"]
    case = _request(world, farm, facts=facts)
    assert case.outcome == "onvoldoende_informatie"
    item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=_meeting(world))
    expert = world.users[Role.EXPERT_MEMBER]

    with pytest.raises(ValidationError, match="Onvoldoende informatie"):
        agenda_decide(actor=expert, item=item, decision=TableDecision.APPROVE, motivation="Ja")
    agenda_decide(actor=expert, item=item, decision=TableDecision.POSTPONE, motivation="Navragen")

    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert case.allocation_id is None
    assert case.contract_id is None
    case = case_answer(
        actor=world.users[Role.ACCESS_STAFF],
        case=case,
        answers={"contracted_providers_contacted": True},
    )
    assert case.outcome == "voorleggen"


def test_a_ceiling_overrun_approved_by_the_table_is_a_nee_tenzij_grant_on_its_own_line(
    world: World,
) -> None:
    facts = {k: v for k, v in FACTS.items() if k != "exception_grounds"}
    facts["exception_grounds"] = []
    case = _request(world, world.provider, kind=CaseKind.CEILING_OVERRUN, facts=facts)
    item = case_schedule(actor=world.users[Role.ACCESS_STAFF], case=case, meeting=_meeting(world))
    expert = world.users[Role.EXPERT_MEMBER]
    for fact in ("acute_crisis_or_serious_harm", "content_proportional"):
        case = judgement_settle(actor=expert, case=case, fact=fact, value=True, motivation="Nodig")

    agenda_decide(actor=expert, item=item, decision=TableDecision.APPROVE, motivation="Akkoord")

    case.refresh_from_db()
    assert case.ceiling_exception is not None
    assert case.ceiling_exception.status == ExceptionStatus.GRANTED
    allocation = case.allocation
    assert allocation is not None
    assert allocation.ceiling_exception_id == case.ceiling_exception_id
    assert case.contract_id is None


def test_an_urgent_case_is_decided_directly_and_reported_at_the_next_meeting(
    world: World, farm: Provider
) -> None:
    case = _request(world, farm)
    manager = world.users[Role.CONTRACT_MANAGER]

    with pytest.raises(ValidationError, match=r"expertteam|urgente"):
        case_decide_direct(actor=manager, case=case, approve=True, motivation="Spoed")
    case_decide_direct(actor=manager, case=case, approve=True, motivation="Spoed", urgent=True)
    meeting = _meeting(world)

    case.refresh_from_db()
    assert case.status == CaseStatus.APPROVED
    assert case.route == CaseRoute.URGENT_DIRECT
    (item,) = meeting.items.all()
    assert item.case == case
    assert item.for_report
    with pytest.raises(ValidationError):
        agenda_decide(
            actor=world.users[Role.EXPERT_MEMBER],
            item=item,
            decision=TableDecision.REJECT,
            motivation="Te laat",
        )


def test_evaluation_moments_remind_the_requester_once(world: World, farm: Provider) -> None:
    case = _request(world, farm)
    follow_up_create(
        actor=world.users[Role.ACCESS_STAFF],
        case=case,
        due=dt.date(2025, 10, 1),
        description="Evaluatie na twee maanden",
    )

    assert follow_ups_remind(today=dt.date(2025, 9, 30)) == 0
    assert follow_ups_remind(today=dt.date(2025, 10, 1)) == 1
    assert follow_ups_remind(today=dt.date(2025, 10, 2)) == 0
    assert FollowUp.objects.get().reminded_at is not None
    assert Notification.objects.filter(
        user=world.users[Role.ACCESS_STAFF], subject__contains=case.number
    ).exists()


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"kind": CaseKind.LIGHT_CONTRACT, "provider": "contracted"}, "provider", "gecontracteerd"),
        ({"kind": CaseKind.CEILING_OVERRUN}, "provider", "geen contract"),
        ({"end": dt.date(2025, 7, 1)}, "end", "voor het begin"),
        ({"volume": 0}, "volume", "boven nul"),
        ({"care_setting": "thuis"}, "care_setting", "verblijf"),
        ({"facts": {"favourite_colour": "blauw"}}, "facts", "favourite_colour"),
        ({"facts": {"annual_cost": "tienduizend"}}, "facts", "annual_cost"),
        ({"facts": {"tariff": "80.00"}}, "facts", "tariff"),
        ({"comparable_tariff_override": Decimal("120.00")}, "override_reason", "reden"),
    ],
)
def test_bad_requests_are_refused_naming_the_field_and_nothing_is_stored(
    world: World, farm: Provider, changes: dict[str, Any], field: str, text: str
) -> None:
    if changes.get("provider") == "contracted":
        changes["provider"] = world.provider
    provider = changes.pop("provider", farm)

    with pytest.raises(ValidationError) as refused:
        _request(world, provider, **changes)

    messages = refused.value.message_dict
    assert field in messages, messages
    assert text in " ".join(messages[field])
    assert not Case.objects.exists()
    assert not Contract.objects.filter(kind=ContractKind.LIGHT).exists()


def test_a_provider_cannot_make_a_request(world: World, farm: Provider) -> None:
    with pytest.raises(ValidationError):
        _request(world, farm, actor=world.users[Role.PROVIDER])
    assert not Case.objects.exists()


def test_the_reminder_command_sends_the_due_reminders_once(world: World, farm: Provider) -> None:
    from io import StringIO

    from django.core.management import call_command

    case = _request(world, farm)
    follow_up_create(
        actor=world.users[Role.ACCESS_STAFF], case=case, due=dt.date(2025, 9, 1), description="X"
    )
    out = StringIO()
    call_command("afweging_reminders", "--date", "2025-09-01", stdout=out)
    call_command("afweging_reminders", "--date", "2025-09-02", stdout=out)
    assert out.getvalue().splitlines() == [
        "1 herinnering(en) voor evaluatiemomenten verstuurd.",
        "0 herinnering(en) voor evaluatiemomenten verstuurd.",
    ]
