# SPDX-License-Identifier: EUPL-1.2
"""A perceel-2 setting on top of ``build_world``: IJZK's perceel 2 with specialist youth
mental health (basic duration 12 months in the policy file), two contracted providers with
their own ceilings, a CJG worker of Haarlem and the worked example's trajectory."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from jeugdregie.accounts.constants import OrganisationKind, Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.allocations.models import Allocation
from jeugdregie.authentication.services import user_create
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.contracting.constants import ContractKind, Frequency
from jeugdregie.contracting.models import Lot, Product
from jeugdregie.contracting.services import contract_create
from jeugdregie.testing.factories import (
    PASSWORD,
    LotFactory,
    ProductFactory,
    TariffFactory,
    World,
)
from jeugdregie.trajectories.models import Trajectory
from jeugdregie.trajectories.services import trajectory_create
from jeugdregie.workflows.allocations import allocation_grant


@dataclass
class Perceel2:
    world: World
    lot: Lot
    product: Product
    allocation: Allocation
    trajectory: Trajectory
    cjg: User


def build_perceel2(world: World) -> Perceel2:
    region = world.other_region
    lot = Lot.objects.get(region=region, code="P2")
    LotFactory.create(region=region, code="P1", name="Perceel 1")
    product = ProductFactory.create(
        region=region, lot=lot, code="52L03", name="Specialistische jeugd-GGZ"
    )
    TariffFactory.create(product=product, valid_from=dt.date(2024, 1, 1), amount=Decimal("120"))
    for index, provider in enumerate((world.provider, world.other_provider)):
        contract_create(
            actor=None,
            region=region,
            provider=provider,
            kind=ContractKind.REGIONAL,
            reference=f"P2-{index}",
            lots=[lot],
            start=dt.date(2024, 1, 1),
        )
        for year in (2025, 2026, 2027):
            ceiling_set(
                actor=None,
                region=region,
                provider=provider,
                year=year,
                amount=Decimal("250000"),
                basis=CeilingBasis.FIXED,
                reason="test",
            )
    allocation = allocation_grant(
        actor=None,
        youth=world.youth["daan"],
        provider=world.provider,
        product=product,
        start=dt.date(2025, 2, 1),
        end=dt.date(2026, 1, 31),
        volume=2,
        frequency=Frequency.PER_WEEK,
        referral=world.referrals["daan"],
    )
    trajectory = trajectory_create(
        actor=None, allocation=allocation, practitioner_name="Drs. R. van Dijk"
    )
    haarlem_org = Organisation.objects.create(
        name="CJG Haarlem",
        kind=OrganisationKind.MUNICIPALITY,
        region=region,
        municipality=world.haarlem,
    )
    cjg = user_create(
        username="cjg.haarlem", password=PASSWORD, organisation=haarlem_org, role=Role.ACCESS_STAFF
    )
    return Perceel2(world, lot, product, allocation, trajectory, cjg)
