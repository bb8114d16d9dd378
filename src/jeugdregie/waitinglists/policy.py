# SPDX-License-Identifier: EUPL-1.2
"""The boundaries of the priority signals as dated policy (STYLE.md "policy as dated data").

Files of the kind ``waiting_list`` in the policy tree (``policy/<region>/waiting_list/``, the
product's defaults in ``policy/default/waiting_list/``; read by ``jeugdregie.core.policy``):
``young_child_age`` (a youth younger than this many years is a young child) and
``gi_ruling_months`` (a GI case is a signal from the day this many full calendar months after
the court ruling have passed, ``core.calendar_months``). The signals of a day use the
boundaries in force on that day.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from jeugdregie.core.policy import WAITING_LIST, PolicyError, PolicyFile, policy_in_force


@dataclass(frozen=True)
class WaitingListBoundaries:
    young_child_age: int
    gi_ruling_months: int


@lru_cache(maxsize=32)
def _boundaries(file: PolicyFile) -> WaitingListBoundaries:
    values: dict[str, int] = {}
    for key in ("young_child_age", "gi_ruling_months"):
        value = file.content.get(key)
        if type(value) is not int or value < 0:
            raise PolicyError([f"{file.path}: '{key}' must be a whole number (0 or more)"])
        values[key] = value
    return WaitingListBoundaries(**values)


def waiting_list_boundaries(*, region_code: str, on: dt.date) -> WaitingListBoundaries:
    """The boundaries in force for a region on a day; a missing version is refused loudly
    (a region's own tree that leaves a day uncovered is a mistake, not "no signals")."""
    file = policy_in_force(region=region_code, kind=WAITING_LIST, on=on)
    if file is None:
        raise PolicyError([f"{region_code}/{WAITING_LIST}: no version in force on {on}"])
    return _boundaries(file)
