# SPDX-License-Identifier: EUPL-1.2
"""Enqueueing the jobs' runs and recording the workers' heartbeats."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from jeugdregie.jobs.models import JobRun, WorkerHeartbeat
from jeugdregie.jobs.schedule import JOBS, Job, job_named

__all__ = ["job_run_enqueue", "job_run_force", "jobs_enqueue_due", "worker_heartbeat_record"]

# Heartbeats of workers that stopped are removed after a day (a worker that restarts gets a
# new row, its name holds the process id).
HEARTBEATS_KEPT = dt.timedelta(days=1)


def job_run_enqueue(*, job: Job, period: str, now: dt.datetime | None = None) -> JobRun | None:
    """The run of ``job`` for ``period``, enqueued; None when the period already has a run.

    The unique (job, period) row decides between schedulers: the first insert wins, a second
    one fails and enqueues nothing. The row and the task (django-tasks-db writes it to the
    same database) are one transaction: no run without its task, no task without its run."""
    try:
        with transaction.atomic():
            run = JobRun.objects.create(
                job=job.name, period=period, enqueued_at=now or timezone.now()
            )
            result = job.task.enqueue(run.pk)
            JobRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])
    except IntegrityError:
        return None  # another scheduler (or an earlier pass) has this period
    run.refresh_from_db()
    return run


def jobs_enqueue_due(*, now: dt.datetime | None = None) -> list[JobRun]:
    """One pass of the scheduler: every job whose period has come and has no run yet."""
    now = now or timezone.now()
    runs = []
    for job in JOBS:
        period = job.period_due(now)
        if period is not None and not JobRun.objects.filter(job=job.name, period=period).exists():
            run = job_run_enqueue(job=job, period=period, now=now)
            if run is not None:
                runs.append(run)
    return runs


def job_run_force(*, name: str, now: dt.datetime | None = None) -> JobRun:
    """A run of the job now, outside its schedule (``jeugdregie job_run``); KeyError for an
    unknown job."""
    now = now or timezone.now()
    period = "manual-" + timezone.localtime(now).strftime("%Y%m%dT%H%M%S%f")
    run = job_run_enqueue(job=job_named(name), period=period, now=now)
    if run is None:
        raise IntegrityError(f"{name}: a run for {period} exists already")
    return run


def worker_heartbeat_record(*, name: str, now: dt.datetime | None = None) -> WorkerHeartbeat:
    """The worker ``name`` is alive now; heartbeats of long-stopped workers are removed."""
    now = now or timezone.now()
    WorkerHeartbeat.objects.filter(last_seen__lt=now - HEARTBEATS_KEPT).delete()
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(
        name=name[:100], defaults={"last_seen": now}
    )
    return heartbeat
