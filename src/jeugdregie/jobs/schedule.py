# SPDX-License-Identifier: EUPL-1.2
"""The job registry: every periodic job, declared in code, in one list (``JOBS``).

A job runs daily at its time in Europe/Amsterdam; its period is that day ("2026-12-07"). The
scheduler (``jeugdregie scheduler``) enqueues a job once its time of the day has come and it
has no run for the day yet; a scheduler started later that day still runs it, a day on which
no scheduler ran at all is not made up for. A new job is one more line in ``JOBS`` (with its
task in ``tasks.py`` and its summary's words in ``constants.SUMMARY_LABELS``).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks.base import Task

from jeugdregie.jobs import tasks

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Job:
    name: str  # also the name for `jeugdregie job_run`
    label: str | Promise  # Dutch on the jobs page
    task: Task[Any, dict[str, int]]
    at: dt.time  # daily at this time, Europe/Amsterdam

    def period_due(self, now: dt.datetime) -> str | None:
        """The period whose run is due at ``now`` (today, once the time has come), or None."""
        local = now.astimezone(AMSTERDAM)
        return local.date().isoformat() if local.time() >= self.at else None

    @property
    def schedule_label(self) -> str:
        return _("daily at %(time)s") % {"time": self.at.strftime("%H:%M")}


JOBS: list[Job] = [
    Job(
        name="waiting_list_derivation",
        label=gettext_lazy("Waiting list derived from requests and allocations"),
        task=tasks.waiting_list_derivation,
        at=dt.time(2, 0),
    ),
    Job(
        name="ledger_check",
        label=gettext_lazy("Budget ledger recomputed and compared"),
        task=tasks.ledger_check,
        at=dt.time(3, 0),
    ),
    Job(
        name="audit_log_prune",
        label=gettext_lazy("Audit logs pruned after the retention period"),
        task=tasks.audit_log_prune,
        at=dt.time(4, 0),
    ),
    Job(
        name="personal_data_retention",
        label=gettext_lazy("Personal data anonymised after the retention period"),
        task=tasks.personal_data_retention,
        at=dt.time(4, 30),
    ),
    Job(
        name="follow_up_reminders",
        label=gettext_lazy("Reminders of evaluation moments"),
        task=tasks.follow_up_reminders,
        at=dt.time(7, 0),
    ),
]


def job_named(name: str) -> Job:
    """The job of that name; KeyError when there is none."""
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)
