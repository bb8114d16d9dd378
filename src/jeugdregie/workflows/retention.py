# SPDX-License-Identifier: EUPL-1.2
"""Retention: once a youth's retention period has passed, what identifies the youth is
removed from the youth, its afwegingskader cases and its waiting-list entries, per the dated
policy ``retention`` of the youth's region (policy/<region>/retention/). Rows stay, so every
count and amount on the region's pages keeps adding up; the access log is never edited and
keeps pointing at the now anonymous youth. Runs daily (job ``personal_data_retention``); by
hand ``jeugdregie retention_apply``, whose ``--dry-run`` shows what it would do."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from jeugdregie.allocations.models import Allocation
from jeugdregie.casetable.constants import CaseStatus
from jeugdregie.casetable.models import Case
from jeugdregie.casetable.services import cases_anonymise
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import youth_anonymise
from jeugdregie.core.policy import RETENTION, PolicyError, policy_in_force
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.regions.models import Region
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.services import waiting_entries_anonymise

__all__ = ["RetentionPeriods", "RetentionReport", "retention_apply", "retention_periods"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionPeriods:
    youth_years: int
    case_years: int
    waiting_years: int


@dataclass
class RetentionReport:
    on: dt.date
    dry_run: bool
    youth: int = 0
    cases: int = 0
    waiting_entries: int = 0


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def retention_periods(*, region: Region, on: dt.date) -> RetentionPeriods:
    file = policy_in_force(region=region.code, kind=RETENTION, on=on)
    if file is None:
        raise PolicyError([f"{region.code}: no retention policy in force on {on}"])
    content = file.content
    return RetentionPeriods(
        youth_years=int(content["youth_years"]),
        case_years=int(content["case_years"]),
        waiting_years=int(content["waiting_years"]),
    )


def _youth_due(region: Region, on: dt.date, periods: RetentionPeriods) -> list[int]:
    """Youth of the region not yet anonymised whose every trace is older than its period: the
    last allocation ended (without any: registered), last case decided, last waiting entry
    ended; nothing open (a running allocation, an undecided case or request, a waiting
    entry)."""
    youth_cutoff = _years_before(on, periods.youth_years)
    case_cutoff = _years_before(on, periods.case_years)
    waiting_cutoff = _years_before(on, periods.waiting_years)
    recent_allocation = Allocation.objects.filter(
        Q(end__isnull=True) | Q(end__gte=youth_cutoff)
    ).values("youth_id")
    recent_case = Case.objects.filter(
        Q(status__in=[CaseStatus.OPEN, CaseStatus.ON_AGENDA])
        | Q(decided_at__date__gte=case_cutoff)
        | Q(decided_at__isnull=True, request_date__gte=case_cutoff)
    ).values("youth_id")
    recent_waiting = WaitingEntry.objects.filter(
        Q(outflow_date__isnull=True) | Q(outflow_date__gte=waiting_cutoff), youth__isnull=False
    ).values("youth_id")
    open_request = AllocationRequest.objects.filter(status=RequestStatus.OPEN).values("youth_id")
    with_care = Allocation.objects.values("youth_id")
    return list(
        Youth.objects.filter(municipality__region=region, anonymised_at__isnull=True)
        # a youth that never had an allocation counts from its registration
        .exclude(Q(created_at__date__gte=youth_cutoff) & ~Q(pk__in=with_care))
        .exclude(pk__in=recent_allocation)
        .exclude(pk__in=recent_case)
        .exclude(pk__in=recent_waiting)
        .exclude(pk__in=open_request)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _entries_due(
    region: Region, on: dt.date, periods: RetentionPeriods, youth: list[int]
) -> list[int]:
    """The region's ended waiting entries past their period that still carry a submission:
    those of the youth anonymised now, and those never linked to a youth."""
    cutoff = _years_before(on, periods.waiting_years)
    return list(
        WaitingEntry.objects.filter(lot__region=region, outflow_date__lt=cutoff)
        .filter(Q(youth_id__in=youth) | Q(youth__isnull=True, submitted_bsn_index__gt=""))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def retention_apply(*, on: dt.date, dry_run: bool = False) -> RetentionReport:
    """Anonymise what has passed its retention period on ``on`` (one transaction per youth);
    with ``dry_run`` only count."""
    report = RetentionReport(on=on, dry_run=dry_run)
    for region in Region.objects.order_by("code"):
        periods = retention_periods(region=region, on=on)
        youth = _youth_due(region, on, periods)
        entries = _entries_due(region, on, periods, youth)
        report.youth += len(youth)
        report.waiting_entries += len(entries)
        if dry_run:
            report.cases += Case.objects.filter(youth_id__in=youth).count()
            continue
        for youth_id in youth:
            with transaction.atomic():
                report.cases += cases_anonymise(youth_id=youth_id)
                youth_anonymise(
                    youth=Youth.objects.select_for_update(of=("self",)).get(pk=youth_id)
                )
        waiting_entries_anonymise(entry_ids=entries)
    logger.info(
        "retention %s on %s: %d youth, %d cases, %d waiting entries",
        "counted (dry run)" if dry_run else "applied",
        on.isoformat(),
        report.youth,
        report.cases,
        report.waiting_entries,
    )
    return report
