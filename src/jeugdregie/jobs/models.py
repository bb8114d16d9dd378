# SPDX-License-Identifier: EUPL-1.2
"""The runs of the scheduled jobs and the heartbeats of the workers."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.jobs.constants import Outcome


class JobRun(models.Model):
    """One run of a job for one period. The unique (job, period) pair is what makes a job
    run once per period, however many schedulers try: the first insert wins."""

    job = models.CharField(_("job"), max_length=64)
    # "2026-12-07" for the daily run of that day, "manual-…" for a forced run
    period = models.CharField(_("period"), max_length=40)
    enqueued_at = models.DateTimeField(_("enqueued at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)  # counts only
    # The class of the exception of a failed run, never its message (it may name a person).
    error = models.CharField(_("error"), max_length=200, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="jobs_one_run_per_period")
        ]
        indexes = [models.Index(fields=["job", "-enqueued_at"], name="jobs_run_latest")]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return self.finished_at - self.started_at


class WorkerHeartbeat(models.Model):
    """The last sign of life of one worker process (``jeugdregie worker``)."""

    name = models.CharField(_("worker"), max_length=100, unique=True)
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return self.name
