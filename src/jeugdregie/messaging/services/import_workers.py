# SPDX-License-Identifier: EUPL-1.2
"""Whether the worker running an import task still lives, and worker processes for a batch.

django-tasks-db marks a task RUNNING when a worker claims it and leaves it so when that
worker is killed. An import task therefore holds a lock while it runs that the operating
system or the database lets go of when the worker dies, whatever kills it: on PostgreSQL a
session advisory lock on the worker's connection (the server ends the session of a client
that is gone), elsewhere (SQLite: one machine) an exclusive ``flock`` on a file under
JEUGDREGIE_VAR_DIR. A RUNNING task whose lock can be taken has no worker any more.
"""

import contextlib
import fcntl
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db import DatabaseError, connection

from jeugdregie.messaging.constants import IMPORT_QUEUE
from jeugdregie.messaging.services import sql

__all__ = ["worker_alive", "worker_gone", "worker_start"]


def _advisory_key(task_id: str) -> int:
    """The task's id as a PostgreSQL advisory lock key (a signed 64-bit number)."""
    return int.from_bytes(uuid.UUID(task_id).bytes[:8], "big", signed=True)


def _lock_file(task_id: str) -> Path:
    return Path(settings.VAR_DIR) / "tasks" / f"{uuid.UUID(task_id)}.lock"


@contextlib.contextmanager
def worker_alive(*, task_id: str) -> Iterator[None]:
    """Held by the worker while it runs the task ``task_id``."""
    if connection.vendor == "postgresql":
        sql.task_lock(_advisory_key(task_id))
        try:
            yield
        finally:
            with contextlib.suppress(DatabaseError):  # a lost connection has let go already
                sql.task_unlock(_advisory_key(task_id))
        return
    path = _lock_file(task_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def _file_free(file: IO[str]) -> bool:
    try:
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(file, fcntl.LOCK_UN)
    return True


def worker_gone(*, task_id: str) -> bool:
    """True when no worker holds the task's lock (its worker died, or it never took it).
    Only asked of a task that was claimed a while ago (``import_batches.GRACE``)."""
    if connection.vendor == "postgresql":
        return sql.task_lock_free(_advisory_key(task_id))
    try:
        with _lock_file(task_id).open("r") as file:
            return _file_free(file)
    except FileNotFoundError:
        return True


def worker_start() -> "subprocess.Popen[bytes]":
    """A ``jeugdregie worker`` for the import queue that stops when the queue is empty;
    its output is the tasks' log (silenced: the batch's results say how each file went)."""
    return subprocess.Popen(  # noqa: S603 -- our own interpreter and command
        [
            sys.executable,
            "-m",
            "jeugdregie.manage",
            "worker",
            "--queue-name",
            IMPORT_QUEUE,
            "--batch",
            "--no-startup-delay",
            "--verbosity",
            "0",
        ],
        stdout=subprocess.DEVNULL,
    )
