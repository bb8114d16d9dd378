# SPDX-License-Identifier: EUPL-1.2
"""An import batch as tasks: one task per provider, run by workers (django-tasks-db).

``batch_enqueue`` groups the files per provider (``imports.file_groups``, the heaviest
group first) and enqueues one ``provider_files_import`` task per group on the ``ijw``
queue, all in one transaction; the tasks carry the batch's id. Any worker on that queue
runs them (``jeugdregie worker --queue-name ijw`` or ``default,ijw``; ``make run`` starts
one); workers on several machines share one database. A worker claims a task with
``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL), so one task runs once at a time.

A task whose worker was killed stays RUNNING in django-tasks-db. ``import_tasks_recover``
puts such import tasks back in the queue (``import_workers.worker_gone``); run again they
skip the files received before, so nothing is lost or received twice. ``batch_wait``
(``jeugdregie ijw_import``) does this while it waits, starts worker processes of its own
while tasks of its batch are ready, and gives the results in file order.
"""

import datetime as dt
import subprocess
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jeugdregie.messaging.constants import IMPORT_QUEUE
from jeugdregie.messaging.services.import_workers import worker_gone, worker_start
from jeugdregie.messaging.services.imports import ImportFileError, ImportResult, file_groups
from jeugdregie.messaging.tasks import provider_files_import

__all__ = [
    "GRACE",
    "BatchState",
    "ImportTaskError",
    "batch_enqueue",
    "batch_results",
    "batch_state",
    "batch_wait",
    "import_tasks_recover",
]

# A worker takes its task's lock right after claiming it: a task claimed longer ago than
# this whose lock is free has lost its worker.
GRACE = dt.timedelta(seconds=5)
POLL_SECONDS = 0.2


class ImportTaskError(Exception):
    """A task of the batch failed (the class of its exception: the message may name a
    person), or a worker process could not start."""


@dataclass(frozen=True)
class BatchState:
    """How many of the batch's tasks wait, run, are done, have failed."""

    ready: int
    running: int
    successful: int
    failed: int

    @property
    def done(self) -> bool:
        return self.ready == 0 and self.running == 0


def _import_tasks() -> "QuerySet[DBTaskResult[Any, Any]]":
    return DBTaskResult.objects.filter(
        task_path=provider_files_import.module_path, queue_name=IMPORT_QUEUE
    )


def _batch_tasks(batch: str) -> "QuerySet[DBTaskResult[Any, Any]]":
    return _import_tasks().filter(args_kwargs__kwargs__batch=batch)


def batch_enqueue(*, paths: Iterable[Path]) -> tuple[str, int]:
    """The batch's id and its number of tasks, one per provider, enqueued heaviest first."""
    batch = uuid.uuid4().hex
    groups = file_groups(paths)
    with transaction.atomic():  # all of the batch's tasks, or none
        for group in groups:
            provider_files_import.enqueue(batch=batch, files=group)
    return batch, len(groups)


def batch_state(*, batch: str) -> BatchState:
    counts = dict(_batch_tasks(batch).order_by().values_list("status").annotate(n=Count("id")))
    return BatchState(
        ready=counts.get(TaskResultStatus.READY, 0),
        running=counts.get(TaskResultStatus.RUNNING, 0),
        successful=counts.get(TaskResultStatus.SUCCESSFUL, 0),
        failed=counts.get(TaskResultStatus.FAILED, 0),
    )


def batch_results(*, batch: str) -> list[ImportResult]:
    """The results of a finished batch in file order. ImportTaskError when a task failed,
    ImportFileError when a file could not be read (the files after it in its provider's
    group were not received: run the import again once the file is there)."""
    tasks = list(_batch_tasks(batch).order_by("enqueued_at"))
    if not tasks:
        raise ImportTaskError(_("No import batch %(batch)s.") % {"batch": batch})
    failed = [task for task in tasks if task.status == TaskResultStatus.FAILED]
    if failed:
        # the last line of the stored traceback: "…ImportTaskFailedError: <the class>"
        kinds = sorted({(task.traceback.strip().splitlines() or [""])[-1] for task in failed})
        raise ImportTaskError(
            _("%(count)s task(s) of the batch failed: %(errors)s")
            % {"count": len(failed), "errors": ", ".join(kinds)}
        )
    done: list[tuple[int, ImportResult]] = []
    errors = []
    for task in tasks:
        value: dict[str, Any] = task.return_value or {}
        done.extend((int(index), result) for index, result in value.get("results", []))
        if value.get("error"):
            errors.append(str(value["error"]))
    if errors:
        raise ImportFileError("; ".join(errors))
    return [result for _index, result in sorted(done, key=lambda item: item[0])]


def import_tasks_recover(*, now: dt.datetime | None = None) -> int:
    """Import tasks whose worker is gone, put back in the queue; how many."""
    claimed_before = (now or timezone.now()) - GRACE
    running = _import_tasks().filter(status=TaskResultStatus.RUNNING, started_at__lt=claimed_before)
    recovered = 0
    for task_id in running.values_list("id", flat=True):
        if worker_gone(task_id=str(task_id)):
            recovered += (
                _import_tasks()
                .filter(id=task_id, status=TaskResultStatus.RUNNING)
                .update(status=TaskResultStatus.READY, started_at=None)
            )
    return recovered


def _workers_ended_badly(processes: list["subprocess.Popen[bytes]"]) -> None:
    for process in processes:
        if process.returncode is not None and process.returncode > 0:
            raise ImportTaskError(
                _("A worker process ended with exit code %(code)s.") % {"code": process.returncode}
            )


def batch_wait(*, batch: str, workers: int) -> list[ImportResult]:
    """Wait until the batch is done and give its results in file order; meanwhile recover
    tasks whose worker is gone and keep up to ``workers`` worker processes of our own
    running while tasks of the batch are ready (they stop when the queue is empty)."""
    processes: list[subprocess.Popen[bytes]] = []
    while True:
        import_tasks_recover()
        state = batch_state(batch=batch)
        if state.done:
            break
        for process in processes:
            process.poll()
        _workers_ended_badly(processes)
        processes = [process for process in processes if process.returncode is None]
        for _start in range(min(workers - len(processes), state.ready)):
            processes.append(worker_start())
        time.sleep(POLL_SECONDS)
    for process in processes:  # each ends once it finds the queue empty
        process.wait()
    return batch_results(batch=batch)
