# SPDX-License-Identifier: EUPL-1.2
"""The jobs as tasks (django-tasks): each calls the service of the app that owns the work
and returns counts only. The argument is the JobRun that the scheduler (or ``job_run``)
made; ``schedule.JOBS`` says when each runs."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from jeugdregie.audit.services import logs_prune
from jeugdregie.budgets.services import ledger_reconcile
from jeugdregie.casetable.services import follow_ups_remind
from jeugdregie.jobs.recording import Done, job_run_execute
from jeugdregie.waitinglists.derivation import waiting_entries_derive
from jeugdregie.workflows.retention import retention_apply

PRUNED_BY = "jeugdregie audit_log_prune"


@task()
def follow_up_reminders(run_id: int) -> dict[str, int]:
    """The reminders of the expert table's evaluation moments that are due today."""

    def work() -> Done:
        return Done({"reminders_sent": follow_ups_remind(today=timezone.localdate())})

    return job_run_execute(run_id=run_id, work=work)


@task()
def waiting_list_derivation(run_id: int) -> dict[str, int]:
    """Waiting-list entries from open requests and allocations whose care has not started."""

    def work() -> Done:
        result = waiting_entries_derive()
        return Done(
            {
                "entries_created": result.created,
                "entries_linked": result.linked,
                "entries_closed": result.closed,
                "entries_skipped": len(result.skipped),  # the lines name youth: counted only
            }
        )

    return job_run_execute(run_id=run_id, work=work)


@task()
def ledger_check(run_id: int) -> dict[str, int]:
    """The stored budget ledger against a recomputation (an alert when they differ), then
    rebuilt as of today."""

    def work() -> Done:
        check = ledger_reconcile()
        summary = {
            "regions": check.regions,
            "ledger_rows": check.rows,
            "differences": check.differences,
        }
        return Done(summary, alert=check.differences > 0)

    return job_run_execute(run_id=run_id, work=work)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@task()
def audit_log_prune(run_id: int) -> dict[str, int]:
    """The access and change logs' records older than the retention period
    (JEUGDREGIE_AUDIT_LOG_RETENTION_YEARS; 0 keeps everything)."""

    def work() -> Done:
        years = settings.JEUGDREGIE_AUDIT_LOG_RETENTION_YEARS
        if years <= 0:
            return Done({"retention_years": 0, "records_pruned": 0})
        before = _years_before(timezone.localdate(), years)
        checkpoints = logs_prune(before=before, by=PRUNED_BY)
        pruned = sum(checkpoint.count for checkpoint in checkpoints)
        return Done({"retention_years": years, "records_pruned": pruned})

    return job_run_execute(run_id=run_id, work=work)


@task()
def personal_data_retention(run_id: int) -> dict[str, int]:
    """Anonymise what has passed its retention period (dated policy ``retention``)."""

    def work() -> Done:
        report = retention_apply(on=timezone.localdate())
        return Done(
            {
                "youth_anonymised": report.youth,
                "cases_anonymised": report.cases,
                "waiting_entries_anonymised": report.waiting_entries,
            }
        )

    return job_run_execute(run_id=run_id, work=work)
