# SPDX-License-Identifier: EUPL-1.2
"""A few afwegingskader requests and a planned expert-table meeting for the ZHZ demo (where
the demo's access team, contract management and expert table work), one per outcome, made
through the services like a user would (receipts, change records). None is concluded yet:
the demo's contracts stay those of the calibration sheet (80 light contracts in ZHZ), and
contract management can conclude the exception case itself. A region that has cases is left
as it is.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.casetable.constants import CareSetting, CaseKind
from jeugdregie.casetable.models import Case, Meeting
from jeugdregie.casetable.services import (
    case_create,
    case_schedule,
    follow_up_create,
    meeting_create,
)
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Contract, Product, Provider
from jeugdregie.contracting.services import provider_create
from jeugdregie.regions.models import Region

REGION = "zhz"
# Providers the region has not contracted (AGB codes outside the demo's generated range).
FARMS = (
    ("98000001", "98000001", "Zorgboerderij De Hoeve"),
    ("98000002", "98000002", "Praktijk Kleurrijk (cultuursensitieve hulp)"),
    ("98000003", "98000003", "Gezinshuis Het Baken"),
)
KNOWN: dict[str, Any] = {
    "exception_grounds": [],
    "acute_crisis_or_serious_harm": True,
    "contracted_offer_available": False,
    "contracted_providers_contacted": True,
    "bridging_care_possible": False,
    "pgb_possible": False,
    "care_abroad": False,
    "content_proportional": True,
    "annual_cost": "12400.00",
    "evaluation_moments_agreed": True,
    "prevents_higher_costs": True,
    "route": "expert_team",
}


def _provider(agb: str, kvk: str, name: str) -> Provider:
    existing = Provider.objects.filter(agb_code=agb).first()
    return existing or provider_create(actor=None, agb_code=agb, name=name, kvk_number=kvk)


def _youth_without_care(region: Region, start: dt.date, count: int) -> list[Youth]:
    """Youth with a BSN, a birth date of 8 or older and no care overlapping ``start``."""
    busy = Allocation.objects.filter(
        municipality__region=region, start__lte=start + dt.timedelta(180)
    ).filter(Q(end__isnull=True) | Q(end__gte=start))
    return list(
        Youth.objects.filter(
            municipality__region=region,
            municipality__cbs_code="0505",  # Dordrecht: the demo access team's municipality
            birth_date__lte=start.replace(year=start.year - 9),
        )
        .exclude(bsn_index__isnull=True)
        .exclude(pk__in=busy.values("youth_id"))
        .order_by("pk")[:count]
    )


@transaction.atomic
def cases_seed_demo() -> int:
    """The demo's cases; returns how many were made (0 when the region has them)."""
    region = Region.objects.filter(code=REGION).first()
    if region is None or Case.objects.filter(region=region).exists():
        return 0
    users = {u.username: u for u in User.objects.filter(organisation__region=region)}
    access, manager = users.get("toegang.dordrecht"), users.get("contractbeheer")
    expert = users.get("expertteam")
    if access is None or manager is None or expert is None:
        return 0
    today = timezone.localdate()
    start = today + dt.timedelta(days=14)
    youth = _youth_without_care(region, start, 5)
    contracted = Contract.objects.filter(region=region, kind="regional").select_related("provider")
    regional = contracted.first()
    product = (
        Product.objects.filter(region=region, lot__in=regional.lots.all()).order_by("code").first()
        if regional
        else None
    )
    if len(youth) < 5 or regional is None or product is None:
        return 0
    farms = [_provider(*farm) for farm in FARMS]
    meeting = meeting_create(
        actor=expert, date=today + dt.timedelta(days=7), members=[expert, manager]
    )
    common = {
        "product": product,
        "request_date": today,
        "start": start,
        "end": start + dt.timedelta(days=182),
        "volume": 8,
        "frequency": "4",
    }
    return _requests_seed(
        access=access,
        manager=manager,
        meeting=meeting,
        youth=youth,
        providers=[*farms, regional.provider],
        common=common,
    )


def _requests_seed(
    *,
    access: User,
    manager: User,
    meeting: Meeting,
    youth: list[Youth],
    providers: list[Provider],
    common: dict[str, Any],
) -> int:
    """Five requests, one per outcome, by the access team; two on the meeting's agenda, one
    with an evaluation moment. ``providers`` are the three farms and a contracted provider."""

    def ask(kind: str, who: Youth, provider: Provider, **extra: Any) -> Case:
        arguments = {**common, **extra}
        return case_create(actor=access, kind=kind, youth=who, provider=provider, **arguments)

    presented = ask(
        CaseKind.LIGHT_CONTRACT,
        youth[0],
        providers[0],
        tariff=Decimal("92.50"),
        care_setting="ambulant",
        facts=dict(KNOWN),
    )
    case_schedule(actor=access, case=presented, meeting=meeting)
    cultural = ask(
        CaseKind.LIGHT_CONTRACT,
        youth[1],
        providers[1],
        tariff=Decimal("88.00"),
        care_setting=CareSetting.SHORT_STAY,
        facts={"exception_grounds": ["U12"]},
    )
    follow_up_create(
        actor=manager,
        case=cultural,
        due=common["start"] + dt.timedelta(days=90),
        description="Evaluatie met verwijzer en aanbieder na drie maanden",
    )
    ask(
        CaseKind.LIGHT_CONTRACT,
        youth[2],
        providers[2],
        tariff=Decimal("310.00"),
        care_setting="verblijf",
        facts={**KNOWN, "contracted_offer_available": True, "return_plan": True},
    )
    ask(
        CaseKind.LIGHT_CONTRACT,
        youth[3],
        providers[0],
        tariff=Decimal("92.50"),
        care_setting="ambulant",
        facts={"acute_crisis_or_serious_harm": True},
    )
    overrun = ask(
        CaseKind.CEILING_OVERRUN,
        youth[4],
        providers[3],
        tariff=Decimal("95.00"),
        care_setting="ambulant",
        facts={k: v for k, v in KNOWN.items() if k != "exception_grounds"}
        | {"exception_grounds": []},
    )
    case_schedule(actor=access, case=overrun, meeting=meeting)
    return 5
