# SPDX-License-Identifier: EUPL-1.2
"""Ceiling proposal for next year (budgets.md §1): norm × reference-year realisation, a
start budget for new providers, applied all-or-nothing through ``ceiling_set``. The world's
providers are under a regional contract from 2019 (``contracted_from``): only providers with a
contract running in the year get a proposal (corrected December 2026)."""

from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.constants import CeilingBasis, RealisationSource
from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange
from jeugdregie.budgets.proposals import ceiling_proposal, ceiling_proposal_apply, ceiling_rule
from jeugdregie.budgets.services import ceiling_set, realisation_book
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.contracts import contracted_from

pytestmark = pytest.mark.django_db


def _realise(world, provider, amount: str, *, year: int = 2018, credit: str = "") -> None:
    for month, value, is_credit in ((3, amount, False), (4, credit, True)):
        if value:
            realisation_book(
                actor=None,
                region=world.region,
                provider=provider,
                year=year,
                month=month,
                amount=value,
                source=RealisationSource.IMPORT,
                is_credit=is_credit,
            )


def test_the_rules_are_dated_policy_data_with_their_source(world):
    rule_2019 = ceiling_rule(region=world.region, year=2019)
    rule_2020 = ceiling_rule(region=world.region, year=2020)
    assert rule_2019 is not None
    assert rule_2020 is not None
    assert (rule_2019.norm, rule_2019.reference_year) == (Decimal("0.90"), 2018)
    assert (rule_2020.norm, rule_2020.reference_year) == (Decimal("0.80"), 2018)
    assert rule_2020.start_budget == Decimal("10000.00")
    assert "seeds/001" in rule_2020.source
    assert ceiling_rule(region=world.region, year=2031) is None
    assert ceiling_rule(region=world.other_region, year=2020) is None


# case: realised in 2018 (amount, credit), ceiling in an earlier year → amount, basis, reference
CASES = [
    ("norm applied", ("100000", ""), False, "80000.00", CeilingBasis.NORM, "100000.00"),
    ("credit subtracts", ("100000", "1000.01"), False, "79199.99", CeilingBasis.NORM, "98999.99"),
    ("norm on earlier ceiling", ("50000", ""), True, "40000.00", CeilingBasis.NORM, "50000.00"),
    ("new provider: start budget", ("", ""), False, "10000.00", CeilingBasis.START_BUDGET, None),
    (
        "no reference realisation, not new: start budget × norm",
        ("", ""),
        True,
        "8000.00",
        CeilingBasis.START_BUDGET,
        None,
    ),
]


@pytest.mark.parametrize(
    ("case", "realised", "earlier", "amount", "basis", "reference"),
    CASES,
    ids=[case[0] for case in CASES],
)
@time_machine.travel("2019-11-01 10:00 +0100", tick=False)
def test_proposal_per_provider(world, case, realised, earlier, amount, basis, reference):
    contracted_from(world, 2019)
    _realise(world, world.provider, realised[0], credit=realised[1])
    if earlier:
        ceiling_set(
            actor=None,
            region=world.region,
            provider=world.provider,
            year=2019,
            amount="12345",
            reason="toelating",
        )
    proposal = ceiling_proposal(user=world.users[Role.CONTRACT_MANAGER], year=2020)
    assert proposal is not None
    rows = {row.provider.pk: row for row in proposal.rows}
    assert set(rows) == {world.provider.pk, world.other_provider.pk}
    row = rows[world.provider.pk]
    assert (row.amount, row.basis, row.norm) == (Decimal(amount), basis, Decimal("0.80"))
    assert row.reference_realisation == (None if reference is None else Decimal(reference))
    assert (row.current, row.refusal) == (None, "")
    assert rows[world.other_provider.pk].amount == Decimal("10000.00")


@time_machine.travel("2019-11-01 10:00 +0100", tick=False)
def test_apply_sets_every_ceiling_with_rule_and_decision_in_its_history(world):
    contracted_from(world, 2019)
    manager = world.users[Role.CONTRACT_MANAGER]
    _realise(world, world.provider, "100000")
    ceilings = ceiling_proposal_apply(
        actor=manager, region=world.region, year=2020, decision_reference="AB-2019-33"
    )
    assert {(c.provider_id, c.amount, c.basis) for c in ceilings} == {
        (world.provider.pk, Decimal("80000.00"), CeilingBasis.NORM),
        (world.other_provider.pk, Decimal("10000.00"), CeilingBasis.START_BUDGET),
    }
    changes = BudgetCeilingChange.objects.filter(ceiling__year=2020)
    assert changes.count() == 2
    for change in changes:
        assert change.user == manager
        assert change.decision_reference == "AB-2019-33"
        assert all(part in change.reason for part in ("80", "2018", "ZHZ"))


@time_machine.travel("2020-03-01 10:00 +0100", tick=False)
def test_in_year_raise_is_refused_per_provider_and_nothing_is_applied(world):
    contracted_from(world, 2019)
    _realise(world, world.provider, "100000")
    ceiling_set(
        actor=None,
        region=world.region,
        provider=world.provider,
        year=2020,
        amount="50000",
        reason="eerder vastgesteld",
    )
    history = BudgetCeilingChange.objects.count()
    proposal = ceiling_proposal(user=world.users[Role.CONTRACT_MANAGER], year=2020)
    assert proposal is not None
    assert len(proposal.refusals) == 1
    assert proposal.refusals[0].startswith("De Linde Jeugdzorg: ")
    with pytest.raises(ValidationError) as error:
        ceiling_proposal_apply(
            actor=None, region=world.region, year=2020, decision_reference="AB-2020-1"
        )
    assert any(m.startswith("De Linde Jeugdzorg: ") for m in error.value.messages)
    assert not any("Het Anker" in m for m in error.value.messages)
    assert BudgetCeiling.objects.get(provider=world.provider, year=2020).amount == Decimal(
        "50000.00"
    )
    assert not BudgetCeiling.objects.filter(provider=world.other_provider, year=2020).exists()
    assert BudgetCeilingChange.objects.count() == history


@time_machine.travel("2019-11-01 10:00 +0100", tick=False)
def test_contract_management_previews_then_applies_on_the_screen(world):
    contracted_from(world, 2019)
    _realise(world, world.provider, "100000")
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    url = reverse("budgets:ceiling-proposal")
    page = client.get(url, {"jaar": 2020})
    assert page.status_code == 200
    html = page.content.decode()
    for text in ("De Linde Jeugdzorg", "Het Anker", "80.000,00", "10.000,00"):
        assert text in html
    assert not BudgetCeiling.objects.filter(year=2020).exists()
    missing = client.post(f"{url}?jaar=2020", {"year": 2020, "decision_reference": ""})
    assert missing.status_code == 400
    assert not BudgetCeiling.objects.filter(year=2020).exists()
    applied = client.post(f"{url}?jaar=2020", {"year": 2020, "decision_reference": "AB-1"})
    assert applied.status_code == 302
    assert BudgetCeiling.objects.filter(year=2020).count() == 2
    assert client.get(url, {"jaar": 2031}).status_code == 200
