# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie scheduler``: enqueue the jobs of ``jobs.schedule`` when their time comes."""

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from jeugdregie.jobs.schedule import JOBS
from jeugdregie.jobs.services import jobs_enqueue_due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Enqueue every scheduled job whose time has come and that has no run for its period "
        "yet, then wait and look again. Run one scheduler per installation; a second one "
        "enqueues nothing twice (one run per job and period, decided by the database)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="one pass, then stop")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between passes (default 30)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["once"]:
            self.stdout.write(
                f"Planner gestart: {len(JOBS)} taken, elke {options['interval']:g} s bekeken.",
            )
        while True:
            try:
                for run in jobs_enqueue_due():
                    self.stdout.write(f"{run.job} voor {run.period} in de wachtrij gezet.")
            except DatabaseError:
                # The database is away for a moment: try again on the next pass.
                logger.exception("scheduler pass failed")
                if options["once"]:
                    raise
            if options["once"]:
                return
            close_old_connections()
            try:
                time.sleep(options["interval"])
            except KeyboardInterrupt:
                return
