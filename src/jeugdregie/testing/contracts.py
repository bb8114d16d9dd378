# SPDX-License-Identifier: EUPL-1.2
"""Test helper: the world's two providers under a regional contract in an earlier year (the
world's own contracts start in 2024; a ceiling proposal covers only the providers with a
regional or tendered contract running in the proposal year)."""

import datetime as dt

from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.services import contract_create
from jeugdregie.testing.factories import World


def contracted_from(world: World, year: int, *, until: dt.date | None = None) -> None:
    """Both providers of the world under a regional contract for the world's lot from 1 January
    of ``year``, open-ended or ending on ``until``."""
    for index, provider in enumerate((world.provider, world.other_provider)):
        contract_create(
            actor=None,
            region=world.region,
            provider=provider,
            kind=ContractKind.REGIONAL,
            reference=f"RTA-{year}-{index}",
            lots=[world.lot],
            start=dt.date(year, 1, 1),
            end=until,
        )
