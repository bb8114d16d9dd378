# SPDX-License-Identifier: EUPL-1.2
"""What a task records of its run: when it started and finished, its outcome and its
counts; of a failure the class of the exception, never its message (it may name a person)."""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from jeugdregie.jobs.constants import Outcome
from jeugdregie.jobs.models import JobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Done:
    """What a job's work returns: its counts, and whether it found something to alert on."""

    summary: dict[str, int] = field(default_factory=dict)
    alert: bool = False


class JobFailedError(Exception):
    """Raised in place of a job's own exception, whose message the task backend would store:
    only the exception's class goes along."""


def _where(error: BaseException) -> str:
    """Where it failed, not whom it was about: file, line and function of every frame, without
    the exception's message and without the lines of source code (a test's source line may
    hold a BSN or a name)."""
    return " < ".join(
        f"{frame.filename}:{frame.lineno} {frame.name}"
        for frame in reversed(traceback.extract_tb(error.__traceback__))
    )


def job_run_execute(*, run_id: int, work: Callable[[], Done]) -> dict[str, int]:
    """Run ``work`` for the job run ``run_id`` and record the run; the summary is returned
    (the task's result). A failure is recorded as such and raised again as JobFailedError."""
    runs = JobRun.objects.filter(pk=run_id)
    runs.update(started_at=timezone.now())
    try:
        done = work()
    except Exception as error:
        kind = f"{type(error).__module__}.{type(error).__qualname__}"
        runs.update(finished_at=timezone.now(), outcome=Outcome.FAILED, error=kind[:200])
        logger.error("job run %s failed with %s at %s", run_id, kind, _where(error))
        raise JobFailedError(kind) from None
    outcome = Outcome.ALERT if done.alert else Outcome.OK
    runs.update(finished_at=timezone.now(), outcome=outcome, summary=done.summary)
    logger.info("job run %s finished: %s %s", run_id, outcome, done.summary)
    return done.summary
