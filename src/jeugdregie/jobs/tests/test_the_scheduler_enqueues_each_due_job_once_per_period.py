# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie scheduler --once`` enqueues each job whose time of the day has come, once per
day: a second pass, or a second scheduler that lost the race for the day's row, enqueues
nothing again. On the database backend the tasks wait until a worker runs them."""

import datetime as dt
import signal

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jeugdregie.jobs.constants import Outcome
from jeugdregie.jobs.models import JobRun, WorkerHeartbeat
from jeugdregie.jobs.schedule import JOBS, job_named
from jeugdregie.jobs.services import job_run_enqueue

pytestmark = pytest.mark.django_db

ON_THE_DATABASE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
MORNING = "2026-12-07 08:00 +0100"  # after every job's time


def _runs() -> list[tuple[str, str]]:
    return sorted(JobRun.objects.values_list("job", "period"))


@ON_THE_DATABASE
def test_two_passes_enqueue_each_due_job_once():
    with time_machine.travel(MORNING, tick=False):
        call_command("scheduler", "--once")
        call_command("scheduler", "--once")

    assert _runs() == sorted((job.name, "2026-12-07") for job in JOBS)
    assert DBTaskResult.objects.count() == len(JOBS)
    assert set(JobRun.objects.values_list("task_id", flat=True)) == {
        str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)
    }
    assert not JobRun.objects.exclude(started_at=None).exists()  # a worker runs them


@ON_THE_DATABASE
def test_a_job_is_not_due_before_its_time_and_again_the_next_day():
    with time_machine.travel("2026-12-07 01:59 +0100", tick=False):
        call_command("scheduler", "--once")
    assert _runs() == []

    with time_machine.travel("2026-12-07 02:30 +0100", tick=False):
        call_command("scheduler", "--once")
    assert _runs() == [("waiting_list_derivation", "2026-12-07")]

    with time_machine.travel("2026-12-08 02:30 +0100", tick=False):
        call_command("scheduler", "--once")
    assert _runs() == [
        ("waiting_list_derivation", "2026-12-07"),
        ("waiting_list_derivation", "2026-12-08"),
    ]


@ON_THE_DATABASE
def test_a_scheduler_that_loses_the_race_enqueues_nothing():
    # Another scheduler inserted the day's run of the ledger check first.
    JobRun.objects.create(job="ledger_check", period="2026-12-07", enqueued_at=timezone.now())

    with time_machine.travel(MORNING, tick=False):
        call_command("scheduler", "--once")

    assert JobRun.objects.filter(job="ledger_check").count() == 1
    assert DBTaskResult.objects.count() == len(JOBS) - 1
    # Both schedulers saw no row and both insert: the database lets one through.
    assert job_run_enqueue(job=job_named("ledger_check"), period="2026-12-07") is None
    assert DBTaskResult.objects.count() == len(JOBS) - 1


@pytest.fixture
def signals_kept():
    """db_worker sets its own handlers for SIGINT and SIGTERM; the test run keeps its own."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


# The worker closes connections inside a transaction (as db_worker does between tasks), so
# this test commits like production does.
@ON_THE_DATABASE
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("signals_kept")
def test_a_worker_runs_what_the_scheduler_enqueued_and_reports_its_heartbeat():
    with time_machine.travel(MORNING, tick=False):
        call_command("scheduler", "--once")

    call_command("worker", "--batch", "--no-startup-delay", "--worker-id", "host-a-1", verbosity=0)

    outcomes = dict(JobRun.objects.values_list("job", "outcome"))
    assert outcomes == {job.name: Outcome.OK for job in JOBS}
    assert all(run.duration is not None for run in JobRun.objects.all())
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == len(JOBS)
    assert list(WorkerHeartbeat.objects.values_list("name", flat=True)) == ["host-a-1"]


def test_the_period_is_the_day_in_amsterdam():
    job = job_named("follow_up_reminders")  # daily at 07:00
    assert job.period_due(dt.datetime(2026, 12, 7, 5, 59, tzinfo=dt.UTC)) is None
    assert job.period_due(dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)) == "2026-12-07"
    assert job.period_due(dt.datetime(2026, 7, 7, 5, 0, tzinfo=dt.UTC)) == "2026-07-07"  # CEST
