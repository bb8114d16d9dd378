# SPDX-License-Identifier: EUPL-1.2
"""A handful of IJZK perceel-2 trajectories for the demo, one per situation the screens
show: fresh, extended on mandate, waiting for the self-assessment, at the CJG review, at the
referrer after the pilot, and waiting for perceel 1 with a linked CJG worker.

The demo allocations stay exactly as the demo generator made them (so the demo year's spend
and its booked realisation keep matching): a trajectory's granted extensions are the history
that led up to its allocation's end, and pending requests ask for a later end. Like the rest
of the demo the rows are written directly, without change records or messages. Running it
again changes nothing: a region that has trajectories is left as it is.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.core.calendar_months import add_months
from jeugdregie.regions.models import Region
from jeugdregie.trajectories import policy
from jeugdregie.trajectories.constants import Complexity, ExtensionRoute, ExtensionStatus
from jeugdregie.trajectories.models import AdditionalPractitioner, Extension, Trajectory

REGION = "ijzk"
DEMO_PROVIDER = "aanbieder.ijzk"
PILOT = "ijzk-p2-pilot-2025"
PILOT_LAST_REQUEST = dt.date(2025, 12, 19)
AFTER_PILOT = dt.date(2026, 1, 5)
PRACTITIONERS = (
    "Drs. L. Vermeulen",
    "M. de Groot, GZ-psycholoog",
    "Drs. F. Bakker",
    "S. Yilmaz, orthopedagoog",
    "Drs. P. Hendriks",
    "J. van Leeuwen, psychotherapeut",
)
SELF_ASSESSMENT = "Behandeldoelen deels bereikt; het gezinssysteem is pas recent betrokken."


@dataclass(frozen=True)
class Scenario:
    granted: int  # extensions granted before today (on mandate, the second with assessment)
    pending: str = ""  # the route of a pending request, if any
    reason: str = ""
    waiting_for_perceel1: bool = False


SCENARIOS = (
    Scenario(granted=0),
    Scenario(granted=1),
    Scenario(
        granted=1,
        pending=ExtensionRoute.SELF_ASSESSMENT,
        reason="zelfevaluatie vereist voor de tweede verlenging",
    ),
    Scenario(
        granted=2,
        pending=ExtensionRoute.CJG_REVIEW,
        reason="intensieve toets door het CJG vereist vanaf verlenging 3",
    ),
    Scenario(
        granted=0,
        pending=ExtensionRoute.STANDARD_REFERRER,
        reason="instemming van de verwijzer vereist (er geldt geen werkwijze)",
    ),
    Scenario(granted=1, waiting_for_perceel1=True),
)


def _candidates(region: Region) -> list[Allocation]:
    """Running perceel-2 allocations with a policy rule that started in the pilot's second
    half, one per scenario: the first three at the demo provider's (``aanbieder.ijzk``, so
    its screens show its own trajectories), the others in Haarlem (the demo CJG login). Only
    products extended on mandate (basis and specialistic jeugd-GGZ, corrected December 2026):
    the scenarios show the mandate's extensions."""
    codes = {
        rule.product_code for rule in policy.region_policy(region.code).products if rule.mandate
    }
    rows = list(
        Allocation.objects.filter(
            municipality__region=region,
            product__code__in=codes,
            start__gte=dt.date(2025, 7, 1),
            start__lte=dt.date(2025, 10, 31),
            end__isnull=False,
            status=AllocationStatus.IN_CARE,
        )
        .select_related("municipality", "product", "provider", "youth")
        .order_by("start", "number", "pk")
    )
    login = User.objects.filter(username=DEMO_PROVIDER).select_related("organisation").first()
    own = login.organisation.provider_id if login and login.organisation else None
    chosen: list[Allocation] = []
    for index in range(len(SCENARIOS)):

        def preferred(a: Allocation, index: int = index) -> bool:
            if index < 3:
                return a.provider_id == own
            return a.municipality.cbs_code == "0392"

        free = [a for a in rows if a not in chosen]
        pick = next((a for a in free if preferred(a)), free[0] if free else None)
        if pick is None:
            break
        chosen.append(pick)
    return chosen


def _request_day(route: str, previous_end: dt.date, start: dt.date) -> dt.date:
    """Two weeks before the end, inside the pilot when the route is the pilot's."""
    day = previous_end - dt.timedelta(days=14)
    if route == ExtensionRoute.STANDARD_REFERRER:
        return max(day, AFTER_PILOT)
    return max(min(day, PILOT_LAST_REQUEST), start + dt.timedelta(days=1))


@transaction.atomic
def trajectories_seed_demo() -> int:
    """Create the demo trajectories of IJZK; returns how many were made (0: already there)."""
    region = Region.objects.filter(code=REGION).first()
    if region is None or Trajectory.objects.filter(allocation__municipality__region=region):
        return 0
    made = 0
    for index, (allocation, scenario) in enumerate(
        zip(_candidates(region), SCENARIOS, strict=False)
    ):
        _seed_one(region, allocation, scenario, PRACTITIONERS[index])
        made += 1
    return made


def _seed_one(region: Region, allocation: Allocation, scenario: Scenario, name: str) -> None:
    assert allocation.end is not None
    rule = policy.product_rule(
        region=region, product_code=allocation.product.code, on=allocation.start
    )
    assert rule is not None
    part = (allocation.end - allocation.start).days // (scenario.granted + 1)
    ends = [allocation.start + dt.timedelta(days=part * k) for k in range(1, scenario.granted + 1)]
    ends.append(allocation.end)
    trajectory = Trajectory.objects.create(
        allocation=allocation,
        practitioner_name=name,
        basic_duration_months=rule.basic_months,
        max_extension_months=rule.max_extension_months,
        maximum_end=add_months(allocation.start, rule.max_treatment_months) - dt.timedelta(days=1),
        start=allocation.start,
        original_end=ends[0],
    )
    for number in range(1, scenario.granted + 1):
        route = ExtensionRoute.MANDATE if number == 1 else ExtensionRoute.SELF_ASSESSMENT
        on = _request_day(route, ends[number - 1], allocation.start)
        Extension.objects.create(
            trajectory=trajectory,
            number=number,
            requested_on=on,
            previous_end=ends[number - 1],
            requested_end=ends[number],
            route=route,
            policy_version=PILOT,
            self_assessment=SELF_ASSESSMENT if number == 2 else "",
            self_assessment_added_on=on if number == 2 else None,
            status=ExtensionStatus.GRANTED,
            decided_on=on,
        )
    if scenario.pending:
        Extension.objects.create(
            trajectory=trajectory,
            number=scenario.granted + 1,
            requested_on=_request_day(scenario.pending, allocation.end, allocation.start),
            previous_end=allocation.end,
            requested_end=add_months(allocation.end, rule.max_extension_months),
            route=scenario.pending,
            policy_version="" if scenario.pending == ExtensionRoute.STANDARD_REFERRER else PILOT,
            status=ExtensionStatus.PENDING,
            reason=scenario.reason,
        )
    if scenario.waiting_for_perceel1:
        _waiting_for_perceel1(trajectory, allocation)


def _waiting_for_perceel1(trajectory: Trajectory, allocation: Allocation) -> None:
    """Not responsible to continue in perceel 2: a CJG worker is linked; another perceel-2
    allocation of the same youth, when there is one, becomes the additional practitioner."""
    Trajectory.objects.filter(pk=trajectory.pk).update(
        complexity=Complexity.AWAITING_PERCEEL_1,
        complexity_motivation="Naast angstklachten gedragsproblemen thuis en op school; "
        "meervoudige hulp in perceel 1 nodig. De behandeling loopt tijdelijk door.",
        cjg_worker_name="Sanne de Boer (CJG Haarlem)",
        cjg_worker_contact="cjg@demo.jeugdregie.example",
    )
    other = (
        Allocation.objects.filter(
            youth=allocation.youth,
            product__lot_id=allocation.product.lot_id,
            additional_practitioner__isnull=True,
            trajectory__isnull=True,
        )
        .exclude(provider_id=allocation.provider_id)
        .order_by("start", "pk")
        .first()
    )
    if other is not None:
        AdditionalPractitioner.objects.create(
            trajectory=trajectory, allocation=other, practitioner_name="A. Smit, systeemtherapeut"
        )
