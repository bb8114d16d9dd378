# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie worker``: django-tasks-db's ``db_worker`` with a heartbeat.

The worker loop is db_worker's own (it takes the oldest ready task from the database, so
several workers on several machines can share one database), on every queue unless
``--queue-name`` says otherwise. db_worker has no hook for a
heartbeat, so a thread of the same process records one every ``--heartbeat-interval``
seconds (``WorkerHeartbeat``, named after the worker id). The heartbeat says the process
lives and reaches the database; a worker busy with a long task keeps beating. ``/readyz/``
fails when the newest heartbeat is older than JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE seconds.
"""

import logging
import os
import socket
import threading
from argparse import ArgumentParser
from typing import Any

from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from jeugdregie.jobs.services import worker_heartbeat_record

logger = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    def __init__(self, *, worker: str, interval: float) -> None:
        super().__init__(name="heartbeat", daemon=True)
        self.worker, self.interval = worker, interval
        self.stopped = threading.Event()

    def beat(self) -> None:
        try:
            worker_heartbeat_record(name=self.worker)
        except DatabaseError:
            logger.exception("heartbeat of worker %s not recorded", self.worker)

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.beat()
            # This thread's own connection, new for every beat: one that the database
            # dropped in between would fail every later beat.
            connections.close_all()


class Command(DbWorkerCommand):
    help = (
        "Run background tasks from the database (django-tasks-db's db_worker, same options) "
        "and record this worker's heartbeat for /readyz/ and the jobs page."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat-interval",
            type=float,
            default=30.0,
            help="seconds between heartbeats (default 30)",
        )
        # A readable id that is unique per process: the machine and the process id. Every
        # queue of settings.TASKS by default (the jobs' "default" and the message import's
        # "ijw"): one worker does all; --queue-name keeps a worker to some.
        parser.set_defaults(
            reload=False,
            worker_id=f"{socket.gethostname()[:50]}-{os.getpid()}",
            queue_name="*",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        heartbeat = Heartbeat(worker=options["worker_id"], interval=options["heartbeat_interval"])
        heartbeat.beat()  # the first at once, from this thread; then every interval
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stopped.set()
            heartbeat.join(timeout=10)
