# SPDX-License-Identifier: EUPL-1.2
"""A ceiling proposal for a year covers only the providers with a regional or tendered
contract running on some day of that year (budgets.md §1, corrected December 2026, issue 17,
seeds/001): light contracts (maatwerk) have no ceiling, and a provider whose contracts ended
before the year gets none. Before the correction every provider that ever had any contract
with the region got a (start) ceiling proposal."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.budgets.proposals import ceiling_proposal, ceiling_proposal_apply
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.services import contract_create
from jeugdregie.testing.factories import ProviderFactory

pytestmark = pytest.mark.django_db

REGIONAL, TENDER, LIGHT = ContractKind.REGIONAL, ContractKind.TENDER, ContractKind.LIGHT

# case: the newcomer's contracts (kind, start, end) → a proposal for 2020?
CASES = [
    ("regional running all year", [(REGIONAL, "2019-01-01", None)], True),
    ("tender running all year", [(TENDER, "2019-06-01", "2021-05-31")], True),
    ("regional starting in the year", [(REGIONAL, "2020-07-01", None)], True),
    ("regional ending in the year", [(REGIONAL, "2018-01-01", "2020-01-01")], True),
    ("light contract only", [(LIGHT, "2019-01-01", None)], False),
    ("regional ended before the year", [(REGIONAL, "2017-01-01", "2019-12-31")], False),
    ("regional starting after the year", [(REGIONAL, "2021-01-01", None)], False),
    (
        "light running, regional ended before the year",
        [(LIGHT, "2019-01-01", None), (REGIONAL, "2017-01-01", "2019-12-31")],
        False,
    ),
    (
        "light and regional both running",
        [(LIGHT, "2019-01-01", None), (REGIONAL, "2020-03-01", None)],
        True,
    ),
]


def _newcomer(world, contracts):
    provider = ProviderFactory.create(name="Nieuwkomer Jeugdhulp")
    for index, (kind, start, end) in enumerate(contracts):
        contract_create(
            actor=None,
            region=world.region,
            provider=provider,
            kind=kind,
            reference=f"NK-{index}",
            lots=[world.lot],
            start=dt.date.fromisoformat(start),
            end=None if end is None else dt.date.fromisoformat(end),
        )
    return provider


@pytest.mark.parametrize(("case", "contracts", "proposed"), CASES, ids=[c[0] for c in CASES])
@time_machine.travel("2019-11-01 10:00 +0100", tick=False)
def test_the_proposal_covers_a_provider_only_with_a_running_regional_or_tender_contract(
    world, case, contracts, proposed
):
    newcomer = _newcomer(world, contracts)

    proposal = ceiling_proposal(user=world.users[Role.CONTRACT_MANAGER], year=2020)

    assert proposal is not None
    assert (newcomer.pk in {row.provider.pk for row in proposal.rows}) is proposed
    # The world's own providers are under contract from 2024 only: no proposal for 2020.
    assert not {world.provider.pk, world.other_provider.pk} & {r.provider.pk for r in proposal.rows}


@time_machine.travel("2019-11-01 10:00 +0100", tick=False)
def test_applying_the_proposal_sets_no_ceiling_for_a_light_contract_provider(world):
    light = _newcomer(world, [(LIGHT, "2019-01-01", None)])
    regional = ProviderFactory.create(name="Regionaal Jeugdhulp")
    contract_create(
        actor=None,
        region=world.region,
        provider=regional,
        kind=REGIONAL,
        reference="RTA-NK",
        lots=[world.lot],
        start=dt.date(2019, 1, 1),
    )

    ceilings = ceiling_proposal_apply(
        actor=None, region=world.region, year=2020, decision_reference="AB-2019-33"
    )

    assert [(c.provider_id, c.amount) for c in ceilings] == [(regional.pk, Decimal("10000.00"))]
    assert not BudgetCeiling.objects.filter(provider=light).exists()
