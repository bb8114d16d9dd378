# SPDX-License-Identifier: EUPL-1.2
"""A waiting list small enough to compute by hand (reference date 30 June 2025).

| entry | provider     | lot | waiting since | outflow    | days |
|-------|--------------|-----|---------------|------------|------|
| e1    | De Linde     | GGZ | 2025-06-20    |            | 10   |
| e2    | De Linde     | GGZ | 2025-06-10    |            | 20   |
| e3    | De Linde     | GGZ | 2025-05-31    |            | 30   |
| e4    | De Linde     | GGZ | 2025-04-01    |            | 90   |
| e5    | De Linde     | GGZ | 2025-01-01    | 2025-03-01 | 59   |
| e6    | De Linde     | GGZ | 2025-02-01    | 2025-02-15 | 14   |
| e7    | Het Anker    | GGZ | 2025-06-29    |            | 1    |
| e8    | Het Anker    | GGZ | 2024-12-31    |            | 181  |
| e9    | Het Anker    | GGZ | 2025-03-01    | 2025-06-30 | 121  |
| e10   | (perceel 1)  | P1  | 2025-05-01    |            | 60   |
"""

import datetime as dt
from dataclasses import dataclass

from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.models import Lot
from jeugdregie.testing.factories import LotFactory, World, synthetic_test_bsn
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entry_close, waiting_entry_report

TODAY = dt.date(2025, 6, 30)

ROWS = [
    ("e1", "provider", "2025-06-20", None),
    ("e2", "provider", "2025-06-10", None),
    ("e3", "provider", "2025-05-31", None),
    ("e4", "provider", "2025-04-01", None),
    ("e5", "provider", "2025-01-01", "2025-03-01"),
    ("e6", "provider", "2025-02-01", "2025-02-15"),
    ("e7", "other_provider", "2025-06-29", None),
    ("e8", "other_provider", "2024-12-31", None),
    ("e9", "other_provider", "2025-03-01", "2025-06-30"),
    ("e10", None, "2025-05-01", None),
]


@dataclass
class HandFixture:
    perceel1: Lot
    entries: dict[str, WaitingEntry]
    youth: dict[str, Youth]


def youth_born(world: World, index: int, birth: dt.date) -> Youth:
    return youth_create(
        actor=None,
        bsn=synthetic_test_bsn(20 + index),
        given_name=f"Kind{index}",
        family_name="Wachter",
        birth_date=birth,
        municipality=world.dordrecht,
    )


def build_hand_fixture(world: World) -> HandFixture:
    """Through the services, as users would (the caller freezes time at or after TODAY)."""
    perceel1 = LotFactory.create(region=world.region, code="P1", name="Perceel 1")
    entries, youth = {}, {}
    for index, (key, provider_attr, since, outflow) in enumerate(ROWS):
        youth[key] = youth_born(world, index, dt.date(2012, 1, 1))
        provider = getattr(world, provider_attr) if provider_attr else None
        entry = waiting_entry_report(
            actor=None,
            youth=youth[key],
            lot=perceel1 if provider is None else world.lot,
            provider=provider,
            product=None if provider is None else world.product,
            waiting_since=dt.date.fromisoformat(since),
            source=WaitingSource.STAFF,
            today=TODAY,
        )
        if outflow:
            entry = waiting_entry_close(
                actor=None,
                entry=entry,
                outflow_date=dt.date.fromisoformat(outflow),
                outflow_reason=OutflowReason.CARE_STARTED,
                today=TODAY,
            )
        entries[key] = entry
    return HandFixture(perceel1=perceel1, entries=entries, youth=youth)
