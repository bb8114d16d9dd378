# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie job_run NAME``: run a scheduled job now, outside its schedule."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jeugdregie.jobs.schedule import JOBS
from jeugdregie.jobs.services import job_run_force


class Command(BaseCommand):
    help = (
        "Enqueue a run of a job now (its period is 'manual-' and the time); a worker runs "
        "it. The jobs page shows its outcome."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", choices=[job.name for job in JOBS], help="the job")

    def handle(self, *args: Any, **options: Any) -> None:
        run = job_run_force(name=options["name"])
        if run.finished_at is None:
            self.stdout.write(
                f"{run.job} in de wachtrij gezet ({run.period}); een worker voert hem uit."
            )
        else:
            self.stdout.write(f"{run.job} uitgevoerd ({run.period}): {run.get_outcome_display()}.")
