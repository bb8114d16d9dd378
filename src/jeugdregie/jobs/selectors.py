# SPDX-License-Identifier: EUPL-1.2
"""The jobs page's reads and the worker check of ``/readyz/``."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.jobs.constants import SUMMARY_LABELS, Outcome
from jeugdregie.jobs.models import JobRun, WorkerHeartbeat
from jeugdregie.jobs.schedule import JOBS, Job

__all__ = ["JobLine", "job_overview", "newest_heartbeat", "worker_heartbeat_fresh"]


@dataclass(frozen=True)
class JobLine:
    """A job with its newest run (None before the first)."""

    job: Job
    run: JobRun | None

    @property
    def outcome_label(self) -> str:
        if self.run is None:
            return ""
        if self.run.outcome == Outcome.FAILED:
            kind = self.run.error.rsplit(".", 1)[-1]
            return _("Failed (error of the kind %(kind)s)") % {"kind": kind}
        if self.run.outcome:
            return str(Outcome(self.run.outcome).label)
        return _("Running") if self.run.started_at else _("Waiting for a worker")

    @property
    def seconds(self) -> float | None:
        duration = self.run.duration if self.run else None
        return duration.total_seconds() if duration is not None else None

    @property
    def summary_lines(self) -> list[str]:
        """The counts in words; a key without words is left out (never shown as a code)."""
        summary = self.run.summary if self.run else {}
        return [
            _("%(what)s: %(count)s") % {"what": SUMMARY_LABELS[key], "count": count}
            for key, count in summary.items()
            if key in SUMMARY_LABELS
        ]


def job_overview() -> list[JobLine]:
    """Every job of the registry with its newest run (one query)."""
    newest = (
        JobRun.objects.filter(job=OuterRef("job")).order_by("-enqueued_at", "-pk").values("pk")[:1]
    )
    runs = {
        run.job: run
        for run in JobRun.objects.filter(job__in=[job.name for job in JOBS], pk=Subquery(newest))
    }
    return [JobLine(job=job, run=runs.get(job.name)) for job in JOBS]


def newest_heartbeat() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-last_seen").first()


def worker_heartbeat_fresh() -> bool:
    """A worker reported within JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE seconds (``/readyz/``)."""
    limit = dt.timedelta(seconds=settings.JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE)
    try:
        return WorkerHeartbeat.objects.filter(last_seen__gt=timezone.now() - limit).exists()
    except DatabaseError:
        return False
