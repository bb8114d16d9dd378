# SPDX-License-Identifier: EUPL-1.2
"""An import task left RUNNING goes back to the queue only when its worker is gone.

django-tasks-db leaves the task of a killed worker RUNNING. The worker holds the task's
lock while it runs (``import_workers.worker_alive``: a session advisory lock on PostgreSQL,
a file lock elsewhere); ``import_tasks_recover`` puts back a task whose lock is free, never
one whose worker is still at it, nor one claimed a moment ago.
"""

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jeugdregie.messaging.constants import IMPORT_QUEUE
from jeugdregie.messaging.services.import_batches import GRACE, import_tasks_recover
from jeugdregie.messaging.services.import_workers import worker_alive
from jeugdregie.messaging.tasks import provider_files_import


def _running_task(started: dt.datetime) -> DBTaskResult:
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status="RUNNING",
        started_at=started,
        args_kwargs={"args": [], "kwargs": {"batch": "b", "files": []}},
        task_path=provider_files_import.module_path,
        queue_name=IMPORT_QUEUE,
        backend_name="default",
        worker_ids=["elsewhere-1"],
    )


@contextmanager
def _worker_running(task_id: str) -> Iterator[None]:
    """Another thread (its own database connection, as a worker process has) runs it."""
    holding, done = threading.Event(), threading.Event()

    def run() -> None:
        try:
            with worker_alive(task_id=task_id):
                holding.set()
                done.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert holding.wait(timeout=10)
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_only_the_task_without_its_worker_goes_back() -> None:
    now = timezone.now()
    alive = _running_task(now - dt.timedelta(minutes=3))
    gone = _running_task(now - dt.timedelta(minutes=3))
    just_claimed = _running_task(now - GRACE / 2)

    with _worker_running(str(alive.pk)):
        assert import_tasks_recover(now=now) == 1

    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses == {alive.pk: "RUNNING", gone.pk: "READY", just_claimed.pk: "RUNNING"}
    assert import_tasks_recover(now=now) == 1, "its worker has finished with it since"
    assert DBTaskResult.objects.get(pk=alive.pk).status == "READY"
